"""Nested sourcing: an attribution whose cue lies inside another's content is its child.

Both passes compare each attribution only with those whose content starts at most
``REACH`` characters before it (contents are a sentence or a quote), so a long document
costs n·log n, not n².
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Sequence

from claimtrace.records import Attribution, Span

REACH = 5_000  # longest content looked back over (a long multi-sentence quote)


def _near(
    attributions: Sequence[Attribution], starts: list[int], order: list[int], offset: int
) -> Iterator[int]:
    """Indices of the attributions whose content starts in [offset - REACH, offset]."""
    low = bisect.bisect_left(starts, offset - REACH)
    high = bisect.bisect_right(starts, offset)
    yield from order[low:high]


def _index(attributions: Sequence[Attribution]) -> tuple[list[int], list[int]]:
    order = sorted(range(len(attributions)), key=lambda i: attributions[i].content.start)
    return [attributions[i].content.start for i in order], order


def trim_contents(text: str, attributions: Sequence[Attribution]) -> list[Attribution]:
    """Cut a content short before a later cue that closes the sentence with its own source.

    "X told police that P, the source added": the content of "told" is P, not P plus ", the
    source added", and "told" then lies inside the content of "added" (a chain).
    """
    out = list(attributions)
    starts, order = _index(attributions)
    for b in attributions:
        tail_start = min(b.cue.start, b.source.start if b.source else b.cue.start)
        if b.content.end > b.cue.start:
            continue  # b is not postposed ("..., X said")
        for i in _near(attributions, starts, order, b.cue.start):
            a = attributions[i]
            if a is b or not (a.content.start < b.cue.start < a.content.end):
                continue
            end = tail_start
            while end > a.content.start and (text[end - 1].isspace() or text[end - 1] in ",;"):
                end -= 1
            if a.content.start < end < out[i].content.end:
                content = Span(a.content.start, end, text[a.content.start : end])
                out[i] = dataclasses.replace(out[i], content=content)
    return out


def link_chains(attributions: Sequence[Attribution]) -> list[Attribution]:
    """``parent`` = index of the attribution with the smallest content holding this cue.

    "Business Insider notes that documents captured in a raid revealed that ..." gives
    Business Insider > documents captured in a raid. The list order is kept.
    """
    starts, order = _index(attributions)
    out: list[Attribution] = []
    for i, child in enumerate(attributions):
        best: int | None = None
        for j in _near(attributions, starts, order, child.cue.start):
            other = attributions[j]
            inside = other.content.start <= child.cue.start and child.cue.end <= other.content.end
            if j == i or not inside or _contains(child, other):
                continue
            if best is None or _size(other) < _size(attributions[best]):
                best = j
        out.append(dataclasses.replace(child, parent=best))
    return out


def _size(attribution: Attribution) -> int:
    return attribution.content.end - attribution.content.start


def _contains(child: Attribution, other: Attribution) -> bool:
    # two readings of one cue (a quote and its verb) are not nested in each other
    return child.content.start <= other.cue.start and other.cue.end <= child.content.end
