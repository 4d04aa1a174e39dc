"""claimtrace copy-store: SQLite -> PostgreSQL -> SQLite gives back every row."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace import api
from claimtrace.cli import main
from claimtrace.config import load_config
from claimtrace.errors import StoreError
from claimtrace.store.copy import TABLES
from tests.conftest import ARTICLE_DE, ARTICLE_EN
from tests.pg import fresh_store_url

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"


@pytest.fixture
def url() -> Iterator[str]:
    with fresh_store_url() as found:
        yield found


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    found = {}
    for table in TABLES:
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        found[table] = sorted(rows, key=repr)
    found["order"] = (
        conn.execute(  # what is read in insertion order
            "SELECT story_id, document_id FROM story_documents ORDER BY rowid"
        ).fetchall()
        + conn.execute(
            "SELECT group_id, claim_id FROM claim_group_members ORDER BY rowid"
        ).fetchall()
    )
    conn.close()
    return found


@pytest.mark.slow
def test_round_trip_through_postgres_is_lossless(url: str, tmp_path: Path) -> None:
    first = tmp_path / "first.db"
    config = load_config(db=str(first))
    api.ingest([SAMPLES], config=config)
    api.analyse(config=config)
    actor = next(e for e in api.entities(db=first, limit=100) if e["type"] != "place")
    api.correct("rename", actor["id"], db=first, value="Renamed", analyst="test")
    runner = CliRunner()
    there = runner.invoke(main, ["copy-store", str(first), url], catch_exceptions=False)
    assert there.exit_code == 0, there.output
    back = tmp_path / "back.db"
    again = runner.invoke(main, ["copy-store", url, str(back)], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    before, after = _tables(first), _tables(back)
    assert before["documents"] and before["claim_group_members"] and before["vectors"]
    for table in before:
        assert after[table] == before[table], table
    for query in ("Staudamm", "dam", '"Tishreen"'):
        assert [h.document_id for h in api.search(query, db=url)] == [
            h.document_id for h in api.search(query, db=first)
        ]
    assert api.search("Staudamm", db=back) == api.search("Staudamm", db=first)


def test_copy_into_a_store_that_is_not_empty_is_refused(url: str, tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ARTICLE_EN)
    (tmp_path / "de.txt").write_text(ARTICLE_DE)
    api.ingest([tmp_path / "en.txt"], db=url)
    api.ingest([tmp_path / "de.txt"], db=tmp_path / "s.db")
    with pytest.raises(StoreError, match="not empty"):
        api.copy_store(tmp_path / "s.db", url)
