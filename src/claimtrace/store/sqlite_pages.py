"""Reads for a browsing client (the HTTP API): filtered lists in pages with keyset cursors,
and one actor, claim group or story with what an analyst asks about it.

A page is read after a key (the sort key of the last row the client saw), never by offset,
so a page costs the same at any depth and rows added meanwhile neither repeat nor vanish.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from claimtrace.records import Claim
from claimtrace.store.sqlite_claims import ClaimFilter, claim_filter_sql, find_claims_by_ids

Key = tuple[Any, ...]
_NO_DATE = "~"  # sorts after every ISO date: undated documents come last


@dataclass(frozen=True)
class DocumentFilter:
    language: str | None = None  # the article's language or one of its languages
    outlet: str | None = None
    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    story: str | None = None
    actor: str | None = None  # actor or place id, or a name as written


def document_page(
    db: sqlite3.Connection, where: DocumentFilter, after: Key | None, limit: int
) -> list[dict[str, Any]]:
    """Documents by publication date (undated last), then id; each row carries its ``key``."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.language:
        clauses.append("(d.language = ? OR EXISTS (SELECT 1 FROM json_each(d.languages) j"
                       " WHERE j.value = ?))")  # fmt: skip
        params += [where.language, where.language]
    if where.outlet:
        clauses.append("d.outlet = ? COLLATE NOCASE")
        params.append(where.outlet)
    if where.since:
        clauses.append("d.published >= ?")
        params.append(where.since)
    if where.until:
        clauses.append("substr(d.published, 1, ?) <= ?")
        params += [len(where.until), where.until]
    if where.story:
        clauses.append("d.id IN (SELECT document_id FROM story_documents WHERE story_id = ?)")
        params.append(where.story)
    if where.actor:
        clauses.append(
            "d.id IN (SELECT m.document_id FROM mentions m LEFT JOIN actors a ON a.id ="
            " m.actor_id LEFT JOIN places p ON p.id = m.place_id WHERE m.actor_id = ?"
            " OR m.place_id = ? OR a.name = ? COLLATE NOCASE OR p.name = ? COLLATE NOCASE"
            " OR m.text = ? COLLATE NOCASE)"
        )
        params += [where.actor] * 5
    if after is not None:
        clauses.append("(COALESCE(d.published, ?), d.id) > (?, ?)")
        params += [_NO_DATE, *after]
    sql = (
        "SELECT d.id, d.title, d.language, d.languages, d.published, d.outlet, d.author, d.url,"
        " (SELECT COUNT(*) FROM sources s WHERE s.document_id = d.id) AS sources,"
        " (SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id) AS claims,"
        " (SELECT story_id FROM story_documents sd WHERE sd.document_id = d.id) AS story"
        " FROM documents d"
    )
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY COALESCE(d.published, ?), d.id LIMIT ?"
    rows = db.execute(sql, [*params, _NO_DATE, limit]).fetchall()
    return [
        {
            **dict(row),
            "languages": json.loads(row["languages"]),
            "key": (row["published"] or _NO_DATE, row["id"]),
        }
        for row in rows
    ]


def claim_page(
    db: sqlite3.Connection, where: ClaimFilter, after: Key | None, limit: int
) -> list[tuple[Key, Claim]]:
    """Claims in the order of ``claimtrace claims`` (document, position), each with its key."""
    clauses, params = claim_filter_sql(where)
    if after is not None:
        clauses.append("(c.document_id, c.start, c.content_start, c.id) > (?, ?, ?, ?)")
        params += list(after)
    sql = "SELECT c.id, c.document_id, c.start, c.content_start FROM claims c"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY c.document_id, c.start, c.content_start, c.id LIMIT ?"
    rows = db.execute(sql, [*params, limit]).fetchall()
    found = {c.id: c for c in find_claims_by_ids(db, [r[0] for r in rows])}
    return [((r[1], r[2], r[3], r[0]), found[r[0]]) for r in rows if r[0] in found]


