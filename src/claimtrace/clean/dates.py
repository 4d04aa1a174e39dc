"""Publication dates from metadata strings, normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import datetime

import dateparser

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?")


def normalise_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM-DDTHH:MM`` when a time is given), or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    match = _ISO.match(value)
    if match:
        return match.group(0).replace(" ", "T")
    parsed = dateparser.parse(
        value,
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
    )
    if not isinstance(parsed, datetime):
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    return parsed.strftime("%Y-%m-%dT%H:%M" if has_time else "%Y-%m-%d")
