"""`claimtrace actors ...`: corrections run through the real CLI and the real pipeline; the
tests then read the database the commands wrote."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.cli import main

EN = (
    "Glees warns about Islamic State\n\n"
    "LONDON — Anthony Glees, a security expert at the University of Buckingham, said on "
    "Monday that the Islamic State group remains active in Syria. He said the group, also "
    "known as Daesh, had lost most of its territory. Levant Wire reported that fighters "
    "moved towards Raqqa.\n"
)
DE = (
    "Experte Glees über den IS\n\n"
    "BERLIN — Der Terrorismusexperte Glees sagte am Dienstag, der Islamische Staat "
    "sei in Syrien weiter aktiv. Glees sagte, die Miliz habe den Großteil ihres Gebiets "
    "verloren. Die Bundesregierung in Berlin äußerte sich nicht.\n"
)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store, ingested and analysed once; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("actors")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "en.txt").write_text(EN)
    (corpus / "de.txt").write_text(DE)
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


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--db", db], env={"CLAIMTRACE_ANALYST": "ana"})
    assert result.exit_code == 0, result.output
    return result.output


def fail(db: str, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--db", db])
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    return result.output


def rows(db: str, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def actor_of(db: str, text: str) -> set[str | None]:
    return {r[0] for r in rows(db, "SELECT actor_id FROM mentions WHERE text = ?", text)}


def test_the_fixture_has_what_the_corrections_need(db: str) -> None:
    assert actor_of(db, "Glees") and actor_of(db, "Anthony Glees")
    assert actor_of(db, "Glees") != actor_of(db, "Anthony Glees")
    assert rows(db, "SELECT 1 FROM actors WHERE name = 'Levant Wire'")


def test_merge_moves_mentions_and_keeps_both_names_as_aliases(db: str) -> None:
    [keep] = actor_of(db, "Anthony Glees")
    [other] = actor_of(db, "Glees")
    out = run(db, "actors", "merge", keep, "Glees", "--note", "same person")
    assert "#1" in out
    assert actor_of(db, "Glees") == {keep}
    assert rows(db, "SELECT found_actor_id FROM mentions WHERE text = 'Glees'")[0][0] == other
    listed = json.loads(run(db, "entities", "--json"))
    [entry] = [e for e in listed if e["id"] == keep]
    assert {"Glees", "Anthony Glees"} <= set(entry["forms"])
    assert entry["corrections"][0]["action"] == "merge"
    assert not [e for e in listed if e["id"] == other]
    counted = rows(db, "SELECT documents FROM entity_documents WHERE entity_id = ?", other)
    assert counted == [(0,)]
    [(analyst, note, at)] = rows(db, "SELECT analyst, note, created_at FROM corrections")
    assert analyst == "ana" and note == "same person" and at


def test_corrections_survive_forced_reanalysis(db: str) -> None:
    [keep] = actor_of(db, "Anthony Glees")
    run(db, "actors", "merge", keep, "Glees")
    run(db, "actors", "retype", "Levant Wire", "media_outlet")
    run(db, "actors", "rename", "actor:islamic-state", "IS (Daesh)")
    run(db, "actors", "reject", "geonames:163843", "--alias", "Syrien")
    run(db, "analyse", "--force", "--workers", "1")
    assert rows(db, "SELECT COUNT(*) FROM analyses WHERE version != ''") == [(2,)]
    assert actor_of(db, "Glees") == {keep}
    assert rows(db, "SELECT type FROM actors WHERE found_name = 'Levant Wire'") == [
        ("media_outlet",)
    ]
    assert rows(db, "SELECT name FROM actors WHERE id = 'actor:islamic-state'") == [("IS (Daesh)",)]
    assert rows(db, "SELECT place_id FROM mentions WHERE text = 'Syrien'") == [(None,)]
    assert rows(db, "SELECT place_id FROM mentions WHERE text = 'Syria'") == [("geonames:163843",)]
    outlets = json.loads(run(db, "entities", "--type", "media_outlet", "--json"))
    assert [e["name"] for e in outlets] == ["Levant Wire"]


def test_corrections_survive_a_new_analysis_version(db: str, monkeypatch) -> None:
    import claimtrace.nlp.analyse as analyse

    run(db, "actors", "reject", "Levant Wire")
    monkeypatch.setattr(analyse, "ANALYSIS_VERSION", "test-next")
    out = run(db, "analyse", "--workers", "1")
    assert out.startswith("2 document(s) analysed")
    assert rows(db, "SELECT COUNT(*) FROM analyses WHERE version LIKE 'test-next%'") == [(2,)]
    assert actor_of(db, "Levant Wire") == {None}
    sources = rows(
        db, "SELECT actor_id FROM claim_sources WHERE found_actor_id = 'actor:x-levant-wire'"
    )
    assert all(actor is None for (actor,) in sources)


def test_split_by_alias_makes_a_new_actor(db: str) -> None:
    [keep] = actor_of(db, "Anthony Glees")
    run(db, "actors", "merge", keep, "Glees")
    run(db, "actors", "split", keep, "--alias", "Glees", "--name", "Glees (unsure)")
    [new] = actor_of(db, "Glees")
    assert new != keep and new.startswith("actor:split-")
    assert actor_of(db, "Anthony Glees") == {keep}
    assert rows(db, "SELECT name, type FROM actors WHERE id = ?", new) == [
        ("Glees (unsure)", "person")
    ]


def test_split_by_document(db: str) -> None:
    state = "actor:islamic-state"
    [(doc,)] = rows(db, "SELECT id FROM documents WHERE language = 'de'")
    run(db, "actors", "split", state, "--document", doc, "--name", "IS (German report)")
    by_doc = {
        d: a
        for d, a in rows(
            db, "SELECT document_id, actor_id FROM mentions WHERE found_actor_id = ?", state
        )
    }
    assert len(by_doc) == 2 and by_doc[doc] != state
    assert [a for d, a in by_doc.items() if d != doc] == [state]
    assert rows(db, "SELECT name FROM actors WHERE id = ?", by_doc[doc]) == [
        ("IS (German report)",)
    ]


def test_undo_restores_what_analysis_found_and_keeps_the_trail(db: str) -> None:
    [keep] = actor_of(db, "Anthony Glees")
    [other] = actor_of(db, "Glees")
    run(db, "actors", "merge", keep, other)
    run(db, "actors", "rename", keep, "Prof. Glees")
    run(db, "actors", "corrections", "undo", "1")
    run(db, "actors", "corrections", "undo", "2")
    assert actor_of(db, "Glees") == {other}
    assert rows(db, "SELECT name FROM actors WHERE id = ?", keep) == [("Anthony Glees",)]
    trail = json.loads(run(db, "actors", "corrections", "list", "--all", "--json"))
    assert [(c["id"], c["undone_by"]) for c in trail] == [(1, "ana"), (2, "ana")]
    assert json.loads(run(db, "actors", "corrections", "list", "--json")) == []
    assert rows(db, "SELECT documents FROM entity_documents WHERE entity_id = ?", other) == [(1,)]


def test_corrections_are_in_the_exports(db: str, tmp_path: Path) -> None:
    run(db, "actors", "retype", "Levant Wire", "media_outlet", "--note", "an outlet")
    snap = json.loads(run(db, "export", "--format", "json"))
    [fix] = snap["corrections"]
    assert fix["action"] == "retype" and fix["note"] == "an outlet" and fix["analyst"] == "ana"
    [outlet] = [a for a in snap["actors"] if a["name"] == "Levant Wire"]
    assert outlet["type"] == "media_outlet" and outlet["corrections"] == [fix["id"]]
    lines = [json.loads(x) for x in run(db, "export", "--format", "jsonl").splitlines()]
    assert [x["action"] for x in lines if x["type"] == "correction"] == ["retype"]
    archive = tmp_path / "all.zip"
    run(db, "export", "--format", "csv", "-o", str(archive))
    import zipfile

    with zipfile.ZipFile(archive) as z:
        table = z.read("corrections.csv").decode("utf-8-sig")
    assert "retype" in table and "an outlet" in table


# -- bad input: each its own case, a clear message, nothing written -------------------------


def nothing_written(db: str) -> None:
    assert rows(db, "SELECT COUNT(*) FROM corrections") == [(0,)]


def test_unknown_entity(db: str) -> None:
    out = fail(db, "actors", "rename", "actor:nobody", "X")
    assert "'actor:nobody'" in out and "no actor or place" in out
    nothing_written(db)


def test_merge_into_itself(db: str) -> None:
    out = fail(db, "actors", "merge", "Levant Wire", "actor:x-levant-wire")
    assert "itself" in out
    nothing_written(db)


def test_merge_actor_with_place(db: str) -> None:
    out = fail(db, "actors", "merge", "Levant Wire", "geonames:2950159")
    assert "place" in out and "actor" in out
    nothing_written(db)


def test_merge_needs_another_entity(db: str) -> None:
    out = fail(db, "actors", "merge", "Levant Wire")
    assert "Missing argument" in out


def test_retype_to_unknown_type(db: str) -> None:
    out = fail(db, "actors", "retype", "Levant Wire", "newspaper")
    assert "'newspaper'" in out and "media_outlet" in out
    nothing_written(db)


def test_rename_a_place(db: str) -> None:
    out = fail(db, "actors", "rename", "geonames:2950159", "Berlin-Mitte")
    assert "only actors" in out
    nothing_written(db)


def test_rename_to_empty(db: str) -> None:
    out = fail(db, "actors", "rename", "Levant Wire", "  ")
    assert "empty" in out
    nothing_written(db)


def test_split_without_alias_or_document(db: str) -> None:
    out = fail(db, "actors", "split", "Levant Wire")
    assert "--alias or --document" in out
    nothing_written(db)


def test_split_by_alias_never_written(db: str) -> None:
    out = fail(db, "actors", "split", "Levant Wire", "--alias", "Levante")
    assert "'Levante'" in out and "no mention" in out
    nothing_written(db)


def test_reject_in_unknown_document(db: str) -> None:
    out = fail(db, "actors", "reject", "Levant Wire", "--document", "doc_missing")
    assert "'doc_missing'" in out and "not found" in out
    nothing_written(db)


def test_undo_unknown_correction(db: str) -> None:
    out = fail(db, "actors", "corrections", "undo", "42")
    assert "correction 42 was not found" in out


def test_undo_twice(db: str) -> None:
    run(db, "actors", "reject", "Levant Wire")
    run(db, "actors", "corrections", "undo", "1")
    out = fail(db, "actors", "corrections", "undo", "1")
    assert "already undone" in out
