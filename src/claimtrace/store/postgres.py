"""The PostgreSQL store: one schema in a database many processes write at once.

It runs the same queries as the SQLite store (the query modules, through the dialect
translation of store/pg_dialect.py); what differs is here: connections from a pool
(store/pg_open.py), its own migrations (migrations_pg/), transactions, full-text search
with PostgreSQL's text-search configurations (store/pg_search.py), and the locks that let
several writers work at once:

- every row has a unique key and is written with ON CONFLICT, so a document stored by two
  ingest processes at once is stored once;
- an ingest transaction first takes transaction-scoped advisory locks on the source keys,
  content hashes and document ids of its batch, in sorted order (``lock_keys``): two
  writers of the same inputs take turns on them instead of deadlocking, and the second
  sees what the first committed;
- analyse processes take documents through leases claimed with SELECT ... FOR UPDATE SKIP
  LOCKED (``claim_documents``), so no two work on one document;
- linking is serialised by one session-level advisory lock (``link_lock``): which story and
  claim group a document joins depends on every document linked before it, so two linkers
  at once would split a story in two. Linking is the cheap stage; analysis, the expensive
  one, runs in parallel.

Vectors for linking are stored as float32 bytes like on SQLite; pgvector is not in
Debian bookworm's packages, so the nearest-neighbour index is faiss, built in each linking
process from the stored vectors (link/index.py) instead of a file beside the store.
"""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress

from claimtrace.errors import StoreError
from claimtrace.nlp.analyse import Analysis
from claimtrace.records import Attribution, Claim, Document
from claimtrace.store import pg_open, pg_search
from claimtrace.store import sqlite_corrections as corrections_sql
from claimtrace.store.base import SearchHit
from claimtrace.store.fts import Expand
from claimtrace.store.pg_dialect import Connection
from claimtrace.store.search_names import entity_expander
from claimtrace.store.sqlite import SQLiteStore

LEASE_SECONDS = 600
CLAIM_WINDOW = 512  # documents read at a time when looking for work to analyse


