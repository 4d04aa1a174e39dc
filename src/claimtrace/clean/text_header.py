"""Find the dateline, outlet line, byline and title around the article body.

Metadata lines live above the first prose paragraph ("header") or, for
"first published in ..." notes, below the last one ("footer"). Scanning stops
at the first prose line, so a date or name inside the article is never lifted.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from claimtrace.clean.text_dateline import parse_byline, parse_dateline, parse_outlet_line
from claimtrace.clean.text_paragraphs import continues
from claimtrace.clean.text_shape import last_mark, looks_like_prose, starts_lowercase, word_count

HEADER_MAX_LINES = 8
FOOTER_MAX_LINES = 5
TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 200
# A title may end in "?" or "!", never in marks that close or continue a sentence.
_TITLE_BAD_ENDINGS = ".,;:…"
# Reported speech: a quotation closed and attributed ("…,” he said").
_ATTRIBUTED_QUOTE = regex.compile(r"[,.!?…][\"”»«“]\s*\p{L}|[\"”»«“]\s*,")


@dataclass
class EdgeMeta:
    """What the header and footer scans found."""

    published: str | None = None
    outlet: str | None = None
    author: str | None = None


def _content(lines: list[str], dropped: dict[int, str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line and i not in dropped]


def _take_dates(line: str, meta: EdgeMeta) -> bool:
    """Record a dateline or outlet line into `meta`; True if the line is one."""
    outlet_line = parse_outlet_line(line)
    if outlet_line is not None:
        meta.outlet = meta.outlet or outlet_line[0]
        meta.published = meta.published or outlet_line[1]
        return True
    date = parse_dateline(line)
    if date is not None:
        meta.published = meta.published or date
        return True
    return False


def scan_edges(lines: list[str], dropped: dict[int, str]) -> EdgeMeta:
    """Lift dateline/outlet/byline lines into metadata, marking them in `dropped`."""
    meta = EdgeMeta()
    content = _content(lines, dropped)
    for i in content[:HEADER_MAX_LINES]:
        line = lines[i]
        if _take_dates(line, meta):
            dropped[i] = "dateline"
        elif meta.author is None and (author := parse_byline(line)):
            meta.author = author
            dropped[i] = "byline"
        elif looks_like_prose(line):
            break
    for i in reversed(content[-FOOTER_MAX_LINES:]):
        if i in dropped:
            continue
        if _take_dates(lines[i], meta):
            dropped[i] = "dateline"
        elif looks_like_prose(lines[i]):
            break
    return meta


def is_title_shaped(line: str) -> bool:
    """A short headline: few words, no closing period, not reported speech."""
    n = word_count(line)
    if not 0 < n <= TITLE_MAX_WORDS or len(line) > TITLE_MAX_CHARS:
        return False
    if last_mark(line) in _TITLE_BAD_ENDINGS or starts_lowercase(line):
        return False
    return _ATTRIBUTED_QUOTE.search(line) is None


def find_title(lines: list[str], dropped: dict[int, str]) -> int | None:
    """Index of the title line: the first kept line, if headline-shaped and
    followed by prose. A text that opens with prose has no title."""
    content = _content(lines, dropped)
    if not content or not is_title_shaped(lines[content[0]]):
        return None
    first = content[0]
    # The first line of a hard-wrapped paragraph is not a headline.
    if len(content) > 1 and content[1] == first + 1 and continues(lines[first], lines[first + 1]):
        return None
    if any(looks_like_prose(lines[i]) for i in content[1:]):
        return first
    return None
