"""ETags on reads: a GET's tag is a hash of the store's version and the request (path and
query), so a client that sends it back in If-None-Match gets 304 Not Modified until the
store is written; no route runs for a 304."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ETags:
    def __init__(self, app: ASGIApp, version: Callable[[], str], prefix: str = "/api/") -> None:
        self.app = app
        self.version = version
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or not scope.get("path", "").startswith(self.prefix)
        ):
            await self.app(scope, receive, send)
            return
        tag = self.tag(scope)
        headers = dict(scope.get("headers", []))
        if _matches(headers.get(b"if-none-match"), tag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", tag)]})  # fmt: skip
            await send({"type": "http.response.body", "body": b""})
            return

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                message["headers"] = [*message.get("headers", []), (b"etag", tag)]
            await send(message)

        await self.app(scope, receive, tagged)

    def tag(self, scope: Scope) -> bytes:
        digest = hashlib.sha256()
        for part in (self.version(), scope.get("path", ""), scope.get("query_string", b"")):
            digest.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
            digest.update(b"\0")
        return b'W/"' + digest.hexdigest()[:32].encode("ascii") + b'"'


def _matches(header: bytes | None, tag: bytes) -> bool:
    if not header:
        return False
    given = {t.strip() for t in header.split(b",")}
    return b"*" in given or tag in given or tag.removeprefix(b"W/") in given
