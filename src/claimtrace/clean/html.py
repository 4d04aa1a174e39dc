"""Main text and metadata of a saved web page, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from claimtrace.clean.html_flat import flatten_deep_html
from claimtrace.ingest.decode import NotTextError, decode_bytes


@dataclass(frozen=True)
class ExtractedPage:
    text: str  # one paragraph a line, as trafilatura gives it
    title: str | None
    published: str | None
    author: str | None
    outlet: str | None
    url: str | None = None  # the canonical or og:url address the page gives for itself


def extract_html(content: bytes | str, url: str | None = None) -> ExtractedPage | None:
    """Main text and metadata, or None when the page has no main text.

    A page nested deeper than lxml can build is read again from a shallow copy.
    """
    page = _extract(content, url)
    if page is None:
        flat = flatten_deep_html(_as_text(content))
        if flat is not None:
            page = _extract(flat, url)
    return page


def _as_text(content: bytes | str) -> str:
    if isinstance(content, str):
        return content
    try:
        return decode_bytes(content)[0]
    except NotTextError:
        return content.decode("utf-8", errors="replace")


def _extract(content: bytes | str, url: str | None) -> ExtractedPage | None:
    result = trafilatura.bare_extraction(
        content,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    if not isinstance(result, trafilatura.settings.Document) or not (result.text or "").strip():
        return None
    return ExtractedPage(
        text=result.text or "",
        title=result.title or None,
        published=result.date or None,
        author=result.author or None,
        outlet=result.sitename or None,
        url=result.url or None,
    )
