"""ETags: a read sent again with its ETag is 304 until the store is written."""

from __future__ import annotations

import shutil

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.web import create_app
from tests.web.conftest import Store

API = "/api/v1"


def test_etag_gives_304(client: TestClient) -> None:
    first = client.get(f"{API}/claims", params={"actor": "actor:sdf"})
    tag = first.headers["etag"]
    again = client.get(f"{API}/claims", params={"actor": "actor:sdf"},
                       headers={"If-None-Match": tag})  # fmt: skip
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag


def test_etag_differs_per_query(client: TestClient) -> None:
    a = client.get(f"{API}/claims", params={"lang": "de"}).headers["etag"]
    b = client.get(f"{API}/claims", params={"lang": "fr"}).headers["etag"]
    assert a != b
    stale = client.get(f"{API}/claims", params={"lang": "fr"}, headers={"If-None-Match": a})
    assert stale.status_code == 200


def test_errors_carry_no_etag(client: TestClient) -> None:
    assert "etag" not in client.get(f"{API}/documents/doc_nope").headers


def test_a_write_changes_the_etag(store: Store, tmp_path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(store.db, db)
    local = TestClient(create_app(db))
    tag = local.get(f"{API}/documents").headers["etag"]
    text = tmp_path / "new.txt"
    text.write_text("A new report about the dam.\n\nEngineers inspected the turbines on Friday.")
    assert api.ingest([text], db=db).added
    response = local.get(f"{API}/documents", headers={"If-None-Match": tag})
    assert response.status_code == 200 and response.headers["etag"] != tag
