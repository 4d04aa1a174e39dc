"""Plain-text scrape cleaning: drop site debris, lift title, dateline and outlet.

Owned by the text-cleaner work; see tests/clean/test_text.py.

The pipeline works on whole lines and judges them by shape:

1. `text_debris` drops tickers, UI prompts, photo credits, captions and
   language links (each with a reason);
2. `text_header` lifts dateline, outlet and byline lines from above (and
   "first published" notes from below) the prose, then picks the title;
3. `text_paragraphs` rebuilds the body from the lines that are left.

Kept lines only have runs of blanks collapsed; no other character changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrace.clean.text_debris import find_debris
from claimtrace.clean.text_header import find_title, scan_edges
from claimtrace.clean.text_paragraphs import build_paragraphs
from claimtrace.clean.text_shape import squeeze_spaces


@dataclass(frozen=True)
class CleanedText:
    """What the text cleaner returns for one scraped page."""

    text: str  # the article body, paragraphs separated by a blank line ("\n\n")
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM" if a time is given)
    outlet: str | None = None
    author: str | None = None
    removed: tuple[tuple[str, str], ...] = ()  # (line, why) for every dropped line
    url: str | None = None  # the page's own canonical address, when it gives one


def clean_text(raw: str) -> CleanedText:
    """Clean one scraped page: body paragraphs plus title/date/outlet/author.

    Every dropped line is listed in `removed` with its reason ("ticker",
    "navigation", "ui-prompt", "photo-credit", "caption", "language-link",
    "dateline", "byline"). Blank lines are not listed.
    """
    raw_lines = raw.splitlines()
    lines = [squeeze_spaces(line) for line in raw_lines]
    dropped = find_debris(lines, raw_lines)
    meta = scan_edges(lines, dropped)
    title_index = find_title(lines, dropped)
    skip = set(dropped) if title_index is None else {*dropped, title_index}
    paragraphs = build_paragraphs(lines, skip)
    return CleanedText(
        text="\n\n".join(paragraphs),
        title=None if title_index is None else lines[title_index],
        published=meta.published,
        outlet=meta.outlet,
        author=meta.author,
        removed=tuple((lines[i], dropped[i]) for i in sorted(dropped)),
    )
