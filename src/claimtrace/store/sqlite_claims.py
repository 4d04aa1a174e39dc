"""Reading and writing attributions and claims (what nlp/attribution and nlp/claims find)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from claimtrace.records import Attribution, Claim, SourceLink, Span


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to list; every field narrows the result (None = any)."""

    actor: str | None = None  # actor id, name or surface form, as subject or object
    source: str | None = None  # actor id or a substring of a source's name
    relation: str | None = None
    language: str | None = None
    document: str | None = None
    modality: str | None = None
    limit: int = 100


def save_claims(
    db: sqlite3.Connection,
    document_id: str,
    attributions: Sequence[Attribution],
    claims: Sequence[Claim],
    resolve: Callable[[str | None], str | None] | None = None,
) -> None:
    """Replace a document's attributions and claims (claim_* rows cascade). ``resolve``
    maps each actor id found to the one the analyst's corrections make of it."""
    db.execute("DELETE FROM attributions WHERE document_id = ?", (document_id,))
    db.execute("DELETE FROM claims WHERE document_id = ?", (document_id,))
    db.executemany(
        "INSERT INTO attributions (document_id, idx, sentence_start, sentence_end, cue_start,"
        " cue_end, cue_text, cue_kind, content_start, content_end, content_text, source_start,"
        " source_end, source_text, language, parent, backend)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (document_id, i, a.sentence.start, a.sentence.end, a.cue.start, a.cue.end,
             a.cue.text, a.cue_kind, a.content.start, a.content.end, a.content.text,
             a.source.start if a.source else None, a.source.end if a.source else None,
             a.source.text if a.source else None, a.language, a.parent, a.backend)
            for i, a in enumerate(attributions)
        ],
    )  # fmt: skip
    seen: set[str] = set()
    for claim in claims:
        if claim.id in seen:  # two extractions of one content span with one relation
            continue
        seen.add(claim.id)
        _insert_claim(db, claim, resolve or _same)


def _same(actor: str | None) -> str | None:
    return actor


def _insert_claim(
    db: sqlite3.Connection, c: Claim, resolve: Callable[[str | None], str | None] = _same
) -> None:
    db.execute(
        'INSERT INTO claims (id, document_id, start, "end", text, content_start, content_end,'
        " content_text, relation, verb, time, modality, negated, language, backend)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (c.id, c.document_id, c.start, c.end, c.text, c.content.start, c.content.end,
         c.content.text, c.relation, c.verb, c.time, c.modality, int(c.negated), c.language,
         c.backend),
    )  # fmt: skip
    roles = [("subject", i, a) for i, a in enumerate(c.subjects)]
    roles += [("object", i, a) for i, a in enumerate(c.objects)]
    db.executemany(
        "INSERT INTO claim_actors (claim_id, role, position, actor_id, found_actor_id)"
        " VALUES (?,?,?,?,?)",
        [(c.id, role, i, resolve(actor), actor) for role, i, actor in roles],
    )
    db.executemany(
        "INSERT INTO claim_places (claim_id, position, place_id) VALUES (?,?,?)",
        [(c.id, i, p) for i, p in enumerate(c.places)],
    )
    db.executemany(
        "INSERT INTO claim_sources (claim_id, position, name, actor_id, cue, kind,"
        " found_actor_id) VALUES (?,?,?,?,?,?,?)",
        [
            (c.id, i, s.name, resolve(s.actor), s.cue, s.kind, s.actor)
            for i, s in enumerate(c.sources)
        ],
    )


def find_claims(db: sqlite3.Connection, where: ClaimFilter) -> list[Claim]:
    clauses, params = claim_filter_sql(where)
    sql = "SELECT c.* FROM claims c"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY c.document_id, c.start, c.content_start LIMIT ?"
    rows = db.execute(sql, [*params, where.limit]).fetchall()
    return [_claim(db, row) for row in rows]


