"""What a response is (page, feed or sitemap) and the links of feeds and sitemaps.

Link extraction is trafilatura's (``feeds.find_links`` reads RSS 2.0, Atom and JSON Feed;
``sitemaps.SitemapObject`` reads XML and text sitemaps and sitemap indexes); URLs are then
normalised with courlan. trafilatura's own host filters (which drop IP-address hosts and
other domains) are replaced by ours: http(s) links only, each normalised once.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from protego import Protego
from trafilatura.feeds import FeedParameters, find_links, is_potential_feed
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SITEMAP_FORMAT, SitemapObject

from claimtrace.collect.urls import BadURL, normalise

_PROLOG = r"^(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?"
_FEED_ROOT = re.compile(_PROLOG + r"(rss|feed|RDF)\b", re.I | re.S)
_SITEMAP_ROOT = re.compile(_PROLOG + r"(urlset|sitemapindex)\b", re.I | re.S)
_HEAD = 4096


def classify(body: bytes, content_type: str, hint: str | None = None) -> str:
    """'feed', 'sitemap', 'page', or 'xml' (XML that is neither): by the body, not the
    label, so a feed served as text/html is still a feed."""
    head = _text(body[:_HEAD]).lstrip("\ufeff \t\r\n")
    if _SITEMAP_ROOT.match(head):
        return "sitemap"
    if _FEED_ROOT.match(head):
        return "feed"
    mime = content_type.split(";")[0].strip().lower()
    if head.startswith("{") and (mime.endswith("json") or hint == "feed"):
        return "feed"
    if hint == "sitemap" and mime == "text/plain":
        return "sitemap"
    if head.startswith("<?xml") and not re.search(r"<html\b", head[:1024], re.I):
        return "xml"
    return "page"


def feed_links(body: bytes, url: str, limit: int) -> list[str]:
    text = _text(body).strip()
    if not (is_potential_feed(text) or text.startswith("{")):
        return []
    host = urlsplit(url).hostname or ""
    params = FeedParameters(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}", host, url)
    links = _normalised(find_links(text, params), url, limit, exclude=url)
    return [link for link in links if urlsplit(link).path not in ("", "/")]  # the homepage


class _Sitemap(SitemapObject):
    """trafilatura's sitemap reader with our link handling (no host or language filter)."""

    def handle_link(self, link: str) -> None:
        if link == self.current_url:
            return
        if DETECT_SITEMAP_LINK.search(link):
            self.sitemap_urls.append(link)
        else:
            self.urls.append(link)


def sitemap_links(body: bytes, url: str, limit: int) -> tuple[list[str], list[str]]:
    """(article links, links to further sitemaps)."""
    parts = urlsplit(url)
    sitemap = _Sitemap(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", [])
    sitemap.current_url = url
    sitemap.content = _text(body)
    if SITEMAP_FORMAT.match(sitemap.content) or not sitemap.content.lstrip().startswith("<"):
        sitemap.process()
    pages = _normalised(sitemap.urls, url, limit, exclude=url)
    return pages, _normalised(sitemap.sitemap_urls, url, limit, exclude=url)


def is_robots(url: str, hint: str | None = None) -> bool:
    """A robots.txt named as a source: read for the sitemaps it announces."""
    return hint == "robots" or urlsplit(url).path == "/robots.txt"


def robots_sitemaps(body: bytes, url: str, limit: int) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt (read by Protego), normalised."""
    try:
        found = list(Protego.parse(_text(body)).sitemaps)
    except Exception:  # a robots.txt Protego cannot read announces nothing
        return []
    return _normalised(found, url, limit, exclude=url)


def _normalised(links: list[str], base: str, limit: int, exclude: str) -> list[str]:
    out: dict[str, None] = {}
    for link in links:
        try:
            found = normalise(link, base)
        except BadURL:
            continue
        if found != exclude:
            out[found] = None
        if len(out) >= limit:
            break
    return list(out)


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
