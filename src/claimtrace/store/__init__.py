"""Storage: a small interface and its backends (SQLite by default)."""

from claimtrace.store.base import SearchHit, Store
from claimtrace.store.open import open_store

__all__ = ["SearchHit", "Store", "open_store"]
