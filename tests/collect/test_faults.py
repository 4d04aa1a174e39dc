"""Hostile network input: every fault becomes a failure record with a reason — never a
crash, never a hang — and the rest of the batch goes on."""

from __future__ import annotations

import sqlite3
import time
from http.server import BaseHTTPRequestHandler

from claimtrace import api
from claimtrace.config import Config
from tests.collect.conftest import Site, drip, endless
from tests.collect.pages import ARTICLES, article, rss

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _good(site: Site) -> str:
    return site.add("/ok.html", article("Reservoir low", ARTICLES["en"]))


def _fetch(site: Site, config: Config, *paths: str) -> tuple[dict[str, tuple[str, str]], int]:
    """Fetch the paths and a good page; (url -> (stage, reason)) of the failures, and the
    number of documents added."""
    summary = api.fetch([site.url(p) for p in paths] + [_good(site)], config=config)
    failed = {f.source: (f.stage, f.reason) for f in summary.failures}
    with sqlite3.connect(config.db) as db:
        stored = dict(db.execute("SELECT source, reason FROM failures").fetchall())
    assert {url: reason for url, (_, reason) in failed.items()} == stored
    return failed, len(summary.added)


def test_robots_txt_disallowing_a_path(site: Site, fetch_config: Config) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.add("/private/a.html", article("Secret", ARTICLES["de"], "de"))
    failed, added = _fetch(site, fetch_config, "/private/a.html")
    assert failed == {site.url("/private/a.html"): ("robots", "disallowed by robots.txt")}
    assert added == 1 and site.count("/private/a.html") == 0


def test_robots_txt_is_ignored_when_asked(site: Site, fetch_config: Config) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
    config = fetch_config.with_overrides(fetch_robots="ignore")
    failed, added = _fetch(site, config)
    assert not failed and added == 1 and site.count("/robots.txt") == 0


def test_unreadable_robots_txt_disallows_the_host(site: Site, fetch_config: Config) -> None:
    site.add("/robots.txt", "oops", "text/plain", status=503)
    summary = api.fetch([_good(site)], config=fetch_config)
    assert [(f.stage, f.reason) for f in summary.failures] == [
        ("robots", "robots.txt could not be read (HTTP 503)")
    ]


def test_404(site: Site, fetch_config: Config) -> None:
    failed, added = _fetch(site, fetch_config, "/missing.html")
    assert failed == {site.url("/missing.html"): ("fetch", "HTTP 404 Not Found")}
    assert added == 1 and site.count("/missing.html") == 1  # a 404 is not retried


def test_500_is_retried_then_recorded(site: Site, fetch_config: Config) -> None:
    site.add("/broken.html", "error", "text/plain", status=500)
    failed, added = _fetch(site, fetch_config, "/broken.html")
    assert failed == {site.url("/broken.html"): ("fetch", "HTTP 500 Internal Server Error")}
    assert site.count("/broken.html") == 1 + fetch_config.fetch_retries and added == 1


def test_redirect_loop(site: Site, fetch_config: Config) -> None:
    site.add("/a", "", status=302, Location="/b")
    site.add("/b", "", status=301, Location=site.url("/a"))
    failed, added = _fetch(site, fetch_config, "/a")
    stage, reason = failed[site.url("/a")]
    assert reason == f"redirect loop: {site.url('/a')} -> {site.url('/b')} -> {site.url('/a')}"
    assert added == 1


def test_too_many_redirects(site: Site, fetch_config: Config) -> None:
    for n in range(10):
        site.add(f"/r{n}", "", status=302, Location=f"/r{n + 1}")
    failed, _ = _fetch(site, fetch_config, "/r0")
    assert failed[site.url("/r0")] == ("fetch", "more than 5 redirects")
    assert site.count("/r6") == 0


def test_redirect_to_another_scheme(site: Site, fetch_config: Config) -> None:
    site.add("/away", "", status=302, Location="file:///etc/passwd")
    failed, _ = _fetch(site, fetch_config, "/away")
    assert failed[site.url("/away")][1].startswith("redirect to not an http(s) URL")


def test_a_redirect_is_followed(site: Site, fetch_config: Config) -> None:
    site.add("/moved", "", status=301, Location="/ok.html")
    _good(site)
    summary = api.fetch([site.url("/moved")], config=fetch_config)
    assert len(summary.added) == 1 and not summary.failures
    with sqlite3.connect(fetch_config.db) as db:
        assert db.execute("SELECT key, url FROM sources").fetchall() == [
            (site.url("/moved"), site.url("/ok.html"))
        ]


def test_slow_response_times_out(site: Site, fetch_config: Config) -> None:
    site.routes["/slow.html"] = drip(0.1, 20.0)
    config = fetch_config.with_overrides(fetch_timeout=1.0, fetch_retries=0)
    start = time.monotonic()
    failed, added = _fetch(site, config, "/slow.html")
    assert time.monotonic() - start < 10
    assert failed[site.url("/slow.html")] == ("fetch", "no complete response within 1 s")
    assert added == 1


