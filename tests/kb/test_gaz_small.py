"""The gazetteer's index and ranking on a handful of places (fast, no package data)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrace.kb.places import gazetteer
from claimtrace.kb.places.index import PlaceIndex, build
from claimtrace.kb.places.place import Place

PLACES = [
    Place("t:sy", "Syria", "country", "SY", 33.5, 36.3, 17_000_000, ("Syrien", "سوريا")),
    Place("t:lb", "Lebanon", "country", "LB", 33.9, 35.5, 6_000_000, ("Libanon",)),
    Place("t:ly", "Libya", "country", "LY", 32.9, 13.2, 6_000_000, ("Libyen",)),
    Place("t:tripoli-ly", "Tripoli", "city", "LY", 32.9, 13.2, 1_300_000, ("Tarabulus",)),
    Place("t:tripoli-lb", "Tripoli", "city", "LB", 34.4, 35.8, 230_000, ("Trablous",)),
    Place("t:raqqa", "Ar Raqqah", "city", "SY", 35.9, 39.0, 530_000, ("Raqqa",), "04"),
    Place("t:raqqa-gov", "Raqqa Governorate", "admin1", "SY", 35.9, 39.0, 0, ("Raqqa",), "04"),
]


@pytest.fixture(autouse=True)
def small_index(tmp_path: Path) -> Iterator[PlaceIndex]:
    index = PlaceIndex(build(tmp_path / "small.sqlite", PLACES))
    gazetteer.set_index(index)
    yield index
    gazetteer.set_index(None)


def test_index_holds_every_place(small_index: PlaceIndex) -> None:
    assert small_index.count() == len(PLACES)
    assert small_index.by_id("t:raqqa") == PLACES[5]


def test_place_round_trips_through_dict() -> None:
    assert Place.from_dict(PLACES[0].to_dict()) == PLACES[0]


def test_tripoli_follows_the_context_country() -> None:
    lebanon, libya = PLACES[1], PLACES[2]
    assert gazetteer.resolve("Tripoli") == PLACES[3]
    assert gazetteer.resolve("Tripoli", [lebanon]) == PLACES[4]
    assert gazetteer.resolve("Tripoli", [libya]) == PLACES[3]


def test_qualifier_word_prefers_the_admin_unit() -> None:
    assert gazetteer.resolve("Raqqa").kind == "city"  # type: ignore[union-attr]
    assert gazetteer.resolve("Raqqa province").kind == "admin1"  # type: ignore[union-attr]
    assert gazetteer.resolve("Provinz Raqqa", language="de").kind == "admin1"  # type: ignore[union-attr]


def test_unknown_name_resolves_to_none() -> None:
    assert gazetteer.resolve("Xyzzyqq") is None
    assert gazetteer.lookup("") == []


def test_inflected_country_name() -> None:
    assert gazetteer.lookup("Syriens", "de")[0] == PLACES[0]
