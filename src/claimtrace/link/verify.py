"""A second opinion on claim pairs the fast encoder may have scored apart.

The fast encoder (``embedding_model``) ranks paraphrases in one language well but scores
some paraphrases that share little wording ("Palmyra was handed back to government forces"
and "Assad withdrew his forces to let ISIS take Palmyra") near unrelated text. When the
structured record puts two claims of different documents at one event (the same or a
related relation that says what happened, and a shared place; or a fast cosine not plainly
that of unrelated text and a shared actor or phrase: see ``qualifies``) and the fast score
stays below the threshold,
the pair is scored again with the verifier (``embedding_verifier``, by default
multilingual-e5-small) and keeps the higher score. Few pairs qualify, so the slower encoder
embeds few claims; its vectors are stored (kind ``claim-check``) and reused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from claimtrace.link.claim_groups import claim_score, claim_text, relation_match
from claimtrace.link.embed import Embedder
from claimtrace.records import Claim

KIND = "claim-check"
# how far below its floor a fast cosine may be and still ask the verifier: use-m3's floor is
# 0.40 and 90 % of unrelated sentence pairs score under 0.30 (bench/encoders.py)
MARGIN = 0.1
# a pair is re-scored only if a verifier cosine this far from its floor towards identity
# (e5: 0.90) would lift it over the threshold: the rest of its evidence must carry the rest
HOPE = 0.5
FUNCTION_ZIPF = 6.0  # words more frequent than this (wordfreq's Zipf scale) are function words
_WORD = re.compile(r"\w+")


def qualifies(a: Claim, b: Claim, cosine: float, floor: float) -> bool:
    """Two claims of different documents whose relations match and say what happened and
    that share a place (where both name places), or, with a fast cosine within MARGIN below
    the fast encoder's floor (above most unrelated pairs), share a distinctive phrase (for
    one and the same relation) or, in two languages, an actor. Within one language the fast
    encoder ranks paraphrases well: on PolNeAR (all English) a shared actor alone mostly
    joined different attacks by one politician."""
    if a.document_id == b.document_id or relation_match(a.relation, b.relation) <= 0:
        return False
    if a.places and b.places:
        return bool(set(a.places) & set(b.places))
    if cosine < floor - MARGIN:
        return False
    one_language = bool(a.language) and a.language == b.language
    if not one_language and {*a.subjects, *a.objects} & {*b.subjects, *b.objects}:
        return True
    return a.relation == b.relation and bool(phrases(a) & phrases(b))


@lru_cache(maxsize=4096)
def phrases(claim: Claim) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent lower-case words of the claim's text, neither of them a function
    word ("trading oil", "income tax"): the wording two reports of one fact often share."""
    words = _WORD.findall(claim_text(claim))
    return frozenset(
        (x, y)
        for x, y in zip(words, words[1:], strict=False)
        if _distinctive(x, claim.language) and _distinctive(y, claim.language)
    )


@lru_cache(maxsize=1 << 16)
def _distinctive(word: str, language: str) -> bool:
    from wordfreq import zipf_frequency

    return (
        word.islower() and len(word) >= 3 and zipf_frequency(word, language or "en") < FUNCTION_ZIPF
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

    def promising(
        self, a: Claim, b: Claim, parents: Mapping[str, str | None], threshold: float
    ) -> bool:
        """Whether a good verifier cosine (HOPE) would put the pair over ``threshold``."""
        hoped = self.floor + HOPE * (1.0 - self.floor)
        return claim_score(a, b, hoped, self.floor, parents) >= threshold

    def score(self, a: Claim, b: Claim, parents: Mapping[str, str | None]) -> float:
        """``claim_score`` of the pair with the verifier's cosine."""
        self.prepare([a, b])
        cosine = float(self.vectors[a.id] @ self.vectors[b.id])
        return claim_score(a, b, cosine, self.floor, parents)
