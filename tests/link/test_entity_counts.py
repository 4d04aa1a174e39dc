"""The store keeps, per actor and place, how many documents mention it (migration 008), as
analysis writes and replaces mentions: the counts equal counting the mentions."""

from __future__ import annotations

from pathlib import Path

from claimtrace.config import load_config
from claimtrace.store import open_store
from claimtrace.store.sqlite import SQLiteStore
from tests.link.test_stories import add


def counted(store: SQLiteStore) -> dict[str, int]:
    rows = store.db.execute(
        "SELECT COALESCE(actor_id, place_id), COUNT(DISTINCT document_id) FROM mentions"
        " WHERE COALESCE(actor_id, place_id) IS NOT NULL GROUP BY 1"
    ).fetchall()
    return {key: n for key, n in rows}


def test_counts_follow_mentions_written_and_replaced(tmp_path: Path) -> None:
    store = open_store(load_config(db=str(tmp_path / "e.db")))
    for key in ("ferry-en", "ferry-de", "ferry-fr", "port-en"):
        add(store, key)
    ids = sorted(counted(store))
    assert store.entity_frequencies(ids) == (4, counted(store))
    assert counted(store)["pl:mwanza"] == 3
    with store.transaction():  # a re-analysis replaces a document's mentions
        ferry = store.db.execute(
            "SELECT document_id FROM mentions WHERE place_id = 'pl:ukerewe' LIMIT 1"
        ).fetchone()[0]
        store.db.execute("DELETE FROM mentions WHERE document_id = ?", (ferry,))
        store.db.execute(
            'INSERT INTO mentions (document_id, start, "end", text, label, backend, place_id)'
            " VALUES (?, 0, 6, 'Mwanza', 'GPE', 'test', 'pl:mwanza'),"
            " (?, 10, 16, 'Mwanza', 'GPE', 'test', 'pl:mwanza')",
            (ferry, ferry),
        )
    _, frequencies = store.entity_frequencies(ids)
    assert frequencies == counted(store)
    assert "pl:ukerewe" not in frequencies and frequencies["pl:mwanza"] == 3
