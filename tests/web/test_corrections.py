"""The analyst's corrections in the HTTP API: listed with the entities they touch, on the
actor page, and as the audit trail."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.web import create_app
from tests.web.conftest import Store

API = "/api/v1"


def test_entities_and_actor_pages_show_corrections(store: Store, tmp_path: Path) -> None:
    db = str(tmp_path / "copy.db")
    shutil.copy(store.db, db)
    client = TestClient(create_app(db))
    before = client.get(f"{API}/entities").json()["items"]
    actor = next(e for e in before if e["type"] != "place")
    assert actor["corrections"] == []
    [made] = api.correct("retype", actor["id"], db=db, value="other", analyst="ana", note="x")
    client = TestClient(create_app(db))  # a new app: responses are cached per store state
    after = {e["id"]: e for e in client.get(f"{API}/entities").json()["items"]}
    assert after[actor["id"]]["type"] == "other"
    [ref] = after[actor["id"]]["corrections"]
    assert ref["id"] == made.id and ref["action"] == "retype" and ref["analyst"] == "ana"
    others = client.get(f"{API}/entities", params={"type": "other"}).json()["items"]
    assert actor["id"] in {e["id"] for e in others}
    page = client.get(f"{API}/actors/{actor['id']}").json()
    assert [c["id"] for c in page["corrections"]] == [made.id]
    trail = client.get(f"{API}/corrections").json()["items"]
    assert [(c["id"], c["note"], c["undone_at"]) for c in trail] == [(made.id, "x", None)]
    api.undo_correction(made.id, "bob", db=db)
    client = TestClient(create_app(db))
    assert client.get(f"{API}/corrections").json()["items"] == []
    [undone] = client.get(f"{API}/corrections", params={"all": "true"}).json()["items"]
    assert undone["undone_by"] == "bob"
