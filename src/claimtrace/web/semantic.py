"""Semantic search: the stored claims nearest in meaning to a text, in any language, by the
encoder the store's claims were linked with (setting ``embedding_model``) and the store's
vector index (link/index.py), with each claim's claim group."""

from __future__ import annotations

import threading
from typing import Any

from claimtrace import api
from claimtrace.config import load_config
from claimtrace.link.embed import rescale
from claimtrace.link.index import VectorIndex
from claimtrace.link.run import embedder_for
from claimtrace.records import Claim

# one process-wide index per store and model (link/index.py): catching it up with the store
# adds to it, so one request at a time
_INDEX_LOCK = threading.Lock()


def similar_claims(text: str, db: str, limit: int) -> tuple[str, list[dict[str, Any]]]:
    """The encoder's name and up to ``limit`` claims nearest ``text``, nearest first: each
    {claim, score (cosine rescaled to [0, 1] above the encoder's unrelated-text floor),
    cosine, group (its claim group id or None)}."""
    embedder = embedder_for(load_config().with_overrides(db=db))
    vector = embedder.embed([text])[0]
    with api.opened(db, read_only=True) as store:
        with _INDEX_LOCK:
            index = VectorIndex.open(store, "claim", embedder.name, embedder.dim)
            ids = index.nearest(vector, limit)[0]
        claims: dict[str, Claim] = {c.id: c for c in store.claims_by_ids(ids)}
        stored = store.load_vectors("claim", embedder.name, ids)
        groups = {claim: group for claim, (group, _) in store.groups_of(ids).items()}
    found = []
    for claim_id in ids:
        if claim_id in claims and claim_id in stored:
            cosine = float(stored[claim_id] @ vector)
            score = round(float(rescale(cosine, embedder.floor)), 4)
            found.append({"claim": claims[claim_id], "score": score,
                          "cosine": round(cosine, 4), "group": groups.get(claim_id)})  # fmt: skip
    return embedder.name, found
