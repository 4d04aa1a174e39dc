"""Rebuild body paragraphs from the kept lines of a scraped page.

Blank lines and dropped lines separate paragraphs. Inside a run of adjacent
lines, a line that ends a sentence closes its paragraph (scrapes often put one
paragraph per line); a line that visibly stops mid-sentence is joined to the
next one with a single space, so no character of the text is lost.
"""

from __future__ import annotations

from collections.abc import Collection

from claimtrace.clean.text_shape import (
    PROSE_MIN_WORDS,
    ends_sentence,
    last_mark,
    starts_lowercase,
    word_count,
)

# Marks after which the sentence visibly goes on ("Koope-", "said,").
_OPEN_ENDINGS = ",;-‐"


def continues(previous: str, following: str) -> bool:
    """True when `following` carries on the sentence `previous` left open."""
    if ends_sentence(previous) or last_mark(previous) == ":":
        return False
    if last_mark(previous) in _OPEN_ENDINGS:
        return True
    case = starts_lowercase(following)
    if case is not None:
        return case
    # Without letter case (Arabic...) only a long unpunctuated line is taken
    # for a wrapped one; short lines there are headings or labels.
    return word_count(previous) >= PROSE_MIN_WORDS


def _merge_run(run: list[str]) -> list[str]:
    paragraphs = [run[0]]
    for line in run[1:]:
        if continues(paragraphs[-1], line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def build_paragraphs(lines: list[str], skip: Collection[int]) -> list[str]:
    """Paragraphs of the lines not in `skip` ("" lines count as blank)."""
    paragraphs: list[str] = []
    run: list[str] = []
    for i, line in enumerate(lines):
        if line and i not in skip:
            run.append(line)
            continue
        if run:
            paragraphs.extend(_merge_run(run))
            run = []
    if run:
        paragraphs.extend(_merge_run(run))
    return paragraphs
