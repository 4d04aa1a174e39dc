"""The analyst's corrections in the store (migration 010): recorded, undone, and applied to
what analysis wrote (mentions, claim subjects/objects/sources, actor names and types).

Every row that carries an actor or place id keeps the id analysis found (``found_*``) next
to the corrected one, so applying or undoing a correction recomputes the corrected ids of the
rows it touches from what was found, and a re-analysis writes found and corrected ids again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from claimtrace.errors import ClaimtraceError, NotFoundError
from claimtrace.kb.corrections import (
    ACTIONS,
    ENTITY_TYPES,
    Correction,
    Corrections,
    split_actor_id,
)

_COLUMNS = (
    "id, action, entity, target, alias, document_id, value, note, analyst, created_at,"
    " undone_at, undone_by"
)


def _record(row: sqlite3.Row) -> Correction:
    return Correction(
        action=row["action"], entity=row["entity"], target=row["target"], alias=row["alias"],
        document_id=row["document_id"], value=row["value"], note=row["note"],
        analyst=row["analyst"], id=row["id"], created_at=row["created_at"],
        undone_at=row["undone_at"], undone_by=row["undone_by"],
    )  # fmt: skip


def has_table(db: sqlite3.Connection) -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'corrections'"
    ).fetchone()
    return row is not None


def list_corrections(db: sqlite3.Connection, include_undone: bool = False) -> list[Correction]:
    if not has_table(db):
        return []
    sql = f"SELECT {_COLUMNS} FROM corrections"
    if not include_undone:
        sql += " WHERE undone_at IS NULL"
    return [_record(row) for row in db.execute(sql + " ORDER BY id")]


def active(db: sqlite3.Connection) -> Corrections:
    return Corrections(list_corrections(db))


def add(db: sqlite3.Connection, c: Correction) -> Correction:
    """Record a correction and apply it to the rows it touches (in the caller's
    transaction)."""
    if c.action == "split" and c.target:
        db.execute(
            "INSERT INTO actors (id, name, type, country, parent, found_name, found_type)"
            " SELECT ?, ?, type, country, parent, ?, type FROM actors WHERE id = ?"
            " ON CONFLICT (id) DO NOTHING",
            (c.target, c.value, c.value, c.entity),
        )
    new_id = db.execute(
        "INSERT INTO corrections (action, entity, target, alias, document_id, value, note,"
        " analyst) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
        (c.action, c.entity, c.target, c.alias, c.document_id, c.value, c.note, c.analyst),
    ).fetchone()[0]
    row = db.execute(f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", (new_id,)).fetchone()
    stored = _record(row)
    reapply(db, [stored])
    return stored


def undo(db: sqlite3.Connection, correction_id: int, analyst: str) -> Correction:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", (correction_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"correction {correction_id} was not found")
    if row["undone_at"] is not None:
        raise NotFoundError(
            f"correction {correction_id} was already undone on {row['undone_at']}"
            f" by {row['undone_by']}"
        )
    db.execute(
        "UPDATE corrections SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
        " undone_by = ? WHERE id = ?",
        (analyst, correction_id),
    )
    changed = _record(
        db.execute(f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", (correction_id,)).fetchone()
    )
    reapply(db, [changed])
    return changed


def reapply(db: sqlite3.Connection, changed: Sequence[Correction]) -> None:
    """Recompute every corrected id, name and type that ``changed`` corrections may touch,
    from what analysis found and the corrections now active."""
    corrections = active(db)
    ids = {x for c in changed for x in (c.entity, c.target) if x}
    ids |= {x for c in corrections.items for x in (c.entity, c.target) if x}
    touched = sorted(ids)
    documents: set[str] = set()
    counted: set[tuple[str, str]] = set()
    for column, kind in (("actor_id", "actor"), ("place_id", "place")):
        documents |= _remap_mentions(db, corrections, column, touched, counted, kind)
    documents |= _remap_claims(db, corrections, touched)
    _restore_labels(db, corrections, touched)
    _recount(db, counted)
    for document_id in sorted(documents):
        db.execute("DELETE FROM link_queue WHERE document_id = ?", (document_id,))
        db.execute("INSERT INTO link_queue (document_id) VALUES (?)", (document_id,))


def _remap_mentions(
    db: sqlite3.Connection, corrections: Corrections, column: str, touched: Sequence[str],
    counted: set[tuple[str, str]], kind: str,
) -> set[str]:  # fmt: skip
    found_column = "found_" + column
    marks = ",".join("?" * len(touched))
    rows = db.execute(
        f"SELECT rowid, document_id, text, COALESCE({found_column}, {column}) AS found,"
        f" {column} AS now FROM mentions"
        f" WHERE {found_column} IN ({marks}) OR {column} IN ({marks})",
        [*touched, *touched],
    ).fetchall()
    documents = set()
    for row in rows:
        new = corrections.resolve(row["found"], row["document_id"], row["text"])
        if new != row["now"]:
            db.execute(
                f"UPDATE mentions SET {column} = ?, {found_column} = ? WHERE rowid = ?",
                (new, row["found"], row["rowid"]),
            )
            documents.add(row["document_id"])
            counted.update((kind, x) for x in (new, row["now"]) if x)
    return documents


def _remap_claims(
    db: sqlite3.Connection, corrections: Corrections, touched: Sequence[str]
) -> set[str]:
    marks = ",".join("?" * len(touched))
    documents = set()
    for table in ("claim_actors", "claim_sources"):
        rows = db.execute(
            f"SELECT x.rowid, c.document_id, COALESCE(x.found_actor_id, x.actor_id) AS found,"
            f" x.actor_id AS now"
            f" FROM {table} x JOIN claims c ON c.id = x.claim_id"
            f" WHERE x.found_actor_id IN ({marks}) OR x.actor_id IN ({marks})",
            [*touched, *touched],
        ).fetchall()
        refs: dict[str, dict[str, set[str | None]]] = {}
        for row in rows:
            doc = row["document_id"]
            if doc not in refs:
                refs[doc] = mention_resolutions(db, doc)
            new = resolve_reference(corrections, row["found"], doc, refs[doc])
            if new != row["now"]:
                db.execute(
                    f"UPDATE {table} SET actor_id = ?, found_actor_id = ? WHERE rowid = ?",
                    (new, row["found"], row["rowid"]),
                )
                documents.add(doc)
    return documents


def mention_resolutions(db: sqlite3.Connection, document_id: str) -> dict[str, set[str | None]]:
    """Found actor id -> the ids its mentions in the document resolve to."""
    out: dict[str, set[str | None]] = {}
    for found, now in db.execute(
        "SELECT COALESCE(found_actor_id, actor_id), actor_id FROM mentions"
        " WHERE document_id = ? AND COALESCE(found_actor_id, actor_id) IS NOT NULL",
        (document_id,),
    ):
        out.setdefault(found, set()).add(now)
    return out


def resolve_reference(
    corrections: Corrections, found: str | None, document_id: str,
    mentions: Mapping[str, set[str | None]],
) -> str | None:  # fmt: skip
    """A claim's reference to an actor (no surface form of its own): what the document's
    mentions of that actor resolve to when they agree, else the corrections without aliases."""
    seen = mentions.get(found or "")
    if seen is not None and len(seen) == 1:
        return next(iter(seen))
    return corrections.resolve(found, document_id, None)


def _restore_labels(
    db: sqlite3.Connection, corrections: Corrections, touched: Sequence[str]
) -> None:
    marks = ",".join("?" * len(touched))
    db.execute(
        f"UPDATE actors SET name = COALESCE(found_name, name), type = COALESCE(found_type, type)"
        f" WHERE id IN ({marks})",
        list(touched),
    )
    for actor_id, name in corrections.names().items():
        db.execute("UPDATE actors SET name = ? WHERE id = ?", (name, actor_id))
    for actor_id, kind in corrections.types().items():
        db.execute("UPDATE actors SET type = ? WHERE id = ?", (kind, actor_id))


def _recount(db: sqlite3.Connection, counted: Iterable[tuple[str, str]]) -> None:
    """entity_documents (migration 008) for entities whose mentions changed: its triggers
    follow inserts and deletes only."""
    for kind, entity in counted:
        column = "actor_id" if kind == "actor" else "place_id"
        n = db.execute(
            f"SELECT COUNT(DISTINCT document_id) FROM mentions WHERE {column} = ?", (entity,)
        ).fetchone()[0]
        db.execute(
            "INSERT INTO entity_documents (kind, entity_id, documents) VALUES (?,?,?)"
            " ON CONFLICT (kind, entity_id) DO UPDATE SET documents = excluded.documents",
            (kind, entity, n),
        )


def entity_exists(db: sqlite3.Connection, entity_id: str) -> str | None:
    """'actor' or 'place' when the id is stored, else None."""
    if db.execute("SELECT 1 FROM actors WHERE id = ?", (entity_id,)).fetchone():
        return "actor"
    if db.execute("SELECT 1 FROM places WHERE id = ?", (entity_id,)).fetchone():
        return "place"
    return None


def find_entity(db: sqlite3.Connection, ref: str) -> list[tuple[str, str, str]]:
    """(kind, id, name) of the stored entities ``ref`` names: an exact id, else a name
    (case-insensitive)."""
    kind = entity_exists(db, ref)
    if kind is not None:
        table = "actors" if kind == "actor" else "places"
        name = db.execute(f"SELECT name FROM {table} WHERE id = ?", (ref,)).fetchone()[0]
        return [(kind, ref, name)]
    found = [
        ("actor", row[0], row[1])
        for row in db.execute(
            "SELECT id, name FROM actors WHERE name = ? COLLATE NOCASE ORDER BY id", (ref,)
        )
    ]
    found += [
        ("place", row[0], row[1])
        for row in db.execute(
            "SELECT id, name FROM places WHERE name = ? COLLATE NOCASE ORDER BY id", (ref,)
        )
    ]
    return found


def about(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Entity id -> the active corrections naming it, for listings and exports."""
    wanted = set(ids)
    out: dict[str, list[dict[str, Any]]] = {}
    for c in list_corrections(db):
        for x in {c.entity, c.target}:
            if x in wanted:
                out.setdefault(x, []).append(
                    {"id": c.id, "action": c.action, "what": c.describe(),
                     "analyst": c.analyst, "at": c.created_at}
                )  # fmt: skip
    return out


