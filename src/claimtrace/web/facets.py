"""Search with facets: the ranked hits of a full-text search (the first ``DEPTH``), counted
and narrowed by language, outlet, month of publication, the actors a document mentions and
the relations and modalities of its claims."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from claimtrace import api
from claimtrace.store import SearchHit

DEPTH = 500  # hits counted; a query matching more shows the best DEPTH
SHOWN_VALUES = 12
FACETS = ("language", "outlet", "date", "actor", "relation", "modality")
_CHUNK = 400  # ids per IN (...) list, under SQLite's parameter limit


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class FacetedHits:
    hits: list[SearchHit]  # the hits with every selected value, best first
    matched: int  # hits before narrowing (at most DEPTH)
    facets: dict[str, list[FacetValue]]  # facet -> its values among ``hits``, most first
    selected: dict[str, str]


def faceted_search(
    query: str, db: str, selected: Mapping[str, str], depth: int = DEPTH
) -> FacetedHits:
    chosen = {k: v for k, v in selected.items() if k in FACETS and v}
    found = api.search_page(query, db, None, 0, depth, snippets=False)  # ranked, no cut yet
    hits = [h for h in found if all(v in _fields(h)[k] for k, v in chosen.items() if k in _HIT)]
    with api.opened(db, read_only=True) as store:
        connection: Any = getattr(store, "db", None)
        stored = {k: v for k, v in chosen.items() if k in _STORED}
        if stored and connection is not None:
            keep = _holding(connection, [h.document_id for h in hits], stored)
            hits = [h for h in hits if h.document_id in keep]
        counted = {f: Counter(v for h in hits for v in _fields(h)[f]) for f in _HIT}
        names: dict[str, str] = {}
        if connection is not None:  # a store without SQL access: the hit fields only
            counted.update(_counts(connection, [h.document_id for h in hits]))
            names = _actor_names(connection, counted.get("actor", Counter()), chosen)
    facets = {}
    for facet in FACETS:
        counts = counted.get(facet, Counter())
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:SHOWN_VALUES]
        if facet in chosen and chosen[facet] not in dict(ranked):
            ranked.append((chosen[facet], counts.get(chosen[facet], 0)))
        facets[facet] = [FacetValue(v, names.get(v, v), n) for v, n in ranked]
    return FacetedHits(hits, len(found), facets, chosen)


_HIT = ("language", "outlet", "date")  # read from the hit itself
_STORED = {  # facet -> the table and column that give a document its values
    "relation": ("claims", "relation"),
    "modality": ("claims", "modality"),
    "actor": ("mentions", "actor_id"),
}


def _fields(hit: SearchHit) -> dict[str, set[str]]:
    return {
        "language": {hit.language} if hit.language else set(),
        "outlet": {hit.outlet} if hit.outlet else set(),
        "date": {hit.published[:7]} if hit.published and len(hit.published) >= 7 else set(),
    }


def _holding(connection: Any, document_ids: list[str], chosen: Mapping[str, str]) -> set[str]:
    """The documents among ``document_ids`` with every chosen stored value."""
    keep = set(document_ids)
    for facet, value in chosen.items():
        table, column = _STORED[facet]
        found: set[str] = set()
        for chunk in _chunks(sorted(keep)):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT document_id FROM {table} WHERE {column} = ? AND document_id IN ({marks})"
            found.update(row[0] for row in connection.execute(sql, [value, *chunk]))
        keep &= found
    return keep


def _counts(connection: Any, document_ids: list[str]) -> dict[str, Counter[str]]:
    """Facet -> value -> how many of the documents have it, counted by the database (one
    row per value, not per document and value)."""
    counted: dict[str, Counter[str]] = {facet: Counter() for facet in _STORED}
    for chunk in _chunks(document_ids):
        marks = ",".join("?" * len(chunk))
        parts = []
        for facet, (table, column) in _STORED.items():
            parts.append(
                f"SELECT '{facet}', {column}, COUNT(DISTINCT document_id) FROM {table}"
                f" WHERE document_id IN ({marks}) AND {column} IS NOT NULL GROUP BY {column}"
            )
        sql = " UNION ALL ".join(parts)
        for facet, value, n in connection.execute(sql, chunk * len(parts)).fetchall():
            counted[facet][value] += n
    return counted


def _actor_names(
    connection: Any, counted: Counter[str], chosen: Mapping[str, str]
) -> dict[str, str]:
    """Names of the actors shown: the most counted and the chosen one."""
    shown = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:SHOWN_VALUES]
    actors = sorted({v for v, _ in shown} | ({chosen["actor"]} if "actor" in chosen else set()))
    if not actors:
        return {}
    marks = ",".join("?" * len(actors))
    rows = connection.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", actors)
    return {row[0]: row[1] for row in rows.fetchall()}


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
