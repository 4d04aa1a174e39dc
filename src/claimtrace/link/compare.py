"""How alike two documents are, in any languages, and why.

The score mixes four kinds of evidence, each in [0, 1]: the multilingual embedding of title,
lead and claims (rescaled above the model's unrelated-text floor), shared actors and places
(tf-idf weighted, so "Syria" in every article counts for little and a rare militia for much),
shared claim groups, and closeness in time. Evidence one side lacks (no entities found, no
date) is left out and the remaining weights renormalised, rather than counted as a mismatch.
Story clustering uses the same score, so `compare` explains why two documents share a story.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy as np

from claimtrace.link.claim_groups import claim_text
from claimtrace.link.embed import DEFAULT_MODEL, Embedder, get_embedder, rescale
from claimtrace.records import _Record

# weights of the evidence kinds (renormalised over the kinds both documents have); with more
# weight on text, stores of one subject (an election) chain into one story (bench/linking.py)
WEIGHTS = {"text": 0.35, "entities": 0.5, "claims": 0.1, "time": 0.05}
LEAD_CHUNKS = 2  # the title and this many ~600-character chunks of the text are embedded
LEAD_CHARS = 600
CLAIMS_IN_VECTOR = 8
SAME_TIME_DAYS = 30  # closer than this counts as the same time; two years apart as unrelated
FAR_TIME_DAYS = 730


@dataclass(frozen=True)
class Reason(_Record):
    kind: str  # text | actors | places | claims | time
    score: float
    detail: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison(_Record):
    document_a: str
    document_b: str
    score: float  # in [0, 1]
    reasons: tuple[Reason, ...]
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocFeatures:
    id: str
    language: str | None
    published: str | None
    vector: np.ndarray
    actors: dict[str, int]
    places: dict[str, int]
    groups: frozenset[str]


def lead_chunks(title: str, text: str) -> list[str]:
    """The title and the opening of the text, cut at paragraph ends near LEAD_CHARS."""
    parts = [title.strip()] if title and title.strip() else []
    current = ""
    for para in (p.strip() for p in text.split("\n\n")):
        if not para:
            continue
        if current and len(current) + len(para) > LEAD_CHARS:
            parts.append(current[: 2 * LEAD_CHARS])
            current = ""
            if len(parts) > LEAD_CHUNKS:
                break
        current = f"{current} {para}".strip()
    if current and len(parts) <= LEAD_CHUNKS:
        parts.append(current[: 2 * LEAD_CHARS])
    return parts or [text[:LEAD_CHARS]]


def document_vector(
    embedder: Embedder, profile: dict[str, Any], claim_vectors: list[np.ndarray]
) -> np.ndarray:
    """Mean of the title/lead chunk vectors, with the claims' mean as one more part."""
    lead = lead_chunks(profile.get("title", ""), profile.get("text", ""))
    return combine(list(embedder.embed(lead)), claim_vectors)


def combine(lead_vectors: list[np.ndarray], claim_vectors: list[np.ndarray]) -> np.ndarray:
    """A document's vector from its lead chunks' vectors and its claims' vectors."""
    parts = list(lead_vectors)
    if claim_vectors:
        parts.append(np.mean(claim_vectors[:CLAIMS_IN_VECTOR], axis=0))
    mean = np.mean(parts, axis=0)
    return (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32)


def features(profile: dict[str, Any], vector: np.ndarray) -> DocFeatures:
    return DocFeatures(
        id=profile["id"],
        language=profile.get("language"),
        published=profile.get("published"),
        vector=vector,
        actors=dict(profile.get("actors", {})),
        places=dict(profile.get("places", {})),
        groups=frozenset(profile.get("groups", ())),
    )


def _weights(counts: dict[str, int], df: dict[str, int], total: int) -> dict[str, float]:
    # smoothed idf, so a store of a few documents still weighs every entity above zero
    return {
        k: (1.0 + math.log(n)) * (math.log((total + 1) / (df.get(k, 1) + 1)) + 1.0)
        for k, n in counts.items()
    }


