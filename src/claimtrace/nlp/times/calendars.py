"""Calendar arithmetic for time expressions: periods, shifts and partial-date resolution."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

# News reports past events: a yearless date further than this after publication is last year's.
FUTURE_TOLERANCE = timedelta(days=62)

SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@dataclass(frozen=True)
class Resolution:
    """What a matched span means, before it is tied back to the text."""

    value: str | None
    range_start: date | None
    range_end: date | None
    granularity: str
    kind: str


def unresolved(granularity: str, kind: str) -> Resolution:
    return Resolution(None, None, None, granularity, kind)


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_period(day: date, kind: str) -> Resolution:
    return Resolution(day.isoformat(), day, day, "day", kind)


def week_period(day: date, kind: str) -> Resolution:
    monday = day - timedelta(days=day.weekday())
    iso_year, iso_week, _ = monday.isocalendar()
    return Resolution(
        f"{iso_year}-W{iso_week:02d}", monday, monday + timedelta(days=6), "week", kind
    )


def month_period(year: int, month: int, kind: str) -> Resolution:
    return Resolution(
        f"{year:04d}-{month:02d}", date(year, month, 1), last_day(year, month), "month", kind
    )


def year_period(year: int, kind: str) -> Resolution:
    return Resolution(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year", kind)


def decade_period(first_year: int, kind: str) -> Resolution:
    return Resolution(
        f"{first_year // 10:03d}",
        date(first_year, 1, 1),
        date(first_year + 9, 12, 31),
        "decade",
        kind,
    )


def season_period(year: int, season: str, kind: str) -> Resolution:
    """Meteorological seasons; winter YEAR runs from December YEAR to February YEAR+1."""
    first = SEASON_MONTHS[season]
    end_year, end_month = add_months(year, first, 2)
    return Resolution(
        f"{year:04d}", date(year, first, 1), last_day(end_year, end_month), "season", kind
    )


def narrow(resolution: Resolution, part: str | None, published: date | None) -> Resolution:
    """Apply a modifier: early/mid/late part of the period, or "since" it up to publication."""
    start, end = resolution.range_start, resolution.range_end
    if part is None or start is None or end is None:
        return resolution
    if part == "since":
        if published is not None and published >= start:
            return replace(resolution, range_end=published)
        return resolution
    if resolution.granularity == "year":
        bounds = {"early": (1, 3), "mid": (4, 9), "late": (10, 12)}[part]
        return replace(
            resolution,
            range_start=date(start.year, bounds[0], 1),
            range_end=last_day(start.year, bounds[1]),
        )
    if resolution.granularity == "month":
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[part]
        return replace(
            resolution,
            range_start=start.replace(day=bounds[0]),
            range_end=start.replace(day=bounds[1]),
        )
    return resolution


def partial_day(month: int, day: int, published: date) -> date | None:
    """The yearless ``day.month`` nearest before publication, unless it is only a little ahead."""
    candidate = safe_date(published.year, month, day)
    if candidate is None or candidate > published + FUTURE_TOLERANCE:
        candidate = safe_date(published.year - 1, month, day)
    return candidate


def partial_month_year(month: int, published: date) -> int:
    if date(published.year, month, 1) > published + FUTURE_TOLERANCE:
        return published.year - 1
    return published.year


def weekday_near(published: date, weekday: int, direction: str) -> date:
    """``direction``: "on_or_before", "before" (strictly) or "after" (strictly) publication."""
    if direction == "after":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    back = (published.weekday() - weekday) % 7
    if direction == "before" and back == 0:
        back = 7
    return published - timedelta(days=back)


def shifted(published: date, unit: str, delta: int, kind: str) -> Resolution:
    """The calendar ``unit`` (day/week/month/year) ``delta`` units from publication."""
    if unit == "day":
        return day_period(published + timedelta(days=delta), kind)
    if unit == "week":
        return week_period(published + timedelta(weeks=delta), kind)
    if unit == "month":
        year, month = add_months(published.year, published.month, delta)
        return month_period(year, month, kind)
    return year_period(published.year + delta, kind)


def back_from(published: date, unit: str, count: int) -> date:
    """The day ``count`` units before publication."""
    if unit == "day":
        return published - timedelta(days=count)
    if unit == "week":
        return published - timedelta(weeks=count)
    months = count * 12 if unit == "year" else count
    year, month = add_months(published.year, published.month, -months)
    return safe_date(year, month, published.day) or last_day(year, month)
