"""`claimtrace search` on a store the real pipeline analysed: a term naming a known actor
or place matches its names in every language; operators; clear errors; the switch off."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.cli import main

TEXTS = {
    "daesh_en": (
        "Fighters retreat near Raqqa\n\nDaesh fighters withdrew from two villages near Raqqa"
        " on Sunday, local officials said. The group lost its last stronghold in the area."
    ),
    "is_de": (
        "Kämpfer ziehen sich zurück\n\nKämpfer des Islamischen Staates zogen sich am Sonntag"
        " aus zwei Dörfern zurück, sagten örtliche Behörden. Die Miliz verlor ihre letzte"
        " Hochburg in der Gegend."
    ),
    "daesh_ar": (
        "انسحاب المقاتلين\n\nانسحب مقاتلو تنظيم داعش من قريتين يوم الأحد، بحسب مسؤولين"
        " محليين. وخسر التنظيم آخر معاقله في المنطقة."
    ),
    "syria_en": (
        "Talks on aid\n\nThe government of Syria agreed on Monday to open two border"
        " crossings for aid convoys, the United Nations said."
    ),
    "syria_de": (
        "Gespräche über Hilfe\n\nDie Regierung von Syrien stimmte am Montag zu, zwei"
        " Grenzübergänge für Hilfskonvois zu öffnen, teilten die Vereinten Nationen mit."
    ),
    "damascus_en": (
        "Power cuts in the capital\n\nResidents of Damascus reported power cuts lasting"
        " twelve hours on Tuesday. The electricity ministry blamed fuel shortages."
    ),
    "water_en": (
        "Reservoir at record low\n\nThe regional water authority said on Tuesday that the"
        " northern reservoir had fallen to its lowest level in twenty years."
    ),
}


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / "s.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    result = runner.invoke(main, ["analyse", "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def db(analysed: Path, tmp_path: Path) -> str:
    copy = tmp_path / "s.db"
    shutil.copy(analysed, copy)
    return str(copy)


def names(db: str, *args: str) -> set[str]:
    """The source file names of the documents a search finds."""
    result = CliRunner().invoke(main, ["search", *args, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    ids = [hit["document_id"] for hit in json.loads(result.output)]
    with sqlite3.connect(db) as conn:
        return {
            Path(
                conn.execute("SELECT path FROM sources WHERE document_id = ?", (i,)).fetchone()[0]
            ).stem
            for i in ids
        }


def test_an_actor_name_matches_its_names_in_every_language(db: str) -> None:
    everywhere = {"daesh_en", "is_de", "daesh_ar"}
    assert names(db, "Daesh") == everywhere
    assert names(db, '"Islamischer Staat"') == everywhere
    assert names(db, "داعش") == everywhere
    assert names(db, "Daesh", "--no-aliases") == {"daesh_en"}


def test_a_place_name_matches_its_names_in_every_language(db: str) -> None:
    assert names(db, "Syria") == names(db, "Syrien") == {"syria_en", "syria_de"}
    assert names(db, "Syrien", "--no-aliases") == {"syria_de"}


def test_an_everyday_word_is_not_expanded(db: str) -> None:
    assert names(db, "reservoir") == {"water_en"}
    assert names(db, "twenty") == {"water_en"}


def test_operators(db: str) -> None:
    assert names(db, '"Islamic State" OR Syria') == {
        "daesh_en", "is_de", "daesh_ar", "syria_en", "syria_de",
    }  # fmt: skip
    assert names(db, "Daesh AND Raqqa") == {"daesh_en"}
    assert names(db, "Syria NOT Nations") == set()
    assert names(db, "(Syria OR Damascus) AND Tuesday") == {"damascus_en"}
    assert names(db, "reserv*") == {"water_en"}
    assert names(db, "Tuesday AND NOT reservoir") == {"damascus_en"}


def test_a_rejected_actor_is_not_expanded(db: str) -> None:
    result = CliRunner().invoke(main, ["actors", "reject", "actor:islamic-state", "--db", db])
    assert result.exit_code == 0, result.output
    assert names(db, "Daesh") == {"daesh_en"}


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ('"Islamic State', "unclosed quote"),
        ("Syria OR", "OR has nothing after it"),
        ("NOT Syria", "NOT needs something to keep before it"),
        ("(Syria", "unclosed '('"),
        ("a*", "at least 2 letters"),
    ],
)
def test_unreadable_query_is_a_clear_error(db: str, query: str, reason: str) -> None:
    result = CliRunner().invoke(main, ["search", query, "--db", db])
    assert result.exit_code == 1
    assert reason in result.output and "Traceback" not in result.output
    assert "sqlite" not in result.output.lower() and "fts5" not in result.output.lower()
