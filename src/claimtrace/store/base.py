"""The storage interface every backend implements; stages talk only to this."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from claimtrace.kb.corrections import Correction
from claimtrace.nlp.analyse import Analysis
from claimtrace.records import (
    Attribution,
    Claim,
    ClaimGroup,
    Document,
    Failure,
    RawPage,
    Source,
    Story,
)
from claimtrace.store.sqlite_claims import ClaimFilter


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

    def index_document(self, doc: Document) -> None:
        """Add a stored document to the full-text index (add_document does)."""
        ...

    def add_source(
        self, raw: RawPage, document_id: str, relation: str, similarity: float | None
    ) -> None: ...

    def lock_keys(self, keys: Iterable[str]) -> None:
        """Hold these keys until the transaction ends (writers of the same keys take
        turns; a no-op where a transaction holds the whole store)."""
        ...

    def link_lock(self) -> AbstractContextManager[None]:
        """Be the one process linking this store while it is held."""
        ...

    def record_failure(self, failure: Failure) -> None: ...

    def get_document(self, document_id: str) -> Document: ...

    def sources_of(self, document_id: str) -> list[Source]: ...

    def iter_documents(self) -> Iterator[Document]: ...

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    def original(self, sha256: str) -> bytes: ...

    def search(
        self,
        query: str,
        limit: int = 20,
        language: str | None = None,
        aliases: bool = True,
        snippets: bool = True,
    ) -> list[SearchHit]: ...

    def snippets(
        self, query: str, document_ids: Sequence[str], aliases: bool = True
    ) -> dict[str, str]:
        """Document id -> its snippet for ``query`` (for a page of hits ranked without)."""
        ...

    def search_names(self, query: str) -> dict[str, list[str]]:
        """The other names each term of the query is searched by (term -> names)."""
        ...

    def documents_to_analyse(self, version: str) -> list[str]: ...

    def save_analysis(
        self,
        analysis: Analysis,
        attributions: Sequence[Attribution] = (),
        claims: Sequence[Claim] = (),
    ) -> None: ...

    def forget_analyses(self) -> int: ...

    # -- the analyst's corrections (kb/corrections.py) ------------------------------------

    def correct(self, action: str, entity: str, **options: Any) -> list[Correction]:
        """Record and apply a correction (merge gives one per actor merged in)."""
        ...

    def undo_correction(self, correction_id: int, analyst: str) -> Correction: ...

    def corrections(self, include_undone: bool = False) -> list[Correction]: ...

    def claims(self, where: ClaimFilter) -> list[Claim]: ...

    def document_attributions(self, document_id: str) -> list[Attribution]: ...

    def names(self, ids: Sequence[str]) -> dict[str, str]: ...

    def entities(
        self, kind: str | None = None, language: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]: ...

    def document_mentions(self, document_id: str) -> list[dict[str, Any]]: ...

    def document_times(self, document_id: str) -> list[dict[str, Any]]: ...

    def failures(self, limit: int = 100) -> list[Failure]: ...

    def stats(self) -> dict[str, Any]: ...

    def close(self) -> None: ...

    def snapshot_rows(self, story: str | None = None) -> dict[str, list[dict[str, Any]]]:
        """Every row exports and the report need (store/sqlite_snapshot.py), for the whole
        store or one story's documents."""
        ...

    # -- cross-document links (store/sqlite_link.py) --------------------------------------

    def documents_to_link(self) -> list[tuple[str, str, bool]]:
        """(document id, queue position, linked before), in linking order."""
        ...

    def mark_linked(self, document_id: str, fingerprint: str) -> None: ...

    def unlink_document(self, document_id: str) -> None: ...

    def link_profile(self, document_id: str) -> dict[str, Any]: ...

    def link_profiles(self, document_ids: Sequence[str]) -> dict[str, dict[str, Any]]: ...

    def entity_frequencies(self, ids: Sequence[str]) -> tuple[int, dict[str, int]]: ...

    def documents_sharing(
        self, entity_ids: Sequence[str], exclude: str, limit: int
    ) -> list[str]: ...

    def load_vectors(
        self, kind: str, model: str, keys: Sequence[str] | None = None
    ) -> dict[str, Any]: ...

    def save_vectors(self, kind: str, model: str, vectors: dict[str, Any]) -> None: ...

    def store_uid(self) -> str: ...

    def vector_stats(self, kind: str, model: str) -> tuple[int, int]: ...

    def vectors_after(
        self, kind: str, model: str, after: int, limit: int
    ) -> list[tuple[int, Any]]: ...

    def vector_ids(self, kind: str, keys: Sequence[str]) -> dict[str, int]: ...

    def vector_keys(self, ids: Sequence[int]) -> dict[int, str]: ...

    def claims_by_ids(self, ids: Sequence[str]) -> list[Claim]: ...

    def document_claim_ids(self, document_id: str) -> list[str]: ...

    def grouped_postings(
        self, actors: Sequence[str], places: Sequence[tuple[str, str]], per_key: int
    ) -> dict[tuple[str, ...], list[str]]: ...

    def groups_of(self, claim_ids: Sequence[str]) -> dict[str, tuple[str, str]]: ...

    def group_members(self, group_ids: Sequence[str], limit: int) -> dict[str, list[str]]: ...

    def group_info(self, group_id: str, limit: int = -1) -> tuple[str | None, list[str]]: ...

    def save_group_member(
        self, group_id: str, claim_id: str, stance: str, similarity: float | None, label: str,
        relation: str | None,
    ) -> None: ...  # fmt: skip

    def stories_of(self, document_ids: Sequence[str]) -> dict[str, str]: ...

    def story_members(self, story_id: str, limit: int = -1) -> list[str]: ...

    def story_size(self, story_id: str) -> int: ...

    def save_story_member(
        self, story_id: str, document_id: str, similarity: float | None, label: str
    ) -> None: ...

    def claim_group_records(self, story: str | None = None) -> list[ClaimGroup]: ...

    def merge_stories(self, target: str, others: Sequence[str], label: str) -> None: ...

    def merge_groups(self, target: str, others: Sequence[str]) -> None: ...

    def actor_parents(self, ids: Sequence[str]) -> dict[str, str | None]: ...

    def story_records(self) -> list[Story]: ...
