"""One real store for every web test: the bundled samples (five languages) and one hostile
article, ingested and analysed once per test session by the real pipeline."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from claimtrace import api
from claimtrace.web import create_app

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"
HOSTILE_TEXT = (
    "Officials said the pumping station near Aleppo was damaged. <script>alert(1)</script>"
    " was found in the page.\n\nA second paragraph says <img src=x onerror=alert(2)> and links"
    ' to <a href="javascript:alert(3)">the source</a>, according to the local council.'
    # a claim naming two actors (the samples' accusations name no actor as their object)
    "\n\nThe United Nations accused Turkey of cutting the water supply to Aleppo."
)
HOSTILE = {
    "id": "hostile-1",
    "title": "<script>alert('title')</script> Pumping report",
    "outlet": "Hostile <b>Times</b>",
    "published": "2024-03-14",
    "language": "en",
    "url": "javascript:alert(4)",
    "text": HOSTILE_TEXT,
}


@dataclass(frozen=True)
class Store:
    db: str
    folder: Path
    hostile: str  # document id of the hostile article
    german: str  # document id of the German sample


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("web")
    corpus = folder / "corpus"
    shutil.copytree(SAMPLES, corpus)
    (corpus / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = str(folder / "web.db")
    summary = api.ingest([corpus], db=db)
    assert len(summary.added) >= 5
    api.analyse(db=db)
    german = [d for d in api.documents(db=db) if d["language"] == "de"]
    hostile = [d for d in api.documents(db=db) if d["outlet"] == HOSTILE["outlet"]]
    assert len(german) == 1 and len(hostile) == 1
    return Store(db, folder, hostile[0]["id"], german[0]["id"])


@pytest.fixture(scope="session")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store.db))


def assert_error(response: Response, status: int, code: str) -> dict[str, Any]:
    """The API's one error shape, with this status and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    return error