def test_oversized_response_is_cut_and_fails(site: Site, fetch_config: Config) -> None:
    site.routes["/huge.html"] = endless()
    site.add("/big.html", b"<p>" + b"x" * 400_000)
    failed, added = _fetch(site, fetch_config, "/huge.html", "/big.html")
    limit = "response is over the 300,000-byte limit"
    assert failed == {site.url("/huge.html"): ("fetch", limit),
                      site.url("/big.html"): ("fetch", limit)}  # fmt: skip
    assert added == 1


def test_wrong_content_type_is_not_read(site: Site, fetch_config: Config) -> None:
    site.add("/photo.png", PNG, "image/png")
    failed, added = _fetch(site, fetch_config, "/photo.png")
    assert failed == {site.url("/photo.png"): ("fetch", "unsupported content type 'image/png'")}
    assert added == 1


def test_mislabelled_binary_body(site: Site, fetch_config: Config) -> None:
    site.add("/fake.html", PNG, "text/html")
    failed, added = _fetch(site, fetch_config, "/fake.html")
    stage, reason = failed[site.url("/fake.html")]
    assert stage == "detect" and reason.startswith("not a text document")
    assert added == 1


def test_feed_served_as_html_is_still_a_feed(site: Site, fetch_config: Config) -> None:
    page = _good(site)
    site.add("/feed", rss([page]), "text/html")
    summary = api.fetch([site.url("/feed")], config=fetch_config)
    assert summary.counts["feed"] == 1 and len(summary.added) == 1


def test_malformed_feed(site: Site, fetch_config: Config) -> None:
    site.add("/bad.xml", '<?xml version="1.0"?><rss><channel><item><link>', "application/rss+xml")
    summary = api.fetch([site.url("/bad.xml")], config=fetch_config)
    assert summary.counts["feed"] == 1 and not summary.added and not summary.failures


def test_xml_that_is_no_feed(site: Site, fetch_config: Config) -> None:
    site.add("/data.xml", '<?xml version="1.0"?><catalog><book/></catalog>', "application/xml")
    failed, _ = _fetch(site, fetch_config, "/data.xml")
    assert failed[site.url("/data.xml")] == ("detect", "XML that is neither a feed nor a sitemap")


def test_malformed_http_response(site: Site, fetch_config: Config) -> None:
    def garbage(request: BaseHTTPRequestHandler) -> None:
        request.wfile.write(b"NOT HTTP AT ALL\r\n\x00\x01\r\n\r\n")
        request.close_connection = True

    site.routes["/garbage"] = garbage
    failed, added = _fetch(site, fetch_config, "/garbage")
    stage, reason = failed[site.url("/garbage")]
    assert stage == "fetch" and "RemoteProtocolError" in reason and added == 1


def test_empty_body(site: Site, fetch_config: Config) -> None:
    site.add("/empty.html", b"")
    failed, _ = _fetch(site, fetch_config, "/empty.html")
    assert failed[site.url("/empty.html")] == ("fetch", "empty response body")


def test_connection_refused(site: Site, fetch_config: Config) -> None:
    import socket

    with socket.socket() as sock:  # a port on 127.0.0.1 nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x.html"
    summary = api.fetch([url], config=fetch_config.with_overrides(fetch_robots="ignore"))
    assert [(f.source, f.stage) for f in summary.failures] == [(url, "fetch")]
    assert "ConnectError" in summary.failures[0].reason


def test_links_and_redirects_to_private_addresses_are_refused_by_default(
    site: Site, fetch_config: Config
) -> None:
    config = fetch_config.with_overrides(fetch_private="refuse")  # the default
    good = _good(site)
    metadata = "http://169.254.169.254/latest/meta-data/"  # a cloud's metadata service
    feed = site.add("/feed.xml", rss([good, metadata]), "application/rss+xml")
    site.add("/moved", "", status=302, Location="/ok.html")
    summary = api.fetch([feed, site.url("/moved")], config=config)
    refused = {f.source: (f.stage, f.reason) for f in summary.failures}
    assert len(refused) == 3 and {good, site.url("/moved")} < set(refused), refused
    assert {stage for stage, _ in refused.values()} == {"address"}
    assert "loopback address (127.0.0.1)" in refused[good][1]
    assert "link-local address (169.254.169.254)" in next(
        reason for url, (_, reason) in refused.items() if "169.254" in url
    )
    assert not summary.added
    # the feed named by the user was read; no link and no redirect target was contacted
    assert site.count("/feed.xml") == 1 and site.count("/ok.html") == 0
    assert site.count("/moved") == 1
    allowed = api.fetch([site.url("/moved")], config=fetch_config, refetch=True)
    assert len(allowed.added) == 1  # fetch_private = "allow": the same redirect is followed


def test_robots_txt_redirected_to_a_private_address_is_refused(
    site: Site, fetch_config: Config
) -> None:
    site.add("/robots.txt", "", status=302, Location="http://169.254.169.254/robots.txt")
    config = fetch_config.with_overrides(fetch_private="refuse")
    summary = api.fetch([_good(site)], config=config)  # named by the user: its host is fine
    [(stage, reason)] = [(f.stage, f.reason) for f in summary.failures]
    assert stage == "robots" and reason.startswith("robots.txt could not be read: refused:")
    assert "link-local address (169.254.169.254)" in reason
