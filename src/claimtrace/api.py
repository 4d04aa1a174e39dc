"""The library API; every CLI command is a thin wrapper over the function of the same name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrace.config import Config, load_config
from claimtrace.pipeline import run_analyse, run_ingest
from claimtrace.records import Document, IngestSummary
from claimtrace.store import SearchHit, Store, open_store


@contextmanager
def opened(db: str | Path | None = None, config: Config | None = None) -> Iterator[Store]:
    config = config or load_config()
    if db is not None:
        config = config.with_overrides(db=str(db))
    store = open_store(config)
    try:
        yield store
    finally:
        store.close()


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    config: Config | None = None,
    on_item: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Read every input below ``paths`` into the store; returns what was added and failed."""
    config = config or load_config()
    with opened(db, config) as store:
        return run_ingest(paths, store, config, on_item)


def search(
    query: str, db: str | Path | None = None, limit: int = 20, language: str | None = None
) -> list[SearchHit]:
    """Full-text search over titles and texts, matching inflected forms in each language."""
    with opened(db) as store:
        return store.search(query, limit=limit, language=language)


def analyse(
    db: str | Path | None = None,
    config: Config | None = None,
    on_item: Callable[[str], None] | None = None,
) -> list[str]:
    """Find sentences, entities (linked to actors and places) and times in every document
    not analysed yet; returns the ids analysed."""
    config = config or load_config()
    with opened(db, config) as store:
        return run_analyse(store, config, on_item)


def entities(
    db: str | Path | None = None,
    kind: str | None = None,
    language: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Actors and places with mention counts per language, most mentioned first."""
    with opened(db) as store:
        return store.entities(kind, language, limit)


@dataclass(frozen=True)
class DocumentView:
    document: Document
    sources: list[dict[str, Any]]
    mentions: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.document.to_dict(),
            "sources": self.sources,
            "mentions": self.mentions,
            "times": self.times,
        }


def show(document_id: str, db: str | Path | None = None) -> DocumentView:
    """One document with every source it was found in (an id prefix is enough)."""
    with opened(db) as store:
        doc = store.get_document(document_id)
        return DocumentView(
            doc,
            [s.to_dict() for s in store.sources_of(doc.id)],
            store.document_mentions(doc.id),
            store.document_times(doc.id),
        )


def documents(
    db: str | Path | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Stored documents, oldest publication first: id, title, languages, date, outlet, sources."""
    with opened(db) as store:
        return store.list_documents(limit, offset)


def stats(db: str | Path | None = None) -> dict[str, Any]:
    """Counts of documents, sources, languages and failures."""
    with opened(db) as store:
        return store.stats()


def failures(db: str | Path | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """The inputs that were skipped or repaired, newest first."""
    with opened(db) as store:
        return [f.to_dict() for f in store.failures(limit)]
