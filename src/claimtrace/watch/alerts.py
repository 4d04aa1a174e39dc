"""Saved watches and alerts: what the analyst wants to hear about, checked after every
link run, each match stored once as an alert with its claim and document, and POSTed as
JSON to ``webhook_url`` when one is set (again next round until the hook accepts it)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import httpx

from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError, NotFoundError
from claimtrace.store import Store
from claimtrace.store import sqlite_alerts as alerts_sql
from claimtrace.store.search_syntax import SearchSyntaxError, parse_query, terms
from claimtrace.store.sqlite_alerts import EVENTS, WATCH_KINDS

_WEBHOOK_TIMEOUT = 10.0


@dataclass(frozen=True)
class Alert:
    id: int
    watch_id: int
    claim_id: str
    document_id: str
    reason: str
    created_at: str
    row: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return alert_json(self.row)


def alert_json(row: dict[str, Any]) -> dict[str, Any]:
    """An alert as the API, `alerts --json` and the webhook show it."""
    return {
        "id": row["id"],
        "created_at": row["created_at"],
        "reason": row["reason"],
        "watch": {
            "id": row["watch_id"],
            "kind": row["watch_kind"],
            "target": row["watch_target"],
            "event": row["watch_event"],
            "label": row["watch_label"],
        },  # fmt: skip
        "claim": {
            "id": row["claim_id"],
            "text": row["claim_text"],
            "relation": row["relation"],
            "modality": row["modality"],
            "language": row["language"],
        },  # fmt: skip
        "document": {
            "id": row["document_id"],
            "title": row["title"],
            "url": row["url"],
            "outlet": row["outlet"],
            "published": row["published"],
        },  # fmt: skip
        "delivered_at": row["delivered_at"],
        "delivery_error": row["delivery_error"],
    }


def _connection(store: Store) -> sqlite3.Connection:
    db = getattr(store, "db", None)
    if db is None:
        raise ClaimtraceError("watches and alerts need an SQLite or PostgreSQL store")
    return db  # type: ignore[no-any-return]


def add_watch(
    store: Store, kind: str, target: str, event: str = "any",
    language: str | None = None, label: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Save a watch; only claims linked from now on alert. ``target``: an actor id or
    exact name (kind actor), a claim group id or prefix or ``*`` (group), a search query
    (query), an outlet name, URL prefix or watch-source label (source)."""
    if kind not in WATCH_KINDS:
        raise ClaimtraceError(f"a watch is on one of {', '.join(WATCH_KINDS)}, not {kind!r}")
    if event not in EVENTS:
        raise ClaimtraceError(f"a watch event is one of {', '.join(EVENTS)}, not {event!r}")
    if event != "any" and kind != "group":
        raise ClaimtraceError(f"event {event!r} applies to group watches only")
    if not target.strip():
        raise ClaimtraceError("a watch needs a target")
    db = _connection(store)
    target = _resolve(db, kind, target.strip())
    with store.transaction():
        watch_id = alerts_sql.add_watch(db, kind, target, event, language, label)
    return next(w for w in alerts_sql.watches(db) if w["id"] == watch_id)


def _resolve(db: sqlite3.Connection, kind: str, target: str) -> str:
    if kind == "actor":
        row = db.execute(
            "SELECT id FROM actors WHERE id = ? UNION SELECT id FROM actors"
            " WHERE name = ? COLLATE NOCASE",
            (target, target),
        ).fetchall()
        if len(row) == 1:
            return str(row[0][0])
        if target.startswith("actor:"):
            return target  # a known actor not seen in this store yet
        why = "is ambiguous" if row else "names no actor"
        raise NotFoundError(f"{target!r} {why} in the store (give an id from `entities`)")
    if kind == "group" and target != "*":
        ids = [r[0] for r in db.execute("SELECT id FROM claim_groups WHERE id LIKE ? || '%'",
                                        (target,))]  # fmt: skip
        if len(ids) != 1:
            why = "is ambiguous" if ids else "names no claim group"
            raise NotFoundError(f"{target!r} {why} in the store (see `groups`)")
        return str(ids[0])
    if kind == "query":
        try:
            parse_query(target)
        except SearchSyntaxError as exc:
            raise ClaimtraceError(f"watch query {target!r}: {exc}") from exc
    return target


