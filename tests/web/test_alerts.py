"""GET /alerts: the alerts `claimtrace alerts` lists, through the API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.store.sqlite_alerts import save_alert
from claimtrace.web.app import create_app
from tests.web.conftest import Store


def test_alerts_are_listed_newest_first(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.db")
    with sqlite3.connect(store.db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    watch = api.add_watch("group", "*", db=db)
    with sqlite3.connect(db) as conn:
        claims = conn.execute("SELECT id, document_id FROM claims ORDER BY id LIMIT 2").fetchall()
        for claim, document in claims:
            save_alert(conn, watch["id"], claim, document, f"joins claim group of {claim}")
    client = TestClient(create_app(db))
    items = client.get("/api/v1/alerts").json()["items"]
    assert [(i["claim"]["id"], i["document"]["id"]) for i in items] == claims[::-1]
    assert all(i["watch"]["id"] == watch["id"] and i["claim"]["text"] for i in items)
    assert items[0] == api.alerts(db=db)[0]
    assert client.get("/api/v1/alerts", params={"watch": watch["id"] + 1}).json()["items"] == []
    assert len(client.get("/api/v1/alerts", params={"limit": 1}).json()["items"]) == 1
