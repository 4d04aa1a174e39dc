"""The vector index beside the store: nearest stored vectors, catching up with the store
after a restart or a crash, rebuilt when its file is missing, torn or belongs to another
store, and an inverted file once the store is large."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from claimtrace.config import load_config
from claimtrace.link import index as vindex
from claimtrace.link.index import VectorIndex, forget
from claimtrace.store import open_store
from claimtrace.store.sqlite import SQLiteStore

DIM = 8


def unit(rows: int, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).normal(size=(rows, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def store_with(path: Path, vectors: np.ndarray, start: int = 0) -> SQLiteStore:
    store = open_store(load_config(db=str(path)))
    with store.transaction():
        store.save_vectors("claim", "m", {f"c{start + i}": v for i, v in enumerate(vectors)})
    return store


def nearest_key(index: VectorIndex, vector: np.ndarray) -> str:
    return index.nearest(vector[None, :], 1)[0][0]


def test_nearest_stored_vectors_by_cosine(tmp_path: Path) -> None:
    rows = unit(50)
    store = store_with(tmp_path / "v.db", rows)
    index = VectorIndex.open(store, "claim", "m", DIM)
    assert index.size == 50
    assert nearest_key(index, rows[7]) == "c7"
    (found,) = index.nearest(rows[7][None, :], 3, exclude=frozenset({"c7"}))
    expected = [f"c{i}" for i in np.argsort(-(rows @ rows[7]))[1:4]]
    assert found == expected
    assert VectorIndex.open(store, "document", "m", DIM).nearest(rows[:1], 3) == [[]]


def test_saved_index_catches_up_with_the_store_after_a_restart(tmp_path: Path) -> None:
    rows = unit(60)
    store = store_with(tmp_path / "v.db", rows[:40])
    index = VectorIndex.open(store, "claim", "m", DIM)
    index.save()
    assert index.path is not None and index.path.exists()
    with store.transaction():  # written after the index was saved (then the process died)
        store.save_vectors("claim", "m", {f"c{40 + i}": v for i, v in enumerate(rows[40:])})
    forget(store)  # a new process: the index is read from its file
    again = VectorIndex.open(store, "claim", "m", DIM)
    assert again.size == 60 and nearest_key(again, rows[55]) == "c55"


def test_deleted_vectors_are_never_returned(tmp_path: Path) -> None:
    rows = unit(20)
    store = store_with(tmp_path / "v.db", rows)
    index = VectorIndex.open(store, "claim", "m", DIM)
    store.db.execute("DELETE FROM vectors WHERE key = 'c3'")
    (found,) = index.nearest(rows[3][None, :], 5)
    assert "c3" not in found and len(found) == 5


def test_a_torn_or_foreign_index_file_is_rebuilt(tmp_path: Path) -> None:
    rows = unit(30)
    store = store_with(tmp_path / "v.db", rows)
    index = VectorIndex.open(store, "claim", "m", DIM)
    index.save()
    assert index.path is not None
    index.path.with_suffix(".json").write_text(json.dumps({"high": 1, "size": 1}), "utf-8")
    forget(store)
    assert VectorIndex.open(store, "claim", "m", DIM).size == 30
    store.close()
    for suffix in ("", "-wal", "-shm"):  # a new store at the same path starts ids again
        Path(f"{tmp_path / 'v.db'}{suffix}").unlink(missing_ok=True)
    other = store_with(tmp_path / "v.db", unit(5, seed=1))
    fresh = VectorIndex.open(other, "claim", "m", DIM)
    assert fresh.size == 5 and nearest_key(fresh, unit(5, seed=1)[2]) == "c2"


def test_large_stores_get_an_inverted_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vindex, "TRAIN_AT", 2_000)
    rows = unit(3_000)
    store = store_with(tmp_path / "v.db", rows)
    index = VectorIndex.open(store, "claim", "m", DIM)
    assert index.trained_on == 3_000 and hasattr(index.index, "nprobe")
    hits = sum(nearest_key(index, rows[i]) == f"c{i}" for i in range(0, 3_000, 100))
    assert hits >= 27  # 30 probes, each its own nearest


KILLED = """
import sys
from claimtrace.config import load_config
from claimtrace.link.index import VectorIndex
from claimtrace.store import open_store
import numpy as np
store = open_store(load_config(db=sys.argv[1]))
rows = np.load(sys.argv[2])
VectorIndex.open(store, "claim", "m", rows.shape[1]).save()
store.db.execute("BEGIN")
store.save_vectors("claim", "m", {f"x{i}": v for i, v in enumerate(rows)})
print("ready", flush=True)
sys.stdin.readline()
"""


def test_kill_during_a_transaction_leaves_index_and_store_consistent(tmp_path: Path) -> None:
    store = store_with(tmp_path / "v.db", unit(40))
    np.save(tmp_path / "more.npy", unit(10, seed=2))
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(tmp_path / "v.db"), str(tmp_path / "more.npy")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    forget(store)
    with store.transaction():  # the ids of the lost transaction are used again
        store.save_vectors("claim", "m", {f"y{i}": v for i, v in enumerate(unit(10, seed=3))})
    index = VectorIndex.open(store, "claim", "m", DIM)
    assert index.size == 50
    assert nearest_key(index, unit(10, seed=3)[4]) == "y4"
