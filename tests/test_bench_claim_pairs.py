"""The labelled claim-pair sets (bench/fixtures/linking/claim_pairs*.jsonl) are well-formed
and bench/linking.py reads them as documented: a broken fixture fails here, not silently
in the bench."""

from __future__ import annotations

import importlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from claimtrace.nlp.claims.relations import CODES

BENCH = Path(__file__).resolve().parents[1] / "bench"
FIXTURES = BENCH / "fixtures" / "linking"
MULTILINGUAL = FIXTURES / "claim_pairs_multilingual.jsonl"


@pytest.fixture(scope="module")
def linking():
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("linking")
    finally:
        sys.path.remove(str(BENCH))


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("name", ["claim_pairs.jsonl", "claim_pairs_multilingual.jsonl"])
def test_every_side_has_the_documented_layout(linking, name):
    for i, row in enumerate(_rows(FIXTURES / name)):
        assert isinstance(row["same"], bool), i
        assert row.get("stance") in (None, "contradict"), i
        assert not (row.get("stance") and not row["same"]), i  # a contradiction is one claim
        for key in ("a", "b"):
            side = row[key]
            assert len(side) in (5, 6), (i, key)
            language, text, relation, subjects, objects = side[:5]
            assert len(language) == 2 and text.strip(), (i, key)
            assert relation in CODES, (i, key, relation)
            assert all(isinstance(x, str) and x for x in [*subjects, *objects]), (i, key)
            extra = side[5] if len(side) == 6 else {}
            assert set(extra) <= {"places", "modality", "negated"}, (i, key)
            claim = linking.pair_claim(side, f"{i}{key}")
            assert claim.places == tuple(extra.get("places", ()))
            assert claim.modality in ("asserted", "denied"), (i, key)


def test_the_multilingual_set_is_large_varied_and_split_in_two():
    rows = _rows(MULTILINGUAL)
    assert len(rows) >= 300
    languages = Counter(lang for r in rows for lang in (r["a"][0], r["b"][0]))
    assert {"en", "de", "fr", "es", "ar"} <= set(languages)
    halves = Counter(r["split"] for r in rows)
    assert set(halves) == {"dev", "test"} and min(halves.values()) >= 100
    kinds = Counter((r["same"], r.get("stance")) for r in rows)
    assert kinds[(True, None)] and kinds[(False, None)] and kinds[(True, "contradict")]
    assert sum(r["a"][0] != r["b"][0] for r in rows) >= len(rows) // 2


def test_no_new_sentence_is_in_both_halves():
    """The new pairs are split by event; the 24 old ones keep their alternate-line halves
    (bench/encoders.py tunes on the even ones) and reuse sentences across them."""
    half_of: dict[str, set[str]] = {}
    for r in [r for r in _rows(MULTILINGUAL) if not r["group"].startswith("pairs-v1-")]:
        for key in ("a", "b"):
            half_of.setdefault(r[key][1], set()).add(r["split"])
    assert not [text for text, halves in half_of.items() if len(halves) > 1]


def test_the_old_pairs_are_folded_in_with_their_old_halves():
    old = _rows(FIXTURES / "claim_pairs.jsonl")
    new = {(r["a"][1], r["b"][1]): r for r in _rows(MULTILINGUAL)}
    for i, row in enumerate(old):
        folded = new[(row["a"][1], row["b"][1])]
        assert folded["same"] == row["same"]
        assert folded["split"] == ("dev" if i % 2 == 0 else "test")  # as bench/encoders.py


def test_a_pair_without_a_split_gets_a_stable_half(linking):
    sides = {"a": ["en", "x", "other", [], []], "b": ["de", "y", "other", [], []]}
    lines = [json.dumps({"same": True, **sides, "n": i}) for i in range(20)]
    halves = [linking.pair_half(json.loads(x), x) for x in lines]
    assert halves == [linking.pair_half(json.loads(x), x) for x in lines]
    assert set(halves) == {"dev", "test"}
    assert linking.pair_half({"split": "test"}, lines[0]) == "test"
