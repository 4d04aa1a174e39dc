"""Nested sourcing: an attribution whose cue lies inside another's content is its child."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from claimtrace.records import Attribution, Span


def trim_contents(text: str, attributions: Sequence[Attribution]) -> list[Attribution]:
    """Cut a content short before a later cue that closes the sentence with its own source.

    "X told police that P, the source added": the content of "told" is P, not P plus ", the
    source added", and "told" then lies inside the content of "added" (a chain).
    """
    out = list(attributions)
    for i, a in enumerate(out):
        for b in attributions:
            if b is a or not (a.content.start < b.cue.start < a.content.end):
                continue
            tail_start = min(b.cue.start, b.source.start if b.source else b.cue.start)
            postposed = b.content.end <= b.cue.start and tail_start > a.content.start
            if postposed:
                end = tail_start
                while end > a.content.start and (text[end - 1].isspace() or text[end - 1] in ",;"):
                    end -= 1
                if end > a.content.start and end < out[i].content.end:
                    content = Span(a.content.start, end, text[a.content.start : end])
                    out[i] = dataclasses.replace(out[i], content=content)
    return out


def link_chains(attributions: Sequence[Attribution]) -> list[Attribution]:
    """``parent`` = index of the attribution with the smallest content holding this cue.

    "Business Insider notes that documents captured in a raid revealed that ..." gives
    Business Insider > documents captured in a raid. The list order is kept.
    """
    out: list[Attribution] = []
    for i, child in enumerate(attributions):
        best: int | None = None
        for j, other in enumerate(attributions):
            if j == i or other.content is None:
                continue
            inside = other.content.start <= child.cue.start and child.cue.end <= other.content.end
            if not inside or _contains(child, other):
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
