"""What a story page draws beyond its documents: the times its claims refer to (the
timeline) and the places its documents name, with coordinates (the map)."""

from __future__ import annotations

from typing import Any

from claimtrace import api

MAX_PLACES = 200


def rows(db: str, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    with api.opened(db, read_only=True) as store:
        connection: Any = getattr(store, "db", None)
        if connection is None:
            return []  # a store without SQL access: nothing drawn
        cursor = connection.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def story_claims(db: str, story_id: str) -> list[dict[str, Any]]:
    """The story's claims that refer to a time: id, text, time, modality."""
    return rows(
        db,
        "SELECT c.id, c.text, c.time, c.modality FROM claims c JOIN story_documents sd"
        " ON sd.document_id = c.document_id WHERE sd.story_id = ? AND c.time IS NOT NULL"
        " ORDER BY c.id",
        (story_id,),
    )


def story_places(db: str, story_id: str) -> list[dict[str, Any]]:
    """Places named in the story's documents, most documents first: id, name, lat, lon,
    documents, mentions."""
    return rows(
        db,
        "SELECT p.id, p.name, p.lat, p.lon, COUNT(DISTINCT m.document_id) AS documents,"
        " COUNT(*) AS mentions FROM mentions m JOIN places p ON p.id = m.place_id"
        " JOIN story_documents sd ON sd.document_id = m.document_id"
        " WHERE sd.story_id = ? AND p.lat IS NOT NULL AND p.lon IS NOT NULL"
        " GROUP BY p.id, p.name, p.lat, p.lon ORDER BY documents DESC, mentions DESC, p.id"
        " LIMIT ?",
        (story_id, MAX_PLACES),
    )
