"""The storage interface every backend implements; stages talk only to this."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from claimtrace.nlp.analyse import Analysis
from claimtrace.records import Document, Failure, RawPage, Source


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    title: str | None
    language: str | None
    published: str | None
    outlet: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Store(Protocol):
    def transaction(self) -> AbstractContextManager[None]: ...

    def source_seen(self, key: str, sha256: str) -> bool: ...

    def document_exists(self, document_id: str) -> bool: ...

    def near_duplicate_candidates(self, bands: tuple[str, ...]) -> list[tuple[str, bytes, int]]: ...

    def add_document(
        self, doc: Document, signature: bytes, bands: tuple[str, ...], shingles: int
    ) -> None: ...

    def add_source(
        self, raw: RawPage, document_id: str, relation: str, similarity: float | None
    ) -> None: ...

    def record_failure(self, failure: Failure) -> None: ...

    def get_document(self, document_id: str) -> Document: ...

    def sources_of(self, document_id: str) -> list[Source]: ...

    def iter_documents(self) -> Iterator[Document]: ...

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    def original(self, sha256: str) -> bytes: ...

    def search(
        self, query: str, limit: int = 20, language: str | None = None
    ) -> list[SearchHit]: ...

    def documents_to_analyse(self, version: str) -> list[str]: ...

    def save_analysis(self, analysis: Analysis) -> None: ...

    def entities(
        self, kind: str | None = None, language: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]: ...

    def document_mentions(self, document_id: str) -> list[dict[str, Any]]: ...

    def document_times(self, document_id: str) -> list[dict[str, Any]]: ...

    def failures(self, limit: int = 100) -> list[Failure]: ...

    def stats(self) -> dict[str, Any]: ...

    def close(self) -> None: ...
