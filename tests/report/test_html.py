"""The HTML report: self-contained, every section, hostile text escaped (no browser here;
test_browser.py opens it in Chromium)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimtrace.report import report, snapshot
from claimtrace.report.html import SECTIONS, render_report
from claimtrace.report.html_parts import segments
from claimtrace.report.output import OutputError
from claimtrace.store.sqlite import SQLiteStore
from tests.report.conftest import HOSTILE_ACTOR, HOSTILE_IMG, HOSTILE_SCRIPT, Fixture


class _Tags(HTMLParser):
    """Every start tag and attribute as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.ids.update(v for k, v in attrs if k == "id" and v)


@pytest.fixture(scope="module")
def page(filled: Fixture, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "report.html"
    store = SQLiteStore(filled.db)
    try:
        assert report(store, out) == str(out)
    finally:
        store.close()
    return out.read_text("utf-8")


@pytest.mark.slow
def test_every_section_and_no_external_resource(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    assert set(SECTIONS) <= parser.ids
    for tag, attrs in parser.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert tag not in {"script", "iframe", "object", "embed", "link", "img"}
        for key in ("src", "href", "xlink:href"):
            value = attrs.get(key) or ""
            assert not value or value.startswith("#"), (tag, attrs)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page
    assert page.count("<svg") == 4  # citations, actors, timeline, map


@pytest.mark.slow
def test_csp_forbids_scripts_handlers_and_external_loads(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy
    value = html.unescape(policy.group(1))
    directives = dict(d.strip().split(" ", 1) for d in value.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'none'"
    assert directives["style-src"].startswith("'sha256-")
    assert "unsafe" not in value


@pytest.mark.slow
def test_hostile_text_is_escaped_everywhere(page: str) -> None:
    for hostile in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_ACTOR, "<b>Times</b>", "<i>story</i>"):
        assert hostile not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;svg onload=alert(2)&gt;" in page  # an actor label inside an SVG
    assert "javascript:alert(3)" not in page.replace("<code>javascript:alert(3)", "")


@pytest.mark.slow
def test_evidence_links_reach_marked_sentences(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    targets = {a["href"][1:] for t, a in parser.tags if t == "a" and a.get("href")}
    assert targets <= parser.ids, targets - parser.ids
    assert any(t.startswith("ev-") for t in targets)
    assert "<mark>" in page


@pytest.mark.slow
def test_story_report_only_holds_that_story(filled: Fixture, tmp_path: Path) -> None:
    store = SQLiteStore(filled.db)
    try:
        page = render_report(snapshot(store, filled.story))
        with pytest.raises(OutputError):
            report(store, tmp_path)
    finally:
        store.close()
    assert "onerror" not in page and "Hostile" not in page
    assert "Sky News" in page


def test_empty_store_renders(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "empty.db")
    try:
        page = render_report(snapshot(store))
    finally:
        store.close()
    assert "No claims in this store yet." in page
    assert "no map to draw" in page and "no timeline to draw" in page


def test_segments_mark_overlapping_evidence() -> None:
    text = "One. Two three. Four."
    cut = segments(text, [(0, 15, "ev-1"), (5, 21, "ev-2"), (21, 21, "ev-3")])
    assert "".join(s.text for s in cut) == text
    assert [(s.text, s.anchors, s.marked) for s in cut] == [
        ("One. ", ("ev-1",), True),
        ("Two three.", ("ev-2",), True),
        (" Four.", (), True),
        ("", ("ev-3",), False),
    ]
