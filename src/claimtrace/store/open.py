"""Pick the store backend from config."""

from __future__ import annotations

from claimtrace.config import Config
from claimtrace.errors import ClaimtraceError
from claimtrace.store.base import Store
from claimtrace.store.pg_open import is_postgres_url


def open_store(config: Config, read_only: bool = False) -> Store:
    """The configured store; ``read_only`` for commands that only read: the store must
    exist, is never written, and can sit on read-only media."""
    backend = config.store
    if is_postgres_url(config.db) or backend == "postgresql":
        from claimtrace.store.postgres import PostgresStore

        if not is_postgres_url(config.db):
            raise ClaimtraceError(
                f"store backend 'postgresql' needs --db postgresql://..., not {config.db!r}"
            )
        return PostgresStore(config.db, read_only=read_only, lock_timeout=config.lock_timeout)
    if backend == "sqlite":
        from claimtrace.store.sqlite import SQLiteStore

        return SQLiteStore(config.db, read_only=read_only, lock_timeout=config.lock_timeout)
    raise ClaimtraceError(
        f"store backend {backend!r} is not available; choose 'sqlite' or 'postgresql'"
    )
