"""A second opinion on claim pairs the fast encoder may have scored apart.

The fast encoder (``embedding_model``) ranks paraphrases in one language well but scores
some paraphrases that share little wording ("Palmyra was handed back to government forces"
and "Assad withdrew his forces to let ISIS take Palmyra") near unrelated text. When the
structured record puts two claims of different documents at one event — a shared place and
the same or a related relation that says what happened — and the fast score stays below the
threshold, the pair is scored again with the verifier (``embedding_verifier``, by default
multilingual-e5-small) and keeps the higher score. Few pairs qualify, so the slower encoder
embeds few claims; its vectors are stored (kind ``claim-check``) and reused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from claimtrace.link.claim_groups import claim_score, claim_text, relation_match
from claimtrace.link.embed import Embedder
from claimtrace.records import Claim

KIND = "claim-check"


def qualifies(a: Claim, b: Claim) -> bool:
    """Two claims of different documents at one place with a matching, specific relation."""
    return (
        a.document_id != b.document_id
        and bool(set(a.places) & set(b.places))
        and relation_match(a.relation, b.relation) > 0
    )


class Verifier:
    """The verifier encoder's vectors of the claims it is asked about, cached per run."""

    qualifies = staticmethod(qualifies)

    def __init__(self, store: Any, embedder: Embedder) -> None:
        self.store, self.embedder = store, embedder
        self.floor = embedder.floor
        self.vectors: dict[str, np.ndarray] = {}
        self.embedded = 0  # claims this run had to embed (the rest came from the store)

    def prepare(self, claims: Iterable[Claim]) -> None:
        """Load or embed (in one call) the vectors of these claims."""
        wanted = {c.id: c for c in claims if c.id not in self.vectors}
        if not wanted:
            return
        self.vectors.update(self.store.load_vectors(KIND, self.embedder.name, list(wanted)))
        absent = [c for k, c in wanted.items() if k not in self.vectors]
        if absent:
            rows = self.embedder.embed([claim_text(c) for c in absent])
            fresh = {c.id: rows[i] for i, c in enumerate(absent)}
            self.store.save_vectors(KIND, self.embedder.name, fresh)
            self.vectors.update(fresh)
            self.embedded += len(absent)

    def score(self, a: Claim, b: Claim, parents: Mapping[str, str | None]) -> float:
        """``claim_score`` of the pair with the verifier's cosine."""
        self.prepare([a, b])
        cosine = float(self.vectors[a.id] @ self.vectors[b.id])
        return claim_score(a, b, cosine, self.floor, parents)