class PostgresStore(SQLiteStore):
    """A store in schema ``?schema=`` (default ``claimtrace``) of a PostgreSQL database."""

    def __init__(self, url: str, read_only: bool = False, lock_timeout: float = 60.0) -> None:
        psycopg, _ = pg_open.psycopg_modules()
        self._psycopg = psycopg
        self.url = url
        self.path = pg_open.display_url(url)
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._depth = 0
        self._claim_after = ""  # the last document id claimed for analysis
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        _, self.schema = pg_open.split_url(url)
        self._pool = pg_open.pool_for(url)
        self._conn = self._pool.getconn()
        try:
            if read_only:
                pg_open.require_store(self._conn, self.schema, url)
                self._conn.execute("SET default_transaction_read_only = on")
            else:
                pg_open.migrate(self._conn, self.schema, url)
            self._conn.execute(f"SET lock_timeout = '{int(lock_timeout * 1000)}ms'")
        except psycopg.Error as exc:
            self._pool.putconn(self._conn)
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        except BaseException:
            self._pool.putconn(self._conn)
            raise
        self.db = Connection(self._conn)  # type: ignore[assignment]

    @property
    def schema_version(self) -> int:
        return pg_open.schema_version(self._conn, self.schema)

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        """The outermost transaction (``transaction`` joins nested ones to it); on any
        error it is rolled back and a database error becomes a StoreError naming the store
        and the cause."""
        try:
            with self._conn.transaction():
                yield
        except self._psycopg.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc

    def lock_keys(self, keys: Iterable[str]) -> None:
        hashes = sorted({_key_hash(k) for k in keys})
        if hashes:
            self._conn.cursor().executemany(
                "SELECT pg_advisory_xact_lock(%s)", [(h,) for h in hashes]
            )

    @contextmanager
    def link_lock(self) -> Iterator[None]:
        key = _key_hash(f"claimtrace-link:{self.schema}")
        self._conn.execute("SET lock_timeout = 0")  # wait for the other linker to finish
        self._conn.execute("SELECT pg_advisory_lock(%s)", (key,))
        try:
            yield
        finally:
            with suppress(self._psycopg.Error):
                self._conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
                self._conn.execute(f"SET lock_timeout = '{int(self.lock_timeout * 1000)}ms'")

    def claim_documents(self, version: str, limit: int) -> list[str]:
        """Up to ``limit`` documents not analysed by ``version`` and not leased by another
        process, leased to this one for LEASE_SECONDS (a lease of a process that died runs
        out and the document is taken again); saving its analysis ends the lease.

        Documents are taken in id order from where this store's last call stopped, so a
        call reads past the documents analysed since, not every analysed document of the
        store (that grew with the store: 30 ms a call at 10 k documents); when nothing is
        left after that point, one pass from the start takes documents stored behind it
        since, and an empty answer means there is nothing left at all."""
        ids = self._claim(version, limit, self._claim_after)
        if not ids and self._claim_after:
            ids = self._claim(version, limit, "")
        self._claim_after = ids[-1] if ids else ""
        return ids

    def _claim(self, version: str, limit: int, after: str) -> list[str]:
        """Documents after ``after`` in id order, read a window of CLAIM_WINDOW ids at a
        time: each window is checked against analyses and leases by their keys, so a call
        costs the documents it reads past, whatever the size of the store."""
        ids: list[str] = []
        with self.transaction():
            while len(ids) < limit:
                end = self.db.execute(
                    "SELECT MAX(id) FROM (SELECT id FROM documents WHERE id > ?"
                    " ORDER BY id LIMIT ?) w",
                    (after, CLAIM_WINDOW),
                ).fetchone()[0]
                if end is None:
                    break
                rows = self.db.execute(
                    "SELECT d.id FROM documents d WHERE d.id > ? AND d.id <= ?"
                    " AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.document_id = d.id"
                    " AND a.version = ?) AND NOT EXISTS (SELECT 1 FROM analysis_leases l"
                    " WHERE l.document_id = d.id AND l.expires >= now())"
                    " ORDER BY d.id LIMIT ? FOR UPDATE OF d SKIP LOCKED",
                    (after, end, version, limit - len(ids)),
                ).fetchall()
                ids.extend(r[0] for r in rows)
                after = end if len(ids) < limit else ids[-1]
            self.db.executemany(
                "INSERT INTO analysis_leases (document_id, holder, expires)"
                f" VALUES (?, ?, now() + interval '{LEASE_SECONDS} seconds')"
                " ON CONFLICT (document_id) DO UPDATE SET holder = excluded.holder,"
                " expires = excluded.expires",
                [(i, self.holder) for i in ids],
            )
        return ids

    def save_analysis(
        self,
        analysis: Analysis,
        attributions: Sequence[Attribution] = (),
        claims: Sequence[Claim] = (),
    ) -> None:
        with self.transaction():
            super().save_analysis(analysis, attributions, claims)
            self.db.execute(
                "DELETE FROM analysis_leases WHERE document_id = ?", (analysis.document_id,)
            )

    def index_document(self, doc: Document) -> None:
        pg_search.index_document(self.db, doc)

    def search(
        self,
        query: str,
        limit: int = 20,
        language: str | None = None,
        aliases: bool = True,
        snippets: bool = True,
    ) -> list[SearchHit]:
        """Hits for a query in the documented language (store/search_syntax.py), ranked by
        ts_rank; with ``aliases``, a term naming a known actor or place matches its other
        names too; without ``snippets``, ranked only (empty snippets)."""
        expand = self._expander(aliases)
        rows = pg_search.search(self.db, query, self.languages(), expand, limit, language, snippets)
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], float(r[6])) for r in rows]

    def snippets(
        self, query: str, document_ids: Sequence[str], aliases: bool = True
    ) -> dict[str, str]:
        """Document id -> its snippet for ``query``, for the given documents only."""
        expand = self._expander(aliases)
        return pg_search.snippets(self.db, query, self.languages(), expand, document_ids)

    def _expander(self, aliases: bool) -> Expand | None:
        if not aliases:
            return None
        return entity_expander(self.db, corrections_sql.active(self.db))  # type: ignore[arg-type]

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        with suppress(self._psycopg.Error):
            if self.read_only:
                conn.execute("SET default_transaction_read_only = off")
        self._pool.putconn(conn)


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)
