"""One serialisable view of the store (or of one story) that every export and the report use.

``snapshot(store, story)`` returns a dict of lists, each in a stable order:

- ``documents``: id, source (the original path or URL), title, language, languages,
  published, outlet, author, url, copies (sources it was found in), text
- ``actors``: id, name, type, country, aliases (distinct surface forms), mentions,
  documents
- ``places``: id, name, kind, country, lat, lon, aliases, mentions, documents, claims
- ``claims``: id, document, text (evidence sentence), start, end, content, subject and
  object (actor ids), relation, verb, modality, negated, sources (the chain, outermost
  first: name, actor, cue, kind), places, time, language, group, stance
- ``claim_groups``: id, label, relation, claims, documents, languages, modalities,
  contradicting
- ``stories``: id, label, documents
- ``corrections``: the analyst's corrections naming an actor or place of the scope (undone
  ones too: the audit trail): id, action, entity, target, alias, document_id, value, note,
  analyst, created_at, undone_at, undone_by; each actor and place lists the ids of the
  active ones that touch it under ``corrections``
- ``actor_links``: actors named together in a claim (source, target, count, claims)
- ``citations``: the citation graph (``link/citations.py``): nodes and edges
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from claimtrace.link.citations import citation_graph
from claimtrace.records import Claim, Document, SourceLink, Span
from claimtrace.store.base import Store

Rows = dict[str, list[dict[str, Any]]]


def snapshot(store: Store, story: str | None = None) -> dict[str, Any]:
    """Everything in the store, or only what belongs to the documents of ``story``."""
    return build_snapshot(store.snapshot_rows(story), story)


def build_snapshot(rows: Rows, story: str | None = None) -> dict[str, Any]:
    documents = [_document(row) for row in rows["documents"]]
    claims = claim_records(rows)
    groups = {row["id"]: row for row in rows["claims"]}
    claim_dicts = [_claim(c, groups[c.id]) for c in claims]
    actors = _actors(rows, claims)
    places = _places(rows, claims)
    corrections = _corrections(rows, [*actors, *places])
    names = {a["id"]: a["name"] for a in actors}
    citations = citation_graph(claims, (_document_record(d) for d in documents), names)
    return {
        "story": story,
        "documents": documents,
        "actors": actors,
        "places": places,
        "corrections": corrections,
        "claims": claim_dicts,
        "claim_groups": _groups(rows, claim_dicts, {d["id"]: d for d in documents}),
        "stories": _stories(rows),
        "actor_links": actor_links(claims),
        "citations": citations.to_dict(),
    }


def claim_records(rows: Rows) -> list[Claim]:
    """The scope's claims as records, with their actors, places and source chains."""
    subjects: dict[str, list[str]] = defaultdict(list)
    objects: dict[str, list[str]] = defaultdict(list)
    for row in rows["claim_actors"]:
        (subjects if row["role"] == "subject" else objects)[row["claim_id"]].append(row["actor_id"])
    places: dict[str, list[str]] = defaultdict(list)
    for row in rows["claim_places"]:
        places[row["claim_id"]].append(row["place_id"])
    chains: dict[str, list[SourceLink]] = defaultdict(list)
    for row in rows["claim_sources"]:
        link = SourceLink(row["name"], row["actor_id"], row["cue"], row["kind"])
        chains[row["claim_id"]].append(link)
    return [
        Claim(
            id=row["id"], document_id=row["document_id"], start=row["start"], end=row["end"],
            text=row["text"],
            content=Span(row["content_start"], row["content_end"], row["content_text"]),
            subjects=tuple(subjects[row["id"]]), objects=tuple(objects[row["id"]]),
            relation=row["relation"], verb=row["verb"], places=tuple(places[row["id"]]),
            time=row["time"], modality=row["modality"], negated=bool(row["negated"]),
            sources=tuple(chains[row["id"]]), language=row["language"] or "",
            backend=row["backend"],
        )
        for row in rows["claims"]
    ]  # fmt: skip


