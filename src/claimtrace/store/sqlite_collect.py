"""What collect/ and watch/ keep in the SQLite store (migration 011): fetched URLs with
their validators, the queue of links not fetched yet, and the watch sources' schedule."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from claimtrace.collect.records import Fetched, Known, Target


def known(db: sqlite3.Connection, url: str) -> Known | None:
    row = db.execute(
        "SELECT kind, etag, last_modified FROM fetched_urls WHERE url = ?", (url,)
    ).fetchone()
    return None if row is None else Known(url, row[0], row[1], row[2])


def pending(db: sqlite3.Connection) -> list[Target]:
    rows = db.execute(
        "SELECT url, parent, language, label, kind, depth FROM fetch_queue ORDER BY queued_at, url"
    ).fetchall()
    return [Target(r[0], r[1], r[2], r[3], r[4], int(r[5]), given=False) for r in rows]


def queue(db: sqlite3.Connection, children: list[Target]) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO fetch_queue (url, parent, language, label, kind, depth)"
        " VALUES (?,?,?,?,?,?)",
        [(t.url, t.parent, t.language, t.label, t.kind, t.depth) for t in children],
    )


def save_visit(
    db: sqlite3.Connection,
    result: Fetched,
    kind: str | None = None,
    stage: str | None = None,
    reason: str | None = None,
) -> None:
    """Record one visit (and take the URL off the queue); a page is marked to be ingested.
    A 304 keeps what the URL was and its validators; a failure keeps what the URL was and
    the validators of its last good visit."""
    target = result.target
    db.execute("DELETE FROM fetch_queue WHERE url = ?", (target.url,))
    if result.kind == "unchanged":
        db.execute(
            "UPDATE fetched_urls SET status = ?, last_fetched = strftime('%Y-%m-%dT%H:%M:%SZ',"
            " 'now'), warc_file = ?, warc_record = ?, warc_offset = ? WHERE url = ?",
            (result.status, result.warc_file, result.warc_record, result.warc_offset,
             target.url),
        )  # fmt: skip
        return
    kind = kind or result.kind
    failed = kind == "failed"
    db.execute(
        "INSERT INTO fetched_urls (url, kind, status, final_url, content_type, etag,"
        " last_modified, warc_file, warc_record, warc_offset, to_ingest, language, stage,"
        " reason, parent, label) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (url) DO UPDATE SET kind = CASE WHEN excluded.kind = 'failed'"
        "   AND fetched_urls.kind != 'failed' THEN fetched_urls.kind ELSE excluded.kind END,"
        " status = excluded.status, final_url = excluded.final_url,"
        " content_type = excluded.content_type,"
        " etag = CASE WHEN excluded.kind = 'failed' THEN fetched_urls.etag ELSE excluded.etag END,"
        " last_modified = CASE WHEN excluded.kind = 'failed' THEN fetched_urls.last_modified"
        "   ELSE excluded.last_modified END,"
        " warc_file = excluded.warc_file, warc_record = excluded.warc_record,"
        " warc_offset = excluded.warc_offset, to_ingest = excluded.to_ingest,"
        " language = excluded.language, stage = excluded.stage, reason = excluded.reason,"
        " last_fetched = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        (
            target.url, kind, result.status, result.final_url, result.content_type,
            None if failed else result.etag, None if failed else result.last_modified,
            result.warc_file, result.warc_record, result.warc_offset, int(kind == "page"),
            target.language, (stage or result.stage) if failed else None,
            (reason or result.reason) if failed else None, target.parent, target.label,
        ),
    )  # fmt: skip


def waiting(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Pages fetched and not ingested yet, in the order they were fetched."""
    rows = db.execute(
        "SELECT url, final_url, content_type, warc_file, warc_offset, language, label, parent"
        " FROM fetched_urls WHERE to_ingest = 1 ORDER BY last_fetched, rowid"
    ).fetchall()
    return [dict(zip(row.keys(), row, strict=True)) for row in rows]


def ingested(
    db: sqlite3.Connection,
    url: str,
    sha256: str | None,
    document_id: str | None,
    stage: str | None = None,
    reason: str | None = None,
) -> None:
    """The page was ingested (into ``document_id``), or failed at ``stage`` (it stays a
    page: fetching the same bytes again would not help)."""
    if reason is not None:
        db.execute(
            "UPDATE fetched_urls SET to_ingest = 0, stage = ?, reason = ?,"
            " sha256 = ? WHERE url = ?",
            (stage, reason, sha256, url),
        )
        return
    db.execute(
        "UPDATE fetched_urls SET to_ingest = 0, sha256 = ?,"
        " document_id = COALESCE(?, document_id) WHERE url = ?",
        (sha256, document_id, url),
    )


def fetched(db: sqlite3.Connection, url: str) -> dict[str, Any] | None:
    row = db.execute("SELECT * FROM fetched_urls WHERE url = ?", (url,)).fetchone()
    return None if row is None else dict(zip(row.keys(), row, strict=True))


# -- watch sources --------------------------------------------------------------------------


def sync_sources(db: sqlite3.Connection, sources: list[dict[str, Any]]) -> None:
    """Insert or update the sources of a SOURCES.toml (their schedule is kept)."""
    for source in sources:
        db.execute(
            "INSERT INTO watch_sources (url, label, kind, language, interval_s)"
            " VALUES (?,?,?,?,?) ON CONFLICT (url) DO UPDATE SET label = excluded.label,"
            " kind = excluded.kind, language = excluded.language,"
            " interval_s = excluded.interval_s",
            (source["url"], source["label"], source["kind"], source["language"],
             source["interval_s"]),
        )  # fmt: skip


def due_sources(db: sqlite3.Connection, urls: list[str], now: float) -> list[str]:
    marks = ",".join("?" * len(urls))
    rows = db.execute(
        f"SELECT url FROM watch_sources WHERE url IN ({marks}) AND next_due <= ?", (*urls, now)
    ).fetchall()
    return [row[0] for row in rows]


def polled(db: sqlite3.Connection, url: str, now: float, summary: dict[str, int]) -> None:
    db.execute(
        "UPDATE watch_sources SET last_polled = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
        " next_due = ? + interval_s, rounds = rounds + 1, last_summary = ? WHERE url = ?",
        (now, json.dumps(summary), url),
    )


def next_due(db: sqlite3.Connection, urls: list[str]) -> float | None:
    marks = ",".join("?" * len(urls))
    row = db.execute(
        f"SELECT MIN(next_due) FROM watch_sources WHERE url IN ({marks})", urls
    ).fetchone()
    return None if row is None or row[0] is None else float(row[0])
