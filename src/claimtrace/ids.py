"""Deterministic content ids, so that re-runs are idempotent."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normalise_for_hash(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a text, for exact-duplicate ids."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", folded).strip()


def make_id(prefix: str, *parts: str, length: int = 16) -> str:
    """An id like ``doc_3f2a...`` from the hash of its parts."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:length]}"


def document_id(text: str) -> str:
    return make_id("doc", normalise_for_hash(text))


def claim_id(document_id: str, start: int, end: int, relation: str) -> str:
    return make_id("clm", document_id, str(start), str(end), relation)
