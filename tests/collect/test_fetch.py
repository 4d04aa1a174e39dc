"""`fetch`: pages, feeds and sitemaps from a local server into the store, politely."""

from __future__ import annotations

import gzip
import sqlite3

import pytest
from warcio.archiveiterator import ArchiveIterator

from claimtrace import api
from claimtrace.config import Config
from tests.collect.conftest import Site, conditional
from tests.collect.pages import ARTICLES, article, atom, rss, sitemap_index, urlset


def _rows(config: Config, sql: str) -> list[tuple]:
    with sqlite3.connect(config.db) as db:
        return db.execute(sql).fetchall()


def _serve_articles(site: Site, langs: list[str], prefix: str = "/news") -> list[str]:
    return [
        site.add(f"{prefix}/{lang}.html", article(f"Reservoir report {lang}", ARTICLES[lang], lang))
        for lang in langs
    ]


def test_rss_feed_articles_are_fetched_and_ingested(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["en", "de", "fr"])
    feed = site.add("/rss.xml", rss(links), "application/rss+xml")
    summary = api.fetch([feed], config=fetch_config)
    assert len(summary.added) == 3 and not summary.failures
    docs = _rows(fetch_config, "SELECT language, url FROM documents ORDER BY language")
    assert docs == sorted(zip(["de", "en", "fr"], [links[1], links[0], links[2]], strict=True))
    kinds = dict(_rows(fetch_config, "SELECT url, kind FROM fetched_urls"))
    assert kinds[feed] == "feed" and all(kinds[link] == "page" for link in links)
    sources = _rows(fetch_config, "SELECT key, url FROM sources ORDER BY key")
    assert [key for key, _ in sources] == sorted(links)


def test_every_response_is_kept_in_a_warc_file(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["en"])
    feed = site.add("/rss.xml", rss(links), "application/rss+xml")
    api.fetch([feed], config=fetch_config)
    files = {row[0] for row in _rows(fetch_config, "SELECT warc_file FROM fetched_urls")}
    assert len(files) == 1
    with gzip.open(files.pop(), "rb") as handle:
        records = [(r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                   for r in ArchiveIterator(handle)]  # fmt: skip
    uris = [uri for uri, _ in records]
    assert uris == [site.url("/robots.txt"), feed, links[0]]
    assert records[2][1] == article("Reservoir report en", ARTICLES["en"], "en")


def test_atom_feed_with_relative_links(site: Site, fetch_config: Config) -> None:
    _serve_articles(site, ["ru", "en"], prefix="/atom")
    feed = site.add("/atom/feed", atom(["/atom/ru.html", "en.html"]), "application/atom+xml")
    summary = api.fetch([feed], config=fetch_config)
    assert len(summary.added) == 2, summary.to_dict()
    langs = {row[0] for row in _rows(fetch_config, "SELECT language FROM documents")}
    assert langs == {"ru", "en"}


def test_sitemap_index_is_followed_to_its_articles(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["ar", "de"])
    site.add("/sitemap-news.xml", urlset(links), "application/xml")
    index = site.add("/sitemap.xml", sitemap_index([site.url("/sitemap-news.xml")]), "text/xml")
    summary = api.fetch([index], config=fetch_config)
    assert len(summary.added) == 2, summary.to_dict()
    kinds = dict(_rows(fetch_config, "SELECT url, kind FROM fetched_urls"))
    assert kinds[index] == kinds[site.url("/sitemap-news.xml")] == "sitemap"
    langs = {row[0] for row in _rows(fetch_config, "SELECT language FROM documents")}
    assert langs == {"ar", "de"}


def test_a_file_of_urls_and_a_bad_line(site: Site, fetch_config: Config, tmp_path) -> None:
    links = _serve_articles(site, ["en", "fr"])
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my list\n{links[0]}\nftp://example.invalid/x\n\n{links[1]}\n")
    summary = api.fetch([str(listing)], config=fetch_config)
    assert len(summary.added) == 2
    assert [(f.source, f.stage) for f in summary.failures] == [(f"{listing}#L3", "fetch")]
    assert "not an http(s) URL" in summary.failures[0].reason


def test_urls_fetched_before_are_not_fetched_again(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["en", "de"])
    feed = site.add("/rss.xml", rss(links), "application/rss+xml")
    api.fetch([feed], config=fetch_config)
    site.routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"},
                               rss([*links, links[0] + "?utm_source=feed"]).encode())  # fmt: skip
    second = api.fetch([feed, links[1]], config=fetch_config)
    assert not second.added and second.counts["seen"] == 2  # one named, one in the feed
    assert site.count("/news/en.html") == site.count("/news/de.html") == 1
    again = api.fetch([links[1]], config=fetch_config, refetch=True)
    assert site.count("/news/de.html") == 2 and again.counts["unchanged"] == 1


