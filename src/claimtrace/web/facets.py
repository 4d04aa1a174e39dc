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
    found = api.search_page(query, db, None, 0, depth)
    traits, names = _traits(db, [h.document_id for h in found])
    values = {h.document_id: _values(h, traits.get(h.document_id, {})) for h in found}
    hits = [h for h in found if all(v in values[h.document_id][k] for k, v in chosen.items())]
    facets = {}
    for facet in FACETS:
        counted = Counter(v for h in hits for v in values[h.document_id][facet])
        ranked = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:SHOWN_VALUES]
        if facet in chosen and chosen[facet] not in dict(ranked):
            ranked.append((chosen[facet], counted.get(chosen[facet], 0)))
        facets[facet] = [FacetValue(v, names.get(v, v), n) for v, n in ranked]
    return FacetedHits(hits, len(found), facets, chosen)


def _values(hit: SearchHit, traits: Mapping[str, set[str]]) -> dict[str, set[str]]:
    return {
        "language": {hit.language} if hit.language else set(),
        "outlet": {hit.outlet} if hit.outlet else set(),
        "date": {hit.published[:7]} if hit.published and len(hit.published) >= 7 else set(),
        "actor": traits.get("actor", set()),
        "relation": traits.get("relation", set()),
        "modality": traits.get("modality", set()),
    }


def _traits(
    db: str, document_ids: list[str]
) -> tuple[dict[str, dict[str, set[str]]], dict[str, str]]:
    """document id -> facet -> values (actors, relations, modalities), and actor names."""
    traits: dict[str, dict[str, set[str]]] = {}
    names: dict[str, str] = {}
    with api.opened(db, read_only=True) as store:
        connection: Any = getattr(store, "db", None)
        if connection is None:
            return traits, names  # a store without SQL access: the hit fields only
        for chunk in _chunks(document_ids):
            marks = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT document_id, 'relation', relation FROM claims"
                f" WHERE document_id IN ({marks})"
                f" UNION SELECT document_id, 'modality', modality FROM claims"
                f" WHERE document_id IN ({marks})"
                f" UNION SELECT m.document_id, 'actor', m.actor_id FROM mentions m"
                f" WHERE m.document_id IN ({marks}) AND m.actor_id IS NOT NULL",
                [*chunk, *chunk, *chunk],
            ).fetchall()
            for document_id, facet, value in rows:
                traits.setdefault(document_id, {}).setdefault(facet, set()).add(value)
        actors = sorted({v for t in traits.values() for v in t.get("actor", ())})
        for chunk in _chunks(actors):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, name FROM actors WHERE id IN ({marks})"
            names.update(connection.execute(sql, chunk).fetchall())
    return traits, names


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
