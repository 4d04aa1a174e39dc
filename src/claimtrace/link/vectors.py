"""The vectors a batch of documents is linked by, made in one encoder call.

Claim vectors already stored for the same model are reused (claim ids change when the text
does); every other claim text and the title/lead chunks of every document without a stored
vector go through the encoder together, and the new vectors are stored in one transaction,
document after document, so their ids rise in linking order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from claimtrace.link.claim_groups import claim_text
from claimtrace.link.compare import combine, lead_chunks
from claimtrace.link.embed import Embedder
from claimtrace.records import Claim


@dataclass(frozen=True)
class Prepared:
    """One document ready to link: its claims, their vectors, its own vector."""

    document_id: str
    claims: tuple[Claim, ...]
    claim_vectors: dict[str, np.ndarray]
    vector: np.ndarray


def prepare_batch(store: Any, embedder: Embedder, document_ids: list[str]) -> list[Prepared]:
    """Claims and vectors of each document, embedding what is not stored in one call."""
    claims = {d: store.claims_by_ids(store.document_claim_ids(d)) for d in document_ids}
    every = [c for d in document_ids for c in claims[d]]
    stored = store.load_vectors("claim", embedder.name, [c.id for c in every])
    documents = store.load_vectors("document", embedder.name, document_ids)
    missing = list({c.id: c for c in every if c.id not in stored}.values())
    profiles = store.link_profiles([d for d in document_ids if d not in documents])
    leads = {
        d: lead_chunks(profiles[d].get("title", ""), profiles[d].get("text", ""))
        for d in document_ids
        if d in profiles
    }
    texts = [claim_text(c) for c in missing] + [t for chunks in leads.values() for t in chunks]
    rows = embedder.embed(texts) if texts else np.zeros((0, embedder.dim), dtype=np.float32)
    fresh = {c.id: rows[i] for i, c in enumerate(missing)}
    at = len(missing)
    lead_vectors: dict[str, list[np.ndarray]] = {}
    for d, chunks in leads.items():
        lead_vectors[d] = list(rows[at : at + len(chunks)])
        at += len(chunks)
    vectors = {**stored, **fresh}
    prepared = []
    with store.transaction():
        for d in document_ids:
            own = {c.id: vectors[c.id] for c in claims[d]}
            store.save_vectors("claim", embedder.name, {k: v for k, v in own.items() if k in fresh})
            vector = documents.get(d)
            if vector is None:
                vector = combine(
                    lead_vectors.get(d, []) or [np.zeros(embedder.dim)],
                    [own[c.id] for c in claims[d]],
                )
                store.save_vectors("document", embedder.name, {d: vector})
            prepared.append(Prepared(d, tuple(claims[d]), own, vector))
    return prepared
