"""Which entity a search term names, and its other names: the actor table, the gazetteer,
and what this store's analysis linked (every form its mentions of the entity take), with
the analyst's corrections applied (merged actors answer to each other's names; a rejected
one to none)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from claimtrace.kb import aliases
from claimtrace.kb.corrections import Corrections
from claimtrace.store.search_syntax import Term

# a term names a stored entity when at least this share of its linked mentions link to it
_MIN_SHARE = 0.5
_FORMS = 20  # most frequent forms of an entity in the store


def entity_expander(
    db: sqlite3.Connection, corrections: Corrections
) -> Callable[[Term], tuple[list[str], bool]]:
    """For build_query: a term's other names, and whether they replace the term (a term
    that is an everyday word too, "IS")."""
    cache: dict[str, list[str]] = {}

    def expand(term: Term) -> tuple[list[str], bool]:
        key = term.raw or term.text
        if key not in cache:
            cache[key] = other_names(db, corrections, key)
        return cache[key], not aliases.usable(key)

    return expand


def named_entities(
    db: sqlite3.Connection, corrections: Corrections, term: str
) -> tuple[set[str], set[str]]:
    """(actor ids, place ids) the term names."""
    actors: set[str] = set()
    places: set[str] = set()
    table_actor = aliases.actor_named(term)
    if table_actor is not None:
        resolved = corrections.resolve(table_actor, None, None)
        if resolved:
            actors.add(resolved)
    place = aliases.place_named(term)
    if place is not None:
        places.add(place.id)
    rows = db.execute(
        "SELECT actor_id, place_id, COUNT(*) FROM mentions WHERE text = ? COLLATE NOCASE"
        " AND (actor_id IS NOT NULL OR place_id IS NOT NULL) GROUP BY actor_id, place_id",
        (term,),
    ).fetchall()
    total = sum(n for _, _, n in rows)
    for actor_id, place_id, n in rows:
        if n >= _MIN_SHARE * total:
            if actor_id:
                actors.add(actor_id)
            elif place_id:
                places.add(place_id)
    return actors, places


def other_names(db: sqlite3.Connection, corrections: Corrections, term: str) -> list[str]:
    """The other names of whatever the term names, best first (empty: it names nothing)."""
    if not aliases.usable(term) and aliases.actor_named(term) is None:
        return []
    actors, places = named_entities(db, corrections, term)
    names: list[str] = []
    for actor_id in sorted(actors):
        names += _stored_forms(db, "actor_id", actor_id)
        row = db.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is not None:
            names.append(row[0])
        for member in sorted(corrections.merged_into(actor_id)):
            names += aliases.actor_names(member)
    for place_id in sorted(places):
        names += _stored_forms(db, "place_id", place_id)
        place = aliases.place_by_id(place_id)
        if place is not None:
            names += aliases.place_names(place)
    return aliases.keep_usable(names, term)


def _stored_forms(db: sqlite3.Connection, column: str, entity: str) -> list[str]:
    rows = db.execute(
        f"SELECT text FROM mentions WHERE {column} = ? GROUP BY text"
        " ORDER BY COUNT(*) DESC, text LIMIT ?",
        (entity, _FORMS),
    ).fetchall()
    return [row[0] for row in rows]
