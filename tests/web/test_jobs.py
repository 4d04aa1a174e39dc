"""Ingest from the API and the browser: uploads land in their job's folder and nowhere else,
limits hold, and the job runs ingest -> analyse -> link with the CLI's failure records."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.web import create_app
from claimtrace.web.uploads import UploadError, safe_name, save_stream, unpack_zip
from tests.web.conftest import Store, assert_error

ARTICLE = (
    "Officials in Raqqa said on Monday that the water station had been repaired after the"
    " attack, according to the local council. The United Nations said engineers would"
    " inspect the pumps again next week."
)


def copied(store: Store, tmp_path: Path) -> str:
    db = str(tmp_path / "jobs.db")
    with sqlite3.connect(store.db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    return db


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("/abs/x.html", "x.html"),
        (".hidden", "hidden"),
        ("a b<script>.txt", "a_b_script_.txt"),
        ("", "upload"),
        ("..", "upload"),
    ],
)
def test_upload_names_stay_in_their_folder(given: str, safe: str) -> None:
    assert safe_name(given) == safe


def test_zip_members_cannot_escape_or_overflow(tmp_path: Path) -> None:
    folder = tmp_path / "input"
    folder.mkdir()
    archive = folder / "up.zip"
    archive.write_bytes(zipped({"../../outside.txt": b"x", "/etc/abs.txt": b"y", "ok/a.txt": b"z"}))
    saved = unpack_zip(archive, folder, 1000)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "abs.txt", "outside.txt"]
    assert all(s.path.parent == folder.resolve() for s in saved)
    assert not (tmp_path / "outside.txt").exists() and not archive.exists()
    bomb = folder / "bomb.zip"
    bomb.write_bytes(zipped({"zeros.txt": b"\0" * 2_000_000}))
    assert bomb.stat().st_size < 20_000
    with pytest.raises(UploadError, match="larger than the limit"):
        unpack_zip(bomb, folder, 1_000_000)
    assert not (folder / "zeros.txt").exists()


def test_zip_links_are_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    (tmp_path / "l.zip").write_bytes(buffer.getvalue())
    with pytest.raises(UploadError, match="is a link"):
        unpack_zip(tmp_path / "l.zip", tmp_path, 1000)


def test_a_stream_past_its_budget_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(UploadError):
        save_stream(tmp_path, "big.txt", io.BytesIO(b"x" * 5000), 4000)
    assert list(tmp_path.iterdir()) == []


def test_upload_runs_ingest_analyse_link_with_failure_records(store: Store, tmp_path: Path) -> None:
    db = copied(store, tmp_path)
    client = TestClient(create_app(db))
    bad_line = '{"id": "broken", "text": "no closing brace"\n'
    upload = zipped({"../raqqa.txt": ARTICLE.encode(), "feed.jsonl": bad_line.encode()})
    response = client.post(
        "/api/v1/jobs",
        files=[("files", ("articles.zip", upload, "application/zip"))],
        data={
            "text": "The ministry denied the report on Tuesday, officials said.",
            "title": "Ministry denial <script>",
        },
    )
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["state"] in ("queued", "running") and job["files"] == ["articles.zip", "pasted text"]
    client.app.state.jobs.wait(timeout=600)  # type: ignore[attr-defined]
    done = client.get(f"/api/v1/jobs/{job['id']}").json()
    assert done["state"] == "done", done
    assert len(done["added"]) == 2 and done["analysed"] >= 2 and done["linked"] >= 2
    assert [(f["source"], f["stage"]) for f in done["failures"]] == [("feed.jsonl#L1", "parse")]
    folder = Path(f"{db}.uploads") / job["id"] / "input"
    assert sorted(p.name for p in folder.iterdir()) == ["feed.jsonl", "pasted.txt", "raqqa.txt"]
    for document in done["added"]:
        assert api.show(document, db=db).claims  # analysed: its claims are there
    assert client.get("/api/v1/jobs").json()["items"][0]["id"] == job["id"]
    page = client.get(f"/jobs/{job['id']}")
    assert page.status_code == 200 and "feed.jsonl#L1" in page.text and "refresh" not in page.text


def test_job_state_survives_a_restart(store: Store, tmp_path: Path) -> None:
    db = copied(store, tmp_path)
    folder = Path(f"{db}.uploads") / "job_0123456789abcdef"
    folder.mkdir(parents=True)
    state = {
        "id": "job_0123456789abcdef",
        "created": "2026-01-01T00:00:00Z",
        "state": "running",
        "stage": "analyse",
        "files": ["a.txt"],
        "added": ["doc_x"],
        "failures": [],
    }
    (folder / "job.json").write_text(json.dumps(state))
    os.utime(folder / "job.json", (1_700_000_000, 1_700_000_000))  # long untouched
    found = TestClient(create_app(db)).get("/api/v1/jobs/job_0123456789abcdef").json()
    assert found["state"] == "interrupted" and found["added"] == ["doc_x"]


def test_upload_limits(store: Store, tmp_path: Path) -> None:
    client = TestClient(create_app(copied(store, tmp_path), max_upload_bytes=10_000))
    big = client.post("/api/v1/jobs", files=[("files", ("big.txt", b"x" * 200_000, "text/plain"))])
    assert_error(big, 413, "too_large")
    over = client.post("/api/v1/jobs", files=[("files", ("b.txt", b"x" * 20_000, "text/plain"))])
    assert_error(over, 413, "too_large")  # within the form overhead, past the files' budget
    chunked = client.post(
        "/api/v1/jobs",
        content=iter([b"text=abc"]),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_error(chunked, 411, "length_required")
    assert_error(client.post("/api/v1/jobs", data={"text": "  "}), 400, "empty_upload")
    assert client.get("/api/v1/jobs").json()["items"] == []  # nothing was queued
    assert not any(Path(f"{tmp_path}/jobs.db.uploads").glob("job_*/input/*"))


def test_read_only_server_refuses_uploads(store: Store) -> None:
    client = TestClient(create_app(store.db, read_only=True))
    assert_error(client.post("/api/v1/jobs", data={"text": ARTICLE}), 403, "read_only")
    assert_error(client.post("/upload", data={"text": ARTICLE}), 403, "read_only")


def test_upload_page_starts_a_job_and_shows_its_progress(store: Store, tmp_path: Path) -> None:
    client = TestClient(create_app(copied(store, tmp_path)), follow_redirects=False)
    form = client.get("/upload")
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text
    started = client.post(
        "/upload",
        files=[("files", ("<img src=x onerror=alert(1)>.txt", ARTICLE.encode(), "text/plain"))],
    )
    assert started.status_code == 303 and started.headers["location"].startswith("/jobs/job_")
    page = client.get(started.headers["location"])
    assert page.status_code == 200 and "<img src=x" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page.text
    client.app.state.jobs.wait(timeout=600)  # type: ignore[attr-defined]
    assert "done" in client.get(started.headers["location"]).text
    empty = client.post("/upload", data={"text": ""})
    assert empty.status_code == 400 and "send files" in empty.text


def test_a_write_from_another_site_is_refused(store: Store) -> None:
    client = TestClient(create_app(store.db), base_url="http://127.0.0.1:8000")
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ):
        response = client.post("/api/v1/jobs", data={"text": ARTICLE}, headers=headers)
        assert_error(response, 403, "cross_site")
    same = client.post(
        "/api/v1/jobs", data={"text": " "}, headers={"Origin": "http://127.0.0.1:8000"}
    )
    assert_error(same, 400, "empty_upload")  # same origin: through the guard to the route
