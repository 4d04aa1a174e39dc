"""Outlet names and page URLs from what a page says about itself.

Site-name metadata is often not a name: a date ("02.11.2021"), a social-media profile URL
("https://www.facebook.com/tagesspiegel"), a handle ("Handelsblatt_De"). ``outlet_name``
keeps a candidate only when it reads as a name, repairs handles, and otherwise falls back
to the page's registered domain ("tagesspiegel.de"), which at least names the publisher.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import courlan

MAX_NAME = 80
_DATE = re.compile(r"[\d\s./:\-]+|\d{4}-\d\d-\d\d.*")
# a URL, a bare domain path, an e-mail address or a social-media handle ("@tagesspiegel");
# "Kulinaria@Home" is a name
_URLISH = re.compile(r"(?i)[a-z][a-z0-9+.-]*://|^www\.|^@|\S@\S+\.[a-z]{2,}\b|\.(?:com|net|org)/")
_HANDLE = re.compile(r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+")


def page_url(candidate: str | None) -> str | None:
    """An absolute http(s) URL with a host, or None for anything else (javascript:, a
    relative path, a mangled value)."""
    if not candidate:
        return None
    value = candidate.strip()
    if any(c.isspace() or ord(c) < 32 for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return value


def outlet_name(*candidates: str | None, url: str | None = None) -> str | None:
    """The first candidate that reads as an outlet's name, else the URL's domain."""
    for candidate in candidates:
        name = _as_name(candidate)
        if name:
            return name
    checked = page_url(url)
    return (courlan.extract_domain(checked) or None) if checked else None


def _as_name(candidate: str | None) -> str | None:
    if not candidate:
        return None
    name = " ".join(candidate.split())
    if not name or len(name) > MAX_NAME or not any(c.isalpha() for c in name):
        return None
    if _DATE.fullmatch(name) or _URLISH.search(name):
        return None
    if _HANDLE.fullmatch(name):  # "Handelsblatt_De": a handle with a country suffix
        parts = name.split("_")
        while len(parts) > 1 and len(parts[-1]) <= 2:
            parts.pop()
        name = " ".join(parts)
    return name
