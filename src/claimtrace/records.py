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
