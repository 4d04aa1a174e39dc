"""The CLI runs the real commands; tests then look in the database they wrote."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from claimtrace.cli import main, safe
from tests.conftest import ARTICLE_DE, ARTICLE_EN


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en.txt").write_text(ARTICLE_EN)
    (corpus / "de.txt").write_text(ARTICLE_DE)
    (corpus / "empty.txt").write_text("")
    return corpus


def test_ingest_then_query_the_database(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["ingest", str(_corpus(tmp_path)), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output and "1 failed" in result.output
    with sqlite3.connect(db) as conn:
        langs = sorted(r[0] for r in conn.execute("SELECT language FROM documents"))
        assert langs == ["de", "en"]
        [(stage, reason)] = conn.execute("SELECT stage, reason FROM failures").fetchall()
        assert stage == "read" and reason == "empty file"


def test_json_outputs(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    summary = json.loads(
        runner.invoke(main, ["ingest", str(_corpus(tmp_path)), "--db", db, "--json"]).output
    )
    assert len(summary["added"]) == 2 and summary["failures"][0]["stage"] == "read"
    hits = json.loads(runner.invoke(main, ["search", "Stausee", "--db", db, "--json"]).output)
    assert [h["language"] for h in hits] == ["de"]
    shown = json.loads(
        runner.invoke(main, ["show", hits[0]["document_id"], "--db", db, "--json"]).output
    )
    assert shown["language"] == "de" and shown["sources"][0]["relation"] == "original"
    stats = json.loads(runner.invoke(main, ["stats", "--db", db, "--json"]).output)
    assert stats["documents"] == 2 and stats["failures"] == {"error": 1}
    failures = json.loads(runner.invoke(main, ["failures", "--db", db, "--json"]).output)
    assert failures[0]["reason"] == "empty file"


def test_show_prints_paragraph_languages(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(_corpus(tmp_path)), "--db", db])
    hit = json.loads(runner.invoke(main, ["search", "reservoir", "--db", db, "--json"]).output)[0]
    out = runner.invoke(main, ["show", hit["document_id"], "--db", db]).output
    assert "[en] The regional water authority" in out and "source" in out


def test_unknown_document_is_a_readable_error(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    CliRunner().invoke(main, ["ingest", str(_corpus(tmp_path)), "--db", db])
    result = CliRunner().invoke(main, ["show", "doc_nothere", "--db", db])
    assert result.exit_code == 1
    assert "Error: document 'doc_nothere' was not found" in result.output
    assert "Traceback" not in result.output


def test_terminal_control_sequences_are_stripped(tmp_path: Path) -> None:
    hostile = "Title \x1b]8;;http://evil\x07link\x1b]8;;\x07 and \x1b[2J clear"
    assert "\x1b" not in safe(hostile) and "\x07" not in safe(hostile)
    page = tmp_path / "evil.txt"
    page.write_text(f"{ARTICLE_EN}\n\nInjected \x1b[31mred\x1b[0m text follows here.")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(page), "--db", db])
    hit = json.loads(runner.invoke(main, ["search", "reservoir", "--db", db, "--json"]).output)[0]
    out = runner.invoke(main, ["show", hit["document_id"], "--db", db]).output
    assert "\x1b" not in out


def test_stdin_input(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    feed = "\n".join(
        json.dumps({"id": str(i), "text": t}) for i, t in enumerate([ARTICLE_EN, ARTICLE_DE])
    )
    result = CliRunner().invoke(main, ["ingest", "-", "--db", db], input=feed)
    assert result.exit_code == 0 and "2 added" in result.output, result.output
    with sqlite3.connect(db) as conn:
        keys = sorted(r[0] for r in conn.execute("SELECT key FROM sources"))
    assert keys == ["<stdin>#id=0", "<stdin>#id=1"]
