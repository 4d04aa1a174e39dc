"""SQL for cross-document linking: vectors, claim groups, stories (migration 004)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from claimtrace.records import Claim, ClaimGroup, Document, Span, Story

_CHUNK = 500  # ids per IN (...) list, well below SQLite's variable limit


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


# -- what to link ---------------------------------------------------------------------------


def documents_to_link(db: sqlite3.Connection) -> list[tuple[str, str, bool]]:
    """(document id, fingerprint, linked before) of analysed documents not linked from their
    current analysis (version, time and claim ids)."""
    rows = db.execute(
        "SELECT a.document_id, a.version, a.analysed_at, l.fingerprint,"
        " (SELECT group_concat(id, ' ') FROM (SELECT id FROM claims c"
        "  WHERE c.document_id = a.document_id ORDER BY id)) AS claim_ids"
        " FROM analyses a LEFT JOIN linked_documents l ON l.document_id = a.document_id"
        " ORDER BY a.analysed_at, a.document_id"
    ).fetchall()
    pending = []
    for doc, version, analysed_at, old, claim_ids in rows:
        basis = f"{version}\x1f{analysed_at}\x1f{claim_ids or ''}"
        fingerprint = hashlib.sha256(basis.encode()).hexdigest()[:24]
        if fingerprint != old:
            pending.append((doc, fingerprint, old is not None))
    return pending


def mark_linked(db: sqlite3.Connection, document_id: str, fingerprint: str) -> None:
    db.execute(
        "INSERT INTO linked_documents (document_id, fingerprint) VALUES (?, ?)"
        " ON CONFLICT (document_id) DO UPDATE SET fingerprint = excluded.fingerprint,"
        " linked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        (document_id, fingerprint),
    )


def unlink_document(db: sqlite3.Connection, document_id: str) -> None:
    """Forget a document's links before it is linked again (its analysis changed)."""
    db.execute(
        "DELETE FROM claim_group_members WHERE claim_id IN"
        " (SELECT id FROM claims WHERE document_id = ?)",
        (document_id,),
    )
    db.execute("DELETE FROM story_documents WHERE document_id = ?", (document_id,))
    db.execute("DELETE FROM vectors WHERE kind = 'document' AND key = ?", (document_id,))
    # claims replaced by the re-analysis left vectors and possibly empty groups/stories
    db.execute("DELETE FROM vectors WHERE kind = 'claim' AND key NOT IN (SELECT id FROM claims)")
    db.execute(
        "DELETE FROM claim_groups WHERE id NOT IN (SELECT group_id FROM claim_group_members)"
    )
    db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_documents)")


# -- document features ----------------------------------------------------------------------


