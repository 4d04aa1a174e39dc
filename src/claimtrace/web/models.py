"""Response models: they make the OpenAPI schema describe what each endpoint returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class SpanOut(Out):
    start: int
    end: int
    text: str


class SourceLinkOut(Out):
    name: str
    actor: str | None
    cue: str
    kind: str


class ClaimOut(Out):
    id: str
    document_id: str
    start: int
    end: int
    text: str
    content: SpanOut
    subjects: list[str]
    objects: list[str]
    relation: str
    verb: str
    places: list[str]
    time: str | None
    modality: str
    negated: bool
    sources: list[SourceLinkOut]
    language: str


class ClaimDetail(ClaimOut):
    group: str | None
    stance: str | None
    names: dict[str, str]


class SimilarClaim(Out):
    claim: ClaimOut
    score: float  # cosine rescaled to [0, 1] above the encoder's unrelated-text floor
    cosine: float
    group: str | None


class SimilarClaims(Out):
    items: list[SimilarClaim]
    model: str  # the encoder (setting embedding_model)


class ClaimPage(Out):
    items: list[ClaimOut]
    names: dict[str, str]
    next_cursor: str | None


class DocumentSummary(Out):
    id: str
    title: str | None
    language: str | None
    languages: list[str]
    published: str | None
    outlet: str | None
    sources: int
    claims: int
    story: str | None


class DocumentPage(Out):
    items: list[DocumentSummary]
    next_cursor: str | None


class ParagraphOut(Out):
    index: int
    start: int
    end: int
    language: str | None


class DocumentDetail(Out):
    id: str
    text: str
    title: str | None
    language: str | None
    languages: list[str]
    paragraphs: list[ParagraphOut]
    published: str | None
    outlet: str | None
    author: str | None
    url: str | None
    sources: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    times: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    claims: list[ClaimOut]
    names: dict[str, str]


class SearchHitOut(Out):
    document_id: str
    title: str | None
    language: str | None
    published: str | None
    outlet: str | None
    snippet: str
    score: float


class SearchPage(Out):
    items: list[SearchHitOut]
    next_cursor: str | None
    # term as typed -> the other names of the actor or place it names, also searched
    names: dict[str, list[str]] = {}


class CorrectionRef(Out):
    """An active correction of the analyst that touches the entity listed."""

    id: int
    action: str
    what: str
    analyst: str
    at: str | None


class CorrectionOut(Out):
    id: int
    action: str
    entity: str
    target: str | None
    alias: str | None
    document_id: str | None
    value: str | None
    note: str | None
    analyst: str
    created_at: str | None
    undone_at: str | None
    undone_by: str | None


class CorrectionList(Out):
    items: list[CorrectionOut]


class EntityOut(Out):
    id: str
    name: str
    type: str
    mentions: int
    by_language: dict[str, int]
    forms: list[str]
    documents: int
    corrections: list[CorrectionRef] = []


class EntityList(Out):
    items: list[EntityOut]


class RoleClaims(Out):
    total: int
    claims: list[ClaimOut]


class AliasOut(Out):
    text: str
    mentions: int


class ActorDetail(Out):
    id: str
    name: str
    type: str
    country: str | None
    mentions: int
    documents: int
    mentions_by_language: dict[str, int]
    aliases: dict[str, list[AliasOut]]
    claims: dict[str, RoleClaims]
    names: dict[str, str]
    corrections: list[CorrectionRef] = []


class GroupSummary(Out):
    id: str
    label: str
    relation: str | None
    claims: int
    documents: int
    languages: list[str]
    contradicting: int
    first_seen: str | None


class GroupPage(Out):
    items: list[GroupSummary]
    next_cursor: str | None


class GroupMember(Out):
    claim: ClaimOut
    stance: str
    similarity: float | None
    document: dict[str, Any]


class GroupDetail(Out):
    id: str
    label: str
    relation: str | None
    anchor: str | None
    members: list[GroupMember]
    agreeing: list[str]
    contradicting: list[str]
    documents: list[str]
    languages: list[str]
    first_seen: str | None
    last_seen: str | None
    names: dict[str, str]


class StorySummary(Out):
    id: str
    label: str
    documents: int
    languages: list[str]
    first_seen: str | None
    last_seen: str | None


class StoryPage(Out):
    items: list[StorySummary]
    next_cursor: str | None


class StoryDetail(Out):
    id: str
    label: str
    documents: list[dict[str, Any]]
    claim_groups: list[str]


class CitationGraph(Out):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class ReasonOut(Out):
    kind: str
    score: float
    detail: str
    items: list[str]


class ComparisonOut(Out):
    document_a: str
    document_b: str
    score: float
    reasons: list[ReasonOut]
    languages: list[str]


class Stats(Out):
    documents: int
    sources: int
    schema_version: int