def find_claims_by_ids(db: sqlite3.Connection, ids: Sequence[str]) -> list[Claim]:
    """Whole claims (with source chains), in the order of ``ids``; unknown ids are left out."""
    found: list[Claim] = []
    for claim_id in ids:
        row = db.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if row is not None:
            found.append(_claim(db, row))
    return found


def claim_filter_sql(where: ClaimFilter) -> tuple[list[str], list[Any]]:
    """The WHERE clauses (over ``claims c``) and parameters of a claim filter."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.actor:
        # a UNION of index lookups: the same rows as one OR, which scanned all claim_actors
        clauses.append(
            "c.id IN (SELECT claim_id FROM claim_actors WHERE actor_id = ?"
            " UNION SELECT ca.claim_id FROM claim_actors ca JOIN actors a ON a.id = ca.actor_id"
            " WHERE a.name = ? COLLATE NOCASE UNION SELECT claim_id FROM claim_actors"
            " WHERE actor_id IN (SELECT m.actor_id FROM mentions m"
            " WHERE m.text = ? COLLATE NOCASE))"
        )
        params += [where.actor] * 3
    if where.source:
        clauses.append(
            "c.id IN (SELECT claim_id FROM claim_sources WHERE actor_id = ?"
            " OR instr(lower(name), lower(?)) > 0)"
        )
        params += [where.source] * 2
    for column, value in (
        ("relation", where.relation),
        ("language", where.language),
        ("document_id", where.document),
        ("modality", where.modality),
    ):
        if value:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    return clauses, params


def _claim(db: sqlite3.Connection, row: sqlite3.Row) -> Claim:
    actors = db.execute(
        "SELECT role, actor_id FROM claim_actors WHERE claim_id = ? AND actor_id IS NOT NULL"
        " ORDER BY role, position",
        (row["id"],),
    ).fetchall()
    places = db.execute(
        "SELECT place_id FROM claim_places WHERE claim_id = ? ORDER BY position", (row["id"],)
    ).fetchall()
    sources = db.execute(
        "SELECT name, actor_id, cue, kind FROM claim_sources WHERE claim_id = ? ORDER BY position",
        (row["id"],),
    ).fetchall()
    return Claim(
        id=row["id"],
        document_id=row["document_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        content=Span(row["content_start"], row["content_end"], row["content_text"]),
        subjects=tuple(a["actor_id"] for a in actors if a["role"] == "subject"),
        objects=tuple(a["actor_id"] for a in actors if a["role"] == "object"),
        relation=row["relation"],
        verb=row["verb"],
        places=tuple(p["place_id"] for p in places),
        time=row["time"],
        modality=row["modality"],
        negated=bool(row["negated"]),
        sources=tuple(SourceLink(s["name"], s["actor_id"], s["cue"], s["kind"]) for s in sources),
        language=row["language"],
        backend=row["backend"],
    )


def document_attributions(db: sqlite3.Connection, document_id: str) -> list[Attribution]:
    rows = db.execute(
        "SELECT * FROM attributions WHERE document_id = ? ORDER BY idx", (document_id,)
    ).fetchall()
    found = db.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
    text = found[0] if found else ""
    return [
        Attribution(
            document_id=document_id,
            sentence=Span(
                r["sentence_start"],
                r["sentence_end"],
                text[r["sentence_start"] : r["sentence_end"]],
            ),
            cue=Span(r["cue_start"], r["cue_end"], r["cue_text"]),
            content=Span(r["content_start"], r["content_end"], r["content_text"]),
            source=(
                Span(r["source_start"], r["source_end"], r["source_text"])
                if r["source_text"] is not None
                else None
            ),
            cue_kind=r["cue_kind"],
            language=r["language"],
            parent=r["parent"],
            backend=r["backend"],
        )
        for r in rows
    ]


def actor_names(db: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    """Display names for actor and place ids (places for claims' places)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = db.execute(
        f"SELECT id, name FROM actors WHERE id IN ({marks})"
        f" UNION SELECT id, name FROM places WHERE id IN ({marks})",
        [*wanted, *wanted],
    ).fetchall()
    return {r[0]: r[1] for r in rows}
