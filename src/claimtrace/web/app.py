"""``create_app``: the FastAPI application over one store."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI

from claimtrace import api
from claimtrace.web import (
    assets,
    login,
    pages,
    pages_jobs,
    readers,
    routes_alerts,
    routes_claims,
    routes_documents,
    routes_jobs,
    routes_links,
)
from claimtrace.web.caching import ETags
from claimtrace.web.deps import Settings
from claimtrace.web.errors import install_error_handlers
from claimtrace.web.limits import BodyLimit
from claimtrace.web.security import Guard, SecurityHeaders

PREFIX = "/api/v1"


def create_app(
    db: str | Path,
    read_only: bool = False,
    token: str | None = None,
    allowed_hosts: Iterable[str] | None = None,
    max_upload_bytes: int = 50_000_000,
) -> Any:
    """The HTTP API over the store at ``db``: every request needs ``token`` as a bearer token
    when one is given; ``read_only`` refuses every write; ``allowed_hosts`` (when given)
    are the only Host names answered."""
    settings = Settings(str(db), read_only, token or None, max_upload_bytes)
    stores = readers.share(settings.db)  # one read-only store per thread, kept open

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(readers.warm)
        yield
        readers.unshare(settings.db, stores)

    app = FastAPI(
        lifespan=lifespan,
        title="claimtrace",
        summary="Who claims what about whom, where and when, on whose authority.",
        version="1",
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=None,  # the interactive pages load scripts from a CDN: nothing leaves here
        redoc_url=None,
    )
    app.state.settings = settings
    install_error_handlers(app)
    routers = (routes_documents, routes_claims, routes_links, routes_alerts, routes_jobs)
    for router in (r.router for r in routers):
        app.include_router(router, prefix=PREFIX)
    app.include_router(pages.router)  # the web app's pages, beside the API
    app.include_router(assets.router)
    app.include_router(login.router)
    app.include_router(pages_jobs.router)
    app.add_middleware(ETags, version=lambda: api.store_version(settings.db), prefix=PREFIX)
    app.add_middleware(BodyLimit, limit=max_upload_bytes)  # inside the guard
    app.add_middleware(
        Guard, token=settings.token, read_only=read_only, allowed_hosts=allowed_hosts
    )
    app.add_middleware(SecurityHeaders)  # outermost: every response carries the headers
    return app


SERVE_ENVIRONMENT = "CLAIMTRACE_SERVE_APP"  # create_app's arguments, for server processes


def app_from_environment() -> Any:
    """``create_app`` with the arguments ``claimtrace serve --workers`` put in the
    environment of its worker processes (uvicorn starts each from an import string)."""
    options = json.loads(os.environ[SERVE_ENVIRONMENT])
    return create_app(**options, token=os.environ.get("CLAIMTRACE_TOKEN") or None)
