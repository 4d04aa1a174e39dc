"""Watch rounds: poll the sources that are due, ingest their new articles, analyse and
link them, and raise alerts. Everything a round does is kept in the store as it happens,
so a run that stops anywhere and starts again loses and duplicates nothing: links queued
and pages fetched are taken up again, documents not analysed or linked are analysed and
linked, and an alert is stored once per watch and claim."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimtrace.collect import Fetched, Target
from claimtrace.config import Config
from claimtrace.pipeline import run_analyse, run_link
from claimtrace.records import Failure
from claimtrace.store import Store
from claimtrace.store import sqlite_collect as collect_sql
from claimtrace.watch.alerts import Alert, raise_alerts
from claimtrace.watch.fetch import _connection, fetch_into
from claimtrace.watch.sources import Source


@dataclass
class SourceRound:
    label: str
    url: str
    new: int = 0
    unchanged: int = 0
    failed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class RoundSummary:
    sources: list[SourceRound] = field(default_factory=list)  # the sources polled
    added: list[str] = field(default_factory=list)
    analysed: int = 0
    linked: int = 0
    alerts: list[Alert] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    next_due: float | None = None  # Unix time the next source is due

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": [s.to_dict() for s in self.sources],
            "added": self.added,
            "analysed": self.analysed,
            "linked": self.linked,
            "alerts": [a.to_dict() for a in self.alerts],
            "failures": [f.to_dict() for f in self.failures],
            "next_due": self.next_due,
        }


def watch_round(
    sources: list[Source],
    store: Store,
    config: Config,
    now: float | None = None,
    on_result: Callable[[Fetched], None] | None = None,
) -> RoundSummary:
    """One round over the sources due at ``now`` (every source the first time)."""
    now = time.time() if now is None else now
    db = _connection(store)
    with store.transaction():
        collect_sql.sync_sources(db, [s.to_row() for s in sources])
    urls = [s.url for s in sources]
    due = set(collect_sql.due_sources(db, urls, now)) if urls else set()
    polled = [s for s in sources if s.url in due]
    targets = [Target(s.url, None, s.language, s.label, s.kind) for s in polled]
    fetched = fetch_into(targets, store, config, on_result=on_result)
    summary = RoundSummary(added=list(fetched.added), failures=list(fetched.failures))
    for source in polled:
        counts: Counter[str] = fetched.by_label.get(source.label, Counter())
        part = SourceRound(
            source.label,
            source.url,
            new=counts.get("new", 0),
            unchanged=sum(counts.get(k, 0) for k in ("unchanged", "seen", "duplicate")),
            failed=counts.get("failed", 0),
        )
        summary.sources.append(part)
        with store.transaction():
            collect_sql.polled(db, source.url, now, part.to_dict())
    summary.analysed = len(run_analyse(store, config))
    summary.linked = len(run_link(store, config).documents)
    summary.alerts = raise_alerts(store, config)
    summary.next_due = collect_sql.next_due(db, urls) if urls else None
    return summary
