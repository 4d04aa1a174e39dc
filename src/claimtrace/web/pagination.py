"""Opaque cursors: a page ends with the key of its last row, base64-encoded JSON; the next
page starts after it. A cursor is bound to its endpoint, so one list's cursor cannot be
replayed on another."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from claimtrace.web.errors import ApiError

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


def encode_cursor(kind: str, key: tuple[Any, ...] | list[Any]) -> str:
    raw = json.dumps([kind, list(key)], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(kind: str, cursor: str | None, size: int) -> tuple[Any, ...] | None:
    """The key in ``cursor`` (None for the first page); a 400 error for a bad cursor."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found_kind, key = json.loads(raw.decode("utf-8"))
    except (ValueError, binascii.Error, UnicodeDecodeError, TypeError):
        raise ApiError(400, "the cursor is not one this API gave out", "invalid_cursor") from None
    if found_kind != kind or not isinstance(key, list) or len(key) != size:
        raise ApiError(400, f"the cursor does not belong to the {kind} list", "invalid_cursor")
    if not all(isinstance(part, str | int | float) for part in key):
        raise ApiError(400, "the cursor is not one this API gave out", "invalid_cursor")
    return tuple(key)


def next_cursor(kind: str, keys: list[tuple[Any, ...]], limit: int) -> str | None:
    """The cursor of the page after one that held ``keys`` (None when it was the last)."""
    if len(keys) <= limit:
        return None
    return encode_cursor(kind, keys[limit - 1])
