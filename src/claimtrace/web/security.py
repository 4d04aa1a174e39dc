"""Middleware that guards every request: security headers on every response, the access
token when one is set (a bearer token, or the session cookie the login form sets), read-only
mode, and (on loopback) the Host header against DNS rebinding. Plain ASGI, so errors it
raises leave in the API's one error shape; a browser asking for a page without the cookie
is sent to the login form instead."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from http.cookies import CookieError, SimpleCookie
from urllib.parse import quote

from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimtrace.web.errors import error_response

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-cache"),  # revalidate with the ETag every time
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SESSION_COOKIE = "claimtrace_session"
# reachable without the token: the login form and the files it needs
OPEN_PATHS = frozenset({"/login", "/app.css", "/favicon.ico"})


def session_value(token: str | bytes) -> str:
    """The session cookie's value: derived from the token (HMAC), never the token itself."""
    key = token.encode("utf-8") if isinstance(token, str) else token
    return hmac.new(key, b"claimtrace web session v1", hashlib.sha256).hexdigest()


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class Guard:
    """Bearer token (constant-time compare), read-only mode and allowed Host names."""

    def __init__(
        self,
        app: ASGIApp,
        token: str | None = None,
        read_only: bool = False,
        allowed_hosts: Iterable[str] | None = None,
    ) -> None:
        self.app = app
        self.token = token.encode("utf-8") if token else None
        self.read_only = read_only
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v for k, v in scope.get("headers", [])}
        refusal: ASGIApp | None = None
        if self.allowed_hosts is not None and _host(headers) not in self.allowed_hosts:
            refusal = error_response(400, "this server answers only to its own host name",
                                     "bad_host")  # fmt: skip
        elif (
            self.token is not None
            and scope.get("path", "") not in OPEN_PATHS
            and not self._authorised(headers)
        ):
            refusal = self._to_login(scope, headers) or error_response(
                401,
                "this server needs an access token: send 'Authorization: Bearer <token>'"
                " or sign in at /login",
                headers={"WWW-Authenticate": "Bearer"},
            )
        elif scope.get("method", "GET") not in SAFE_METHODS and _cross_site(headers):
            refusal = error_response(
                403, "a write from another site is refused (cross-site request)", "cross_site"
            )
        elif (
            self.read_only
            and scope.get("method", "GET") not in SAFE_METHODS
            and scope.get("path") not in OPEN_PATHS  # signing in writes nothing
        ):
            refusal = error_response(403, "this server is read-only (--read-only)", "read_only")
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _authorised(self, headers: dict[str, bytes]) -> bool:
        assert self.token is not None
        scheme, _, given = headers.get("authorization", b"").partition(b" ")
        # compare_digest runs in time independent of where the strings differ
        if hmac.compare_digest(given.strip(), self.token) and scheme.lower() == b"bearer":
            return True
        cookie = _cookie(headers, SESSION_COOKIE)
        expected = session_value(self.token).encode("ascii")
        return cookie is not None and hmac.compare_digest(cookie.encode("utf-8"), expected)

    def _to_login(self, scope: Scope, headers: dict[str, bytes]) -> ASGIApp | None:
        """A redirect to the login form for a browser asking for a page (not the API)."""
        path = scope.get("path", "")
        wants_html = b"text/html" in headers.get("accept", b"")
        if scope.get("method") != "GET" or path.startswith("/api/") or not wants_html:
            return None
        query = scope.get("query_string", b"").decode("latin-1")
        target = quote(path + (f"?{query}" if query else ""), safe="")
        return RedirectResponse(f"/login?next={target}", status_code=303)


def _cross_site(headers: dict[str, bytes]) -> bool:
    """A write sent by a page of another site (a form posting to 127.0.0.1 from anywhere on
    the web): the browser says so in Sec-Fetch-Site, or in an Origin that is not this host."""
    if headers.get("sec-fetch-site", b"") == b"cross-site":
        return True
    origin = headers.get("origin")
    if origin is None:
        return False  # not a browser (curl, scripts): the token guards those
    host = headers.get("host", b"").lower()
    return origin.lower().split(b"://", 1)[-1].rstrip(b"/") != host


def _cookie(headers: dict[str, bytes], name: str) -> str | None:
    try:
        jar = SimpleCookie(headers.get("cookie", b"").decode("latin-1"))
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


def _host(headers: dict[str, bytes]) -> str:
    host = headers.get("host", b"").decode("latin-1").lower()
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
