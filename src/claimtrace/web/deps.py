"""What every route reads: the server's settings and the shared query parameters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query, Request

from claimtrace.web.pagination import DEFAULT_LIMIT, MAX_LIMIT


@dataclass(frozen=True)
class Settings:
    db: str
    read_only: bool = False
    token: str | None = None
    max_upload_bytes: int = 50_000_000
    jobs_dir: str | None = None  # where uploads go (default: beside the store)


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")
]
Cursor = Annotated[
    str | None,
    Query(max_length=2000, description="next_cursor of the previous page; omit for the first"),
]
DEFAULT = DEFAULT_LIMIT
