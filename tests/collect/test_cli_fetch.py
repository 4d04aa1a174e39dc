"""`claimtrace fetch` runs the library call and reports; settings come from the environment."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrace.cli import main
from tests.collect.conftest import Site
from tests.collect.pages import ARTICLES, article, rss


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACE_FETCH_DELAY", "0")
    monkeypatch.setenv("CLAIMTRACE_FETCH_BACKOFF", "0.01")
    monkeypatch.setenv("CLAIMTRACE_FETCH_PRIVATE", "allow")  # the test server: 127.0.0.1


def test_fetch_a_feed_then_query_the_store(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    links = [site.add(f"/{la}.html", article(la, ARTICLES[la], la)) for la in ("en", "fr")]
    feed = site.add("/rss.xml", rss(links), "application/rss+xml")
    result = CliRunner().invoke(main, ["fetch", feed, site.url("/gone.html"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output and "1 failed" in result.output
    assert "gone.html [fetch] HTTP 404 Not Found" in result.output
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT language FROM documents")) == ["en", "fr"]
    again = CliRunner().invoke(main, ["fetch", feed, "--db", db, "--json", "--strict"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output)["counts"] == {"feed": 1, "seen": 2}


def test_strict_exits_1_on_a_failure(site: Site, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["fetch", site.url("/gone.html"), "not-a-url", "--db", str(tmp_path / "s.db"),
               "--strict"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "not-a-url [fetch] neither an http(s) URL nor a file of URLs" in result.output


def test_alerts_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    added = runner.invoke(main, ["alerts", "add", "group", "*", "--event", "contradiction",
                                 "--db", db])  # fmt: skip
    assert added.exit_code == 0 and "watch #1: group * (contradiction)" in added.output
    query = runner.invoke(main, ["alerts", "add", "query", "Palmyra", "--lang", "ar", "--db", db])
    assert query.exit_code == 0, query.output
    listed = json.loads(runner.invoke(main, ["alerts", "watches", "--db", db, "--json"]).output)
    assert [(w["kind"], w["target"], w["language"]) for w in listed] == [
        ("group", "*", None), ("query", "Palmyra", "ar"),
    ]  # fmt: skip
    assert runner.invoke(main, ["alerts", "--db", db]).output.strip() == "no alerts"
    assert runner.invoke(main, ["alerts", "remove", "1", "--db", db]).exit_code == 0
    gone = runner.invoke(main, ["alerts", "remove", "1", "--db", db])
    assert gone.exit_code == 1 and "no watch #1" in gone.output
    bad = runner.invoke(main, ["alerts", "add", "actor", "Nobody", "--db", db])
    assert bad.exit_code == 1 and "names no actor" in bad.output


def test_watch_rejects_a_bad_interval(tmp_path: Path) -> None:
    sources = tmp_path / "s.toml"
    sources.write_text('[[source]]\nurl = "http://127.0.0.1:9/feed"\n')
    result = CliRunner().invoke(main, ["watch", str(sources), "--every", "soon", "--once",
                                       "--db", str(tmp_path / "s.db")])  # fmt: skip
    assert result.exit_code == 2 and "not a duration" in result.output
