"""What the report template shows, computed from a snapshot: plain values only; escaping is
the template's job (autoescape), so nothing here builds markup."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimtrace.report.times import time_label


@dataclass(frozen=True)
class Segment:
    text: str
    anchors: tuple[str, ...] = ()  # evidence anchors that start here
    marked: bool = False  # inside some claim's evidence sentence


@dataclass
class DocumentViews:
    items: list[dict[str, Any]] = field(default_factory=list)
    anchors: dict[str, str] = field(default_factory=dict)  # document id -> "doc-N"
    evidence: dict[str, str] = field(default_factory=dict)  # claim id -> "ev-N"


def summary(snap: dict[str, Any]) -> dict[str, Any]:
    docs = snap["documents"]
    dates = sorted(d["published"][:10] for d in docs if d["published"])
    outlets = Counter(d["outlet"] for d in docs if d["outlet"])
    return {
        "documents": len(docs),
        "languages": Counter(d["language"] or "?" for d in docs).most_common(),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "undated": len(docs) - len(dates),
        "outlets": sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        "no_outlet": sum(1 for d in docs if not d["outlet"]),
        "stories": [(s["label"], len(s["documents"])) for s in snap["stories"]],
        "claims": len(snap["claims"]),
        "groups": len(snap["claim_groups"]),
        "actors": len(snap["actors"]),
        "places": len(snap["places"]),
    }


def document_views(snap: dict[str, Any]) -> DocumentViews:
    """Each document's text cut into segments, so every claim's evidence sentence is marked
    and has an anchor the claim tables link to. Anchors are numbered, never taken from ids."""
    views = DocumentViews()
    by_document: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in snap["claims"]:
        by_document[claim["document"]].append(claim)
    counter = 0
    for index, doc in enumerate(snap["documents"]):
        views.anchors[doc["id"]] = f"doc-{index + 1}"
        spans = []
        for claim in sorted(by_document[doc["id"]], key=lambda c: (c["start"], c["id"])):
            counter += 1
            views.evidence[claim["id"]] = f"ev-{counter}"
            spans.append((claim["start"], claim["end"], f"ev-{counter}"))
        views.items.append(
            {**doc, "anchor": f"doc-{index + 1}", "segments": segments(doc["text"], spans),
             "claims": len(spans)}
        )  # fmt: skip
    return views


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    size = len(text)
    spans = [(max(0, min(s, size)), max(0, min(e, size)), a) for s, e, a in spans]
    cuts = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    result = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        anchors = tuple(a for s, _, a in spans if s == start)
        marked = any(s <= start and end <= e for s, e, _ in spans)
        result.append(Segment(text[start:end], anchors, marked))
    trailing = tuple(a for s, _, a in spans if s == size)  # empty spans at the very end
    if trailing or not result:
        result.append(Segment("", trailing, False))
    return result


MAX_GROUPS = 30  # a briefing, not an archive: the rest are counted (`claimtrace groups`)
MAX_LOOSE = 100


def claim_tables(
    snap: dict[str, Any], views: DocumentViews, limit: int = MAX_GROUPS
) -> dict[str, Any]:
    """The claim groups that spread furthest (most documents, then most languages, then
    most claims) up to ``limit``, each headed subject -> relation -> object; then at most
    MAX_LOOSE claims in no group as one last, folded table; with counts of what is left out."""
    claims = {c["id"]: c for c in snap["claims"]}
    docs = {d["id"]: d for d in snap["documents"]}
    actors = {a["id"]: a["name"] for a in snap["actors"]}
    places = {p["id"]: p["name"] for p in snap["places"]}

    def row(claim: dict[str, Any]) -> dict[str, Any]:
        doc = docs[claim["document"]]
        return {
            "document": doc["outlet"] or doc["title"] or doc["id"],
            "document_anchor": views.anchors[doc["id"]],
            "published": doc["published"],
            "language": claim["language"] or doc["language"],
            "modality": claim["modality"] + (" (negated)" if claim["negated"] else ""),
            "contradicts": claim["stance"] == "contradict",
            "sources": [s["name"] or "(unnamed)" for s in claim["sources"]],
            "actors": [actors.get(a, a) for a in claim["subject"] + claim["object"]],
            "places": [places.get(p, p) for p in claim["places"]],
            "time": time_label(claim["time"]),
            "quote": claim["text"],
            "anchor": views.evidence[claim["id"]],
        }

    def headline(group: dict[str, Any], members: list[dict[str, Any]]) -> str:
        def names(role: str) -> str:
            found = sorted({actors.get(a, a) for c in members for a in c[role]})
            return ", ".join(found[:3]) or "—"

        return f"{names('subject')} → {group['relation'] or 'other'} → {names('object')}"

    tables = []
    for group in snap["claim_groups"]:
        members = [claims[c] for c in group["claims"] if c in claims]
        tables.append(
            {
                "id": group["id"],
                "label": group["label"],
                "headline": headline(group, members),
                "languages": group["languages"],
                "documents": len(group["documents"]),
                "modalities": group["modalities"],
                "contradicting": bool(group["contradicting"]),
                "originals": sorted({c["sources"][-1]["name"] for c in members
                                     if c["sources"]}),
                "rows": [row(c) for c in members],
            }
        )  # fmt: skip
    tables.sort(key=lambda t: (-t["documents"], -len(t["languages"]), -len(t["rows"]), t["label"]))
    shown, left = tables[:limit], tables[limit:]
    loose_claims = [c for c in snap["claims"] if not c["group"]]
    loose = [row(c) for c in loose_claims[:MAX_LOOSE]]
    if loose:
        shown.append(
            {"label": "Claims in no group", "headline": "", "languages": sorted({r["language"]
             or "?" for r in loose}), "documents": len({r["document_anchor"] for r in loose}),
             "modalities": sorted({r["modality"] for r in loose}), "contradicting": False,
             "originals": [], "rows": loose, "loose": True}
        )  # fmt: skip
    return {
        "tables": shown,
        "more_groups": len(left),
        "more_group_claims": sum(len(t["rows"]) for t in left),
        "more_loose": len(loose_claims) - len(loose),
    }


def citation_rows(snap: dict[str, Any], limit: int = 40) -> list[dict[str, Any]]:
    """The most frequent citation links as text, beside the graph (readable, searchable)."""
    labels = {n["id"]: n["label"] for n in snap["citations"]["nodes"]}
    edges = sorted(
        snap["citations"]["edges"],
        key=lambda e: (-e["count"], e["first_seen"] or "9999", e["source"], e["target"]),
    )
    return [
        {"source": labels.get(e["source"], e["source"]), "target": labels.get(e["target"],
         e["target"]), "count": e["count"], "first_seen": e["first_seen"],
         "documents": len(e["documents"])}
        for e in edges[:limit]
    ]  # fmt: skip
