"""Page metadata: the canonical or og:url address is a document's url; outlets are names,
never a date, a profile URL or a handle; without a usable name, the page's domain."""

from __future__ import annotations

import hashlib

import pytest

from claimtrace.clean import build_document
from claimtrace.clean.outlet import outlet_name, page_url
from claimtrace.config import load_config
from claimtrace.records import Document, RawPage

BODY = " ".join(
    f"Paragraph {i}: the water authority said on Tuesday that repairs to the pumping "
    "station would take another week, while residents queued for bottled water."
    for i in range(6)
)


def _page(head: str, url: str | None = None) -> Document:
    html = (
        f"<html><head><title>Repairs delayed</title>{head}</head><body><article>"
        f"<h1>Repairs delayed</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    data = html.encode()
    raw = RawPage("page.html", "page.html", hashlib.sha256(data).hexdigest(), "html", data,
                  body=html, url=url)  # fmt: skip
    doc = build_document(raw, load_config())
    assert isinstance(doc, Document)
    return doc


def test_canonical_link_is_the_url() -> None:
    doc = _page('<link rel="canonical" href="https://news.example.org/2024/05/repairs">')
    assert doc.url == "https://news.example.org/2024/05/repairs"


def test_og_url_when_there_is_no_canonical_link() -> None:
    doc = _page('<meta property="og:url" content="https://www.example-times.com/a/b">')
    assert doc.url == "https://www.example-times.com/a/b"


def test_a_script_url_is_not_a_url() -> None:
    doc = _page('<link rel="canonical" href="javascript:alert(1)">')
    assert doc.url is None


def test_site_name_that_is_a_date_falls_back_to_the_domain() -> None:
    doc = _page(
        '<link rel="canonical" href="https://www.tagesspiegel.de/politik/x.html">'
        '<meta property="og:site_name" content="02.11.2021">'
    )
    assert doc.outlet == "tagesspiegel.de"


def test_site_name_kept_when_it_is_a_name() -> None:
    doc = _page(
        '<link rel="canonical" href="https://www.tagesspiegel.de/politik/x.html">'
        '<meta property="og:site_name" content="Der Tagesspiegel">'
    )
    assert doc.outlet == "Der Tagesspiegel"


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("https://www.facebook.com/tagesspiegel", "example.org"),
        ("02.11.2021", "example.org"),
        ("2021-11-02T10:00", "example.org"),
        ("@handelsblatt", "example.org"),
        ("Lüder Hoppe info@buero-hoppe.de", "example.org"),
        ("Kulinaria@Home", "Kulinaria@Home"),
        ('"Welches Europa" - http://www.tafelblog.com', "example.org"),
        ("Handelsblatt_De", "Handelsblatt"),
        ("Al_Ahram_Weekly", "Al Ahram Weekly"),
        ("  Sky   News ", "Sky News"),
        ("", "example.org"),
    ],
)
def test_outlet_name(candidate: str, expected: str) -> None:
    assert outlet_name(candidate, url="https://www.example.org/x") == expected


def test_outlet_without_any_usable_candidate_or_url_is_none() -> None:
    assert outlet_name("12.05.2020", None, url=None) is None
    assert outlet_name(None, url="file:///etc/passwd") is None


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "/relative/path", "ftp://x.org/a", "http://a b.org/"]
)
def test_page_url_rejects_what_is_not_a_web_address(value: str) -> None:
    assert page_url(value) is None
