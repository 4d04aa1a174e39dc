"""Main text and metadata of a saved web page, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True)
class ExtractedPage:
    text: str  # one paragraph a line, as trafilatura gives it
    title: str | None
    published: str | None
    author: str | None
    outlet: str | None


def extract_html(content: bytes | str, url: str | None = None) -> ExtractedPage | None:
    """Main text and metadata, or None when the page has no main text."""
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
    )
