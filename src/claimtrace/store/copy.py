"""Copy a whole store to another backend (``claimtrace copy-store SRC DST``): SQLite to
PostgreSQL and back, every table, row by row in the source's insertion order.

Ids are kept (vector ids, correction ids, link queue positions), so what refers to them
still holds, and rows come in the order each table was written, so everything ordered by
insertion (story and group members) reads the same. The full-text index is rebuilt by the
destination from the documents (FTS5 and tsvector index differently). The destination
keeps its own store id (``link_meta``): it is a new store, whose nearest-neighbour index is
built from the copied vectors. Counts the triggers keep (``entity_documents``,
``link_queue``) are copied as they are, after the rows that fire the triggers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from claimtrace.errors import StoreError
from claimtrace.records import Document
from claimtrace.store.base import Store

# in an order that satisfies the foreign keys; trigger-kept tables last
TABLES = (
    "documents", "originals", "sources", "paragraphs", "document_bands", "failures",
    "analyses", "actors", "places", "sentences", "mentions", "time_expressions",
    "attributions", "claims", "claim_actors", "claim_places", "claim_sources", "vectors",
    "claim_groups", "claim_group_members", "merged_groups", "stories", "story_documents",
    "linked_documents", "corrections", "fetched_urls", "fetch_queue", "watch_sources",
    "watches", "alerts", "entity_documents", "link_queue",
)  # fmt: skip
_TRIGGER_KEPT = ("entity_documents", "link_queue")
# identity columns whose sequence must move past the copied ids (PostgreSQL)
_SEQUENCES = (
    ("vectors", "id"), ("link_queue", "seq"), ("corrections", "id"), ("failures", "id"),
    ("watches", "id"), ("alerts", "id"),
)  # fmt: skip
CHUNK = 1000


def columns(store: Store, table: str) -> list[str]:
    cursor = store.db.execute(f"SELECT * FROM {table} LIMIT 0")  # type: ignore[attr-defined]
    return [d[0] for d in cursor.description if d[0] != "rowid"]


def _is_postgres(store: Store) -> bool:
    from claimtrace.store.postgres import PostgresStore

    return isinstance(store, PostgresStore)


def copy_store(
    source: Store, target: Store, on_table: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty store ``target``; rows per table."""
    if target.stats()["documents"] or target.stats()["failures"]:
        raise StoreError(f"the destination store {target.stats()['store']} is not empty")
    counts: dict[str, int] = {}
    with target.transaction():
        for table in TABLES:
            wanted = columns(source, table)
            have = set(columns(target, table))
            shared = [c for c in wanted if c in have]
            if table in _TRIGGER_KEPT:
                target.db.execute(f"DELETE FROM {table}")  # type: ignore[attr-defined]
            counts[table] = _copy_rows(source, target, table, shared)
            if on_table is not None:
                on_table(table, counts[table])
        for row in source.db.execute("SELECT record FROM documents"):  # type: ignore[attr-defined]
            target.index_document(Document.from_dict(json.loads(row[0])))
        if _is_postgres(target):
            for table, column in _SEQUENCES:
                target.db.execute(  # type: ignore[attr-defined]
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
                    f" (SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}), false)"
                )
    return counts


def _copy_rows(source: Store, target: Store, table: str, names: list[str]) -> int:
    quoted = ", ".join(f'"{c}"' for c in names)
    order = _order(source, table)
    rows: list[Any] = source.db.execute(  # type: ignore[attr-defined]
        f"SELECT {quoted} FROM {table}{order}"
    ).fetchall()
    marks = ",".join("?" * len(names))
    insert = f"INSERT INTO {table} ({quoted}) VALUES ({marks})"
    for start in range(0, len(rows), CHUNK):
        chunk = [tuple(row) for row in rows[start : start + CHUNK]]
        target.db.executemany(insert, chunk)  # type: ignore[attr-defined]
    return len(rows)


def _order(store: Store, table: str) -> str:
    """Insertion order: SQLite's rowid, or the rowid/identity column on PostgreSQL."""
    if not _is_postgres(store):
        return "" if table == "document_bands" else " ORDER BY rowid"
    cursor = store.db.execute(f"SELECT * FROM {table} LIMIT 0")  # type: ignore[attr-defined]
    present = {d[0] for d in cursor.description}
    for column in ("rowid", "seq"):
        if column in present:
            return f" ORDER BY {column}"
    return " ORDER BY id" if (table, "id") in _SEQUENCES else ""
