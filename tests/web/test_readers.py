"""The server keeps one read-only store per thread (web/readers.py): reads reuse it, still
see every later write, and a store file made anew under the server is reopened."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.web import create_app
from claimtrace.web.readers import ThreadStores


def _ingest(db: Path, folder: Path, name: str, text: str) -> None:
    path = folder / f"{name}.jsonl"
    path.write_text(json.dumps({"id": name, "title": name, "text": text}) + "\n", "utf-8")
    api.ingest([path], db=str(db))


def _titles(client: TestClient) -> set[str]:
    response = client.get("/api/v1/documents")
    assert response.status_code == 200, response.text
    return {item["title"] for item in response.json()["items"]}


def test_reads_share_a_store_and_see_later_writes(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    _ingest(db, tmp_path, "first", "The dam upstream was opened on Monday, officials said.")
    with TestClient(create_app(str(db))) as client:
        assert _titles(client) == {"first"}
        with api.opened(str(db), read_only=True) as one, api.opened(str(db), read_only=True) as two:
            assert one is two  # kept open, not opened per read
        _ingest(db, tmp_path, "second", "Farmers said the canal had been dry for a week.")
        assert _titles(client) == {"first", "second"}
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        _ingest(db, tmp_path, "third", "A new store: the bridge reopened after repairs.")
        assert _titles(client) == {"third"}
    with api.opened(str(db), read_only=True) as one, api.opened(str(db), read_only=True) as two:
        assert one is not two  # the server stopped: each read opens the store again


def test_each_thread_has_its_own_store(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    _ingest(db, tmp_path, "first", "The dam upstream was opened on Monday, officials said.")
    stores = ThreadStores(str(db))
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(stores.get()))
    thread.start()
    thread.join()
    mine = stores.get()
    assert mine is stores.get() and found and found[0] is not mine
    assert mine.read_only and os.path.samefile(mine.path, db)
    stores.close()
