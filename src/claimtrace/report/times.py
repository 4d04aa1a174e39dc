"""Times as the analysis writes them ("2019-04-05", "2020-04", "2015", "2017-W36", the decade
"199", a range "2015-05/2015-06") read as days and written for a reader ("1990s", "week 36
of 2017"), never as the raw ISO fragment ("199" is not the year 199)."""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DECADE = re.compile(r"^(\d{3})$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def parse_day(value: str | None, end: bool = False) -> date | None:
    """First (or, with ``end``, last) day of an ISO date, month, year, week or decade;
    None for anything else."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        if decade := _DECADE.match(text):
            first = int(decade.group(1)) * 10
            return date(first + 9, 12, 31) if end else date(first, 1, 1)
        if week := _WEEK.match(text):
            monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return monday + timedelta(days=6) if end else monday
        parts = text.split("-")
        year = int(parts[0])
        if len(parts[0]) != 4:
            return None
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        if not end:
            return date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return following - timedelta(days=1)
    except (ValueError, IndexError):
        return None


def time_span(value: str | None) -> tuple[date, date] | None:
    """A claim's time ("2019-04-05", "2015", "199", "2015-05/2015-06") as first and last day."""
    if not value:
        return None
    first, _, last = value.partition("/")
    start, stop = parse_day(first), parse_day(last or first, end=True)
    if start is None or stop is None:
        return None
    return (start, stop) if start <= stop else (stop, start)


def time_label(value: str | None) -> str:
    """``value`` for a reader: "1990s", "April 2020", "week 36 of 2017", "2015 – 2016";
    a value that is none of these is returned as it is."""
    if not value:
        return ""
    first, _, last = value.partition("/")
    if last:
        return f"{_one(first)} – {_one(last)}"
    return _one(first)


def _one(value: str) -> str:
    text = value.strip()
    if _DECADE.match(text):
        return f"{text}0s"
    if week := _WEEK.match(text):
        return f"week {int(week.group(2))} of {week.group(1)}"
    parts = text[:10].split("-")
    if len(parts) == 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return text
