"""The CLI answers wrong input with an error, not silence (issue 10, cases 14 and 16)."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from claimtrace import api
from claimtrace.cli import main
from claimtrace.config import load_config
from claimtrace.link.run import claim_groups, link_new, stories
from claimtrace.store import open_store
from tests.conftest import ARTICLE_EN
from tests.link.test_stories import add, document, make_claim


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def linked(tmp_path: Path) -> str:
    """A store with two claim groups in two stories (written as analysed; no NLP run)."""
    config = load_config(db=str(tmp_path / "l.db"))
    store = open_store(config)
    add(store, "rates-en", [make_claim(document("rates-en"),
        "The central bank raised its benchmark rate to 6 percent", "cooperate")])  # fmt: skip
    add(store, "choir-en", [make_claim(document("choir-en"),
        "A village choir won the regional singing contest", "other")])  # fmt: skip
    link_new(store, config)
    store.close()
    return str(config.db)


def test_report_json(tmp_path: Path) -> None:  # case 14
    db = str(tmp_path / "s.db")
    (tmp_path / "a.txt").write_text(ARTICLE_EN)
    api.ingest([tmp_path / "a.txt"], db=db)
    out = tmp_path / "r.html"
    result = _cli("report", "--db", db, "-o", str(out), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"written": str(out), "format": "html", "story": None}
    assert out.read_text().startswith("<!DOCTYPE html>")
    exported = _cli("export", "--db", db, "-o", str(tmp_path / "e.json"), "--json")
    assert json.loads(exported.output)["format"] == "json"


def test_every_command_takes_json() -> None:  # case 14: the README promises it
    pending = list(main.commands.items())
    while pending:
        name, command = pending.pop()
        if isinstance(command, click.Group):  # `actors merge`, `actors corrections list`
            pending += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
            continue
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert "--json" in options, name


def test_unknown_relation_is_an_error_listing_the_values(linked: str) -> None:  # case 16
    result = _cli("claims", "--relation", "bogus", "--db", linked)
    assert result.exit_code == 2 and "'bogus' is not one of" in result.output
    assert "'cooperate'" in result.output and "'attack'" in result.output
    assert "attack|" in _cli("claims", "--help").output
    good = _cli("claims", "--relation", "cooperate", "--db", linked)
    assert good.exit_code == 0 and "1 claim(s)" in good.output


def test_unknown_modality_is_an_error(linked: str) -> None:  # case 16
    result = _cli("claims", "--modality", "rumoured", "--db", linked)
    assert result.exit_code == 2 and "'asserted'" in result.output


def test_show_a_claim_group_by_prefix(linked: str) -> None:  # case 16
    store = open_store(load_config(db=linked))
    group = next(g for g in claim_groups(store) if "central bank" in g.label)
    store.close()
    result = _cli("show", group.id[:9], "--db", linked)
    assert result.exit_code == 0, result.output
    assert group.id in result.output and "1 claim(s)" in result.output
    assert "raised its benchmark rate" in result.output and "story sty_" in result.output
    data = json.loads(_cli("show", group.id, "--db", linked, "--json").output)
    assert data["id"] == group.id and len(data["claims"]) == 1
    assert set(data["stories"]) == set(group.documents)


def test_show_a_story_by_prefix(linked: str) -> None:  # case 16
    store = open_store(load_config(db=linked))
    story = stories(store)[0]
    store.close()
    result = _cli("show", story.id[:8], "--db", linked)
    assert result.exit_code == 0, result.output
    assert story.id in result.output and "document: doc_" in result.output
    assert "group: grp_" in result.output


def test_show_an_unknown_group(linked: str) -> None:  # case 16
    result = _cli("show", "grp_nothere", "--db", linked)
    assert result.exit_code == 1 and "claim group 'grp_nothere' was not found" in result.output


def test_groups_of_a_story_by_prefix(linked: str) -> None:  # case 16
    store = open_store(load_config(db=linked))
    story = stories(store)[0]
    expected = {g.id for g in claim_groups(store, story.id)}
    store.close()
    result = _cli("groups", "--story", story.id[:8], "--db", linked, "--json")
    assert result.exit_code == 0, result.output
    assert {g["id"] for g in json.loads(result.output)} == expected and expected
    missing = _cli("groups", "--story", "sty_nothere", "--db", linked)
    assert missing.exit_code == 1 and "story 'sty_nothere' was not found" in missing.output


def test_help_offers_postgresql_where_a_store_is_named() -> None:  # case 16, issue 14
    for name in ("ingest", "analyse", "search"):
        assert "postgresql://" in _cli(name, "--help").output, name
