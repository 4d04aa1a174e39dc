"""Fetched pages into the store: the crawl's outcomes go through the normal ingest
(RawPage -> clean -> deduplicate -> store), each together with its fetch state."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from claimtrace.collect import CollectState, Fetched, FetchOptions, Known, Target, crawl
from claimtrace.config import Config
from claimtrace.ids import sha256_bytes
from claimtrace.ingest.reader import pages_from_bytes
from claimtrace.pipeline import ingest_item
from claimtrace.records import Failure, IngestSummary, RawPage
from claimtrace.store import Store
from claimtrace.store import sqlite_collect as collect_sql


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
    """Where responses are kept: ``<store>.warc/`` beside the store file."""
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
    return state.summary


class StoreState(CollectState):
    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config
        self.db = getattr(store, "db", None)
        if self.db is None:
            raise TypeError("fetching needs the sqlite store backend")
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
        label = result.target.label
        if result.kind == "page":
            self._page(result)
            return
        with self.store.transaction():
            if result.kind == "failed":
                failure = Failure(result.url, result.stage, result.reason or "failed")
                self.store.record_failure(failure)
                self.summary.failures.append(failure)
            collect_sql.save_visit(self.db, result)
        self.summary.count(label, result.kind)

    def _page(self, result: Fetched) -> None:
        target = result.target
        items = list(
            pages_from_bytes(target.url, result.warc_file or target.url, result.body,
                             int(self.config.max_record_bytes))
        )  # fmt: skip
        sha = sha256_bytes(result.body)
        for number, item in enumerate(items):
            if isinstance(item, RawPage):
                item = replace(
                    item, url=result.final_url or target.url,
                    language=item.language or target.language, container="http",
                )  # fmt: skip
            last = number == len(items) - 1
            ingest_item(item, self.store, self.config,
                        self._then(result, sha) if last else None)  # fmt: skip

    def _then(self, result: Fetched, sha: str) -> Callable[[IngestSummary], None]:
        label = result.target.label

        def then(summary: IngestSummary) -> None:
            document = summary.added[0] if summary.added else None
            if document is None and summary.duplicates:
                document = summary.duplicates[0][1]
            errors = summary.errors
            if errors:
                first = errors[0]
                collect_sql.save_visit(self.db, result, sha, None, "failed", first.stage,
                                       first.reason)  # fmt: skip
                self.summary.failures.extend(errors)
                self.summary.count(label, "failed")
                return
            collect_sql.save_visit(self.db, result, sha, document)
            self.summary.added.extend(summary.added)
            self.summary.duplicates.extend((result.url, d) for _, d in summary.duplicates)
            outcome = "new" if summary.added else "duplicate" if summary.duplicates else "unchanged"
            self.summary.count(label, outcome)

        return then
