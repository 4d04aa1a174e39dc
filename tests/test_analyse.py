"""The analyse stage end to end: ingest, analyse, then read entities from the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimtrace import api
from claimtrace.config import load_config
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    db = str(tmp_path_factory.mktemp("analyse") / "seeds.db")
    api.ingest([SEEDS], db=db)
    assert len(api.analyse(db=db)) == 5
    return db


def _forms(db: str, actor_id: str) -> dict[str, set[str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT language, text FROM mentions WHERE actor_id = ?", (actor_id,)
        ).fetchall()
    by_language: dict[str, set[str]] = {}
    for language, text in rows:
        by_language.setdefault(language, set()).add(text)
    return by_language


def test_islamic_state_is_one_actor_across_languages(seeds_db: str) -> None:
    forms = _forms(seeds_db, "actor:islamic-state")
    assert {"de", "en"} <= set(forms)
    assert {"ISIS", "Islamic State", "Daesh"} <= forms["en"]
    assert "IS" in forms["de"] | forms["en"]


def test_iran_and_hezbollah(seeds_db: str) -> None:
    iran = [e for e in api.entities(db=seeds_db, limit=500) if e["name"] == "Iran"]
    assert iran and {"de", "en"} <= set(iran[0]["by_language"])
    hezbollah = [e for e in api.entities(db=seeds_db, limit=500) if e["name"] == "Hezbollah"]
    assert hezbollah and "Hizbullah" in hezbollah[0]["forms"]


def test_seed_places_have_coordinates(seeds_db: str) -> None:
    places = {e["id"]: e for e in api.entities(db=seeds_db, kind="place", limit=500)}
    forms = {form for e in places.values() for form in e["forms"]}
    for name in ("Palmyra", "Raqqa", "Deir Ezzor", "Deir Al-Zor", "Suwayda", "Baghouz", "Hassaka"):
        assert name in forms, name
    assert all(e["lat"] is not None and e["lon"] is not None for e in places.values())
    deir = [e for e in places.values() if "Deir Ezzor" in e["forms"]][0]
    assert "Deir Al-Zor" in deir["forms"], "German and English spellings are one place"


def test_show_lists_entities_and_times(seeds_db: str) -> None:
    hits = api.search("Calibre Obscura", db=seeds_db)
    view = api.show(hits[0].document_id, db=seeds_db)
    assert any(m["place"] for m in view.mentions)
    assert any(t["text"] == "am 13. April" for t in view.times)


def test_reanalysis_is_idempotent(seeds_db: str) -> None:
    assert api.analyse(db=seeds_db) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Bundesregierung in Berlin kritisierte am Montag die Angriffe der Hamas "
               "auf Israel. Außenministerin Annalena Baerbock reiste nach Kairo."),
        ("ar", "قال الرئيس السوري بشار الأسد في دمشق إن قوات الجيش السوري استعادت مدينة "
               "تدمر من تنظيم داعش بعد معارك عنيفة."),
    ],
)  # fmt: skip
def test_text_without_a_model_still_gets_entities(tmp_path: Path, language: str, text: str) -> None:
    page = tmp_path / f"{language}.txt"
    page.write_text(text * 2, encoding="utf-8")
    config = load_config(db=str(tmp_path / "s.db"))
    [doc_id] = api.ingest([page], config=config).added
    api.analyse(config=config)
    view = api.show(doc_id, db=config.db)
    assert view.document.language == language
    assert view.mentions, "the rule fallback finds entities"


def test_entity_document_counts_span_languages(seeds_db: str) -> None:
    state = [e for e in api.entities(db=seeds_db, limit=500) if e["id"] == "actor:islamic-state"]
    assert state[0]["documents"] == 5