def raise_alerts(store: Store, config: Config) -> list[Alert]:
    """Check every watch against the claims of documents ingested since it was made; store each new
    match as an alert (once per watch and claim), then deliver undelivered alerts to the
    webhook. Returns the alerts raised now."""
    db = _connection(store)
    raised: list[int] = []
    for watch in alerts_sql.watches(db):
        found = _matches(store, db, watch)
        with store.transaction():
            for claim in found:
                new = alerts_sql.save_alert(db, watch["id"], claim["id"], claim["document_id"],
                                            _reason(watch, claim))  # fmt: skip
                if new is not None:
                    raised.append(new)
            alerts_sql.checked(db, watch["id"])
    if config.webhook_url:
        deliver(store, config.webhook_url)
    rows = alerts_sql.alerts(db, limit=len(raised), ids=raised) if raised else []
    return [_alert(row) for row in reversed(rows)]


def _matches(store: Store, db: sqlite3.Connection, watch: dict[str, Any]) -> list[dict[str, Any]]:
    claims = alerts_sql.new_claims(db, watch)
    if watch["kind"] != "query" or not claims:
        return claims
    # a query watch: the claim's document matches the query (full-text search, entity
    # names across languages), and the claim's own sentence names one of its terms
    hits = store.search(watch["target"], limit=100_000, language=None)
    documents = {hit.document_id for hit in hits}
    words = {w.lower() for t in terms(parse_query(watch["target"])) for w in [t.raw] if w}
    for names in store.search_names(watch["target"]).values():
        words.update(n.lower() for n in names)
    return [
        c for c in claims
        if c["document_id"] in documents and any(w in (c["text"] or "").lower() for w in words)
    ]  # fmt: skip


def _reason(watch: dict[str, Any], claim: dict[str, Any]) -> str:
    kind, target = watch["kind"], watch["target"]
    if kind == "group":
        group = claim.get("group_id", target)
        if watch["event"] == "contradiction":
            return f"contradicts claim group {group}"
        if watch["event"] == "new-outlet":
            return f"{claim['outlet']} repeats claim group {group} for the first time"
        return f"joins claim group {group}"
    if kind == "actor":
        return f"names actor {target}"
    if kind == "query":
        return f"matches {target!r}" + (f" in {watch['language']}" if watch["language"] else "")
    return f"from source {target}"


def _alert(row: dict[str, Any]) -> Alert:
    return Alert(row["id"], row["watch_id"], row["claim_id"], row["document_id"], row["reason"],
                 row["created_at"], row)  # fmt: skip


def deliver(store: Store, url: str, limit: int = 500) -> tuple[int, int]:
    """POST every undelivered alert to ``url`` as JSON, one request each; (sent, failed).
    A failure is noted on the alert, which is tried again next time."""
    db = _connection(store)
    sent = failed = 0
    with httpx.Client(timeout=_WEBHOOK_TIMEOUT, follow_redirects=False) as client:
        for row in reversed(alerts_sql.alerts(db, limit=limit, undelivered=True)):
            error = None
            try:
                answer = client.post(url, json=alert_json(row))
                if answer.status_code >= 300:
                    error = f"HTTP {answer.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            with store.transaction():
                alerts_sql.delivered(db, row["id"], error)
            sent, failed = (sent + 1, failed) if error is None else (sent, failed + 1)
    return sent, failed


def list_alerts(
    store: Store, limit: int = 100, watch_id: int | None = None
) -> list[dict[str, Any]]:
    return [alert_json(r) for r in alerts_sql.alerts(_connection(store), limit, watch_id=watch_id)]


def list_watches(store: Store, include_removed: bool = False) -> list[dict[str, Any]]:
    return alerts_sql.watches(_connection(store), include_removed)


def remove_watch(store: Store, watch_id: int) -> None:
    db = _connection(store)
    with store.transaction():
        if not alerts_sql.remove_watch(db, watch_id):
            raise NotFoundError(f"no watch #{watch_id} (see `alerts watches`)")
