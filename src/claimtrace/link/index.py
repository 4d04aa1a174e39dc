"""Approximate nearest neighbours over the stored vectors, kept beside the store.

One faiss index per vector kind (claim, document) and model, keyed by the vectors' row ids,
which the store never reuses: exact (flat) while small, an inverted file of 8-bit codes
(IVF-SQ8, trained on the stored vectors) from TRAIN_AT vectors on, retrained when the store
has grown RETRAIN_GROWTH-fold. The index only proposes candidates: every score is computed
again from the stored vectors.

The store is the truth. The index is saved to ``<db>.vindex/`` from time to time, atomically
and only after the vectors it holds were committed; whenever it is opened it catches up by
adding the stored vectors with a higher id. After a crash, a kill -9 or a copy of the store
it holds at worst fewer vectors than the store and is completed from it; an id whose vector
was deleted finds no row and is skipped. A missing, unreadable or foreign index file is
rebuilt from the stored vectors. Within a process the index stays loaded, so linking one
more document costs one small catch-up.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from claimtrace.errors import MissingDependencyError

TRAIN_AT = 20_000  # vectors from which an inverted file replaces the exact index
RETRAIN_GROWTH = 8  # retrain (rebuild) when the store holds this many times the trained size
TRAIN_SAMPLE = 32  # training vectors per list
TRAIN_ITERATIONS = 6
PROBES = 24  # lists searched per query
SLACK = 8
CATCH_UP_CHUNK = 20_000
SAVE_AFTER = 2_000  # unsaved vectors, or 2% of the index, whichever is more
STALE_SHARE = 0.2  # rebuild when this share of the ids held no longer has a stored vector
_LOADED: OrderedDict[tuple[str, ...], VectorIndex] = OrderedDict()
_KEEP = 6


def _faiss() -> Any:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # see link/embed.py
    try:
        import faiss
    except ImportError as exc:
        raise MissingDependencyError(
            "linking needs the faiss-cpu package: pip install 'faiss-cpu>=1.8,<2'"
        ) from exc
    # one query at a time: OpenMP threads cost more than they save, and on a busy machine
    # (analysis workers beside it) they wait on each other for 100 ms and more
    faiss.omp_set_num_threads(1)
    return faiss


def lists_for(count: int) -> int:
    """Inverted lists for an index of ``count`` vectors: about 2 sqrt(n), 64 to 4096."""
    return int(min(4096, max(64, 2 * int(np.sqrt(count)))))


class VectorIndex:
    """Nearest stored vectors of one kind and model, by cosine (inner product of unit rows)."""

    def __init__(self, store: Any, kind: str, model: str, dim: int, path: Path | None) -> None:
        self.store, self.kind, self.model, self.dim, self.path = store, kind, model, dim, path
        self.faiss = _faiss()
        self.index: Any = None
        self.high = 0  # highest vector id held
        self.trained_on = 0  # vectors the inverted file was trained on (0: exact index)
        self.unsaved = 0

    @classmethod
    def open(cls, store: Any, kind: str, model: str, dim: int) -> VectorIndex:
        """The index of this store, kind and model, loaded once per process and caught up."""
        uid = store.store_uid()
        on_disk = _on_disk(store.path)
        path = Path(f"{store.path}.vindex") / f"{uid}-{kind}-{model}.faiss" if on_disk else None
        key = (os.path.abspath(store.path) if on_disk else str(id(store)), uid, kind, model)
        index = _LOADED.get(key)
        if index is None:
            index = cls(store, kind, model, dim, path)
            index._load()
            _LOADED[key] = index
            while len(_LOADED) > _KEEP:
                _LOADED.popitem(last=False)
        index.store = store
        _LOADED.move_to_end(key)
        index.catch_up()
        return index

    @property
    def size(self) -> int:
        return int(self.index.ntotal) if self.index is not None else 0

    def _load(self) -> None:
        count, top = self.store.vector_stats(self.kind, self.model)
        if self.path is not None and self.path.exists():
            with contextlib.suppress(Exception):  # unreadable or torn: rebuilt below
                meta = json.loads(self.path.with_suffix(".json").read_text("utf-8"))
                index = self.faiss.read_index(str(self.path))
                # a store restored from an older copy reuses ids; many deletions leave the
                # index full of ids without vectors
                fresh = meta["high"] <= top and index.ntotal - count <= STALE_SHARE * count
                if index.ntotal == meta["size"] and index.d == self.dim and fresh:
                    self.index, self.high = index, int(meta["high"])
                    self.trained_on = int(meta["trained_on"])
                    self._tune()
                    return
        self.rebuild(count)

    def rebuild(self, count: int) -> None:
        """Build the index anew from every stored vector of its kind and model."""
        self.high, self.trained_on, self.unsaved = 0, 0, 0
        if count < TRAIN_AT:
            self.index = self.faiss.IndexIDMap2(self.faiss.IndexFlatIP(self.dim))
        else:
            lists = lists_for(count)
            step = max(1, count // (lists * TRAIN_SAMPLE))
            sample = [v for n, (_, v) in enumerate(self._stored()) if n % step == 0]
            quantizer = self.faiss.IndexFlatIP(self.dim)
            index = self.faiss.IndexIVFScalarQuantizer(
                quantizer,
                self.dim,
                lists,
                self.faiss.ScalarQuantizer.QT_8bit,
                self.faiss.METRIC_INNER_PRODUCT,
            )
            index.cp.niter = TRAIN_ITERATIONS
            index.train(np.stack(sample).astype(np.float32))
            self.index, self.trained_on = index, count
            self._tune()
        self.catch_up()
        self.unsaved = max(self.unsaved, 1)  # built anew: saved once linked

    def _stored(self) -> Any:
        after = 0
        while rows := self.store.vectors_after(self.kind, self.model, after, CATCH_UP_CHUNK):
            yield from rows
            after = rows[-1][0]

    def _tune(self) -> None:
        if hasattr(self.index, "nprobe"):
            self.index.nprobe = PROBES

    def catch_up(self) -> int:
        """Add the stored vectors the index does not hold yet; how many were added."""
        added = 0
        while rows := self.store.vectors_after(self.kind, self.model, self.high, CATCH_UP_CHUNK):
            self.add([i for i, _ in rows], np.stack([v for _, v in rows]))
            added += len(rows)
        grown = self.size >= RETRAIN_GROWTH * max(self.trained_on, TRAIN_AT // RETRAIN_GROWTH)
        if added and grown:
            self.rebuild(self.size)
        return added

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        fresh = [n for n, i in enumerate(ids) if i > self.high]
        if not fresh:
            return
        keys = np.asarray([ids[n] for n in fresh], dtype=np.int64)
        self.index.add_with_ids(np.ascontiguousarray(vectors[fresh], dtype=np.float32), keys)
        self.high = max(self.high, int(keys.max()))
        self.unsaved += len(fresh)

    def nearest(
        self, vectors: np.ndarray, k: int, exclude: frozenset[str] = frozenset()
    ) -> list[list[str]]:
        """For each row of ``vectors``, the keys (claim or document ids) of its ``k`` nearest
        stored vectors, nearest first."""
        rows = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        if not self.size or k <= 0:
            return [[] for _ in rows]
        # a few more than asked: ids of deleted vectors and excluded keys are dropped
        _, found = self.index.search(rows, k + len(exclude) + SLACK)
        keys = self.store.vector_keys(sorted({int(i) for i in found.ravel() if i >= 0}))
        return [
            [keys[i] for i in map(int, row) if i in keys and keys[i] not in exclude][:k]
            for row in found
        ]

    def save_if_due(self) -> None:
        if self.path is not None and self.unsaved >= max(SAVE_AFTER, self.size // 50):
            self.save()

    def save(self) -> None:
        if self.path is None or not self.unsaved:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
        self.faiss.write_index(self.index, str(temporary))
        os.replace(temporary, self.path)
        meta = {"high": self.high, "size": self.size, "trained_on": self.trained_on}
        temporary.write_text(json.dumps(meta), "utf-8")
        os.replace(temporary, self.path.with_suffix(".json"))
        self.unsaved = 0


def forget(store: Any) -> None:
    """Drop this store's loaded indexes (after a failed transaction: loaded again and caught
    up from the store the next time)."""
    path = os.path.abspath(store.path) if _on_disk(store.path) else str(id(store))
    for key in [k for k in _LOADED if k[0] == path]:
        del _LOADED[key]


def _on_disk(path: str) -> bool:
    # a PostgreSQL store (a URL) keeps no files: its index lives in the linking process
    memory = path == ":memory:" or path.startswith("file::memory:") or "://" in path
    return bool(path) and not memory
