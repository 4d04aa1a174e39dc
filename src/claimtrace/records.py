"""Immutable records passed between stages, each with to_dict/from_dict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Self


class _Record:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload,no-any-return]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: _untuple(v) for k, v in data.items() if k in names})


def _untuple(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_untuple(v) for v in value)
    return value


@dataclass(frozen=True)
class RawPage(_Record):
    """One input record as read from disk: a file, a JSONL line or a WARC response.

    ``source`` is what the user gave plus where inside it (``path``, ``path#L12``,
    ``path#record=<uri>``); ``sha256`` hashes the raw bytes so a re-run can skip it.
    """

    source: str
    path: str
    sha256: str
    format: str  # "html" | "text"
    content: bytes  # the original bytes, kept in the store so extraction can be redone
    body: str | None = None  # decoded text or markup to process, when already decoded
    encoding: str | None = None
    container: str = "file"  # file | jsonl | json | warc
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    external_id: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph(_Record):
    index: int
    start: int  # character offsets into Document.text
    end: int
    language: str | None


@dataclass(frozen=True)
class Document(_Record):
    """A cleaned article: the unit every later stage works on."""

    id: str
    text: str
    title: str | None
    language: str | None
    languages: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    extractor: str = ""
    removed: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        data = dict(data)
        data["paragraphs"] = tuple(
            p if isinstance(p, Paragraph) else Paragraph.from_dict(p)
            for p in data.get("paragraphs", ())
        )
        return super().from_dict(data)

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]


@dataclass(frozen=True)
class Source(_Record):
    """Where a document was found: one per input record; duplicates add sources."""

    key: str  # unique: the RawPage.source
    path: str
    sha256: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    relation: str = "original"  # original | exact-duplicate | near-duplicate
    similarity: float | None = None


@dataclass(frozen=True)
class Failure(_Record):
    """An input that was skipped (severity "error") or repaired (severity "warning")."""

    source: str
    stage: str
    reason: str
    severity: str = "error"


@dataclass(frozen=True)
class IngestSummary(_Record):
    added: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()  # (source, existing document id)
    skipped: tuple[str, ...] = ()  # sources already ingested earlier
    failures: tuple[Failure, ...] = field(default=())

    @property
    def errors(self) -> tuple[Failure, ...]:
        return tuple(f for f in self.failures if f.severity == "error")


# --- attributions and claims (nlp/attribution, nlp/claims) ---------------------------------

MODALITIES = (
    "asserted",  # stated by the article itself, no attributed source
    "reported",  # attributed with a neutral cue: said, according to, laut, selon, según
    "claimed",  # claimed, insisted, maintained, behauptet
    "alleged",  # alleged, accused, reportedly, angeblich, soll ... haben
    "confirmed",  # confirmed, revealed, proved, bestätigte
    "denied",  # denied, rejected, dementierte
    "questioned",  # doubted, questioned, it is unclear whether
    "opinion",  # evaluation, belief or prediction rather than a statement of fact
)


@dataclass(frozen=True)
class Span(_Record):
    """Character offsets into Document.text, with the text they cover."""

    start: int
    end: int
    text: str


def _span(value: Any) -> Span | None:
    if value is None or isinstance(value, Span):
        return value
    return Span.from_dict(value)


@dataclass(frozen=True)
class Attribution(_Record):
    """Reported speech or sourcing: who says it (source), how (cue), what (content).

    ``parent`` is the index (in the document's attribution list) of the attribution whose
    content contains this one, so nested sourcing forms a chain ("A notes that documents
    revealed that ..."). ``source`` is None when the text names no source ("it is said").
    """

    document_id: str
    sentence: Span
    cue: Span
    content: Span
    source: Span | None
    # say | according | report | claim | allege | confirm | deny | question | believe | quote
    cue_kind: str
    language: str
    parent: int | None = None
    backend: str = "rules"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        data = dict(data)
        for key in ("sentence", "cue", "content", "source"):
            data[key] = _span(data.get(key))
        return super().from_dict(data)


@dataclass(frozen=True)
class SourceLink(_Record):
    """One link of a claim's source chain, outermost first."""

    name: str  # "Sky News", "multiple sources in the city of Suwayda"
    actor: str | None  # actor id when the source resolves to an actor
    cue: str  # the cue text: "according to", "bestätigte"
    kind: str  # the Attribution.cue_kind


@dataclass(frozen=True)
class Claim(_Record):
    """One claim with its evidence: who/what relation whom, where, when, on whose authority."""

    id: str  # ids.claim_id(document_id, content start, content end)
    document_id: str
    start: int  # the evidence sentence, as offsets into Document.text
    end: int
    text: str  # the evidence sentence
    content: Span  # the claim proper (the attributed content, or the sentence)
    subjects: tuple[str, ...]  # actor ids
    objects: tuple[str, ...]  # actor ids
    relation: str  # code from nlp/claims/relations.py (docs/relations.md)
    verb: str  # the verb phrase as written
    places: tuple[str, ...]  # place ids
    time: str | None  # ISO date or range "start/end" from the time expressions
    modality: str  # one of MODALITIES
    negated: bool
    sources: tuple[SourceLink, ...]  # outermost first; empty = asserted by the article
    language: str
    backend: str = "rules"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        data = dict(data)
        data["content"] = _span(data.get("content"))
        data["sources"] = tuple(
            s if isinstance(s, SourceLink) else SourceLink.from_dict(s)
            for s in data.get("sources", ())
        )
        return super().from_dict(data)


# --- across documents (link/) ----------------------------------------------------------------


@dataclass(frozen=True)
class ClaimGroup(_Record):
    """Claims from one or more documents that state the same thing."""

    id: str
    label: str
    claims: tuple[str, ...]
    documents: tuple[str, ...]
    languages: tuple[str, ...]
    contradicting: tuple[str, ...] = ()  # claim ids whose modality/negation/figures disagree


@dataclass(frozen=True)
class Story(_Record):
    """Documents, in any language, that tell the same story."""

    id: str
    label: str
    documents: tuple[str, ...]