def group_page(
    db: sqlite3.Connection,
    min_docs: int,
    story: str | None,
    after: Key | None,
    limit: int,
    by_spread: bool = False,
) -> list[dict[str, Any]]:
    """Claim groups in the order they were founded, with their spread; ``by_spread``: the
    most documents first, then the most languages (one page, no cursor)."""
    clauses: list[str] = []
    params: list[Any] = []
    if story:
        clauses.append(
            "g.id IN (SELECT m2.group_id FROM claim_group_members m2 JOIN claims c2 ON"
            " c2.id = m2.claim_id JOIN story_documents s ON s.document_id = c2.document_id"
            " WHERE s.story_id = ?)"
        )
        params.append(story)
    if after is not None:
        clauses.append("(g.created, g.id) > (?, ?)")
        params += list(after)
    sql = (
        "SELECT g.id, g.label, g.relation, g.created, COUNT(*) AS claims,"
        " COUNT(DISTINCT c.document_id) AS documents,"
        " json_group_array(DISTINCT c.language) AS languages,"
        " SUM(m.stance = 'contradict') AS contradicting, MIN(d.published) AS first_seen"
        " FROM claim_groups g JOIN claim_group_members m ON m.group_id = g.id"
        " JOIN claims c ON c.id = m.claim_id JOIN documents d ON d.id = c.document_id"
    )
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " GROUP BY g.id HAVING COUNT(DISTINCT c.document_id) >= ?"
    if by_spread:
        sql += " ORDER BY documents DESC, COUNT(DISTINCT c.language) DESC, g.created, g.id"
    else:
        sql += " ORDER BY g.created, g.id"
    sql += " LIMIT ?"
    rows = db.execute(sql, [*params, min_docs, limit]).fetchall()
    return [_group_summary(row) for row in rows]


def _group_summary(row: sqlite3.Row) -> dict[str, Any]:
    languages = sorted(x for x in json.loads(row["languages"] or "[]") if x)
    return {**dict(row), "languages": languages, "key": (row["created"], row["id"])}


def group_detail(db: sqlite3.Connection, group_id: str) -> dict[str, Any] | None:
    """One claim group: its members (claim, document, date, stance), oldest document first."""
    # a group merged into another (merged_groups, migration 013) answers as that group
    merged = db.execute("SELECT into_id FROM merged_groups WHERE id = ?", (group_id,)).fetchone()
    group_id = merged[0] if merged else group_id
    head = db.execute(
        "SELECT id, label, relation, anchor, created FROM claim_groups WHERE id = ?", (group_id,)
    ).fetchone()
    if head is None:
        return None
    rows = db.execute(
        "SELECT m.claim_id, m.stance, m.similarity, c.document_id, c.language, d.published,"
        " d.outlet, d.title FROM claim_group_members m JOIN claims c ON c.id = m.claim_id"
        " JOIN documents d ON d.id = c.document_id WHERE m.group_id = ?"
        " ORDER BY COALESCE(d.published, ?), m.rowid",
        (group_id, _NO_DATE),
    ).fetchall()
    claims = {c.id: c for c in find_claims_by_ids(db, [r["claim_id"] for r in rows])}
    members = [
        {
            "claim": claims[r["claim_id"]],
            "stance": r["stance"],
            "similarity": r["similarity"],
            "document": {k: r[k] for k in ("document_id", "published", "outlet", "title")},
        }
        for r in rows
        if r["claim_id"] in claims
    ]
    dates = [r["published"] for r in rows if r["published"]]
    return {
        **dict(head),
        "members": members,
        "agreeing": [r["claim_id"] for r in rows if r["stance"] != "contradict"],
        "contradicting": [r["claim_id"] for r in rows if r["stance"] == "contradict"],
        "documents": list(dict.fromkeys(r["document_id"] for r in rows)),
        "languages": sorted({r["language"] for r in rows if r["language"]}),
        "first_seen": min(dates) if dates else None,
        "last_seen": max(dates) if dates else None,
    }


def story_page(db: sqlite3.Connection, after: Key | None, limit: int) -> list[dict[str, Any]]:
    """Stories in the order they were founded, with their size and date range."""
    where, params = "", []
    if after is not None:
        where, params = " WHERE (s.created, s.id) > (?, ?)", list(after)
    rows = db.execute(
        "SELECT s.id, s.label, s.created, COUNT(sd.document_id) AS documents,"
        " MIN(d.published) AS first_seen, MAX(d.published) AS last_seen,"
        " json_group_array(DISTINCT d.language) AS languages"
        " FROM stories s JOIN story_documents sd ON sd.story_id = s.id"
        f" JOIN documents d ON d.id = sd.document_id{where}"
        " GROUP BY s.id ORDER BY s.created, s.id LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        {
            **dict(r),
            "languages": sorted(x for x in json.loads(r["languages"] or "[]") if x),
            "key": (r["created"], r["id"]),
        }
        for r in rows
    ]