def test_a_304_keeps_the_feed_and_fetches_nothing_new(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["en"])
    site.routes["/feed"] = conditional(rss(links).encode(), '"v1"', "application/rss+xml")
    feed = site.url("/feed")
    api.fetch([feed], config=fetch_config)
    second = api.fetch([feed], config=fetch_config)
    assert second.counts["unchanged"] == 1 and not second.added
    feed_hits = [headers for path, headers in site.hits if path == "/feed"]
    assert "if-none-match" not in feed_hits[0] and feed_hits[1]["if-none-match"] == '"v1"'
    assert _rows(fetch_config, f"SELECT kind, etag FROM fetched_urls WHERE url = '{feed}'") == [
        ("feed", '"v1"')
    ]


def test_user_agent_is_sent(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["en"])
    api.fetch(links, config=fetch_config)
    agents = {headers.get("user-agent") for _, headers in site.hits}
    assert agents == {fetch_config.fetch_user_agent}


def test_gzipped_sitemap_is_read(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["en", "fr"])
    packed = gzip.compress(urlset(links).encode())
    gz = site.add("/sitemap-news.xml.gz", packed, "application/x-gzip")
    raw = site.add("/other.xml.gz", gzip.compress(urlset([]).encode()), "application/octet-stream")
    summary = api.fetch([gz, raw], config=fetch_config)
    assert len(summary.added) == 2 and not summary.failures, summary.to_dict()
    kinds = dict(_rows(fetch_config, "SELECT url, kind FROM fetched_urls"))
    assert kinds[gz] == kinds[raw] == "sitemap"


def test_gzip_bomb_sitemap_fails_with_a_reason(site: Site, fetch_config: Config) -> None:
    limit = int(fetch_config.fetch_max_bytes)
    bomb = gzip.compress(b"<urlset>" + b" " * (limit * 2))
    assert len(bomb) < limit  # small on the wire, too big unpacked
    url = site.add("/bomb.xml.gz", bomb, "application/gzip")
    summary = api.fetch([url], config=fetch_config)
    assert [(f.stage, f.reason) for f in summary.failures] == [
        ("fetch", f"gzip body unpacks to over the {limit:,}-byte limit")
    ]


def test_sitemaps_announced_in_robots_txt_are_followed(site: Site, fetch_config: Config) -> None:
    links = _serve_articles(site, ["en", "de"])
    site.add("/sitemap-news.xml", urlset(links[:1]), "application/xml")
    site.add("/sm2.xml.gz", gzip.compress(urlset(links[1:]).encode()), "application/gzip")
    robots = site.add(
        "/robots.txt",
        f"User-agent: *\nDisallow: /private/\nSitemap: {site.url('/sitemap-news.xml')}\n"
        "Sitemap: /sm2.xml.gz\n",
        "text/plain",
    )
    summary = api.fetch([robots], config=fetch_config)
    assert summary.counts == {"sitemap": 3, "new": 2}, summary.to_dict()
    assert len(summary.added) == 2 and not summary.failures
    langs = {row[0] for row in _rows(fetch_config, "SELECT language FROM documents")}
    assert langs == {"en", "de"}


def test_a_postgresql_store_says_where_its_warc_files_go(tmp_path) -> None:
    from claimtrace.config import load_config
    from claimtrace.errors import ClaimtraceError
    from claimtrace.watch.fetch import warc_folder

    url = "postgresql://postgres@127.0.0.1:5432/test?schema=nothing"
    with pytest.raises(ClaimtraceError, match="set warc_dir"):
        warc_folder(load_config(db=url))
    assert warc_folder(load_config(db=url, warc_dir=str(tmp_path / "w"))) == str(tmp_path / "w")
    assert warc_folder(load_config(db=str(tmp_path / "s.db"))) == str(tmp_path / "s.db") + ".warc"
