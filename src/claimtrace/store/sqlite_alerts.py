"""Saved watches and their alerts (migration 011), in SQL both stores run (the
PostgreSQL store through store/pg_dialect.py): parameters that may be NULL are cast, ids
come back through RETURNING, and documents are ordered by their insertion key ``rowid``
(a column on PostgreSQL).

A watch looks at the claims of the linked documents ingested since it was made: claims of
documents already in the store then never alert, even when those are analysed or linked
again. An alert is unique per (watch, claim), so looking twice at a claim raises it once.
"""

from __future__ import annotations

import sqlite3
from typing import Any

WATCH_KINDS = ("actor", "group", "query", "source")
EVENTS = ("any", "new-outlet", "contradiction")

# the claims a watch may alert on: of documents ingested since it was made, once linked
_NEW_CLAIMS = (
    "SELECT c.id, c.document_id, c.text, c.language, d.outlet FROM claims c"
    " JOIN documents d ON d.id = c.document_id"
    " JOIN linked_documents l ON l.document_id = c.document_id"
    " WHERE d.rowid > :since AND (CAST(:lang AS TEXT) IS NULL OR c.language = :lang)"
)
_BY_KIND = {
    "actor": (
        " AND (EXISTS (SELECT 1 FROM claim_actors a WHERE a.claim_id = c.id"
        " AND a.actor_id = :target) OR EXISTS (SELECT 1 FROM claim_sources s"
        " WHERE s.claim_id = c.id AND s.actor_id = :target))"
    ),
    "source": (
        " AND (lower(d.outlet) = lower(CAST(:target AS TEXT)) OR EXISTS (SELECT 1 FROM sources s"
        " WHERE s.document_id = c.document_id AND (s.url = :target OR s.key = :target"
        " OR substr(s.url, 1, length(CAST(:target AS TEXT))) = :target)) OR EXISTS (SELECT 1"
        " FROM fetched_urls f WHERE f.document_id = c.document_id"
        " AND (f.label = :target OR f.parent = :target)))"
    ),
    "query": "",
}
# in a group: any claim; one from an outlet none of the group's earlier documents came
# from; one that contradicts the group
_GROUP = {
    "any": "",
    "contradiction": " AND m.stance = 'contradict'",
    "new-outlet": (
        " AND d.outlet IS NOT NULL AND EXISTS (SELECT 1 FROM claim_group_members m2"
        " JOIN claims c2 ON c2.id = m2.claim_id JOIN documents d2 ON d2.id = c2.document_id"
        " WHERE m2.group_id = m.group_id AND d2.rowid < d.rowid)"
        " AND NOT EXISTS (SELECT 1 FROM claim_group_members m2"
        " JOIN claims c2 ON c2.id = m2.claim_id JOIN documents d2 ON d2.id = c2.document_id"
        " WHERE m2.group_id = m.group_id AND d2.rowid < d.rowid"
        " AND lower(d2.outlet) = lower(d.outlet))"
    ),
}


def add_watch(
    db: sqlite3.Connection, kind: str, target: str, event: str = "any",
    language: str | None = None, label: str | None = None,
) -> int:  # fmt: skip
    row = db.execute(
        "INSERT INTO watches (kind, target, event, language, label, since_document)"
        " VALUES (?,?,?,?,?, (SELECT COALESCE(MAX(rowid), 0) FROM documents)) RETURNING id",
        (kind, target, event, language, label),
    ).fetchall()[0]  # read to the end: SQLite finishes the statement then
    return int(row[0])


def remove_watch(db: sqlite3.Connection, watch_id: int) -> bool:
    cursor = db.execute(
        "UPDATE watches SET removed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
        " WHERE id = ? AND removed_at IS NULL",
        (watch_id,),
    )
    return cursor.rowcount > 0


def watches(db: sqlite3.Connection, include_removed: bool = False) -> list[dict[str, Any]]:
    where = "" if include_removed else " WHERE removed_at IS NULL"
    rows = db.execute(f"SELECT * FROM watches{where} ORDER BY id").fetchall()
    return [_dict(row) for row in rows]


def new_claims(db: sqlite3.Connection, watch: dict[str, Any]) -> list[dict[str, Any]]:
    """Claims of documents ingested since the watch was made, and linked, that it matches
    (a query watch: every such claim; the caller reads the query)."""
    since = watch["since_document"]
    params = {"since": since, "lang": watch["language"], "target": watch["target"]}
    if watch["kind"] == "group":
        sql = _NEW_CLAIMS.replace(" WHERE ", " JOIN claim_group_members m ON m.claim_id = c.id"
                                  " WHERE ", 1)  # fmt: skip
        sql = sql.replace("SELECT c.id,", "SELECT m.group_id, m.stance, c.id,", 1)
        if watch["target"] != "*":
            sql += " AND m.group_id = :target"
        sql += _GROUP[watch["event"]]
    else:
        sql = _NEW_CLAIMS + _BY_KIND[watch["kind"]]
    rows = db.execute(sql + " ORDER BY d.rowid, c.start", params).fetchall()
    return [_dict(row) for row in rows]


def checked(db: sqlite3.Connection, watch_id: int) -> None:
    db.execute(
        "UPDATE watches SET checked_until = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
        (watch_id,),
    )


def save_alert(
    db: sqlite3.Connection, watch_id: int, claim_id: str, document_id: str, reason: str
) -> int | None:
    """The new alert's id, or None when this watch alerted on this claim before."""
    rows = db.execute(
        "INSERT INTO alerts (watch_id, claim_id, document_id, reason) VALUES (?,?,?,?)"
        " ON CONFLICT (watch_id, claim_id) DO NOTHING RETURNING id",
        (watch_id, claim_id, document_id, reason),
    ).fetchall()
    return int(rows[0][0]) if rows else None


_ALERT = (
    "SELECT a.id, a.watch_id, a.claim_id, a.document_id, a.reason, a.created_at,"
    " a.delivered_at, a.delivery_error, w.kind AS watch_kind, w.target AS watch_target,"
    " w.event AS watch_event, w.label AS watch_label, c.text AS claim_text,"
    " c.relation, c.modality, c.language, d.title, d.url, d.outlet, d.published"
    " FROM alerts a JOIN watches w ON w.id = a.watch_id"
    " LEFT JOIN claims c ON c.id = a.claim_id LEFT JOIN documents d ON d.id = a.document_id"
)


def alerts(
    db: sqlite3.Connection, limit: int = 100, undelivered: bool = False,
    ids: list[int] | None = None, watch_id: int | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    where, params = [], []  # type: ignore[var-annotated]
    if undelivered:
        where.append("a.delivered_at IS NULL")
    if ids is not None:
        where.append(f"a.id IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    if watch_id is not None:
        where.append("a.watch_id = ?")
        params.append(watch_id)
    sql = _ALERT + (" WHERE " + " AND ".join(where) if where else "")
    rows = db.execute(sql + " ORDER BY a.id DESC LIMIT ?", (*params, limit)).fetchall()
    return [_dict(row) for row in rows]


def delivered(db: sqlite3.Connection, alert_id: int, error: str | None) -> None:
    if error is None:
        db.execute(
            "UPDATE alerts SET delivered_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
            " delivery_error = NULL WHERE id = ?",
            (alert_id,),
        )
    else:
        db.execute("UPDATE alerts SET delivery_error = ? WHERE id = ?", (error, alert_id))


def _dict(row: sqlite3.Row) -> dict[str, Any]:
    return dict(zip(row.keys(), row, strict=True))
