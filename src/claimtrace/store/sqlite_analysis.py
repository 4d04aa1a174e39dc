"""Reading and writing what the analyse stage finds (mentions, actors, places, times)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from claimtrace.kb.corrections import Corrections
from claimtrace.nlp.analyse import Analysis


def documents_to_analyse(db: sqlite3.Connection, version: str) -> list[str]:
    rows = db.execute(
        "SELECT d.id FROM documents d LEFT JOIN analyses a ON a.document_id = d.id"
        " WHERE a.version IS NULL OR a.version != ? ORDER BY d.id",
        (version,),
    ).fetchall()
    return [row[0] for row in rows]


def save_analysis(
    db: sqlite3.Connection, analysis: Analysis, corrections: Corrections | None = None
) -> None:
    """Write what analysis found, with the analyst's corrections applied to its actor and
    place ids, names and types (the found ones are kept next to them)."""
    doc = analysis.document_id
    fixes = corrections or Corrections()
    names, types = fixes.names(), fixes.types()
    for table in ("sentences", "mentions", "time_expressions"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc,))
    db.executemany(
        "INSERT INTO actors (id, name, type, country, parent, role, affiliation, found_name,"
        " found_type) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET"
        " role = excluded.role, affiliation = excluded.affiliation"
        " WHERE actors.role IS NULL AND excluded.role IS NOT NULL",
        [
            (
                a.id,
                names.get(a.id, a.name),
                types.get(a.id, a.type),
                a.country,
                a.parent,
                a.role,
                a.affiliation,
                a.name,
                a.type,
            )
            for a in analysis.actors
        ],  # fmt: skip
    )
    db.executemany(
        "INSERT OR IGNORE INTO places (id, name, kind, country, lat, lon) VALUES (?,?,?,?,?,?)",
        [(p.id, p.name, str(p.kind), p.country_code, p.lat, p.lon) for p in analysis.places],
    )
    db.executemany(
        'INSERT INTO sentences (document_id, idx, start, "end") VALUES (?,?,?,?)',
        [(doc, i, s, e) for i, (s, e) in enumerate(analysis.sentences)],
    )
    db.executemany(
        'INSERT OR IGNORE INTO mentions (document_id, start, "end", text, label, language,'
        " backend, actor_id, place_id, found_actor_id, found_place_id)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (doc, m.mention.start, m.mention.end, m.mention.text, m.mention.label,
             m.mention.language, m.mention.backend,
             fixes.resolve(m.actor_id, doc, m.mention.text),
             fixes.resolve(m.place_id, doc, m.mention.text), m.actor_id, m.place_id)
            for m in analysis.mentions
        ],
    )  # fmt: skip
    db.executemany(
        'INSERT OR IGNORE INTO time_expressions (document_id, start, "end", text, value,'
        " range_start, range_end, granularity, kind) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (doc, t.start, t.end, t.text, t.value, t.range_start, t.range_end, t.granularity,
             t.kind)
            for t in analysis.times
        ],
    )  # fmt: skip
    db.execute(
        "INSERT INTO analyses (document_id, version, time_anchor) VALUES (?, ?, ?)"
        " ON CONFLICT (document_id) DO UPDATE SET version = excluded.version,"
        " time_anchor = excluded.time_anchor,"
        " analysed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        (doc, analysis.version, analysis.time_anchor),
    )


def entity_rows(
    db: sqlite3.Connection, kind: str | None, language: str | None, limit: int
) -> list[dict[str, Any]]:
    """Actors and places with mention counts per language and the documents they occur in."""
    where, params = [], []
    if language:
        where.append("m.language = ?")
        params.append(language)
    clause = (" AND " + " AND ".join(where)) if where else ""
    actors = db.execute(
        "SELECT a.id, a.name, a.type AS type, a.role, m.language, COUNT(*) AS n,"
        " json_group_array(DISTINCT m.document_id) AS docs,"
        " json_group_array(DISTINCT m.text) AS forms"
        " FROM mentions m JOIN actors a ON a.id = m.actor_id"
        f" WHERE 1=1{clause} GROUP BY a.id, m.language",
        params,
    ).fetchall()
    places = db.execute(
        "SELECT p.id, p.name, 'place' AS type, NULL AS role, m.language, COUNT(*) AS n,"
        " json_group_array(DISTINCT m.document_id) AS docs,"
        " json_group_array(DISTINCT m.text) AS forms,"
        " p.lat, p.lon, p.country FROM mentions m JOIN places p ON p.id = m.place_id"
        f" WHERE m.actor_id IS NULL{clause} GROUP BY p.id, m.language",
        params,
    ).fetchall()
    merged: dict[str, dict[str, Any]] = {}
    for row in [*actors, *places]:
        entry = merged.setdefault(
            row["id"],
            {"id": row["id"], "name": row["name"], "type": row["type"], "role": row["role"],
             "mentions": 0, "by_language": {}, "forms": set(), "documents": set()},
        )  # fmt: skip
        entry["mentions"] += row["n"]
        entry["by_language"][row["language"] or "?"] = row["n"]
        entry["forms"].update(json.loads(row["forms"] or "[]"))
        entry["documents"].update(json.loads(row["docs"] or "[]"))
        if row["type"] == "place":
            entry.update(lat=row["lat"], lon=row["lon"], country=row["country"])
    result = [
        {**e, "forms": sorted(f for f in e["forms"] if f), "documents": len(e["documents"])}
        for e in merged.values()
        if kind is None or e["type"] == kind
    ]
    result.sort(key=lambda e: (-e["mentions"], e["name"]))
    return result[:limit]


def document_mentions(db: sqlite3.Connection, document_id: str) -> list[dict[str, Any]]:
    rows = db.execute(
        'SELECT m.start, m."end", m.text, m.label, m.language, m.actor_id, a.name AS actor,'
        " a.role, m.place_id, p.name AS place, p.lat, p.lon FROM mentions m"
        " LEFT JOIN actors a ON a.id = m.actor_id LEFT JOIN places p ON p.id = m.place_id"
        " WHERE m.document_id = ? ORDER BY m.start",
        (document_id,),
    ).fetchall()
    return [dict(row) for row in rows]


def document_times(db: sqlite3.Connection, document_id: str) -> list[dict[str, Any]]:
    rows = db.execute(
        'SELECT start, "end", text, value, range_start, range_end, granularity, kind'
        " FROM time_expressions WHERE document_id = ? ORDER BY start",
        (document_id,),
    ).fetchall()
    return [dict(row) for row in rows]
