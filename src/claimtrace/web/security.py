"""Middleware that guards every request: security headers on every response, the bearer
token when one is set, read-only mode, and (on loopback) the Host header against DNS
rebinding. Plain ASGI, so errors it raises leave in the API's one error shape."""

from __future__ import annotations

import hmac
from collections.abc import Iterable

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
        refusal = None
        if self.allowed_hosts is not None and _host(headers) not in self.allowed_hosts:
            refusal = error_response(400, "this server answers only to its own host name",
                                     "bad_host")  # fmt: skip
        elif self.token is not None and not self._authorised(headers.get("authorization")):
            refusal = error_response(
                401,
                "this server needs an access token: send 'Authorization: Bearer <token>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        elif self.read_only and scope.get("method", "GET") not in SAFE_METHODS:
            refusal = error_response(403, "this server is read-only (--read-only)", "read_only")
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _authorised(self, header: bytes | None) -> bool:
        assert self.token is not None
        scheme, _, given = (header or b"").partition(b" ")
        # compare_digest runs in time independent of where the strings differ
        return hmac.compare_digest(given.strip(), self.token) and scheme.lower() == b"bearer"


def _host(headers: dict[str, bytes]) -> str:
    host = headers.get("host", b"").decode("latin-1").lower()
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
