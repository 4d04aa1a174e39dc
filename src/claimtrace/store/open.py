"""Pick the store backend from config."""

from __future__ import annotations

from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from claimtrace.store.base import Store


def open_store(config: Config, read_only: bool = False) -> Store:
    """The configured store; ``read_only`` for commands that only read: the store must
    exist, is never written, and can sit on read-only media."""
    backend = config.store
    if backend == "sqlite":
        from claimtrace.store.sqlite import SQLiteStore

        return SQLiteStore(config.db, read_only=read_only, lock_timeout=config.lock_timeout)
    raise ClaimtraceError(
        f"store backend {backend!r} is not available; this version ships the 'sqlite' backend"
    )
