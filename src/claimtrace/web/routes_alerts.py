"""Alerts raised by saved watches (`claimtrace alerts`), newest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from claimtrace import api
from claimtrace.web.deps import DEFAULT, Limit, Settings, settings
from claimtrace.web.errors import ERROR_RESPONSES
from claimtrace.web.models import Out

router = APIRouter(responses=ERROR_RESPONSES)


class AlertWatch(Out):
    id: int
    kind: str
    target: str
    event: str
    label: str | None


class AlertClaim(Out):
    id: str
    text: str | None
    relation: str | None
    modality: str | None
    language: str | None


class AlertDocument(Out):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None


class AlertOut(Out):
    id: int
    created_at: str
    reason: str
    watch: AlertWatch
    claim: AlertClaim
    document: AlertDocument
    delivered_at: str | None
    delivery_error: str | None


class AlertList(Out):
    items: list[AlertOut]


@router.get("/alerts", response_model=AlertList, tags=["alerts"])
def list_alerts(
    s: Annotated[Settings, Depends(settings)],
    limit: Limit = DEFAULT,
    watch: Annotated[int | None, Query(ge=1, le=2**62, description="one watch's")] = None,
) -> dict[str, object]:
    """Alerts raised by saved watches (a new claim matching an actor, a claim group, a
    search query or a source), newest first, with the claim, its document and why."""
    return {"items": api.alerts(db=s.db, limit=limit, watch_id=watch)}
