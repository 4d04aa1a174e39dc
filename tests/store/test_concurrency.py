"""Several processes on one store (issue 10, case 6), with real processes of the installed
CLI: writers take turns within lock_timeout, nothing is lost or stored twice."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from claimtrace import api
from tests.conftest import ARTICLE_DE, ARTICLE_EN, SHARED

CLI = str(Path(sys.executable).with_name("claimtrace"))
PAGES = SHARED / "evaldata" / "trafilatura-eval" / "html"


def _pages(tmp_path: Path, count: int) -> Path:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not found in {PAGES}")
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for page in sorted(PAGES.iterdir())[:count]:
        shutil.copy(page, corpus / page.name)
    return corpus


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [CLI, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TQDM_DISABLE": "1", **(env or {})},
    )


def _finish(proc: subprocess.Popen[str], timeout: float = 240) -> tuple[int, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out + err


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        keys = conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM sources").fetchone()
    return docs, keys[0], keys[1]


def test_two_concurrent_ingests_store_every_document_once(tmp_path: Path) -> None:
    corpus = _pages(tmp_path, 40)
    db = tmp_path / "s.db"
    first = _run("ingest", str(corpus), "--db", str(db))
    second = _run("ingest", str(corpus), "--db", str(db))
    for proc in (first, second):
        code, output = _finish(proc)
        assert code == 0 and "Traceback" not in output, output
    clean = tmp_path / "clean.db"
    api.ingest([corpus], db=clean)
    docs, sources, distinct = _counts(db)
    assert (docs, sources) == _counts(clean)[:2]
    assert sources == distinct, "a source stored twice"


class _WriteLock(threading.Thread):
    """Another writer: holds the store's write lock for ``seconds`` or until released."""

    def __init__(self, db: Path, seconds: float) -> None:
        super().__init__()
        self.db, self.seconds = db, seconds
        self.taken, self.release = threading.Event(), threading.Event()

    def __enter__(self) -> _WriteLock:
        self.start()
        self.taken.wait()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()
        self.join()

    def run(self) -> None:
        conn = sqlite3.connect(self.db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        self.taken.set()
        self.release.wait(self.seconds)
        conn.execute("COMMIT")
        conn.close()


def _store_with_one_document(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    (tmp_path / "en.txt").write_text(ARTICLE_EN)
    api.ingest([tmp_path / "en.txt"], db=db)
    (tmp_path / "de.txt").write_text(ARTICLE_DE)
    return db


def test_a_writer_waits_for_the_lock(tmp_path: Path) -> None:
    db = _store_with_one_document(tmp_path)
    with _WriteLock(db, 6.0):  # longer than the CLI takes to start
        code, output = _finish(_run("ingest", str(tmp_path / "de.txt"), "--db", str(db)))
    assert code == 0 and "1 added" in output, output


def test_readers_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    db = _store_with_one_document(tmp_path)
    with _WriteLock(db, 60.0) as writer:
        code, output = _finish(_run("stats", "--db", str(db), "--json"))
        assert not writer.release.is_set()
    assert code == 0 and '"documents": 1' in output, output


def test_lock_timeout_names_the_store(tmp_path: Path) -> None:
    db = _store_with_one_document(tmp_path)
    env = {"CLAIMTRACE_LOCK_TIMEOUT": "0.5"}
    with _WriteLock(db, 60.0):
        code, output = _finish(_run("ingest", str(tmp_path / "de.txt"), "--db", str(db), env=env))
    assert code == 1 and "Traceback" not in output, output
    assert f"store {db} is busy" in output and "lock_timeout" in output


@pytest.mark.slow
def test_analyse_during_ingest(tmp_path: Path) -> None:
    db = _store_with_one_document(tmp_path)
    api.ingest([tmp_path / "de.txt"], db=db)
    corpus = _pages(tmp_path, 24)
    ingest = _run("ingest", str(corpus), "--db", str(db))
    analyse = _run("analyse", "--db", str(db))
    for proc in (analyse, ingest):
        code, output = _finish(proc, timeout=600)
        assert code == 0 and "Traceback" not in output, output
    clean = tmp_path / "clean.db"
    api.ingest([tmp_path / "en.txt", tmp_path / "de.txt", corpus], db=clean)
    docs, sources, distinct = _counts(db)
    assert (docs, sources) == _counts(clean)[:2] and sources == distinct
    with sqlite3.connect(db) as conn:
        analysed = conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    assert analysed >= 2
