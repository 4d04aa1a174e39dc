"""Partial dates in documents without a publication date.

A text cannot be older than the latest day its absolute dates reach ("Ende 2019" -> the
document is from 2020-01-01 or later, give or take), so that day is a lower bound for its
publication: the anchor. A yearless date ("am 13. April") is then read as the occurrence
nearest the anchor, within half a year either side, which is what reporters mean by a
yearless date in a story about recent events. Dates after today are ignored (a text may
announce a plan for 2030). Relative expressions ("last week") stay unresolved: they need
the publication day itself, not a bound. A date resolved this way has kind ``inferred``, so
whoever reads it sees that its year is claimtrace's reading, not the text's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from claimtrace.nlp.times import TimeExpression, find_times

__all__ = ["anchor_partial_times", "infer_anchor"]

# find_times reads a yearless date as the nearest occurrence before publication; giving it a
# publication day half a year after the anchor makes that the occurrence nearest the anchor
_HALF_YEAR = timedelta(days=182)


def infer_anchor(times: Sequence[TimeExpression], today: date | None = None) -> date | None:
    """The latest day covered by an absolute time expression that is not in the future."""
    today = today or date.today()
    days = []
    for t in times:
        if t.kind != "absolute" or not t.range_end:
            continue
        try:
            day = date.fromisoformat(t.range_end)
        except ValueError:
            continue
        if day <= today:
            days.append(day)
    return max(days) if days else None


def anchor_partial_times(
    text: str,
    paragraphs: Sequence[tuple[int, int, str | None]],
    times: Sequence[TimeExpression],
    today: date | None = None,
) -> tuple[list[TimeExpression], str | None]:
    """``times`` with unresolved partial dates resolved against the inferred anchor, and the
    anchor (ISO day) or None when the text has no usable absolute date."""
    anchor = infer_anchor(times, today)
    if anchor is None:
        return list(times), None
    pivot = (anchor + _HALF_YEAR).isoformat()
    out = []
    for t in times:
        if t.kind == "partial" and t.value is None:
            language = next((lang for s, e, lang in paragraphs if s <= t.start < e), None)
            again = [r for r in find_times(t.text, language, pivot) if r.value is not None]
            if len(again) == 1 and again[0].text == t.text:
                r = again[0]
                t = TimeExpression(
                    t.text, t.start, t.end, r.value, r.range_start, r.range_end,
                    r.granularity, "inferred",
                )  # fmt: skip
        out.append(t)
    return out, anchor.isoformat()
