"""The default store: one SQLite file, WAL journal, numbered migrations, FTS5 index."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimtrace.errors import NotFoundError, StoreError
from claimtrace.kb.corrections import Correction
from claimtrace.nlp.analyse import Analysis
from claimtrace.records import (
    Attribution,
    Claim,
    ClaimGroup,
    Document,
    Failure,
    RawPage,
    Source,
    Story,
)
from claimtrace.store import sqlite_analysis as analysis_sql
from claimtrace.store import sqlite_claims as claims_sql
from claimtrace.store import sqlite_corrections as corrections_sql
from claimtrace.store import sqlite_link as link_sql
from claimtrace.store.base import SearchHit
from claimtrace.store.fts import build_query, long_query, stem_words
from claimtrace.store.search_names import entity_expander
from claimtrace.store.search_syntax import SearchSyntaxError, parse_query, terms
from claimtrace.store.sqlite_claims import ClaimFilter
from claimtrace.store.sqlite_open import (
    READ_PRAGMAS,
    check_store_path,
    connect_read_only,
    describe_error,
    inspect_existing,
    require_existing,
)


def migrations() -> list[tuple[int, str]]:
    return list(_migrations())


@lru_cache(maxsize=1)
def _migrations() -> tuple[tuple[int, str], ...]:
    """Read once per process: every store opened (each web request opens one) needs them."""
    folder = resources.files("claimtrace.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
    return tuple(sorted(found))


TWO_STEP_LIMIT = 64  # hits up to which a search ranks first, then cuts snippets


class SQLiteStore:
    """One store file. ``read_only`` opens it so that nothing can be written (and fails if it
    does not exist); otherwise writers wait up to ``lock_timeout`` seconds for each other."""

    def __init__(
        self, path: str | Path, read_only: bool = False, lock_timeout: float = 60.0
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._depth = 0
        check_store_path(self.path)
        if read_only:
            require_existing(self.path)
        latest = migrations()[-1][0]
        version = inspect_existing(self.path, latest) if os.path.exists(self.path) else 0
        if read_only and (version == latest or not os.access(self.path, os.W_OK)):
            self.db = connect_read_only(self.path, lock_timeout)
        else:
            self.db = self._connect_writable()
        self.db.row_factory = sqlite3.Row

    def _connect_writable(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(
                self.path, timeout=self.lock_timeout, isolation_level=None,
                check_same_thread=False,
            )  # fmt: skip
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self.db = db
        try:
            db.execute(f"PRAGMA busy_timeout={int(self.lock_timeout * 1000):d}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            for pragma in READ_PRAGMAS:
                db.execute(f"PRAGMA {pragma}")
            self._migrate()
        except sqlite3.Error as exc:
            db.close()
            raise describe_error(self.path, exc, self.lock_timeout) from exc
        return db

    def _migrate(self) -> None:
        latest = migrations()[-1][0]
        if self.schema_version >= latest:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            current = self.schema_version  # again, under the lock: another process may have
            for version, script in migrations():
                if version <= current:
                    continue
                for statement in _statements(script):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={version:d}")
            self.db.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested ones join it): see ``_outermost``."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._outermost():
                yield
        finally:
            self._depth = 0

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        """The outermost transaction. It takes the write lock at once (BEGIN IMMEDIATE),
        waiting up to lock_timeout; on any error it is rolled back and an SQLite error
        becomes a StoreError naming the store and the cause."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise describe_error(self.path, exc, self.lock_timeout) from exc
        try:
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise describe_error(self.path, exc, self.lock_timeout) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite may have rolled back already (disk full, I/O error): only roll back what
        # is still open, and let the original error be the one reported
        if self.db.in_transaction:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")

    # -- writing ---------------------------------------------------------------------------

    def source_seen(self, key: str, sha256: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM sources WHERE key = ? AND sha256 = ?", (key, sha256)
        ).fetchone()
        return row is not None

    def document_exists(self, document_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def near_duplicate_candidates(self, bands: tuple[str, ...]) -> list[tuple[str, bytes, int]]:
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.db.execute(
            f"SELECT DISTINCT d.id, d.signature, d.shingles FROM document_bands b "
            f"JOIN documents d ON d.id = b.document_id WHERE b.band IN ({marks})",
            bands,
        ).fetchall()
        return [(row["id"], row["signature"], row["shingles"]) for row in rows]

    def add_document(
        self, doc: Document, signature: bytes, bands: tuple[str, ...], shingles: int
    ) -> None:
        with self.transaction():
            added = self.db.execute(
                "INSERT INTO documents (id, title, text, language, languages, published, outlet,"
                " author, url, record, signature, shingles) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT (id) DO NOTHING RETURNING id",
                (
                    doc.id, doc.title, doc.text, doc.language, json.dumps(doc.languages),
                    doc.published, doc.outlet, doc.author, doc.url,
                    json.dumps(doc.to_dict(), ensure_ascii=False), signature, shingles,
                ),
            ).fetchone()  # fmt: skip
            if added is None:  # another writer stored it first (PostgreSQL: many writers)
                return
            self.db.executemany(
                'INSERT INTO paragraphs (document_id, idx, start, "end", language)'
                " VALUES (?,?,?,?,?)",
                [(doc.id, p.index, p.start, p.end, p.language) for p in doc.paragraphs],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO document_bands (band, document_id) VALUES (?, ?)",
                [(band, doc.id) for band in bands],
            )
            self.index_document(doc)

    def index_document(self, doc: Document) -> None:
        """Add the document to the full-text index (FTS5: as written, and stemmed)."""
        stems = " ".join(
            " ".join(stem_words(doc.text[p.start : p.end], p.language)) for p in doc.paragraphs
        )
        title_stems = " ".join(stem_words(doc.title or "", doc.language))
        self.db.execute(
            "INSERT INTO documents_fts (document_id, title, body, stems) VALUES (?,?,?,?)",
            (doc.id, doc.title or "", doc.text, f"{title_stems} {stems}"),
        )

    def add_source(
        self, raw: RawPage, document_id: str, relation: str, similarity: float | None
    ) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO originals (sha256, format, encoding, content)"
                " VALUES (?,?,?,?)",
                (
                    raw.sha256,
                    f"{raw.container}/{raw.format}",
                    raw.encoding,
                    zlib.compress(raw.content),
                ),
            )
            self.db.execute(
                "INSERT OR IGNORE INTO sources (key, sha256, document_id, path, url, outlet,"
                " published, title, relation, similarity) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    raw.source, raw.sha256, document_id, raw.path, raw.url, raw.outlet,
                    raw.published, raw.title, relation, similarity,
                ),
            )  # fmt: skip
            self.db.execute(
                "DELETE FROM failures WHERE source = ? AND severity = 'error'", (raw.source,)
            )

    def lock_keys(self, keys: Iterable[str]) -> None:
        """Hold these keys (source keys, hashes, document ids) until the transaction ends.
        Nothing to do here: an SQLite write transaction holds the whole store."""

    @contextmanager
    def link_lock(self) -> Iterator[None]:
        """Be the one process linking (SQLite: each linked document is its own write
        transaction, which the write lock serialises)."""
        yield

    def record_failure(self, failure: Failure) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO failures (source, stage, reason, severity) VALUES (?,?,?,?)"
                " ON CONFLICT (source, stage, reason) DO UPDATE SET"
                " last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), severity = excluded.severity",
                (failure.source, failure.stage, failure.reason, failure.severity),
            )

    # -- reading ---------------------------------------------------------------------------

    def get_document(self, document_id: str) -> Document:
        row = self.db.execute(
            "SELECT record FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            row = self._by_prefix(document_id)
        return Document.from_dict(json.loads(row["record"]))

    def _by_prefix(self, prefix: str) -> sqlite3.Row:
        rows = self.db.execute(
            "SELECT record FROM documents WHERE id >= ? AND id < ? LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        if len(rows) != 1:
            why = "is ambiguous" if rows else "was not found"
            raise NotFoundError(f"document {prefix!r} {why} in {self.path}")
        row: sqlite3.Row = rows[0]
        return row

    def sources_of(self, document_id: str) -> list[Source]:
        rows = self.db.execute(
            "SELECT key, path, sha256, url, outlet, published, title, relation, similarity"
            " FROM sources"
            " WHERE document_id = ? ORDER BY ingested_at, key",
            (document_id,),
        ).fetchall()
        return [Source(**dict(row)) for row in rows]

    def iter_documents(self) -> Iterator[Document]:
        for row in self.db.execute("SELECT record FROM documents ORDER BY id"):
            yield Document.from_dict(json.loads(row["record"]))

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT d.id, d.title, d.language, d.languages, d.published, d.outlet,"
            " (SELECT COUNT(*) FROM sources s WHERE s.document_id = d.id) AS sources"
            " FROM documents d ORDER BY d.published IS NULL, d.published, d.id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [{**dict(row), "languages": json.loads(row["languages"])} for row in rows]

    def original(self, sha256: str) -> bytes:
        row = self.db.execute(
            "SELECT content FROM originals WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no original with hash {sha256}")
        return zlib.decompress(row["content"])

    def languages(self) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT language FROM paragraphs WHERE language IS NOT NULL"
        ).fetchall()
        return sorted(row[0] for row in rows)

    def search(
        self,
        query: str,
        limit: int = 20,
        language: str | None = None,
        aliases: bool = True,
        snippets: bool = True,
    ) -> list[SearchHit]:
        """Hits for a query in the documented language (store/search_syntax.py); with
        ``aliases``, a term naming a known actor or place matches its other names too.
        Without ``snippets`` the hits are ranked only, their snippets empty (``snippets``
        cuts them later for the few a page shows)."""
        expression = self._expression(query, aliases)
        if expression is None:
            return []
        if not snippets:
            return self._search_one_pass(query, expression, limit, language, snippets=False)
        # a page of hits in two steps: rank the matching rows by bm25 alone (no document
        # read, no snippet), then read and cut snippets for the page only (a word most of
        # 10k documents hold: 15 -> 6 ms). Each snippet then looks its row up again, so
        # past TWO_STEP_LIMIT hits one pass over every match is cheaper.
        if limit > TWO_STEP_LIMIT:
            return self._search_one_pass(query, expression, limit, language)
        ranked = (
            "SELECT f.rowid AS hit, bm25(documents_fts, 0, 5.0, 1.0, 0.5) AS score"
            " FROM documents_fts f"
        )
        params: list[Any] = [expression]
        if language:
            ranked += (
                " JOIN documents d ON d.id = f.document_id WHERE documents_fts MATCH ?"
                " AND (d.language = ? OR d.languages LIKE ?)"
            )
            params += [language, f'%"{language}"%']
        else:
            ranked += " WHERE documents_fts MATCH ?"
        ranked += " ORDER BY score, f.rowid LIMIT ?"
        params.append(limit)
        sql = (
            f"WITH ranked AS MATERIALIZED ({ranked})"
            " SELECT d.id, d.title, d.language, d.published, d.outlet,"
            " snippet(documents_fts, 2, '[', ']', ' … ', 16) AS snippet, r.score AS score"
            # CROSS JOIN keeps this order: each ranked row finds its index row by rowid
            " FROM ranked r CROSS JOIN documents_fts f CROSS JOIN documents d"
            " WHERE f.rowid = r.hit AND documents_fts MATCH ? AND d.id = f.document_id"
            " ORDER BY r.score, r.hit"
        )
        params.append(expression)
        return self._hits(query, sql, params)

    def snippets(
        self, query: str, document_ids: Sequence[str], aliases: bool = True
    ) -> dict[str, str]:
        """Document id -> its snippet for ``query`` (matches in [brackets]), for the given
        documents only; a document the query does not match is left out."""
        expression = self._expression(query, aliases)
        if expression is None or not document_ids:
            return {}
        marks = ",".join("?" * len(document_ids))
        sql = (
            "SELECT f.document_id AS id, snippet(documents_fts, 2, '[', ']', ' … ', 16) AS s"
            f" FROM documents_fts f WHERE documents_fts MATCH ? AND f.document_id IN ({marks})"
        )
        rows = self._matched(query, sql, [expression, *document_ids])
        return {row["id"]: row["s"] for row in rows}

    def _expression(self, query: str, aliases: bool) -> str | None:
        expand = None
        if aliases:
            expand = entity_expander(self.db, corrections_sql.active(self.db))
        return build_query(query, list(self.languages()), expand)

    def _search_one_pass(
        self,
        query: str,
        expression: str,
        limit: int,
        language: str | None,
        snippets: bool = True,
    ) -> list[SearchHit]:
        cut = "snippet(documents_fts, 2, '[', ']', ' … ', 16)" if snippets else "''"
        sql = (
            "SELECT d.id, d.title, d.language, d.published, d.outlet,"
            f" {cut} AS snippet,"
            " bm25(documents_fts, 0, 5.0, 1.0, 0.5) AS score"
            " FROM documents_fts f JOIN documents d ON d.id = f.document_id"
            " WHERE documents_fts MATCH ?"
        )
        params: list[Any] = [expression]
        if language:
            sql += " AND (d.language = ? OR d.languages LIKE ?)"
            params += [language, f'%"{language}"%']
        sql += " ORDER BY score, f.rowid LIMIT ?"
        params.append(limit)
        return self._hits(query, sql, params)

    def _matched(self, query: str, sql: str, params: list[Any]) -> list[Any]:
        """The rows of a full-text query; the index refusing ``query`` is a syntax error."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" not in str(exc).lower():
                raise
            raise SearchSyntaxError(
                f"the search index cannot read the query {query!r}: {exc}"
            ) from exc

    def _hits(self, query: str, sql: str, params: list[Any]) -> list[SearchHit]:
        rows = self._matched(query, sql, params)
        return [
            SearchHit(
                row["id"], row["title"], row["language"], row["published"], row["outlet"],
                row["snippet"], -float(row["score"]),
            )
            for row in rows
        ]  # fmt: skip

    def search_names(self, query: str) -> dict[str, list[str]]:
        """The other names each term of the query is searched by (``search`` with
        aliases): term as typed -> names; terms naming no entity are left out."""
        if long_query(query, []) is not None:
            return {}
        expand = entity_expander(self.db, corrections_sql.active(self.db))
        found: dict[str, list[str]] = {}
        for term in terms(parse_query(query)):
            if not term.prefix:
                names, _ = expand(term)
                if names:
                    found[term.raw or term.text] = list(names)
        return found

    # -- analysis --------------------------------------------------------------------------

    def documents_to_analyse(self, version: str) -> list[str]:
        return analysis_sql.documents_to_analyse(self.db, version)

    def save_analysis(
        self,
        analysis: Analysis,
        attributions: Sequence[Attribution] = (),
        claims: Sequence[Claim] = (),
    ) -> None:
        with self.transaction():
            fixes = corrections_sql.active(self.db)
            analysis_sql.save_analysis(self.db, analysis, fixes)
            doc = analysis.document_id
            resolve = None
            if fixes:
                seen = corrections_sql.mention_resolutions(self.db, doc)

                def resolve(found: str | None) -> str | None:
                    return corrections_sql.resolve_reference(fixes, found, doc, seen)

            claims_sql.save_claims(self.db, doc, attributions, claims, resolve)

    def forget_analyses(self) -> int:
        """Mark every document as not analysed by this version (``analyse --force``)."""
        with self.transaction():
            return self.db.execute("UPDATE analyses SET version = ''").rowcount

    # -- the analyst's corrections (store/sqlite_corrections.py) ---------------------------

    def correct(self, action: str, entity: str, **options: Any) -> list[Correction]:
        with self.transaction():
            return corrections_sql.make(self.db, action, entity, **options)

    def undo_correction(self, correction_id: int, analyst: str) -> Correction:
        with self.transaction():
            return corrections_sql.undo(self.db, correction_id, analyst)

    def corrections(self, include_undone: bool = False) -> list[Correction]:
        return corrections_sql.list_corrections(self.db, include_undone)

    def claims(self, where: ClaimFilter) -> list[Claim]:
        return claims_sql.find_claims(self.db, where)

    def document_attributions(self, document_id: str) -> list[Attribution]:
        return claims_sql.document_attributions(self.db, document_id)

    def names(self, ids: Sequence[str]) -> dict[str, str]:
        return claims_sql.actor_names(self.db, ids)

    def entities(
        self, kind: str | None = None, language: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        rows = analysis_sql.entity_rows(self.db, kind, language, limit)
        about = corrections_sql.about(self.db, [row["id"] for row in rows])
        return [{**row, "corrections": about.get(row["id"], [])} for row in rows]

    def document_mentions(self, document_id: str) -> list[dict[str, Any]]:
        return analysis_sql.document_mentions(self.db, document_id)

    def document_times(self, document_id: str) -> list[dict[str, Any]]:
        return analysis_sql.document_times(self.db, document_id)

    def failures(self, limit: int = 100) -> list[Failure]:
        rows = self.db.execute(
            "SELECT source, stage, reason, severity FROM failures ORDER BY last_seen DESC, id"
            " LIMIT ?",
            (limit,),
        ).fetchall()
        return [Failure(**dict(row)) for row in rows]

    def stats(self) -> dict[str, Any]:
        one = self.db.execute
        by_language = one(
            "SELECT COALESCE(language, '?') AS lang, COUNT(*) AS n FROM documents"
            " GROUP BY lang ORDER BY n DESC"
        ).fetchall()
        relations = one("SELECT relation, COUNT(*) FROM sources GROUP BY relation").fetchall()
        severities = one("SELECT severity, COUNT(*) FROM failures GROUP BY severity").fetchall()
        return {
            "store": self.path,
            "schema_version": self.schema_version,
            "documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "sources": one("SELECT COUNT(*) FROM sources").fetchone()[0],
            "sources_by_relation": {row[0]: row[1] for row in relations},
            "documents_by_language": {row[0]: row[1] for row in by_language},
            "failures": {row[0]: row[1] for row in severities},
        }

    def close(self) -> None:
        self.db.close()

    def snapshot_rows(self, story: str | None = None) -> dict[str, list[dict[str, Any]]]:
        from claimtrace.store.sqlite_snapshot import snapshot_rows

        return snapshot_rows(self.db, story)

    # -- cross-document links (store/sqlite_link.py) --------------------------------------

    def documents_to_link(self) -> list[tuple[str, str, bool]]:
        return link_sql.documents_to_link(self.db)

    def mark_linked(self, document_id: str, fingerprint: str) -> None:
        link_sql.mark_linked(self.db, document_id, fingerprint)

    def unlink_document(self, document_id: str) -> None:
        link_sql.unlink_document(self.db, document_id)

    def link_profile(self, document_id: str) -> dict[str, Any]:
        return link_sql.link_profile(self.db, document_id)

    def link_profiles(self, document_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return link_sql.link_profiles(self.db, document_ids)

    def entity_frequencies(self, ids: Sequence[str]) -> tuple[int, dict[str, int]]:
        return link_sql.entity_frequencies(self.db, ids)

    def documents_sharing(self, entity_ids: Sequence[str], exclude: str, limit: int) -> list[str]:
        return link_sql.documents_sharing(self.db, entity_ids, exclude, limit)

    def load_vectors(
        self, kind: str, model: str, keys: Sequence[str] | None = None
    ) -> dict[str, Any]:
        return link_sql.load_vectors(self.db, kind, model, keys)

    def save_vectors(self, kind: str, model: str, vectors: dict[str, Any]) -> None:
        link_sql.save_vectors(self.db, kind, model, vectors)

    def claims_by_ids(self, ids: Sequence[str]) -> list[Claim]:
        return link_sql.claims_by_ids(self.db, ids)

    def document_claim_ids(self, document_id: str) -> list[str]:
        return link_sql.document_claim_ids(self.db, document_id)

    def grouped_postings(
        self, actors: Sequence[str], places: Sequence[tuple[str, str]], per_key: int
    ) -> dict[tuple[str, ...], list[str]]:
        return link_sql.grouped_postings(self.db, actors, places, per_key)

    def groups_of(self, claim_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        return link_sql.groups_of(self.db, claim_ids)

    def group_members(self, group_ids: Sequence[str], limit: int) -> dict[str, list[str]]:
        return link_sql.group_members(self.db, group_ids, limit)

    def group_info(self, group_id: str, limit: int = -1) -> tuple[str | None, list[str]]:
        return link_sql.group_info(self.db, group_id, limit)

    def save_group_member(
        self, group_id: str, claim_id: str, stance: str, similarity: float | None, label: str,
        relation: str | None,
    ) -> None:  # fmt: skip
        link_sql.save_group_member(self.db, group_id, claim_id, stance, similarity, label, relation)

    def stories_of(self, document_ids: Sequence[str]) -> dict[str, str]:
        return link_sql.stories_of(self.db, document_ids)

    def story_members(self, story_id: str, limit: int = -1) -> list[str]:
        return link_sql.story_members(self.db, story_id, limit)

    def story_size(self, story_id: str) -> int:
        return link_sql.story_size(self.db, story_id)

    def save_story_member(
        self, story_id: str, document_id: str, similarity: float | None, label: str
    ) -> None:
        link_sql.save_story_member(self.db, story_id, document_id, similarity, label)

    def claim_group_records(self, story: str | None = None) -> list[ClaimGroup]:
        return link_sql.claim_group_records(self.db, story)

    def merge_stories(self, target: str, others: Sequence[str], label: str) -> None:
        link_sql.merge_stories(self.db, target, others, label)

    def merge_groups(self, target: str, others: Sequence[str]) -> None:
        link_sql.merge_groups(self.db, target, others)

    def actor_parents(self, ids: Sequence[str]) -> dict[str, str | None]:
        return link_sql.actor_parents(self.db, ids)

    def story_records(self) -> list[Story]:
        return link_sql.story_records(self.db)

    def store_uid(self) -> str:
        return link_sql.store_uid(self.db)

    def vector_stats(self, kind: str, model: str) -> tuple[int, int]:
        return link_sql.vector_stats(self.db, kind, model)

    def vectors_after(self, kind: str, model: str, after: int, limit: int) -> list[tuple[int, Any]]:
        return link_sql.vectors_after(self.db, kind, model, after, limit)

    def vector_ids(self, kind: str, keys: Sequence[str]) -> dict[str, int]:
        return link_sql.vector_ids(self.db, kind, keys)

    def vector_keys(self, ids: Sequence[int]) -> dict[int, str]:
        return link_sql.vector_keys(self.db, ids)


def _statements(script: str) -> list[str]:
    """Split a migration into complete statements (a trigger body holds semicolons)."""
    statements, current = [], ""
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip().rstrip(";"))
            current = ""
    return [s for s in [*statements, current.strip()] if s]
