"""The alerts page: alerts the watches raised, with their claim, document and watch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.store.sqlite_alerts import save_alert
from claimtrace.web.app import create_app
from tests.web.conftest import Store


def test_alerts_page_lists_alerts_and_filters_by_watch(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.db")
    with sqlite3.connect(store.db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    client = TestClient(create_app(db))
    assert "no watch is saved yet" in client.get("/alerts").text
    first = api.add_watch("group", "*", db=db)
    second = api.add_watch("source", "council", db=db)
    with sqlite3.connect(db) as conn:
        hostile = conn.execute(
            "SELECT id, document_id FROM claims WHERE document_id = ? LIMIT 1", (store.hostile,)
        ).fetchone()
        other = conn.execute(
            "SELECT id, document_id FROM claims WHERE document_id != ? LIMIT 1", (store.hostile,)
        ).fetchone()
        save_alert(conn, first["id"], *hostile, "joins a claim group <b>x</b>")
        save_alert(conn, second["id"], *other, "sourced to the council")
    page = client.get("/alerts")
    assert page.status_code == 200
    assert f'href="/documents/{store.hostile}"' in page.text
    assert f'href="/documents/{other[1]}"' in page.text
    assert "joins a claim group &lt;b&gt;x&lt;/b&gt;" in page.text
    assert "<script>" not in page.text and "<b>" not in page.text
    only = client.get("/alerts", params={"watch": second["id"]}).text
    assert f'href="/documents/{other[1]}"' in only
    assert f'href="/documents/{store.hostile}"' not in only
    assert client.get("/alerts", params={"watch": 0}).status_code == 422
