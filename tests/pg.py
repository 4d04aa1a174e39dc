"""A fresh PostgreSQL store per test: a new schema in database ``test`` on 127.0.0.1:5432
(``CLAIMTRACE_TEST_PG`` to use another), dropped afterwards. Skipped only where no
PostgreSQL server answers."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

SERVER = os.environ.get("CLAIMTRACE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
_COUNT = itertools.count()


def _connect() -> object:
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(SERVER, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server at {SERVER}: {exc}")


@contextmanager
def fresh_store_url() -> Iterator[str]:
    """The URL of a new, empty store schema; the schema and its pool go afterwards."""
    from claimtrace.store.pg_open import close_pool

    schema = f"ct_test_{os.getpid()}_{next(_COUNT)}"
    url = f"{SERVER}?schema={schema}"
    conn = _connect()
    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # type: ignore[attr-defined]
    try:
        yield url
    finally:
        close_pool(url)
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # type: ignore[attr-defined]
        conn.close()  # type: ignore[attr-defined]
