"""The timeline: documents by publication date and claims by the time they refer to."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from claimtrace.report.svg import Labels, add, empty, label, short, svg_root, to_string
from claimtrace.report.times import parse_day, time_label, time_span

__all__ = ["parse_day", "time_span", "timeline_svg"]

_LEFT, _RIGHT, _WIDTH = 110, 30, 1000


# claims about times far from the documents' own would squash the documents to one edge:
# the axis spans the documents' dates widened by this much, and the rest are named below it
_BEFORE, _AFTER = timedelta(days=3 * 365), timedelta(days=365)


def timeline_svg(documents: list[dict[str, Any]], claims: list[dict[str, Any]]) -> str:
    docs = [(day, d) for d in documents if (day := parse_day(d["published"]))]
    spans = [(span, c) for c in claims if (span := time_span(c["time"]))]
    outside: list[dict[str, Any]] = []
    if docs:
        low = min(day for day, _ in docs) - _BEFORE
        high = max(day for day, _ in docs) + _AFTER
        outside = [c for (start, stop), c in spans if stop < low or start > high]
        spans = [
            ((max(start, low), min(stop, high)), c)
            for (start, stop), c in spans
            if not (stop < low or start > high)
        ]
    days = [day for day, _ in docs] + [s for (span, _) in spans for s in span]
    if not days:
        return empty("No dated documents or claims: no timeline to draw.", "timeline")
    first, last = min(days) - timedelta(days=1), max(days) + timedelta(days=1)
    scale = (_WIDTH - _LEFT - _RIGHT) / max((last - first).days, 1)

    def x(day: date) -> float:
        return _LEFT + (day - first).days * scale

    claim_rows = min(len(spans), 24)
    height = 120 + 14 * claim_rows + 40 + (20 if outside else 0)
    root = svg_root(_WIDTH, height, "Timeline of documents and claims", "timeline")
    _axis(root, first, last, x, height - 30 - (20 if outside else 0))
    if outside:
        named = sorted({time_label(c["time"]) for c in outside})
        more = f" and {len(named) - 6} more" if len(named) > 6 else ""
        note = f"{len(outside)} claim(s) about other times: {', '.join(named[:6])}{more}"
        label(root, _LEFT, height - 6, short(note, 150), class_="lane")
    label(root, 8, 44, "documents", class_="lane")
    labels = Labels()
    for day, doc in sorted(docs, key=lambda item: (item[0], item[1]["id"])):
        name = doc["outlet"] or doc["title"] or doc["id"]
        tip = f"{day.isoformat()} — {name}: {doc['title'] or ''}"
        group = add(root, "g", title=tip, class_="node document")
        add(group, "circle", cx=x(day), cy=40, r=6)
        text = short(name, 18)
        row = next((y for y in (26, 14) if labels.free(x(day), y, text, "middle")), None)
        if row is not None:
            label(group, x(day), row, text, text_anchor="middle")
    label(root, 8, 84, "claims", class_="lane")
    ordered = sorted(spans, key=lambda item: (item[0], item[1]["id"]))
    for i, ((start, stop), claim) in enumerate(ordered):
        y = 80 + 14 * (i % claim_rows)
        tip = f"{time_label(claim['time'])}: {short(claim['text'], 200)}"
        width = max(x(stop + timedelta(days=1)) - x(start), 4)
        add(root, "rect", title=tip, x=x(start), y=y, width=width, height=9, rx=2,
            class_=f"claim {claim['modality']}")  # fmt: skip
    return to_string(root)


def _axis(root: Any, first: date, last: date, x: Any, y: float) -> None:
    add(root, "line", x1=_LEFT, y1=y, x2=_WIDTH - _RIGHT, y2=y, class_="axis")
    ticks, step = _ticks(first, last)
    for tick in ticks:
        add(root, "line", x1=x(tick), y1=16, x2=x(tick), y2=y + 4, class_="grid")
        text = tick.isoformat()[: 4 if step >= 12 else 7 if step else 10]
        label(root, x(tick), y + 18, text, text_anchor="middle", class_="tick")


def _ticks(first: date, last: date) -> tuple[list[date], int]:
    """Week ticks (step 0) or month ticks every ``step`` months, at most ~12 of them."""
    span = (last - first).days
    if span <= 84:
        start = first + timedelta(days=(7 - first.weekday()) % 7)
        return [start + timedelta(weeks=i) for i in range(span // 7 + 1)], 0
    step = next((m for m in (1, 3, 6, 12, 24, 60, 120) if span / 30.4 / m <= 12), 240)
    ticks, year, month = [], first.year, first.month
    while (tick := date(year, month, 1)) <= last:
        if tick >= first and (year * 12 + month - 1) % step == 0:
            ticks.append(tick)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks, step