def story_detail(db: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    head = db.execute("SELECT id, label, created FROM stories WHERE id = ?", (story_id,)).fetchone()
    if head is None:
        return None
    docs = db.execute(
        "SELECT d.id, d.title, d.language, d.published, d.outlet FROM story_documents sd"
        " JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = ?"
        " ORDER BY COALESCE(d.published, ?), d.id",
        (story_id, _NO_DATE),
    ).fetchall()
    groups = db.execute(
        "SELECT DISTINCT m.group_id FROM claim_group_members m JOIN claims c ON c.id ="
        " m.claim_id JOIN story_documents sd ON sd.document_id = c.document_id"
        " WHERE sd.story_id = ? ORDER BY m.group_id",
        (story_id,),
    ).fetchall()
    return {
        **dict(head),
        "documents": [dict(d) for d in docs],
        "claim_groups": [g[0] for g in groups],
    }


def actor_detail(db: sqlite3.Connection, actor_id: str, limit: int) -> dict[str, Any] | None:
    """An actor (or place): names as written per language, and claims where it is the
    subject, the object or a source (the ``limit`` first of each, with the totals)."""
    head = db.execute(
        "SELECT id, name, type, country, parent, NULL AS lat, NULL AS lon FROM actors"
        " WHERE id = ? UNION ALL SELECT id, name, 'place', country, NULL, lat, lon"
        " FROM places WHERE id = ?",
        (actor_id, actor_id),
    ).fetchone()
    if head is None:
        return None
    forms = db.execute(
        "SELECT COALESCE(language, '?') AS language, text, COUNT(*) AS n,"
        " COUNT(DISTINCT document_id) AS docs FROM mentions"
        " WHERE actor_id = ? OR (place_id = ? AND actor_id IS NULL)"
        " GROUP BY language, text ORDER BY language, n DESC, text",
        (actor_id, actor_id),
    ).fetchall()
    aliases: dict[str, list[dict[str, Any]]] = {}
    by_language: dict[str, int] = {}
    for f in forms:
        aliases.setdefault(f["language"], []).append({"text": f["text"], "mentions": f["n"]})
        by_language[f["language"]] = by_language.get(f["language"], 0) + f["n"]
    documents = db.execute(
        "SELECT COUNT(DISTINCT document_id) FROM mentions WHERE actor_id = ? OR place_id = ?",
        (actor_id, actor_id),
    ).fetchone()[0]
    roles = {
        "subject": ("SELECT claim_id FROM claim_actors WHERE actor_id = ? AND role = 'subject'"),
        "object": ("SELECT claim_id FROM claim_actors WHERE actor_id = ? AND role = 'object'"),
        "source": "SELECT claim_id FROM claim_sources WHERE actor_id = ?",
        "place": "SELECT claim_id FROM claim_places WHERE place_id = ?",
    }
    claims: dict[str, dict[str, Any]] = {}
    for role, inner in roles.items():
        ids = [r[0] for r in db.execute(f"SELECT DISTINCT claim_id FROM ({inner}) AS x ORDER BY 1",
                                        (actor_id,))]  # fmt: skip
        claims[role] = {"total": len(ids), "claims": find_claims_by_ids(db, ids[:limit])}
    return {
        **dict(head),
        "mentions": sum(by_language.values()),
        "documents": documents,
        "mentions_by_language": by_language,
        "aliases": aliases,
        "claims": claims,
    }


def claim_one(db: sqlite3.Connection, claim_id: str) -> tuple[Claim, str | None, str | None]:
    """A claim with its group and stance (None, None when it is in no group)."""
    found = find_claims_by_ids(db, [claim_id])
    if not found:
        raise KeyError(claim_id)
    row = db.execute(
        "SELECT group_id, stance FROM claim_group_members WHERE claim_id = ?", (claim_id,)
    ).fetchone()
    return found[0], (row[0] if row else None), (row[1] if row else None)
