"""What the overview, group and actor pages draw beyond their lists: the corpus's outlets and
its documents and claims by month, how a claim group spread day by day, and an actor's
network (the actors its claims name beside it, and the sources it is cited by or cites)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from claimtrace.web.story_data import rows

TOP_OUTLETS = 15
TOP_NEIGHBOURS = 15
MONTHS = 36  # the latest months drawn on the overview's timeline


def outlets(db: str) -> list[dict[str, Any]]:
    """The outlets with most documents: outlet, documents."""
    return rows(
        db,
        "SELECT outlet, COUNT(*) AS documents FROM documents WHERE outlet IS NOT NULL"
        " AND outlet <> '' GROUP BY outlet ORDER BY documents DESC, outlet LIMIT ?",
        (TOP_OUTLETS,),
    )


def months(db: str) -> list[dict[str, Any]]:
    """Documents and claims per month of publication (the latest MONTHS months with any),
    oldest first: month ("2024-03"), documents, claims; undated documents left out."""
    documents = rows(
        db,
        "SELECT substr(published, 1, 7) AS month, COUNT(*) AS n FROM documents"
        " WHERE published IS NOT NULL AND length(published) >= 7 GROUP BY month",
        (),
    )
    claims = rows(
        db,
        "SELECT substr(d.published, 1, 7) AS month, COUNT(*) AS n FROM claims c"
        " JOIN documents d ON d.id = c.document_id WHERE d.published IS NOT NULL"
        " AND length(d.published) >= 7 GROUP BY month",
        (),
    )
    per_claims = {r["month"]: int(r["n"]) for r in claims}
    found = sorted((r["month"], int(r["n"])) for r in documents)[-MONTHS:]
    return [{"month": m, "documents": n, "claims": per_claims.get(m, 0)} for m, n in found]


def spread_days(members: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """How a claim group spread: per publication day, oldest first, the documents that
    carried it that day, and the documents and languages so far. ``members`` as in
    ``api.group_detail`` (each with its claim and document)."""
    first: dict[str, tuple[str, str]] = {}  # document -> (day, language)
    for member in members:
        doc = member["document"]
        day = (doc.get("published") or "")[:10]
        if day and doc["document_id"] not in first:
            first[doc["document_id"]] = (day, member["claim"].language or "")
    days: dict[str, list[str]] = {}
    for _, (day, language) in sorted(first.items(), key=lambda item: item[1]):
        days.setdefault(day, []).append(language)
    seen: list[str] = []
    total = 0
    result = []
    for day in sorted(days):
        total += len(days[day])
        seen += [x for x in days[day] if x and x not in seen]
        result.append({"day": day, "documents": len(days[day]), "total": total,
                       "languages": list(seen)})  # fmt: skip
    return result


def network(db: str, actor_id: str) -> dict[str, list[dict[str, Any]]]:
    """An actor's network: ``beside``, the actors named with it as subject or object of one
    claim; ``cited_by``, the sources whose claims name it; ``cites``, the actors its own
    statements name — each with the number of claims, most first."""
    beside = rows(
        db,
        "SELECT b.actor_id AS actor, COALESCE(x.name, b.actor_id) AS name,"
        " COUNT(DISTINCT a.claim_id) AS claims FROM claim_actors a"
        " JOIN claim_actors b ON b.claim_id = a.claim_id AND b.actor_id <> a.actor_id"
        " LEFT JOIN actors x ON x.id = b.actor_id WHERE a.actor_id = ?"
        " GROUP BY b.actor_id, x.name ORDER BY claims DESC, name LIMIT ?",
        (actor_id, TOP_NEIGHBOURS),
    )
    cited_by = rows(
        db,
        "SELECT s.actor_id AS actor, COALESCE(x.name, s.actor_id) AS name,"
        " COUNT(DISTINCT a.claim_id) AS claims FROM claim_actors a"
        " JOIN claim_sources s ON s.claim_id = a.claim_id AND s.actor_id IS NOT NULL"
        " AND s.actor_id <> a.actor_id LEFT JOIN actors x ON x.id = s.actor_id"
        " WHERE a.actor_id = ? GROUP BY s.actor_id, x.name ORDER BY claims DESC, name LIMIT ?",
        (actor_id, TOP_NEIGHBOURS),
    )
    cites = rows(
        db,
        "SELECT a.actor_id AS actor, COALESCE(x.name, a.actor_id) AS name,"
        " COUNT(DISTINCT s.claim_id) AS claims FROM claim_sources s"
        " JOIN claim_actors a ON a.claim_id = s.claim_id AND a.actor_id <> s.actor_id"
        " LEFT JOIN actors x ON x.id = a.actor_id WHERE s.actor_id = ?"
        " GROUP BY a.actor_id, x.name ORDER BY claims DESC, name LIMIT ?",
        (actor_id, TOP_NEIGHBOURS),
    )
    return {"beside": beside, "cited_by": cited_by, "cites": cites}
