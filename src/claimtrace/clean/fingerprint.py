"""Near-duplicate fingerprints: MinHash over word shingles, banded for lookup in the store."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from claimtrace.ids import normalise_for_hash

SHINGLE_WORDS = 5
ROWS_PER_BAND = 4  # 32 bands of 4 for 128 permutations: pairs at Jaccard 0.5 meet 87 %
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes  # the MinHash hash values, uint64 little-endian
    bands: tuple[str, ...]  # one hash per band; equal bands make two texts candidates
    size: int  # number of shingles

    def overlap(self, other: bytes, other_size: int) -> float:
        """How much of the smaller text the larger one contains (estimated from MinHash).

        Syndicated copies differ by a footer or a cut last paragraph, which pulls Jaccard
        down on short articles; containment does not mind. Below half the size, a text is
        an excerpt, not a copy, so plain Jaccard decides.
        """
        mine = np.frombuffer(self.signature, dtype="<u8")
        theirs = np.frombuffer(other, dtype="<u8")
        if mine.shape != theirs.shape or not self.size or not other_size:
            return 0.0
        jaccard = float(np.mean(mine == theirs))
        small, large = sorted((self.size, other_size))
        if small < 0.5 * large:
            return jaccard
        shared = jaccard * (small + large) / (1 + jaccard)
        return min(1.0, shared / small)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise_for_hash(text))
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def fingerprint(text: str, permutations: int = 128) -> Fingerprint:
    grams = shingles(text)
    minhash = MinHash(num_perm=permutations, seed=1)
    minhash.update_batch(list(grams))
    values = minhash.hashvalues.astype("<u8")
    bands = tuple(
        f"{i}:" + hashlib.sha1(values[start : start + ROWS_PER_BAND].tobytes()).hexdigest()[:16]
        for i, start in enumerate(range(0, permutations, ROWS_PER_BAND))
    )
    return Fingerprint(signature=values.tobytes(), bands=bands, size=len(grams))
