"""Claims (every filter of ``claimtrace claims``), actors and places."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from claimtrace import api
from claimtrace.records import MODALITIES
from claimtrace.store.sqlite_claims import ClaimFilter
from claimtrace.web.deps import DEFAULT, Cursor, Limit, Settings, settings
from claimtrace.web.errors import ERROR_RESPONSES
from claimtrace.web.models import (
    ActorDetail,
    ClaimDetail,
    ClaimPage,
    CorrectionList,
    EntityList,
    SimilarClaims,
)
from claimtrace.web.pagination import decode_cursor, next_cursor

router = APIRouter(responses=ERROR_RESPONSES)
Text = Annotated[str | None, Query(max_length=500)]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]


@router.get("/claims", response_model=ClaimPage, tags=["claims"])
def list_claims(
    s: Annotated[Settings, Depends(settings)],
    actor: Annotated[
        str | None, Query(max_length=500, description="actor id, name or surface form")
    ] = None,
    source: Annotated[
        str | None, Query(max_length=500, description="actor id or part of a source's name")
    ] = None,
    relation: Text = None,
    lang: Text = None,
    doc: Annotated[str | None, Query(max_length=200, description="document id")] = None,
    modality: Annotated[Modality | None, Query()] = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, object]:
    """Claims with their evidence sentence and source chain, by document and position."""
    where = ClaimFilter(actor, source, relation, lang, doc, modality, limit + 1)
    after = decode_cursor("claims", cursor, 4)
    found, names = api.claim_page(s.db, where, after)
    return {
        "items": [c.to_dict() for _, c in found[:limit]],
        "names": names,
        "next_cursor": next_cursor("claims", [k for k, _ in found], limit),
    }


@router.get("/similar", response_model=SimilarClaims, tags=["claims"])
def similar(
    s: Annotated[Settings, Depends(settings)],
    q: Annotated[str, Query(min_length=1, max_length=2000, description="a text, any language")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, object]:
    """Semantic search: the claims nearest in meaning to ``q`` in any language, by the
    encoder the store was linked with, nearest first, each with its claim group."""
    from claimtrace.web.semantic import similar_claims  # the encoder loads on first use

    model, found = similar_claims(q, s.db, limit)
    items = [{**f, "claim": f["claim"].to_dict()} for f in found]
    return {"items": items, "model": model}


@router.get("/claims/{claim_id}", response_model=ClaimDetail, tags=["claims"])
def get_claim(claim_id: str, s: Annotated[Settings, Depends(settings)]) -> object:
    """One claim with its claim group and its stance in it."""
    return api.claim(claim_id, db=s.db)


@router.get("/entities", response_model=EntityList, tags=["actors"])
def list_entities(
    s: Annotated[Settings, Depends(settings)],
    type: Annotated[
        str | None, Query(max_length=40, description="person, organisation, state, place, …")
    ] = None,
    language: Text = None,
    limit: Limit = DEFAULT,
) -> dict[str, object]:
    """Actors and places with mention counts per language, most mentioned first (as the
    CLI's ``entities``)."""
    return {"items": api.entities(db=s.db, kind=type, language=language, limit=limit)}


@router.get("/corrections", response_model=CorrectionList, tags=["actors"])
def list_corrections(
    s: Annotated[Settings, Depends(settings)],
    all: Annotated[bool, Query(description="undone corrections too (the audit trail)")] = False,
) -> dict[str, object]:
    """The analyst's corrections to actors and places, oldest first (as the CLI's
    ``actors corrections list``): who made each, when, and who undid it."""
    return {"items": [c.to_dict() for c in api.corrections(db=s.db, include_undone=all)]}


@router.get("/actors/{actor_id}", response_model=ActorDetail, tags=["actors"])
def get_actor(
    actor_id: str,
    s: Annotated[Settings, Depends(settings)],
    limit: Annotated[int, Query(ge=1, le=200, description="claims listed per role")] = 50,
) -> object:
    """An actor or place: names as written per language, mentions per language, and the
    claims where it is the subject, the object, a source or the place."""
    found = api.actor(actor_id, db=s.db, limit=limit)
    found["claims"] = {
        role: {"total": v["total"], "claims": [c.to_dict() for c in v["claims"]]}
        for role, v in found["claims"].items()
    }
    return found