def actor_links(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Pairs of actors named in one claim (as subject, object or source), with counts."""
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for claim in claims:
        named = {*claim.subjects, *claim.objects, *(s.actor for s in claim.sources if s.actor)}
        for a, b in combinations(sorted(named), 2):
            pairs[(a, b)].append(claim.id)
    return [
        {"source": a, "target": b, "count": len(ids), "claims": sorted(ids)}
        for (a, b), ids in sorted(pairs.items())
    ]


def _document(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "source": row["source"],
        "title": row["title"],
        "language": row["language"],
        "languages": json.loads(row["languages"] or "[]"),
        "published": row["published"],
        "outlet": row["outlet"],
        "author": row["author"],
        "url": row["url"],
        "copies": row["copies"],
        "text": row["text"],
    }


def _document_record(doc: dict[str, Any]) -> Document:
    return Document(
        id=doc["id"], text=doc["text"], title=doc["title"], language=doc["language"],
        languages=tuple(doc["languages"]), paragraphs=(), published=doc["published"],
        outlet=doc["outlet"],
    )  # fmt: skip


def _claim(claim: Claim, row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": claim.id,
        "document": claim.document_id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "content": claim.content.to_dict(),
        "subject": list(claim.subjects),
        "object": list(claim.objects),
        "relation": claim.relation,
        "verb": claim.verb,
        "modality": claim.modality,
        "negated": claim.negated,
        "sources": [{"name": s.name, "actor": s.actor, "cue": s.cue, "kind": s.kind}
                    for s in claim.sources],
        "places": list(claim.places),
        "time": claim.time,
        "language": claim.language or None,
        "group": row["group_id"],
        "stance": row["stance"],
    }  # fmt: skip


def _corrections(rows: Rows, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The corrections naming an entity of the scope; marks each entity with the active
    ones that touch it."""
    by_id = {e["id"]: e for e in entities}
    for entity in entities:
        entity["corrections"] = []
    kept = []
    for row in rows.get("corrections", []):
        named = [by_id[x] for x in (row["entity"], row["target"]) if x in by_id]
        if not named:
            continue
        kept.append(row)
        if row["undone_at"] is None:
            for entity in named:
                entity["corrections"].append(row["id"])
    return kept


def _actors(rows: Rows, claims: list[Claim]) -> list[dict[str, Any]]:
    known = {row["id"]: row for row in rows["actors"]}
    aliases: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    documents: dict[str, set[str]] = defaultdict(set)
    for row in rows["mentions"]:
        if row["actor_id"]:
            aliases[row["actor_id"]].add(row["text"])
            mentions[row["actor_id"]] += row["n"]
            documents[row["actor_id"]].add(row["document_id"])
    # actors a claim names but no stored actor row describes (an unresolved source name)
    for claim in claims:
        for link in claim.sources:
            if link.actor:
                aliases[link.actor].add(link.name)
                documents[link.actor].add(claim.document_id)
        for actor in (*claim.subjects, *claim.objects):
            documents[actor].add(claim.document_id)
    result = []
    for actor_id in sorted(set(known) | set(documents)):
        row = known.get(actor_id, {})
        forms = sorted(aliases[actor_id])
        result.append(
            {
                "id": actor_id,
                "name": row.get("name") or (forms[0] if forms else actor_id),
                "type": row.get("type") or "unknown",
                "country": row.get("country"),
                "aliases": forms,
                "mentions": mentions[actor_id],
                "documents": sorted(documents[actor_id]),
            }
        )
    return result


def _places(rows: Rows, claims: list[Claim]) -> list[dict[str, Any]]:
    aliases: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    documents: dict[str, set[str]] = defaultdict(set)
    for row in rows["mentions"]:
        if row["place_id"]:  # "Syria" is both the state (actor) and a place
            aliases[row["place_id"]].add(row["text"])
            mentions[row["place_id"]] += row["n"]
            documents[row["place_id"]].add(row["document_id"])
    in_claims: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        for place in dict.fromkeys(claim.places):
            in_claims[place].append(claim.id)
            documents[place].add(claim.document_id)
    return [
        {
            "id": row["id"], "name": row["name"], "kind": row["kind"],
            "country": row["country"], "lat": row["lat"], "lon": row["lon"],
            "aliases": sorted(aliases[row["id"]]), "mentions": mentions[row["id"]],
            "documents": sorted(documents[row["id"]]), "claims": sorted(in_claims[row["id"]]),
        }
        for row in rows["places"]
    ]  # fmt: skip


def _groups(
    rows: Rows, claims: list[dict[str, Any]], documents: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        if claim["group"]:
            members[claim["group"]].append(claim)
    result = []
    for row in rows["claim_groups"]:
        inside = members[row["id"]]
        languages = {c["language"] or documents[c["document"]]["language"] for c in inside}
        result.append(
            {
                "id": row["id"],
                "label": row["label"],
                "relation": row["relation"],
                "claims": [c["id"] for c in inside],
                "documents": sorted({c["document"] for c in inside}),
                "languages": sorted(lang for lang in languages if lang),
                "modalities": sorted({c["modality"] for c in inside}),
                "contradicting": [c["id"] for c in inside if c["stance"] == "contradict"],
            }
        )
    return result


def _stories(rows: Rows) -> list[dict[str, Any]]:
    stories: dict[str, dict[str, Any]] = {}
    for row in rows["stories"]:
        entry = stories.setdefault(row["id"], {"id": row["id"], "label": row["label"]})
        entry.setdefault("documents", []).append(row["document_id"])
    return list(stories.values())
