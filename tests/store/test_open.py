"""Opening a store (issue 10, cases 8-11): what is not a claimtrace store is refused and left
untouched, a store that keeps nothing is refused, read-only stores can be read, and write
errors are clear messages with the transaction rolled back."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrace import api
from claimtrace.cli import main
from claimtrace.config import Config
from claimtrace.errors import StoreError
from claimtrace.pipeline import run_ingest
from claimtrace.store.sqlite import SQLiteStore
from tests.conftest import ARTICLE_DE, ARTICLE_EN, ARTICLE_RU


def _cli(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in (("en.txt", ARTICLE_EN), ("de.txt", ARTICLE_DE), ("ru.txt", ARTICLE_RU)):
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_refused_untouched(db: Path, corpus: Path, *expected: str) -> None:
    before = _digest(db)
    for command in (["ingest", str(corpus)], ["analyse"], ["stats"], ["search", "water"]):
        result = _cli(*command, "--db", str(db))
        assert result.exit_code == 1, (command, result.output)
        assert all(part in result.output for part in expected), result.output
        assert "Traceback" not in result.output
    assert _digest(db) == before, "the file must be left exactly as it was"
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()


def _foreign(path: Path, user_version: int) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('my notes')")
    conn.execute(f"PRAGMA user_version={user_version}")
    conn.commit()
    conn.close()
    return path


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:  # case 8
    db = _foreign(tmp_path / "other.db", 0)
    _assert_refused_untouched(db, _corpus(tmp_path), "not a claimtrace store", "notes")


def test_foreign_user_version_is_refused_untouched(tmp_path: Path) -> None:  # case 8
    db = _foreign(tmp_path / "other.db", 42)
    _assert_refused_untouched(db, _corpus(tmp_path), "not a claimtrace store")


def test_other_application_id_is_refused(tmp_path: Path) -> None:  # case 8
    db = tmp_path / "app.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id=1234")
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    _assert_refused_untouched(db, _corpus(tmp_path), "application id 0x4d2")


def test_not_an_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:  # case 8
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50)
    _assert_refused_untouched(db, _corpus(tmp_path), "not a claimtrace store", "notes.db")


def test_store_from_a_newer_claimtrace_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.ingest([_corpus(tmp_path)], db=db)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version=999")
    result = _cli("stats", "--db", str(db))
    assert result.exit_code == 1 and "schema version 999" in result.output


def test_empty_file_becomes_a_store(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    db.touch()
    assert len(api.ingest([_corpus(tmp_path)], db=db).added) == 3
    assert SQLiteStore(db, read_only=True).stats()["documents"] == 3


@pytest.mark.parametrize("db", ["", ":memory:", "  "])
def test_a_store_that_keeps_nothing_is_refused(tmp_path: Path, db: str) -> None:  # case 9
    result = _cli("ingest", str(_corpus(tmp_path)), "--db", db)
    assert result.exit_code == 1 and "added" not in result.output
    assert "path of a store file" in result.output, result.output


def test_empty_db_variable_is_refused(tmp_path: Path) -> None:  # case 9
    result = _cli("ingest", str(_corpus(tmp_path)), env={"CLAIMTRACE_DB": ""})
    assert result.exit_code == 1 and "'db' (CLAIMTRACE_DB)" in result.output
    assert "added" not in result.output


def test_sqlite_uri_is_refused(tmp_path: Path) -> None:  # case 9
    with pytest.raises(StoreError, match="not an SQLite URI"):
        SQLiteStore("file::memory:?cache=shared")


def test_read_command_on_a_missing_store_says_so(tmp_path: Path) -> None:  # case 16
    db = tmp_path / "typo.db"
    for command in (["stats"], ["search", "water"], ["documents"], ["claims"], ["groups"]):
        result = _cli(*command, "--db", str(db))
        assert result.exit_code == 1 and f"no store at {db}" in result.output, result.output
    assert not db.exists(), "a read command must not create a store"


def test_read_commands_never_write(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.ingest([_corpus(tmp_path)], db=db)
    store = SQLiteStore(db, read_only=True)
    with pytest.raises(StoreError, match="read-only"), store.transaction():
        store.db.execute("DELETE FROM documents")
    assert store.stats()["documents"] == 3


@pytest.fixture
def read_only_media(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (a tmpfs remounted read-only): needs root and mount."""
    mount = tmp_path / "media"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a file system here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _remount_read_only(mount: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)


def test_store_on_read_only_media_can_be_read(tmp_path: Path, read_only_media: Path) -> None:
    db = read_only_media / "case.db"  # case 10
    summary = api.ingest([_corpus(tmp_path)], db=db)
    _remount_read_only(read_only_media)
    stats = _cli("stats", "--db", str(db), "--json")
    assert stats.exit_code == 0, stats.output
    assert '"documents": 3' in stats.output
    found = _cli("search", "reservoir", "--db", str(db))
    assert found.exit_code == 0 and summary.added[0] in found.output + "".join(summary.added)
    assert _cli("show", summary.added[0][:8], "--db", str(db)).exit_code == 0
    out = tmp_path / "r.html"
    assert _cli("report", "--db", str(db), "-o", str(out)).exit_code == 0 and out.exists()


def test_write_to_read_only_media_is_a_clear_error(
    tmp_path: Path, read_only_media: Path
) -> None:  # case 11
    db = read_only_media / "case.db"
    api.ingest([_corpus(tmp_path)], db=db)
    _remount_read_only(read_only_media)
    (tmp_path / "more.txt").write_text(ARTICLE_EN.replace("Tuesday", "Friday"))
    result = _cli("ingest", str(tmp_path / "more.txt"), "--db", str(db))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert str(db) in result.output and "read-only" in result.output, result.output


def test_disk_full_is_a_clear_error_and_rolled_back(tmp_path: Path, config: Config) -> None:
    corpus = _corpus(tmp_path)  # case 11
    for i in range(40):
        words = " ".join(f"w{i}x{j}" for j in range(800))
        (corpus / f"big{i}.txt").write_text(f"Report number {i}. {words}.")
    store = SQLiteStore(config.db)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count={pages + 40}")  # a disk that fills up soon
    with pytest.raises(StoreError, match=f"cannot write to store {config.db}: the disk is full"):
        run_ingest([corpus], store, config)
    assert not store.db.in_transaction
    kept = store.stats()["documents"]
    store.close()
    again = api.ingest([corpus], config=config)  # room again: the run carries on
    assert kept + len(again.added) == 43 and len(again.skipped) == kept


def test_disk_full_in_cli_has_no_traceback(tmp_path: Path, read_only_media: Path) -> None:
    subprocess.run(["mount", "-o", "remount,size=600k", str(read_only_media)], check=True)
    corpus = _corpus(tmp_path)
    for i in range(30):
        words = " ".join(f"w{i}x{j}" for j in range(2000))
        (corpus / f"big{i}.txt").write_text(f"Report number {i}. {words}.")
    result = _cli("ingest", str(corpus), "--db", str(read_only_media / "s.db"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the disk is full" in result.output or "disk I/O" in result.output, result.output
