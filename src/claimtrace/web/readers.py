"""One read-only store per server thread, kept open between requests.

Opening an SQLite store for each request inspects the file (a second connection reading its
header, schema version and tables) and opens a new connection with an empty page cache; a
server answering many small reads spent a good part of each request there. Here each
worker thread opens the store once and keeps it: SQLite in WAL mode starts each statement
from the latest commit, so reads still see every write (an upload job's too). A store file
replaced under the server (removed and made again) is noticed by its inode and reopened.

A PostgreSQL store is left out: its stores already borrow connections from a small pool,
and a thread that kept one would hold it for good.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.kb import aliases
from claimtrace.store import Store, open_store
from claimtrace.store.pg_open import is_postgres_url


class ThreadStores:
    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Store] = []

    def get(self) -> Store:
        identity = _identity(self.db)
        kept: tuple[Store, Any] | None = getattr(self._local, "kept", None)
        if kept is not None and kept[1] == identity:
            return kept[0]
        if kept is not None:
            self._forget(kept[0])
        config = load_config().with_overrides(db=self.db)
        store = open_store(config, read_only=True)  # raises (kept nothing) when there is none
        self._local.kept = (store, identity)
        with self._lock:
            self._open.append(store)
        return store

    def _forget(self, store: Store) -> None:
        self._local.kept = None
        with self._lock:
            if store in self._open:
                self._open.remove(store)
        store.close()

    def close(self) -> None:
        """Close every thread's store (when the server stops)."""
        with self._lock:
            stores, self._open = self._open, []
        for store in stores:
            store.close()


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def warm() -> None:
    """Load what the first search would (the actor table and the gazetteer: ~1 s of CPU)
    before the server answers, so that no request waits for it."""
    aliases.actor_named("claimtrace")
    aliases.place_named("claimtrace")


def share(db: str) -> ThreadStores | None:
    """Serve the read-only opens of ``db`` from one store per thread (None: not shared)."""
    if is_postgres_url(db) or load_config().with_overrides(db=db).store != "sqlite":
        return None
    stores = ThreadStores(db)
    api.share_reads(db, stores.get)
    return stores


def unshare(db: str, stores: ThreadStores | None) -> None:
    if stores is not None:
        api.share_reads(db, None)
        stores.close()
