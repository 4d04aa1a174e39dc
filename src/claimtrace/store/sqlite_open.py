"""Opening an SQLite store safely: refuse what is not ours, read read-only media, wait
for the write lock a bounded time, and turn SQLite's errors into messages naming the store.

A file is inspected through a read-only connection before anything is written, so a
foreign database (or any other file) given as ``--db`` is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from claimtrace.errors import NotFoundError, StoreError

# "CTRC" in the header's application_id field: marks a file as a claimtrace store
APPLICATION_ID = 0x43545243
_SQLITE_MAGIC = b"SQLite format 3\x00"
_OUR_TABLES = frozenset({"documents", "sources", "failures"})
_NOT_A_FILE_PATH = ("", ":memory:")


def check_store_path(path: str) -> None:
    """Refuse store names that would keep nothing (an in-memory or nameless database)."""
    if path.strip() in _NOT_A_FILE_PATH:
        raise StoreError(
            f"the store must be a file path, not {path!r}: a store that is not a file keeps "
            "nothing (set --db or CLAIMTRACE_DB to a file name)"
        )
    if path.startswith("file:"):
        raise StoreError(f"the store must be a plain file path, not an SQLite URI: {path!r}")
    if os.path.isdir(path):
        raise StoreError(f"the store {path} is a folder; give the path of a store file")


def inspect_existing(path: str, latest: int) -> int:
    """The schema version of the claimtrace store at ``path`` (0: an empty file, to be
    set up); StoreError for anything else. Nothing is written."""
    with open(path, "rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if not head:
        return 0
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path} is not a claimtrace store (not an SQLite database); left as is")
    conn = connect_read_only(path, timeout=5.0)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")
        }
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read store {path}: {exc}") from exc
    finally:
        conn.close()
    foreign = f"{path} is an SQLite database of another application, not a claimtrace store"
    if app_id not in (0, APPLICATION_ID):
        raise StoreError(f"{foreign} (application id {app_id:#x}); left as is")
    if version == 0 and tables:
        names = ", ".join(sorted(tables)[:5])
        raise StoreError(f"{foreign} (it holds tables {names}); left as is")
    if version and not tables >= _OUR_TABLES:
        raise StoreError(f"{foreign} (schema version {version} without claimtrace's tables)")
    if version > latest:
        raise StoreError(
            f"store {path} has schema version {version}, newer than this claimtrace knows "
            f"({latest}); upgrade claimtrace to use it"
        )
    return version


# Reads of a large store (linking looks up claims, members and vectors by id, ~600 small
# queries per document) go through a memory map instead of copying pages into SQLite's own
# 2 MB cache: on a 10k-document store that halved their time (bench/link_scale.py). The map
# is address space, not memory; the OS keeps in RAM what is read.
READ_PRAGMAS = ("mmap_size=1073741824", "cache_size=-16384")


def connect_read_only(path: str, timeout: float) -> sqlite3.Connection:
    """A connection that can never write: ``mode=ro``; on read-only media, where SQLite
    cannot create the WAL index beside the store, ``immutable=1``."""
    uri = "file:" + quote(os.path.abspath(path))
    last: sqlite3.Error | None = None
    for flags in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(
            uri + flags, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            for pragma in READ_PRAGMAS:
                conn.execute(f"PRAGMA {pragma}")
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            last = exc
    raise StoreError(f"cannot open store {path} read-only: {last}")


def require_existing(path: str) -> None:
    if not Path(path).exists():
        raise NotFoundError(
            f"no store at {path}: nothing has been ingested there (check --db or CLAIMTRACE_DB)"
        )


def describe_error(path: str, exc: sqlite3.Error, lock_timeout: float) -> StoreError:
    """A StoreError naming the store and the cause, for an error SQLite raised on writing."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_BUSY") or "locked" in str(exc):
        return StoreError(
            f"store {path} is busy: another process held its write lock for more than "
            f"{lock_timeout:g} s (wait for it to finish, or raise the lock_timeout setting)"
        )
    why = read_only_reason(path)
    if why is not None or name.startswith("SQLITE_READONLY") or "readonly" in str(exc):
        return StoreError(f"cannot write to store {path}: {why or 'it is read-only'} ({exc})")
    if name.startswith("SQLITE_FULL") or "full" in str(exc):
        return StoreError(f"cannot write to store {path}: the disk is full ({exc})")
    return StoreError(f"cannot write to store {path}: {exc}")


def read_only_reason(path: str) -> str | None:
    """Why the store cannot be written (read-only media, file or folder), or None."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system"
    except OSError:
        return None
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "its folder is read-only"
    return None
