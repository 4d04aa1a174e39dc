"""The HTTP API over the store (``claimtrace serve``): JSON under /api/v1, one error shape."""

from claimtrace.web.app import create_app

__all__ = ["create_app"]
