"""Opening a PostgreSQL store: the URL, a connection pool per URL, the schema, migrations.

``--db postgresql://user@host:5432/dbname?schema=NAME`` names a store: the tables live in
schema NAME (default ``claimtrace``), so one database can hold several stores (the tests
make one schema per run). Connections come from a psycopg_pool pool kept per URL for the
life of the process: the HTTP API opens a store per request without reconnecting.
"""

from __future__ import annotations

import re
import threading
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from claimtrace.errors import MissingDependencyError, NotFoundError, StoreError

DEFAULT_SCHEMA = "claimtrace"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_POOLS: dict[str, Any] = {}
_POOLS_LOCK = threading.Lock()


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def split_url(url: str) -> tuple[str, str]:
    """(libpq connection URL, schema name) of a store URL."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = DEFAULT_SCHEMA
    kept = []
    for key, value in query:
        if key == "schema":
            schema = value
        else:
            kept.append((key, value))
    if not _SCHEMA_NAME.match(schema):
        raise StoreError(f"schema {schema!r} in the store URL is not a plain lower-case SQL name")
    return urlunsplit(parts._replace(query=urlencode(kept))), schema


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def psycopg_modules() -> tuple[Any, Any]:
    try:
        import psycopg
        import psycopg_pool
    except ImportError as exc:
        raise MissingDependencyError(
            "the PostgreSQL store needs psycopg 3 and psycopg_pool: "
            "pip install 'claimtrace[postgres]'"
        ) from exc
    return psycopg, psycopg_pool


def _configure(conn: Any) -> None:
    from psycopg.adapt import Dumper, Loader
    from psycopg.types.string import TextLoader

    class NumberLoader(Loader):
        # SUM() and friends give numeric: ints stay ints, as SQLite gives them
        def load(self, data: Any) -> Any:
            text = bytes(data).decode()
            return float(text) if any(c in text for c in ".eEN") else int(text)

    class BoolAsInt(Dumper):
        oid = 20  # int8: SQLite stores booleans as integers, and the schema says BIGINT

        def dump(self, obj: Any) -> bytes:
            return b"1" if obj else b"0"

    conn.adapters.register_loader("numeric", NumberLoader)
    conn.adapters.register_loader("json", TextLoader)
    conn.adapters.register_loader("jsonb", TextLoader)
    conn.adapters.register_dumper(bool, BoolAsInt)


def pool_for(url: str) -> Any:
    """The process's connection pool for a store URL (opened on first use)."""
    with _POOLS_LOCK:
        pool = _POOLS.get(url)
        if pool is None:
            psycopg, psycopg_pool = psycopg_modules()
            conninfo, schema = split_url(url)

            def configure(conn: Any) -> None:
                _configure(conn)
                conn.execute(f"SET search_path TO {schema}, public")

            pool = psycopg_pool.ConnectionPool(
                conninfo,
                min_size=1,
                max_size=8,
                kwargs={"autocommit": True},
                configure=configure,
                open=False,
                name=f"claimtrace-{schema}",
            )
            try:
                pool.open(wait=True, timeout=15)
            except psycopg_pool.PoolTimeout as exc:
                pool.close()
                raise StoreError(
                    f"cannot connect to the PostgreSQL store {display_url(url)}: no connection "
                    "within 15 s (is the server running and the URL right?)"
                ) from exc
            _POOLS[url] = pool
        return pool


def close_pool(url: str) -> None:
    with _POOLS_LOCK:
        pool = _POOLS.pop(url, None)
    if pool is not None:
        pool.close()


def close_pools() -> None:
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            pool.close()
        _POOLS.clear()


def migrations() -> list[tuple[int, str]]:
    folder = resources.files("claimtrace.store") / "migrations_pg"
    found = [
        (int(entry.name.split("_", 1)[0]), entry.read_text("utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    ]
    return sorted(found)


def schema_version(conn: Any, schema: str) -> int:
    row = conn.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = %s"
        " AND table_name = 'schema_migrations'",
        (schema,),
    ).fetchone()
    if row is None:
        return 0
    return int(
        conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
    )


def migrate(conn: Any, schema: str, url: str) -> int:
    """Create the schema and run the migrations it lacks, in one transaction under an
    advisory lock (several processes opening a new store at once run them once)."""
    latest = migrations()[-1][0]
    current = schema_version(conn, schema)
    if current == latest:
        return current
    if current > latest:
        raise StoreError(
            f"store {display_url(url)} has schema version {current}, newer than this "
            f"claimtrace knows ({latest}); upgrade claimtrace to use it"
        )
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"claimtrace:{schema}",))
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        current = schema_version(conn, schema)  # again, under the lock
        for version, script in migrations():
            if version > current:
                conn.execute(script)
                conn.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (version,))
    return latest


def require_store(conn: Any, schema: str, url: str) -> int:
    version = schema_version(conn, schema)
    if version == 0:
        raise NotFoundError(
            f"no store at {display_url(url)} (schema {schema}): nothing has been ingested "
            "there (check --db or CLAIMTRACE_DB)"
        )
    return version
