"""The web app's static files: its own stylesheet and scripts, and the front-end libraries
vendored from npm (static/vendor/, see scripts/vendor_web_assets.sh). Only files listed
when the app starts are served, by exact name: a request path never reaches the disk."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from fastapi import APIRouter
from fastapi.responses import Response

from claimtrace.errors import NotFoundError

router = APIRouter(include_in_schema=False)
MEDIA_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
}
ASSET_CSP = "default-src 'none'; frame-ancestors 'none'"


@lru_cache(maxsize=1)
def assets() -> dict[str, tuple[bytes, str]]:
    """Served name ("app.css", "vendor/leaflet.js", …) -> (bytes, media type)."""
    root = resources.files("claimtrace.web") / "static"
    found: dict[str, tuple[bytes, str]] = {}
    for folder, prefix in ((root, ""), (root / "vendor", "vendor/")):
        for item in folder.iterdir():
            media = MEDIA_TYPES.get("." + item.name.rsplit(".", 1)[-1])
            if item.is_file() and media:
                found[prefix + item.name] = (item.read_bytes(), media)
    return found


def asset_response(name: str) -> Response:
    try:
        body, media = assets()[name]
    except KeyError:
        raise NotFoundError(f"no static file {name!r}") from None
    # vendored files change only with the package: the browser may keep them a day
    cache = "public, max-age=86400" if name.startswith("vendor/") else "no-cache"
    headers = {"content-security-policy": ASSET_CSP, "cache-control": cache}
    return Response(body, media_type=media, headers=headers)


@router.get("/app.css")
def stylesheet() -> Response:
    return asset_response("app.css")


@router.get("/static/{name:path}")
def static(name: str) -> Response:
    return asset_response(name)
