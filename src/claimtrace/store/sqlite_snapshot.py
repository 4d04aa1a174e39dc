"""Read-only SQL behind exports and the report: every row a snapshot needs, per scope.

The scope is the whole store or one story's documents; every query below is restricted to
it through the same sub-select, so a story export never leaks rows of other documents.
Rows come back as plain dicts in a stable order; ``report/snapshot.py`` shapes them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from claimtrace.errors import NotFoundError

_ALL = "SELECT id FROM documents"
_STORY = "SELECT document_id FROM story_documents WHERE story_id = :story"


def story_exists(db: sqlite3.Connection, story: str) -> bool:
    return db.execute("SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone() is not None


def snapshot_rows(db: sqlite3.Connection, story: str | None = None) -> dict[str, list[dict]]:
    """Every row of the scope, by table name; raises NotFoundError for an unknown story."""
    if story is not None and not story_exists(db, story):
        raise NotFoundError(f"story {story!r} does not exist")
    scope = _STORY if story is not None else _ALL
    params = {"story": story}

    def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(row) for row in _cursor(db, sql.format(scope=scope), params)]

    claims_in = "SELECT id FROM claims WHERE document_id IN ({scope})"
    return {
        "documents": rows(
            "SELECT d.id, d.title, d.language, d.languages, d.published, d.outlet, d.author,"
            " d.url, d.text, (SELECT COALESCE(s.url, s.path) FROM sources s"
            "  WHERE s.document_id = d.id"
            "  ORDER BY s.relation != 'original', s.ingested_at, s.key LIMIT 1) AS source,"
            " (SELECT COUNT(*) FROM sources s WHERE s.document_id = d.id) AS copies"
            " FROM documents d WHERE d.id IN ({scope})"
            " ORDER BY d.published IS NULL, d.published, d.id"
        ),
        "mentions": rows(
            "SELECT document_id, actor_id, place_id, text, language, COUNT(*) AS n"
            " FROM mentions WHERE document_id IN ({scope})"
            " AND (actor_id IS NOT NULL OR place_id IS NOT NULL)"
            " GROUP BY document_id, actor_id, place_id, text, language"
            " ORDER BY document_id, actor_id, place_id, text"
        ),
        "actors": rows(
            "SELECT id, name, type, country, parent, found_name, found_type FROM actors"
            " WHERE id IN ("
            " SELECT actor_id FROM mentions WHERE document_id IN ({scope})"
            " UNION SELECT actor_id FROM claim_actors WHERE claim_id IN (" + claims_in + ")"
            " UNION SELECT actor_id FROM claim_sources WHERE claim_id IN (" + claims_in + ")"
            ") ORDER BY id"
        ),
        "places": rows(
            "SELECT id, name, kind, country, lat, lon FROM places WHERE id IN ("
            " SELECT place_id FROM mentions WHERE document_id IN ({scope})"
            " UNION SELECT place_id FROM claim_places WHERE claim_id IN (" + claims_in + ")"
            ") ORDER BY id"
        ),
        "claims": rows(
            'SELECT c.id, c.document_id, c.start, c."end", c.text, c.content_start,'
            " c.content_end, c.content_text, c.relation, c.verb, c.time, c.modality,"
            " c.negated, c.language, c.backend, m.group_id, m.stance"
            " FROM claims c LEFT JOIN claim_group_members m ON m.claim_id = c.id"
            " WHERE c.document_id IN ({scope}) ORDER BY c.document_id, c.start, c.id"
        ),
        "claim_actors": rows(
            "SELECT claim_id, role, position, actor_id FROM claim_actors"
            " WHERE claim_id IN (" + claims_in + ") AND actor_id IS NOT NULL"
            " ORDER BY claim_id, role, position"
        ),
        "claim_places": rows(
            "SELECT claim_id, position, place_id FROM claim_places"
            " WHERE claim_id IN (" + claims_in + ") ORDER BY claim_id, position"
        ),
        "claim_sources": rows(
            "SELECT claim_id, position, name, actor_id, cue, kind FROM claim_sources"
            " WHERE claim_id IN (" + claims_in + ") ORDER BY claim_id, position"
        ),
        "claim_groups": rows(
            "SELECT id, label, relation FROM claim_groups WHERE id IN ("
            " SELECT group_id FROM claim_group_members WHERE claim_id IN (" + claims_in + ")"
            ") ORDER BY id"
        ),
        "corrections": _corrections(db),
        "stories": rows(
            "SELECT s.id, s.label, sd.document_id FROM stories s"
            " JOIN story_documents sd ON sd.story_id = s.id"
            " WHERE sd.document_id IN ({scope}) ORDER BY s.id, sd.document_id"
        ),
    }


def _corrections(db: sqlite3.Connection) -> list[dict[str, Any]]:
    from claimtrace.store.sqlite_corrections import list_corrections

    return [c.to_dict() for c in list_corrections(db, include_undone=True)]


def _cursor(db: sqlite3.Connection, sql: str, params: dict[str, Any]) -> Iterable[Any]:
    # the shared connection may use another row factory: ask for named rows explicitly
    cursor = db.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)
