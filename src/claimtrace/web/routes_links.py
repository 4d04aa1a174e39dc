"""Across documents: claim groups, stories, the citation graph, the export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from claimtrace import api
from claimtrace.web.deps import DEFAULT, Cursor, Limit, Settings, settings
from claimtrace.web.errors import ERROR_RESPONSES
from claimtrace.web.models import (
    CitationGraph,
    GroupDetail,
    GroupPage,
    Stats,
    StoryDetail,
    StoryPage,
)
from claimtrace.web.pagination import decode_cursor, next_cursor

router = APIRouter(responses=ERROR_RESPONSES)
StoryId = Annotated[str | None, Query(max_length=200, description="limit to one story")]


@router.get("/stats", response_model=Stats, tags=["store"])
def stats(s: Annotated[Settings, Depends(settings)]) -> object:
    """Counts of documents, sources, languages and failures."""
    found = api.stats(db=s.db)
    found.pop("store", None)  # the file's path is the server's business
    return found


@router.get("/groups", response_model=GroupPage, tags=["claim groups"])
def list_groups(
    s: Annotated[Settings, Depends(settings)],
    min_docs: Annotated[int, Query(ge=1, le=10_000)] = 1,
    story: StoryId = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, object]:
    """Claim groups (claims that state the same thing), oldest first, with how far each
    spread: claims, documents, languages, contradicting members, first seen."""
    after = decode_cursor("groups", cursor, 2)
    rows = api.group_page(s.db, min_docs, story, after, limit + 1)
    keys = [row.pop("key") for row in rows]
    return {"items": rows[:limit], "next_cursor": next_cursor("groups", keys, limit)}


@router.get("/groups/{group_id}", response_model=GroupDetail, tags=["claim groups"])
def get_group(group_id: str, s: Annotated[Settings, Depends(settings)]) -> object:
    """One claim group: its members (oldest document first) with their stance, the agreeing
    and contradicting claims, languages, first and last seen."""
    found = api.group_detail(group_id, db=s.db)
    found["members"] = [{**m, "claim": m["claim"].to_dict()} for m in found["members"]]
    return found


@router.get("/stories", response_model=StoryPage, tags=["stories"])
def list_stories(
    s: Annotated[Settings, Depends(settings)], limit: Limit = DEFAULT, cursor: Cursor = None
) -> dict[str, object]:
    """Stories (documents in any language telling one story), oldest first."""
    after = decode_cursor("stories", cursor, 2)
    rows = api.story_page(s.db, after, limit + 1)
    keys = [row.pop("key") for row in rows]
    return {"items": rows[:limit], "next_cursor": next_cursor("stories", keys, limit)}


@router.get("/stories/{story_id}", response_model=StoryDetail, tags=["stories"])
def get_story(story_id: str, s: Annotated[Settings, Depends(settings)]) -> object:
    return api.story_detail(story_id, db=s.db)


@router.get("/citations", response_model=CitationGraph, tags=["citations"])
def citations(s: Annotated[Settings, Depends(settings)], story: StoryId = None) -> object:
    """The citation graph (outlet -> cited outlet -> original source) as in the export."""
    return api.snapshot_part("citations", db=s.db, story=story)


@router.get(
    "/export",
    tags=["export"],
    response_class=Response,
    responses={200: {"content": {"application/json": {}}, "description": "the JSON export"}},
)
def export(
    s: Annotated[Settings, Depends(settings)],
    format: Annotated[Literal["json"], Query()] = "json",
    story: StoryId = None,
) -> Response:
    """The whole store (or one story) as ``claimtrace export --format json`` writes it."""
    data = api.export_bytes(format, db=s.db, story=story)
    return Response(data, media_type="application/json")