def link_profile(db: sqlite3.Connection, document_id: str) -> dict[str, Any]:
    """What linking reads about one document: text parts, entity counts, times, groups."""
    row = db.execute(
        "SELECT id, title, text, language, published FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        return {}
    actors = db.execute(
        "SELECT actor_id, COUNT(*) FROM mentions WHERE document_id = ? AND actor_id IS NOT NULL"
        " GROUP BY actor_id",
        (document_id,),
    ).fetchall()
    places = db.execute(
        "SELECT place_id, COUNT(*) FROM mentions WHERE document_id = ? AND place_id IS NOT NULL"
        " GROUP BY place_id",
        (document_id,),
    ).fetchall()
    times = db.execute(
        "SELECT COALESCE(range_start, value), COALESCE(range_end, value) FROM time_expressions"
        " WHERE document_id = ? AND COALESCE(range_start, value) IS NOT NULL",
        (document_id,),
    ).fetchall()
    groups = db.execute(
        "SELECT DISTINCT m.group_id FROM claim_group_members m JOIN claims c ON c.id = m.claim_id"
        " WHERE c.document_id = ?",
        (document_id,),
    ).fetchall()
    return {
        "id": row[0],
        "title": row[1] or "",
        "text": row[2] or "",
        "language": row[3],
        "published": row[4],
        "actors": {a: n for a, n in actors},
        "places": {p: n for p, n in places},
        "times": [(s, e) for s, e in times],
        "groups": sorted(g for (g,) in groups),
    }


def entity_frequencies(db: sqlite3.Connection, ids: Sequence[str]) -> tuple[int, dict[str, int]]:
    """Analysed documents in the store, and in how many of them each actor/place occurs."""
    total = db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    found: dict[str, int] = {}
    wanted = sorted(set(ids))
    for part in _chunks(wanted):
        marks = _marks(part)
        for column in ("actor_id", "place_id"):
            rows = db.execute(
                f"SELECT {column}, COUNT(DISTINCT document_id) FROM mentions"
                f" WHERE {column} IN ({marks}) GROUP BY {column}",
                list(part),
            ).fetchall()
            for key, n in rows:
                found[key] = max(found.get(key, 0), n)
    return int(total), found


def documents_sharing(
    db: sqlite3.Connection, entity_ids: Sequence[str], exclude: str, limit: int
) -> list[str]:
    """Documents mentioning the given actors/places (rarest-first ids), most recent first."""
    found: list[str] = []
    for key in entity_ids:
        rows = db.execute(
            "SELECT DISTINCT document_id FROM mentions WHERE (actor_id = ? OR place_id = ?)"
            " AND document_id != ? ORDER BY rowid DESC LIMIT ?",
            (key, key, exclude, limit),
        ).fetchall()
        found.extend(r[0] for r in rows if r[0] not in found)
        if len(found) >= limit:
            break
    return found[:limit]


# -- vectors --------------------------------------------------------------------------------


def load_vectors(
    db: sqlite3.Connection, kind: str, model: str, keys: Sequence[str] | None = None
) -> dict[str, np.ndarray]:
    if keys is None:
        rows = db.execute(
            "SELECT key, vector FROM vectors WHERE kind = ? AND model = ?", (kind, model)
        ).fetchall()
    else:
        rows = []
        for part in _chunks(sorted(set(keys))):
            rows += db.execute(
                f"SELECT key, vector FROM vectors WHERE kind = ? AND model = ?"
                f" AND key IN ({_marks(part)})",
                [kind, model, *part],
            ).fetchall()
    return {key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows}


def save_vectors(
    db: sqlite3.Connection, kind: str, model: str, vectors: dict[str, np.ndarray]
) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO vectors (kind, key, model, vector) VALUES (?,?,?,?)",
        [(kind, k, model, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()],
    )


# -- claims and groups ----------------------------------------------------------------------


def claims_by_ids(db: sqlite3.Connection, ids: Sequence[str]) -> list[Claim]:
    """Claims with actors and places, in three queries per chunk (no source chains)."""
    result: list[Claim] = []
    for part in _chunks(sorted(set(ids))):
        marks = _marks(part)
        actors: dict[str, dict[str, list[str]]] = {}
        for cid, role, actor in db.execute(
            f"SELECT claim_id, role, actor_id FROM claim_actors WHERE claim_id IN ({marks})"
            " ORDER BY claim_id, role, position",
            list(part),
        ):
            actors.setdefault(cid, {}).setdefault(role, []).append(actor)
        places: dict[str, list[str]] = {}
        for cid, place in db.execute(
            f"SELECT claim_id, place_id FROM claim_places WHERE claim_id IN ({marks})"
            " ORDER BY claim_id, position",
            list(part),
        ):
            places.setdefault(cid, []).append(place)
        rows = db.execute(
            'SELECT id, document_id, start, "end", text, content_start, content_end,'
            " content_text, relation, verb, time, modality, negated, language, backend"
            f" FROM claims WHERE id IN ({marks})",
            list(part),
        ).fetchall()
        for r in rows:
            roles = actors.get(r[0], {})
            result.append(
                Claim(
                    id=r[0], document_id=r[1], start=r[2], end=r[3], text=r[4],
                    content=Span(r[5], r[6], r[7]),
                    subjects=tuple(roles.get("subject", ())),
                    objects=tuple(roles.get("object", ())),
                    relation=r[8], verb=r[9], places=tuple(places.get(r[0], ())), time=r[10],
                    modality=r[11], negated=bool(r[12]), sources=(), language=r[13] or "",
                    backend=r[14],
                )
            )  # fmt: skip
    order = {cid: i for i, cid in enumerate(ids)}
    result.sort(key=lambda c: order.get(c.id, len(order)))
    return result


def actor_parents(db: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str | None]:
    """actor id -> its parent actor (the army's government, a ministry's state)."""
    result: dict[str, str | None] = {}
    for part in _chunks(sorted(set(ids))):
        rows = db.execute(
            f"SELECT id, parent FROM actors WHERE id IN ({_marks(part)})", list(part)
        ).fetchall()
        result.update({r[0]: r[1] for r in rows})
    return result


def document_claim_ids(db: sqlite3.Connection, document_id: str) -> list[str]:
    rows = db.execute(
        "SELECT id FROM claims WHERE document_id = ? ORDER BY start, content_start, id",
        (document_id,),
    ).fetchall()
    return [r[0] for r in rows]


def claim_candidates(
    db: sqlite3.Connection, claim: Claim, documents: Sequence[str], per_key: int
) -> list[str]:
    """Grouped claims of other documents that share an actor, or a place and the relation,
    or sit in one of ``documents`` (the vector neighbours of the claim's document)."""
    found: dict[str, None] = {}
    grouped = "JOIN claim_group_members m ON m.claim_id = x.claim_id"
    for actor in dict.fromkeys([*claim.subjects, *claim.objects]):
        rows = db.execute(
            f"SELECT x.claim_id FROM claim_actors x {grouped} WHERE x.actor_id = ?"
            " ORDER BY x.rowid DESC LIMIT ?",
            (actor, per_key),
        ).fetchall()
        found.update((r[0], None) for r in rows)
    for place in dict.fromkeys(claim.places):
        rows = db.execute(
            f"SELECT x.claim_id FROM claim_places x {grouped} JOIN claims c ON c.id = x.claim_id"
            " WHERE x.place_id = ? AND c.relation = ? ORDER BY x.rowid DESC LIMIT ?",
            (place, claim.relation, per_key),
        ).fetchall()
        found.update((r[0], None) for r in rows)
    for part in _chunks(list(documents)):
        rows = db.execute(
            "SELECT c.id FROM claims c JOIN claim_group_members m ON m.claim_id = c.id"
            f" WHERE c.document_id IN ({_marks(part)})",
            list(part),
        ).fetchall()
        found.update((r[0], None) for r in rows)
    found.pop(claim.id, None)
    return list(found)


def groups_of(db: sqlite3.Connection, claim_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """claim id -> (group id, stance)."""
    result: dict[str, tuple[str, str]] = {}
    for part in _chunks(list(claim_ids)):
        rows = db.execute(
            f"SELECT claim_id, group_id, stance FROM claim_group_members"
            f" WHERE claim_id IN ({_marks(part)})",
            list(part),
        ).fetchall()
        result.update({r[0]: (r[1], r[2]) for r in rows})
    return result


def group_info(db: sqlite3.Connection, group_id: str) -> tuple[str | None, list[str]]:
    """A group's anchor claim and its member claim ids."""
    row = db.execute("SELECT anchor FROM claim_groups WHERE id = ?", (group_id,)).fetchone()
    members = db.execute(
        "SELECT claim_id FROM claim_group_members WHERE group_id = ? ORDER BY rowid", (group_id,)
    ).fetchall()
    return (row[0] if row else None), [m[0] for m in members]


def save_group_member(
    db: sqlite3.Connection,
    group_id: str,
    claim_id: str,
    stance: str,
    similarity: float | None,
    label: str,
    relation: str | None,
) -> None:
    """Add a claim to a group, creating the group (anchored on this claim) if it is new."""
    db.execute(
        "INSERT INTO claim_groups (id, label, relation, anchor) VALUES (?,?,?,?)"
        " ON CONFLICT (id) DO UPDATE SET label = excluded.label",
        (group_id, label, relation, claim_id),
    )
    db.execute(
        "INSERT OR REPLACE INTO claim_group_members (claim_id, group_id, stance, similarity)"
        " VALUES (?,?,?,?)",
        (claim_id, group_id, stance, similarity),
    )


# -- stories --------------------------------------------------------------------------------


def stories_of(db: sqlite3.Connection, document_ids: Sequence[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for part in _chunks(list(document_ids)):
        rows = db.execute(
            f"SELECT document_id, story_id FROM story_documents"
            f" WHERE document_id IN ({_marks(part)})",
            list(part),
        ).fetchall()
        result.update({r[0]: r[1] for r in rows})
    return result


def story_members(db: sqlite3.Connection, story_id: str) -> list[str]:
    rows = db.execute(
        "SELECT document_id FROM story_documents WHERE story_id = ? ORDER BY rowid", (story_id,)
    ).fetchall()
    return [r[0] for r in rows]


def save_story_member(
    db: sqlite3.Connection, story_id: str, document_id: str, similarity: float | None, label: str
) -> None:
    db.execute(
        "INSERT INTO stories (id, label) VALUES (?, ?)"
        " ON CONFLICT (id) DO UPDATE SET label = excluded.label",
        (story_id, label),
    )
    db.execute(
        "INSERT OR REPLACE INTO story_documents (document_id, story_id, similarity) VALUES (?,?,?)",
        (document_id, story_id, similarity),
    )


def merge_stories(db: sqlite3.Connection, target: str, others: Sequence[str], label: str) -> None:
    """Move the documents of ``others`` into ``target`` (a new document bridged them)."""
    for other in others:
        db.execute("UPDATE story_documents SET story_id = ? WHERE story_id = ?", (target, other))
        db.execute("DELETE FROM stories WHERE id = ?", (other,))
    db.execute("UPDATE stories SET label = ? WHERE id = ?", (label, target))


# -- records --------------------------------------------------------------------------------


def claim_group_records(db: sqlite3.Connection, story: str | None = None) -> list[ClaimGroup]:
    sql = (
        "SELECT g.id, g.label, m.claim_id, m.stance, c.document_id, c.language"
        " FROM claim_groups g JOIN claim_group_members m ON m.group_id = g.id"
        " JOIN claims c ON c.id = m.claim_id"
    )
    params: list[Any] = []
    if story is not None:
        sql += (
            " WHERE g.id IN (SELECT m2.group_id FROM claim_group_members m2"
            " JOIN claims c2 ON c2.id = m2.claim_id JOIN story_documents s"
            " ON s.document_id = c2.document_id WHERE s.story_id = ?)"
        )
        params.append(story)
    sql += " ORDER BY g.created, g.id, m.rowid"
    groups: dict[str, dict[str, Any]] = {}
    for gid, label, cid, stance, doc, lang in db.execute(sql, params):
        g = groups.setdefault(
            gid, {"label": label, "claims": [], "docs": {}, "langs": {}, "contra": []}
        )
        g["claims"].append(cid)
        g["docs"][doc] = None
        if lang:
            g["langs"][lang] = None
        if stance == "contradict":
            g["contra"].append(cid)
    return [
        ClaimGroup(
            id=gid, label=g["label"], claims=tuple(g["claims"]), documents=tuple(g["docs"]),
            languages=tuple(sorted(g["langs"])), contradicting=tuple(g["contra"]),
        )
        for gid, g in groups.items()
    ]  # fmt: skip


def story_records(db: sqlite3.Connection) -> list[Story]:
    stories: dict[str, tuple[str, list[str]]] = {}
    for sid, label, doc in db.execute(
        "SELECT s.id, s.label, d.document_id FROM stories s JOIN story_documents d"
        " ON d.story_id = s.id ORDER BY s.created, s.id, d.rowid"
    ):
        stories.setdefault(sid, (label, []))[1].append(doc)
    return [Story(id=sid, label=label, documents=tuple(d)) for sid, (label, d) in stories.items()]


# -- test and benchmark data -----------------------------------------------------------------


def insert_linkable(
    db: sqlite3.Connection,
    doc: Document,
    entities: Sequence[tuple[str, str, str]],
    claims: Sequence[Claim] = (),
    version: str = "synthetic",
) -> None:
    """Write a document as if ingested and analysed: ``entities`` are (kind, id, name) with
    kind ``actor`` or ``place``, one per mention. For tests and benchmarks that need linkable
    documents without running the NLP stages; ingest and analyse write the same tables."""
    from claimtrace.store.sqlite_claims import save_claims

    db.execute(
        "INSERT INTO documents (id, title, text, language, languages, published, outlet, record)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (
            doc.id, doc.title, doc.text, doc.language, json.dumps(doc.languages), doc.published,
            doc.outlet, json.dumps(doc.to_dict(), ensure_ascii=False),
        ),
    )  # fmt: skip
    for kind, key, name in entities:
        table = "actors (id, name, type)" if kind == "actor" else "places (id, name, kind)"
        db.execute(f"INSERT OR IGNORE INTO {table} VALUES (?, ?, ?)", (key, name, "synthetic"))
    db.executemany(
        'INSERT INTO mentions (document_id, start, "end", text, label, language, backend,'
        " actor_id, place_id) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (doc.id, i, i + 1, name, "ORG" if kind == "actor" else "GPE", doc.language,
             "synthetic", key if kind == "actor" else None, key if kind == "place" else None)
            for i, (kind, key, name) in enumerate(entities)
        ],
    )  # fmt: skip
    save_claims(db, doc.id, (), claims)
    db.execute(
        "INSERT INTO analyses (document_id, version) VALUES (?, ?) ON CONFLICT (document_id)"
        " DO UPDATE SET version = excluded.version,"
        " analysed_at = strftime('%Y-%m-%dT%H:%M:%f', 'now')",
        (doc.id, version),
    )
