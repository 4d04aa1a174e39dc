"""Fetched pages into the store. The crawl records each visit (a page is marked "to
ingest", its body kept in the WARC log); then each page waiting is read back from its WARC
record and goes through the normal ingest (RawPage -> clean -> deduplicate -> store) in
one transaction with its fetch state. Ingest runs after the network part, never during it:
cleaning holds the interpreter for long stretches, which would stall responses in flight
and make them time out. A page fetched but not ingested when a run is interrupted is
ingested by the next run, from its WARC record."""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from claimtrace.collect import CollectState, Fetched, FetchOptions, Known, Target, crawl
from claimtrace.collect.warc import read_payload
from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from claimtrace.ids import sha256_bytes
from claimtrace.ingest.reader import pages_from_bytes
from claimtrace.pipeline import ingest_item
from claimtrace.records import Failure, IngestSummary, RawPage
from claimtrace.store import Store
from claimtrace.store import sqlite_collect as collect_sql
from claimtrace.store.pg_open import is_postgres_url


@dataclass
class FetchSummary:
    """What a fetch did: counts per outcome, overall and per watch-source label."""

    added: list[str] = field(default_factory=list)  # new document ids
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (url, document id)
    failures: list[Failure] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    by_label: dict[str, Counter[str]] = field(default_factory=dict)

    def count(self, label: str | None, outcome: str) -> None:
        self.counts[outcome] += 1
        if label is not None:
            self.by_label.setdefault(label, Counter())[outcome] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": [list(d) for d in self.duplicates],
            "failures": [f.to_dict() for f in self.failures],
            "counts": dict(self.counts),
            "sources": {k: dict(v) for k, v in self.by_label.items()},
        }


def warc_folder(config: Config) -> str:
    """Where responses are kept: the ``warc_dir`` setting, or ``<store>.warc/`` beside an
    SQLite store file (a PostgreSQL store has no folder of its own: say where)."""
    if config.warc_dir:
        return os.path.abspath(os.path.expanduser(str(config.warc_dir)))
    if is_postgres_url(str(config.db)):
        raise ClaimtraceError(
            "fetching into a PostgreSQL store needs a folder for the WARC files of the "
            "responses: set warc_dir (CLAIMTRACE_WARC_DIR=/path or warc_dir in the config file)"
        )
    return os.path.abspath(str(config.db)) + ".warc"


def fetch_into(
    targets: Iterable[Target],
    store: Store,
    config: Config,
    refetch: bool = False,
    on_result: Callable[[Fetched], None] | None = None,
) -> FetchSummary:
    """Fetch the targets (and what an interrupted fetch left queued) into the store."""
    state = StoreState(store, config)
    options = FetchOptions.from_config(config, refetch=refetch)

    def seen(result: Fetched) -> None:
        if result.kind == "seen":
            state.summary.count(result.target.label, "seen")
        if on_result is not None:
            on_result(result)

    crawl(targets, options, state, warc_folder(config), seen)
    ingest_fetched(store, config, state.summary)
    return state.summary


def _connection(store: Store) -> sqlite3.Connection:
    db = getattr(store, "db", None)
    if db is None:
        raise ClaimtraceError("fetching needs an SQLite or PostgreSQL store")
    return db  # type: ignore[no-any-return]


class StoreState(CollectState):
    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config
        self.db = _connection(store)
        self.summary = FetchSummary()

    def known(self, url: str) -> Known | None:
        return collect_sql.known(self.db, url)

    def pending(self) -> list[Target]:
        return collect_sql.pending(self.db)

    def expanded(self, result: Fetched, children: list[Target]) -> None:
        with self.store.transaction():
            collect_sql.save_visit(self.db, result)
            collect_sql.queue(self.db, children)
        self.summary.count(result.target.label, result.kind)

    def done(self, result: Fetched) -> None:
        with self.store.transaction():
            if result.kind == "failed":
                failure = Failure(result.url, result.stage, result.reason or "failed")
                self.store.record_failure(failure)
                self.summary.failures.append(failure)
            collect_sql.save_visit(self.db, result)
        if result.kind != "page":
            self.summary.count(result.target.label, result.kind)


def ingest_fetched(store: Store, config: Config, summary: FetchSummary) -> None:
    """Ingest every page fetched and not ingested yet, each in one transaction with the
    note that it was."""
    db = _connection(store)
    for row in collect_sql.waiting(db):
        url, label = row["url"], row["label"]
        try:
            body = read_payload(row["warc_file"], int(row["warc_offset"]),
                                int(config.fetch_max_bytes))  # fmt: skip
        except (OSError, ValueError, TypeError) as exc:
            failure = Failure(url, "read-warc", f"the response kept for it is gone: {exc}")
            with store.transaction():
                store.record_failure(failure)
                collect_sql.ingested(db, url, None, None, failure.stage, failure.reason)
            summary.failures.append(failure)
            summary.count(label, "failed")
            continue
        items = list(pages_from_bytes(url, row["warc_file"], body, int(config.max_record_bytes)))
        sha = sha256_bytes(body)
        for number, item in enumerate(items):
            if isinstance(item, RawPage):
                item = replace(
                    item, url=row["final_url"] or url,
                    language=item.language or row["language"], container="http",
                )  # fmt: skip
            then = _note(db, url, label, sha, summary) if number == len(items) - 1 else None
            ingest_item(item, store, config, then)


def _note(
    db: sqlite3.Connection, url: str, label: str | None, sha: str, summary: FetchSummary
) -> Callable[[IngestSummary], None]:
    def then(result: IngestSummary) -> None:
        document = result.added[0] if result.added else None
        if document is None and result.duplicates:
            document = result.duplicates[0][1]
        if result.errors:
            first = result.errors[0]
            collect_sql.ingested(db, url, sha, None, first.stage, first.reason)
            summary.failures.extend(result.errors)
            summary.count(label, "failed")
            return
        collect_sql.ingested(db, url, sha, document)
        summary.added.extend(result.added)
        summary.duplicates.extend((url, d) for _, d in result.duplicates)
        outcome = "new" if result.added else "duplicate" if result.duplicates else "unchanged"
        summary.count(label, outcome)

    return then
