"""Who states a claim group's claim and who repeats it: the group page's summary.

The first document to carry it (by publication date, then as stored) states it; every other
document repeats it. Sources are the authorities the statements cite (the first link of each
source chain), counted by the documents citing them; outlets and languages are the
documents'. A group's documents also belong to stories, whose other groups are the claims
told beside this one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimtrace.web.story_data import rows as story_rows


def spread(group: Mapping[str, Any]) -> dict[str, Any]:
    """first: the first document (with its statement); repeats: every other document, in
    order of publication; sources: [{name, actor, documents}]; outlets; languages."""
    documents: dict[str, dict[str, Any]] = {}
    for member in group["members"]:  # oldest document first (store/sqlite_pages.py)
        claim = member["claim"]
        doc = member["document"]
        entry = documents.setdefault(
            doc["document_id"], {**doc, "language": claim.language, "claims": [], "sources": []}
        )
        entry["claims"].append(claim)
        for source in claim.sources:
            if (source.name, source.actor) not in [(s.name, s.actor) for s in entry["sources"]]:
                entry["sources"].append(source)
    ordered = list(documents.values())
    # one entry per actor, whatever language names it ("the UN", "la ONU", "الأمم المتحدة"),
    # under the actor's name; a source that is no actor under its name as written
    names: Mapping[str, str] = group.get("names") or {}
    cited: dict[str, tuple[str, str | None, set[str]]] = {}
    for doc in ordered:
        for source in doc["sources"]:
            key = f"actor:{source.actor}" if source.actor else f"name:{source.name}"
            name = names.get(source.actor, source.name) if source.actor else source.name
            cited.setdefault(key, (name, source.actor, set()))[2].add(doc["document_id"])
    most = sorted(cited.values(), key=lambda item: (-len(item[2]), item[0]))
    sources = [{"name": name, "actor": actor, "documents": len(ids)} for name, actor, ids in most]
    return {
        "first": ordered[0] if ordered else None,
        "repeats": ordered[1:],
        "sources": sources,
        "outlets": list(dict.fromkeys(d["outlet"] for d in ordered if d.get("outlet"))),
        "languages": list(dict.fromkeys(d["language"] for d in ordered if d.get("language"))),
    }


def stories_of(db: str, document_ids: list[str]) -> list[dict[str, Any]]:
    """The stories the documents belong to: id, label, documents (of these)."""
    if not document_ids:
        return []
    marks = ",".join("?" * len(document_ids))
    return story_rows(
        db,
        "SELECT s.id, s.label, COUNT(*) AS documents FROM story_documents sd"
        f" JOIN stories s ON s.id = sd.story_id WHERE sd.document_id IN ({marks})"
        " GROUP BY s.id, s.label ORDER BY documents DESC, s.id",
        tuple(document_ids),
    )
