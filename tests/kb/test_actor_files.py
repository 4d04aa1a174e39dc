"""Users' own alias files: CSV, JSON and YAML rows merged into the table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrace.kb.actors.files import ActorFileError
from claimtrace.kb.actors.table import load_actor_table


def test_csv_aliases_are_merged(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(
        "id,alias,language,case_sensitive,requires\n"
        "actor:islamic-state,Tanzim,de,,\n"
        "actor:gov-sy,Palast,de,,SY;role:actor\n",
        "utf-8",
    )
    table = load_actor_table([path])
    actor = table.match("Tanzim", "de")
    assert actor is not None and actor.id == "actor:islamic-state"
    assert table.match("Palast", "de") is None
    palace = table.match("Palast", "de", {"SY", "role:actor"})
    assert palace is not None and palace.id == "actor:gov-sy"


def test_json_file_adds_new_actors_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    data = {
        "actors": [
            {
                "id": "actor:my-monitor",
                "name": "Euphrates Monitor",
                "type": "media_outlet",
                "aliases": {"ar": ["مرصد الفرات"]},
            }
        ],
        "aliases": [
            {"id": "actor:my-monitor", "alias": "EM", "language": "en", "case_sensitive": "true"}
        ],
    }
    path.write_text(json.dumps(data), "utf-8")
    table = load_actor_table([str(path)])
    for mention in ("Euphrates Monitor", "مرصد الفرات", "EM"):
        actor = table.match(mention, None)
        assert actor is not None and actor.id == "actor:my-monitor"
    assert table.match("em", "en") is None


def test_json_list_of_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([{"id": "actor:hezbollah", "alias": "Partei Gottes"}]), "utf-8")
    actor = load_actor_table([path]).match("Partei Gottes", "de")
    assert actor is not None and actor.id == "actor:hezbollah"


def test_yaml_file_when_pyyaml_is_there(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "rows.yaml"
    path.write_text("- {id: actor:hezbollah, alias: Gottespartei, language: de}\n", "utf-8")
    actor = load_actor_table([path]).match("Gottespartei", "de")
    assert actor is not None and actor.id == "actor:hezbollah"


def test_user_aliases_do_not_leak_into_the_default_table(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,alias,language\nactor:hezbollah,Blorfhood,en\n", "utf-8")
    assert load_actor_table([path]).match("Blorfhood", "en") is not None
    assert load_actor_table().match("Blorfhood", "en") is None


def test_unknown_actor_id_in_alias_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,alias,language\nactor:nobody,Someone,en\n", "utf-8")
    with pytest.raises(KeyError, match="actor:nobody"):
        load_actor_table([path])


def test_row_without_alias(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,alias,language\nactor:hezbollah,,en\n", "utf-8")
    with pytest.raises(ActorFileError, match="row 1"):
        load_actor_table([path])


def test_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", "utf-8")
    with pytest.raises(ActorFileError, match="bad.json"):
        load_actor_table([path])


def test_actor_with_unknown_type(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"actors": [{"id": "actor:x", "name": "X", "type": "alien"}]}), "utf-8"
    )
    with pytest.raises(ActorFileError, match="alien"):
        load_actor_table([path])
