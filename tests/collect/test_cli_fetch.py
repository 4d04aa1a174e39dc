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
    assert json.loads(again.output)["counts"] == {"feed": 1}


def test_strict_exits_1_on_a_failure(site: Site, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["fetch", site.url("/gone.html"), "not-a-url", "--db", str(tmp_path / "s.db"),
               "--strict"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "not-a-url [fetch] neither an http(s) URL nor a file of URLs" in result.output
