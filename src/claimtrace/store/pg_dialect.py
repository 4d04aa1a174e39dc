"""The store's SQL, written once for SQLite, run on PostgreSQL.

The query modules (sqlite_analysis, sqlite_claims, sqlite_link, sqlite_pages, ...) speak
the SQL SQLite and PostgreSQL share, plus a few SQLite spellings. ``translate`` rewrites
those spellings for PostgreSQL (placeholders, INSERT OR IGNORE/REPLACE, strftime, COLLATE
NOCASE, json_group_array, LIMIT -1, ...), and ``Connection`` wraps a psycopg connection
in the small part of the sqlite3 interface the modules use (execute, executemany, cursor,
rows readable by name and position). So both backends run the same queries; a spelling not
handled here fails in the PostgreSQL tests, which run the same store tests as SQLite.

Tables that SQLite orders by ``rowid`` have a ``rowid`` identity column on PostgreSQL
(migrations_pg/), renewed on INSERT OR REPLACE as SQLite's is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

# INSERT OR REPLACE: the conflict target of each table, and the column SQLite would give a
# new value (a replaced row is a new row there: new rowid, new AUTOINCREMENT id)
REPLACE_KEYS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "vectors": (("kind", "key"), "id"),
    "claim_group_members": (("claim_id",), "rowid"),
    "story_documents": (("document_id",), "rowid"),
}
_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
_NOW_MS = "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS')"
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"strftime\('%Y-%m-%dT%H:%M:%SZ', 'now'\)", _NOW),
        (r"strftime\('%Y-%m-%dT%H:%M:%f', 'now'\)", _NOW_MS),
        (r"([\w.\"]+) = \? COLLATE NOCASE", r"lower(\1) = lower(?)"),
        (r"\binstr\(", "strpos("),
        (r"\bjson_group_array\(", "json_agg("),
        (r"\bjson_each\(([\w.]+)\) (\w+)", r"json_array_elements_text(\1::json) \2(value)"),
        (r"\bSUM\(([\w.]+) = ('[^']*')\)", r"SUM(CASE WHEN \1 = \2 THEN 1 ELSE 0 END)"),
        (r"\bLIMIT \?", "LIMIT NULLIF(?, -1)"),  # SQLite's LIMIT -1: no limit
        (r"(?<=[\s(])\+(?=[a-z_])", ""),  # "+column": SQLite's hint to skip an index
        (
            r"FROM sqlite_master WHERE type = 'table' AND name =",
            "FROM information_schema.tables WHERE table_schema = current_schema() AND table_name =",
        ),
    )
)
_INSERT_OR = re.compile(r"^\s*INSERT OR (IGNORE|REPLACE) INTO (\w+)\s*\(([^)]*)\)", re.I)


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """The PostgreSQL form of a statement written for SQLite, with psycopg placeholders."""
    for pattern, replacement in _REWRITES:
        sql = pattern.sub(replacement, sql)
    match = _INSERT_OR.match(sql)
    if match:
        action, table, columns = match.group(1).upper(), match.group(2), match.group(3)
        sql = f"INSERT INTO {table} ({columns})" + sql[match.end() :]
        sql += _on_conflict(action, table, [c.strip().strip('"') for c in columns.split(",")])
    return _placeholders(sql)


def _on_conflict(action: str, table: str, columns: list[str]) -> str:
    if action == "IGNORE":
        return " ON CONFLICT DO NOTHING"
    if table not in REPLACE_KEYS:
        raise ValueError(f"INSERT OR REPLACE INTO {table}: no conflict key known (pg_dialect)")
    keys, renewed = REPLACE_KEYS[table]
    sets = [f'"{c}" = EXCLUDED."{c}"' for c in columns if c not in keys]
    if renewed:
        sets.append(f"{renewed} = DEFAULT")
    return f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {', '.join(sets)}"


def _placeholders(sql: str) -> str:
    """``?`` -> ``%s``, ``:name`` -> ``%(name)s``, ``%`` -> ``%%``, outside quotes."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in "'\"":
            end = sql.find(ch, i + 1)
            while end != -1 and end + 1 < n and sql[end + 1] == ch:  # '' inside a string
                end = sql.find(ch, end + 2)
            end = n - 1 if end == -1 else end
            out.append(sql[i : end + 1].replace("%", "%%"))
            i = end + 1
            continue
        if ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        elif ch == ":" and i + 1 < n and (sql[i + 1].isalpha() or sql[i + 1] == "_"):
            if i > 0 and sql[i - 1] == ":":
                out.append(ch)
            else:
                name = re.match(r"\w+", sql[i + 1 :])
                assert name is not None
                out.append(f"%({name.group(0)})s")
                i += 1 + len(name.group(0))
                continue
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _param(value: Any) -> Any:
    # SQLite stores booleans as integers, and the schema says INTEGER
    return int(value) if isinstance(value, bool) else value


def _params(params: Any) -> Any:
    if params is None:
        return ()
    if isinstance(params, dict):
        return {k: _param(v) for k, v in params.items()}
    return [_param(v) for v in params]


class Row(tuple):  # type: ignore[type-arg]
    """A result row read by position or by column name, like sqlite3.Row."""

    _names: tuple[str, ...]

    def __new__(cls, values: Sequence[Any], names: tuple[str, ...]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def keys(self) -> list[str]:
        return list(self._names)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)


def row_factory(cursor: Any) -> Any:
    names = tuple(c.name for c in cursor.description or ())
    return lambda values: Row(values, names)


class Cursor:
    """The sqlite3 cursor calls the query modules make, on a psycopg cursor."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        self.row_factory: Any = None  # set by callers for sqlite3; rows here always have names

    def execute(self, sql: str, params: Any = None) -> Cursor:
        self._cursor.execute(translate(sql), _params(params))
        return self

    def executemany(self, sql: str, rows: Any) -> Cursor:
        rows = [_params(r) for r in rows]
        if rows:
            self._cursor.executemany(translate(sql), rows)
        return self

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall()) if self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    @property
    def description(self) -> list[tuple[str, ...]]:
        return [(c.name,) for c in self._cursor.description or ()]

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)


class Connection:
    """A psycopg connection (autocommit; transactions are the store's) that the query
    modules use as if it were an sqlite3 connection."""

    def __init__(self, conn: Any) -> None:
        self.raw = conn

    def cursor(self) -> Cursor:
        return Cursor(self.raw.cursor(row_factory=row_factory))

    def execute(self, sql: str, params: Any = None) -> Cursor:
        return self.cursor().execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Cursor:
        return self.cursor().executemany(sql, rows)
