"""The upload size limit, enforced before a route reads the body: a request with a body must
say its length (411 otherwise) and be at most the limit (413 otherwise); a client that sends
more than it said is cut off."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimtrace.web.errors import error_response

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers on top of the files


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit + FORM_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is None and b"chunked" in headers.get(b"transfer-encoding", b""):
            message = "send the upload with a Content-Length"
            refusal = error_response(411, message, "length_required")
            await refusal(scope, receive, send)
            return
        try:
            declared = int(length or b"0")
        except ValueError:
            declared = -1
        if declared < 0 or declared > self.limit:
            message = f"the request is larger than the upload limit ({self.limit:,} bytes)"
            await error_response(413, message, "too_large")(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > declared:  # more than it said: stop reading
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, send)