def entity_similarity(
    a: DocFeatures, b: DocFeatures, df: dict[str, int], total: int
) -> tuple[float | None, list[str], list[str]]:
    """Cosine of tf-idf weighted actor+place vectors; None when either side has none."""
    wa = _weights({**a.places, **a.actors}, df, total)
    wb = _weights({**b.places, **b.actors}, df, total)
    if not wa or not wb:
        return None, [], []
    shared = sorted(set(wa) & set(wb), key=lambda k: -wa[k] * wb[k])
    dot = sum(wa[k] * wb[k] for k in shared)
    norm = math.sqrt(sum(v * v for v in wa.values())) * math.sqrt(sum(v * v for v in wb.values()))
    actors = [k for k in shared if k in a.actors and k in b.actors]
    places = [k for k in shared if k not in actors]
    return (dot / norm if norm else 0.0), actors, places


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def time_similarity(a: str | None, b: str | None) -> tuple[float | None, int | None]:
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return None, None
    days = abs((da - db).days)
    if days <= SAME_TIME_DAYS:
        return 1.0, days
    return max(0.0, 1.0 - (days - SAME_TIME_DAYS) / (FAR_TIME_DAYS - SAME_TIME_DAYS)), days


def score_pair(
    a: DocFeatures, b: DocFeatures, df: dict[str, int], total: int, floor: float
) -> Comparison:
    text = float(rescale(float(np.dot(a.vector, b.vector)), floor))
    reasons = [Reason("text", round(text, 3), "multilingual embedding of title, lead, claims")]
    parts: dict[str, float] = {"text": text}
    entities, actors, places = entity_similarity(a, b, df, total)
    if entities is not None:
        parts["entities"] = entities
        if actors:
            reasons.append(Reason("actors", round(entities, 3), "shared actors", tuple(actors)))
        if places:
            reasons.append(Reason("places", round(entities, 3), "shared places", tuple(places)))
    if a.groups and b.groups:
        shared_groups = sorted(a.groups & b.groups)
        parts["claims"] = min(1.0, len(shared_groups) / 2.0)
        if shared_groups:
            reasons.append(
                Reason("claims", parts["claims"], "shared claim groups", tuple(shared_groups))
            )
    closeness, days = time_similarity(a.published, b.published)
    if closeness is not None:
        parts["time"] = closeness
        reasons.append(Reason("time", round(closeness, 3), f"published {days} days apart"))
    weight = sum(WEIGHTS[k] for k in parts)
    score = sum(WEIGHTS[k] * v for k, v in parts.items()) / weight
    languages = tuple(sorted({x for x in (a.language, b.language) if x}))
    return Comparison(a.id, b.id, round(float(score), 4), tuple(reasons), languages)


def document_features(store: Any, embedder: Embedder, document_id: str) -> DocFeatures:
    """A document's features, with its vector from the store or computed (not stored)."""
    profile = store.link_profile(document_id)
    stored = store.load_vectors("document", embedder.name, [document_id])
    vector = stored.get(document_id)
    if vector is None:
        claims = store.claims_by_ids(store.document_claim_ids(document_id))
        vectors = list(embedder.embed([claim_text(c) for c in claims])) if claims else []
        vector = document_vector(embedder, profile, vectors)
    return features(profile, vector)


def compare(store: Any, doc_a: str, doc_b: str, config: Any = None) -> Comparison:
    """Similarity of two analysed documents in [0, 1], with the reasons; ids may be prefixes."""
    name = getattr(config, "embedding_model", "") if config is not None else ""
    embedder = get_embedder(name or DEFAULT_MODEL)
    fa = document_features(store, embedder, store.get_document(doc_a).id)
    fb = document_features(store, embedder, store.get_document(doc_b).id)
    total, df = store.entity_frequencies([*fa.actors, *fa.places, *fb.actors, *fb.places])
    result = score_pair(fa, fb, df, total, embedder.document_floor)
    named = [i for r in result.reasons if r.kind in ("actors", "places") for i in r.items]
    names = store.names(named) if named else {}
    reasons = tuple(
        replace(r, detail=f"{r.detail}: {', '.join(names.get(i, i) for i in r.items)}")
        if r.kind in ("actors", "places")
        else r
        for r in result.reasons
    )
    return replace(result, reasons=reasons)
