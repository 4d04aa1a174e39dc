"""SQL for cross-document linking: vectors, claim groups, stories (migration 004)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from claimtrace.nlp.claims.relations import BY_CODE, RELATIONS
from claimtrace.records import Claim, ClaimGroup, Document, Span, Story

_CHUNK = 500  # ids per IN (...) list, well below SQLite's variable limit


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


# -- what to link ---------------------------------------------------------------------------


def documents_to_link(db: sqlite3.Connection) -> list[tuple[str, str, bool]]:
    """(document id, queue position, linked before) of the documents waiting to be linked,
    queued by the store when their analysis or claims were written (migration 007).

    In ingest order (the documents' row order): an order that holds however and in whatever
    order the documents were analysed (parallel workers finish in any order)."""
    rows = db.execute(
        "SELECT q.document_id, q.seq, l.document_id IS NOT NULL FROM link_queue q"
        " JOIN analyses a ON a.document_id = q.document_id"
        " JOIN documents d ON d.id = q.document_id"
        " LEFT JOIN linked_documents l ON l.document_id = q.document_id"
        " ORDER BY d.rowid"
    ).fetchall()
    return [(doc, str(seq), bool(before)) for doc, seq, before in rows]


def mark_linked(db: sqlite3.Connection, document_id: str, fingerprint: str) -> None:
    """Record the document as linked from the analysis queued at ``fingerprint`` (its queue
    position): queued again since, it stays in the queue."""
    db.execute(
        "INSERT INTO linked_documents (document_id, fingerprint) VALUES (?, ?)"
        " ON CONFLICT (document_id) DO UPDATE SET fingerprint = excluded.fingerprint,"
        " linked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        (document_id, fingerprint),
    )
    db.execute(
        "DELETE FROM link_queue WHERE document_id = ? AND seq <= ?",
        (document_id, int(fingerprint) if fingerprint.isdigit() else 1 << 62),
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
    db.execute(
        "DELETE FROM vectors WHERE kind IN ('claim', 'claim-check')"
        " AND key NOT IN (SELECT id FROM claims)"
    )
    db.execute(
        "DELETE FROM claim_groups WHERE id NOT IN (SELECT group_id FROM claim_group_members)"
    )
    db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_documents)")


# -- document features ----------------------------------------------------------------------


def link_profile(db: sqlite3.Connection, document_id: str) -> dict[str, Any]:
    """What linking reads about one document: text parts, entity counts, times, groups."""
    return link_profiles(db, [document_id]).get(document_id, {})


def link_profiles(db: sqlite3.Connection, document_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``link_profile`` of many documents in five queries per chunk (a story's candidates and
    members: 20 to 50 documents each time one is linked)."""
    result: dict[str, dict[str, Any]] = {}
    for part in _chunks(sorted(set(document_ids))):
        marks = _marks(part)
        for row in db.execute(
            f"SELECT id, title, text, language, published FROM documents WHERE id IN ({marks})",
            list(part),
        ).fetchall():
            result[row[0]] = {
                "id": row[0], "title": row[1] or "", "text": row[2] or "", "language": row[3],
                "published": row[4], "actors": {}, "places": {}, "times": [], "groups": [],
            }  # fmt: skip
        for column, key in (("actor_id", "actors"), ("place_id", "places")):
            for doc, entity, count in db.execute(
                f"SELECT document_id, {column}, COUNT(*) FROM mentions"
                f" WHERE document_id IN ({marks}) AND {column} IS NOT NULL"
                f" GROUP BY document_id, {column} ORDER BY document_id, {column}",
                list(part),
            ).fetchall():
                if doc in result:
                    result[doc][key][entity] = count
        for doc, first, last in db.execute(
            "SELECT document_id, COALESCE(range_start, value), COALESCE(range_end, value)"
            f" FROM time_expressions WHERE document_id IN ({marks})"
            ' AND COALESCE(range_start, value) IS NOT NULL ORDER BY document_id, start, "end"',
            list(part),
        ).fetchall():
            if doc in result:
                result[doc]["times"].append((first, last))
        for doc, group in db.execute(
            "SELECT DISTINCT c.document_id, m.group_id FROM claim_group_members m"
            f" JOIN claims c ON c.id = m.claim_id WHERE c.document_id IN ({marks})"
            " ORDER BY c.document_id, m.group_id",
            list(part),
        ).fetchall():
            if doc in result:
                result[doc]["groups"].append(group)
    return result


def entity_frequencies(db: sqlite3.Connection, ids: Sequence[str]) -> tuple[int, dict[str, int]]:
    """Analysed documents in the store, and in how many of them each actor/place occurs
    (counts the store keeps as mentions are written, migration 008)."""
    total = db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    found: dict[str, int] = {}
    for part in _chunks(sorted(set(ids))):
        rows = db.execute(
            "SELECT entity_id, MAX(documents) FROM entity_documents"
            f" WHERE kind IN ('actor', 'place') AND entity_id IN ({_marks(part)})"
            " GROUP BY entity_id",
            list(part),
        ).fetchall()
        found.update({key: int(n) for key, n in rows if n > 0})
    return int(total), found


def documents_sharing(
    db: sqlite3.Connection, entity_ids: Sequence[str], exclude: str, limit: int
) -> list[str]:
    """Documents mentioning the given actors/places (rarest-first ids), most recent first."""
    found: dict[str, None] = {}
    for key in entity_ids:
        for column in ("actor_id", "place_id"):
            # newest mentions through the index, no sort over every mention of the entity
            rows = db.execute(
                f"SELECT document_id FROM mentions WHERE {column} = ? ORDER BY rowid DESC LIMIT ?",
                (key, 4 * limit),
            ).fetchall()
            found.update((r[0], None) for r in rows if r[0] != exclude)
        if len(found) >= limit:
            break
    return list(found)[:limit]


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
                # "+model": look up by (kind, key), never scan every vector of the model
                f"SELECT key, vector FROM vectors WHERE kind = ? AND +model = ?"
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


def store_uid(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM link_meta WHERE key = 'store_uid'").fetchone()
    return str(row[0])


def vector_stats(db: sqlite3.Connection, kind: str, model: str) -> tuple[int, int]:
    """How many vectors of a kind and model are stored, and the highest vector id of any."""
    count = db.execute(
        "SELECT COUNT(*) FROM vectors WHERE kind = ? AND model = ?", (kind, model)
    ).fetchone()[0]
    top = db.execute("SELECT COALESCE(MAX(id), 0) FROM vectors").fetchone()[0]
    return int(count), int(top)


def vectors_after(
    db: sqlite3.Connection, kind: str, model: str, after: int, limit: int
) -> list[tuple[int, np.ndarray]]:
    """(id, vector) of the stored vectors of a kind and model with an id above ``after``."""
    rows = db.execute(
        "SELECT id, vector FROM vectors WHERE kind = ? AND model = ? AND id > ?"
        " ORDER BY id LIMIT ?",
        (kind, model, after, limit),
    ).fetchall()
    return [(int(i), np.frombuffer(blob, dtype=np.float32)) for i, blob in rows]


def vector_ids(db: sqlite3.Connection, kind: str, keys: Sequence[str]) -> dict[str, int]:
    """key -> vector id of the stored vectors of a kind."""
    result: dict[str, int] = {}
    for part in _chunks(list(keys)):
        rows = db.execute(
            f"SELECT key, id FROM vectors WHERE kind = ? AND key IN ({_marks(part)})",
            [kind, *part],
        ).fetchall()
        result.update({r[0]: int(r[1]) for r in rows})
    return result


def vector_keys(db: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    """vector id -> its key (claim or document id), for the ids that still have a vector."""
    result: dict[int, str] = {}
    for part in _chunks(list(ids)):  # type: ignore[arg-type]
        rows = db.execute(
            f"SELECT id, key FROM vectors WHERE id IN ({_marks(part)})", list(part)
        ).fetchall()
        result.update({int(r[0]): r[1] for r in rows})
    return result


# -- claims and groups ----------------------------------------------------------------------


def claims_by_ids(db: sqlite3.Connection, ids: Sequence[str]) -> list[Claim]:
    """Claims with actors and places, in three queries per chunk (no source chains)."""
    result: list[Claim] = []
    for part in _chunks(sorted(set(ids))):
        marks = _marks(part)
        actors: dict[str, dict[str, list[str]]] = {}
        for cid, role, actor in db.execute(
            f"SELECT claim_id, role, actor_id FROM claim_actors WHERE claim_id IN ({marks})"
            " AND actor_id IS NOT NULL ORDER BY claim_id, role, position",
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


def grouped_postings(
    db: sqlite3.Connection, actors: Sequence[str], places: Sequence[tuple[str, str]], per_key: int
) -> dict[tuple[str, ...], list[str]]:
    """The ``per_key`` most recently written grouped claims naming each actor (key
    ``("actor", id)``), and naming each place with a relation of the given one's PLOVER
    category (key ``("place", id, relation)``), newest first: one indexed query per key,
    never a scan of every claim of a common actor."""
    found: dict[tuple[str, ...], list[str]] = {}
    grouped = "JOIN claim_group_members m ON m.claim_id = x.claim_id"
    for actor in dict.fromkeys(actors):
        rows = db.execute(
            f"SELECT x.claim_id FROM claim_actors x {grouped} WHERE x.actor_id = ?"
            " ORDER BY x.rowid DESC LIMIT ?",
            (actor, per_key),
        ).fetchall()
        found[("actor", actor)] = list(dict.fromkeys(r[0] for r in rows))
    for place, relation in dict.fromkeys(places):
        relations = related_relations(relation)
        rows = db.execute(
            f"SELECT x.claim_id FROM claim_places x {grouped} JOIN claims c ON c.id = x.claim_id"
            f" WHERE x.place_id = ? AND c.relation IN ({_marks(relations)})"
            " ORDER BY x.rowid DESC LIMIT ?",
            (place, *relations, per_key),
        ).fetchall()
        found[("place", place, relation)] = list(dict.fromkeys(r[0] for r in rows))
    return found


def related_relations(code: str) -> list[str]:
    """The code and the other codes of its PLOVER category ("withdraw" and "hand_over")."""
    family = BY_CODE.get(code)
    if family is None or not family.plover:
        return [code]
    return [code, *(r.code for r in RELATIONS if r.plover == family.plover and r.code != code)]


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


def group_members(
    db: sqlite3.Connection, group_ids: Sequence[str], limit: int
) -> dict[str, list[str]]:
    """group id -> the claim ids of its ``limit`` latest members, oldest first."""
    result: dict[str, list[str]] = {g: [] for g in group_ids}
    for part in _chunks(list(group_ids)):
        rows = db.execute(
            "SELECT group_id, claim_id FROM (SELECT group_id, claim_id, rowid AS r,"
            " ROW_NUMBER() OVER (PARTITION BY group_id ORDER BY rowid DESC) AS n"
            f" FROM claim_group_members WHERE group_id IN ({_marks(part)})) AS latest"
            " WHERE n <= ? ORDER BY r",
            [*part, limit],
        ).fetchall()
        for group, claim in rows:
            result[group].append(claim)
    return result


def group_info(
    db: sqlite3.Connection, group_id: str, limit: int = -1
) -> tuple[str | None, list[str]]:
    """A group's anchor claim and its member claim ids (the ``limit`` latest, oldest first)."""
    row = db.execute("SELECT anchor FROM claim_groups WHERE id = ?", (group_id,)).fetchone()
    members = db.execute(
        "SELECT claim_id FROM claim_group_members WHERE group_id = ? ORDER BY rowid DESC LIMIT ?",
        (group_id, limit),
    ).fetchall()
    return (row[0] if row else None), [m[0] for m in reversed(members)]


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


def story_members(db: sqlite3.Connection, story_id: str, limit: int = -1) -> list[str]:
    """A story's documents (the ``limit`` latest), oldest first."""
    rows = db.execute(
        "SELECT document_id FROM story_documents WHERE story_id = ? ORDER BY rowid DESC LIMIT ?",
        (story_id, limit),
    ).fetchall()
    return [r[0] for r in reversed(rows)]


def story_size(db: sqlite3.Connection, story_id: str) -> int:
    return int(
        db.execute(
            "SELECT COUNT(*) FROM story_documents WHERE story_id = ?", (story_id,)
        ).fetchone()[0]
    )


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


def merge_groups(db: sqlite3.Connection, target: str, others: Sequence[str]) -> None:
    """Move the members of ``others`` into ``target`` (a new claim matched them all: the same
    fact first told in languages the encoder could not join); watches on a merged group
    follow its members, and the merged id is kept as a name of the group (``merged_groups``)."""
    for other in others:
        db.execute(
            "UPDATE claim_group_members SET group_id = ? WHERE group_id = ?", (target, other)
        )
        db.execute(
            "UPDATE watches SET target = ? WHERE kind = 'group' AND target = ?", (target, other)
        )
        db.execute("DELETE FROM claim_groups WHERE id = ?", (other,))
        db.execute("UPDATE merged_groups SET into_id = ? WHERE into_id = ?", (target, other))
        db.execute(
            "INSERT INTO merged_groups (id, into_id) VALUES (?, ?)"
            " ON CONFLICT (id) DO UPDATE SET into_id = excluded.into_id",
            (other, target),
        )


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
