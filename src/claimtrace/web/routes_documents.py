"""Documents (list with filters, one with everything found in it) and full-text search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from claimtrace import api
from claimtrace.store.sqlite_pages import DocumentFilter
from claimtrace.web.deps import DEFAULT, Cursor, Limit, Settings, settings
from claimtrace.web.errors import ERROR_RESPONSES
from claimtrace.web.models import ComparisonOut, DocumentDetail, DocumentPage, SearchPage
from claimtrace.web.pagination import decode_cursor, encode_cursor, next_cursor

router = APIRouter(tags=["documents"], responses=ERROR_RESPONSES)
Text = Annotated[str | None, Query(max_length=500)]
Date = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD"
    ),
]
MAX_SEARCH_DEPTH = 1000


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    s: Annotated[Settings, Depends(settings)],
    language: Text = None,
    outlet: Text = None,
    since: Date = None,
    until: Date = None,
    story: Text = None,
    actor: Text = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, object]:
    """Documents by publication date (undated last), filtered by language, outlet, date
    range, story and actor (an actor or place id, or a name as written)."""
    where = DocumentFilter(language, outlet, since, until, story, actor)
    after = decode_cursor("documents", cursor, 2)
    rows = api.document_page(s.db, where, after, limit + 1)
    keys = [row.pop("key") for row in rows]
    return {"items": rows[:limit], "next_cursor": next_cursor("documents", keys, limit)}


@router.get("/documents/{document_id}", response_model=DocumentDetail)
def get_document(document_id: str, s: Annotated[Settings, Depends(settings)]) -> object:
    """One document: its text (JSON string data, never markup), paragraphs with their
    offsets, sources, entity mentions, times, attributions and claims with evidence offsets
    into ``text``. An unambiguous id prefix is enough."""
    return api.show(document_id, db=s.db).to_dict()


@router.get("/search", response_model=SearchPage)
def search(
    s: Annotated[Settings, Depends(settings)],
    q: Annotated[str, Query(min_length=1, max_length=500, description='words or a "phrase"')],
    language: Text = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Cursor = None,
    aliases: Annotated[
        bool, Query(description="a term naming a known actor or place matches its other names")
    ] = True,
) -> dict[str, object]:
    """Full-text search, matching inflected forms in each paragraph's language (as the CLI's
    ``search``); hits best first, with a snippet whose matches are in [brackets], and
    ``names``: the other names each term naming a known actor or place also matched."""
    after = decode_cursor("search", cursor, 1)
    offset = int(after[0]) if after else 0
    if offset < 0 or offset + limit > MAX_SEARCH_DEPTH:
        return {"items": [], "next_cursor": None}
    with api.opened(s.db, read_only=True) as store:  # one store opened for both reads
        hits = store.search(q, limit=offset + limit + 1, language=language, aliases=aliases)
        names = store.search_names(q) if aliases else {}
    hits = hits[offset:]
    more = len(hits) > limit and offset + limit < MAX_SEARCH_DEPTH
    return {
        "items": [h.to_dict() for h in hits[:limit]],
        "next_cursor": encode_cursor("search", [offset + limit]) if more else None,
        "names": names,
    }


@router.get("/compare", response_model=ComparisonOut)
def compare(
    s: Annotated[Settings, Depends(settings)],
    a: Annotated[str, Query(min_length=1, max_length=200, description="a document id")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="another document id")],
) -> object:
    """How alike two documents are (any languages), with the reasons."""
    return api.compare(a, b, db=s.db).to_dict()