def _one(db: sqlite3.Connection, ref: str, role: str) -> tuple[str, str, str]:
    found = find_entity(db, ref)
    if not found:
        raise NotFoundError(f"{role} {ref!r}: no actor or place with this id or name is stored")
    if len(found) > 1:
        ids = ", ".join(f"{x[1]} [{x[0]}]" for x in found)
        raise ClaimtraceError(f"{role} {ref!r} is ambiguous: it names {ids}; give an id")
    return found[0]


def _covered(
    db: sqlite3.Connection, kind: str, entity: str, alias: str | None, document: str | None
) -> int:
    column = "actor_id" if kind == "actor" else "place_id"
    sql = f"SELECT text FROM mentions WHERE {column} = ?"
    params: list[Any] = [entity]
    if document is not None:
        sql += " AND document_id = ?"
        params.append(document)
    probe = Correction("reject", entity, alias=alias)
    return sum(1 for (text,) in db.execute(sql, params) if probe.covers(None, text))


def make(
    db: sqlite3.Connection, action: str, entity_ref: str, *, others: Sequence[str] = (),
    alias: str | None = None, document: str | None = None, value: str | None = None,
    into: str | None = None, note: str | None = None, analyst: str,
) -> list[Correction]:  # fmt: skip
    """Check a correction against the store and record it (merge records one per actor
    merged). Raises ClaimtraceError naming the input and the reason when it cannot apply."""
    if action not in ACTIONS:
        raise ClaimtraceError(f"unknown correction {action!r}; one of {', '.join(ACTIONS)}")
    if not analyst.strip():
        raise ClaimtraceError("the analyst making a correction must be named")
    kind, entity, name = _one(db, entity_ref, "entity")
    base: dict[str, Any] = {"note": note, "analyst": analyst}
    if action == "merge":
        if not others:
            raise ClaimtraceError(f"merge {entity_ref!r}: name at least one entity to merge in")
        made = []
        for ref in others:
            other_kind, other, _ = _one(db, ref, "merged entity")
            if other == entity:
                raise ClaimtraceError(f"merge: {ref!r} is {entity} itself")
            if other_kind != kind:
                raise ClaimtraceError(
                    f"merge: {ref!r} is a {other_kind} and {entity_ref!r} a {kind}; only"
                    " actors with actors and places with places merge"
                )
            made.append(Correction("merge", other, target=entity, **base))
        return [add(db, c) for c in made]
    if action in ("rename", "retype"):
        if kind != "actor":
            raise ClaimtraceError(f"{action} {entity_ref!r}: only actors can be {action}d")
        if not value or not value.strip():
            raise ClaimtraceError(f"{action} {entity_ref!r}: the new value is empty")
        value = " ".join(value.split())
        if action == "retype" and value not in ENTITY_TYPES:
            raise ClaimtraceError(
                f"retype {entity_ref!r}: unknown type {value!r}; one of"
                f" {', '.join(sorted(ENTITY_TYPES))} (a name that is no actor: reject it)"
            )
        return [add(db, Correction(action, entity, value=value, **base))]
    if document is not None:
        row = db.execute("SELECT id FROM documents WHERE id = ?", (document,)).fetchone()
        if row is None:
            raise NotFoundError(f"document {document!r} was not found")
    if action == "split":
        if kind != "actor":
            raise ClaimtraceError(f"split {entity_ref!r}: only actors can be split")
        if alias is None and document is None:
            raise ClaimtraceError(f"split {entity_ref!r}: give --alias or --document")
    if not _covered(db, kind, entity, alias, document):
        where = (f" written {alias!r}" if alias else "") + (f" in {document}" if document else "")
        raise ClaimtraceError(f"{action} {entity_ref!r}: no mention of {entity}{where} is stored")
    if action == "reject":
        return [add(db, Correction("reject", entity, alias=alias, document_id=document, **base))]
    if into is not None:
        into_kind, target, value = _one(db, into, "split target")
        if into_kind != "actor" or target == entity:
            raise ClaimtraceError(f"split: {into!r} must be another actor")
    else:
        value = (value or alias or f"{name} ({document})").strip()
        target = split_actor_id(entity, alias, document, value)
    split = Correction(
        "split", entity, target=target, alias=alias, document_id=document, value=value, **base
    )
    return [add(db, split)]
