"""Near-duplicate fingerprints: MinHash over word shingles, banded for lookup in the store."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from claimtrace.ids import normalise_for_hash

SHINGLE_WORDS = 5
ROWS_PER_BAND = 8
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes  # the MinHash hash values, uint64 little-endian
    bands: tuple[str, ...]  # one hash per band; equal bands make two texts candidates

    def similarity(self, other: bytes) -> float:
        """Estimated Jaccard similarity with another signature."""
        mine = np.frombuffer(self.signature, dtype="<u8")
        theirs = np.frombuffer(other, dtype="<u8")
        if mine.shape != theirs.shape:
            return 0.0
        return float(np.mean(mine == theirs))


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise_for_hash(text))
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def fingerprint(text: str, permutations: int = 128) -> Fingerprint:
    minhash = MinHash(num_perm=permutations, seed=1)
    minhash.update_batch(list(shingles(text)))
    values = minhash.hashvalues.astype("<u8")
    bands = tuple(
        f"{i}:" + hashlib.sha1(values[start : start + ROWS_PER_BAND].tobytes()).hexdigest()[:16]
        for i, start in enumerate(range(0, permutations, ROWS_PER_BAND))
    )
    return Fingerprint(signature=values.tobytes(), bands=bands)
