"""Plain-text scrape cleaning: drop site debris, lift title, dateline and outlet.

Owned by the text-cleaner work; see tests/clean/test_text.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanedText:
    """What the text cleaner returns for one scraped page."""

    text: str  # the article body, paragraphs separated by a blank line ("\n\n")
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM" if a time is given)
    outlet: str | None = None
    author: str | None = None
    removed: tuple[tuple[str, str], ...] = ()  # (line, why) for every dropped line


def clean_text(raw: str) -> CleanedText:
    raise NotImplementedError
