"""Pick the store backend from config."""

from __future__ import annotations

from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from claimtrace.store.base import Store


def open_store(config: Config) -> Store:
    backend = config.store
    if backend == "sqlite" and not str(config.db).startswith("postgresql://"):
        from claimtrace.store.sqlite import SQLiteStore

        return SQLiteStore(config.db)
    raise ClaimtraceError(
        f"store backend {backend!r} for {config.db!r} is not available; "
        "this version ships the 'sqlite' backend"
    )
