"""Offline gazetteer: place names in any of our languages and scripts -> places with
coordinates, disambiguated by the other places of a document.

    >>> resolve("Homs", [lookup("Syria")[0]]).country_code
    'SY'
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from claimtrace.kb.normalise import WEAK, fold, loose_form, weighted_keys
from claimtrace.kb.places.index import PlaceIndex
from claimtrace.kb.places.place import Place, PlaceKind
from claimtrace.kb.places.sources import SUBDIVISION_PREFIX

__all__ = [
    "Candidate",
    "Place",
    "candidates",
    "country_place",
    "known_keys",
    "lookup",
    "place_by_id",
    "resolve",
    "set_index",
    "split_qualifier",
]

# Words naming the kind of place around a name: "Raqqa province", "Provinz Raqqa", "محافظة الرقة".
_QUALIFIERS: dict[str, PlaceKind] = {
    **dict.fromkeys(
        [
            "province",
            "governorate",
            "provinz",
            "gouvernement",
            "gouvernorat",
            "provincia",
            "gobernacion",
            "governatorato",
            "oblast",
            "region",
            "regione",
            "región",
            "область",
            "провинция",
            "мухафаза",
            "محافظة",
            "ولاية",
            "state",
            "county",
            "district",
            "bezirk",
            "distrito",
            "район",
            "canton",
            "kanton",
            "departement",
            "departamento",
            "department",
            "wojewodztwo",
            "voivodeship",
        ],
        "admin1",
    ),
    **dict.fromkeys(
        [
            "countryside",
            "landschaft",
            "umland",
            "campagne",
            "area",
            "gebiet",
            "mountains",
            "valley",
            "desert",
            "wuste",
            "desierto",
            "desert",
            "ريف",
            "منطقة",
            "جبال",
            "بادية",
        ],
        "region",
    ),
    **dict.fromkeys(
        [
            "city",
            "town",
            "village",
            "stadt",
            "dorf",
            "ville",
            "village",
            "ciudad",
            "pueblo",
            "город",
            "деревня",
            "مدينة",
            "بلدة",
            "قرية",
        ],
        "city",
    ),
}
# looked up by folded word: fold() also unifies Arabic letters ("محافظة" -> "محافظه")
_QUALIFIER_KEYS: dict[str, PlaceKind] = {
    fold(word).replace(" ", ""): kind for word, kind in _QUALIFIERS.items()
}
_LINKS = frozenset({"of", "von", "de", "du", "des", "del", "la", "le", "di", "the"})
# Without a context, a big city is what a bare name most often means, then the admin unit.
_KIND_ORDER = {"country": 0, "admin1": 2, "region": 3, "locality": 3, "city": 4}
_BIG_CITY = 50_000
_WELL_KNOWN_CITY = 100_000
_MIN_WEAK_SIMILARITY = 0.75


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    strength: int  # 0 spelling, 1 transliteration/stem, 2 sound skeleton (see normalise)
    kind_hint: PlaceKind | None


_index: PlaceIndex | None = None
_index_lock = threading.Lock()


def set_index(index: PlaceIndex | None) -> None:
    """Use another index (tests, or a prebuilt file); None returns to the default."""
    global _index
    _index = index
    _candidates.cache_clear()


def _get_index() -> PlaceIndex:
    global _index
    with _index_lock:
        if _index is None:
            _index = PlaceIndex.open_default()
        return _index


def known_keys(keys: set[str]) -> set[str]:
    """Those of the match ``keys`` (see ``normalise.weighted_keys``) some place has."""
    return _get_index().known_keys(keys)


def split_qualifier(name: str) -> tuple[str, PlaceKind | None]:
    """``Raqqa province`` -> (``Raqqa``, admin1); names without such a word are returned as is."""
    words = name.split()
    for head in (True, False):
        if len(words) < 2:
            break
        word = words[0] if head else words[-1]
        kind = _QUALIFIER_KEYS.get(fold(word).replace(" ", ""))
        if kind is None:
            continue
        rest = words[1:] if head else words[:-1]
        while head and len(rest) > 1 and fold(rest[0]) in _LINKS:
            rest = rest[1:]
        return " ".join(rest), kind
    return name, None


def _names_similar(query: str, place: Place) -> bool:
    """Whether a sound-skeleton match is also close in spelling, to one of the place's names."""
    matcher = SequenceMatcher(None, b=query)
    for name in (place.name, *place.alternate_names):
        matcher.set_seq1(loose_form(name))
        if (
            matcher.quick_ratio() >= _MIN_WEAK_SIMILARITY
            and matcher.ratio() >= _MIN_WEAK_SIMILARITY
        ):
            return True
    return False


def candidates(
    name: str, language: str | None = None, max_strength: int | None = None
) -> list[Candidate]:
    """Every place whose names share a key with ``name``, strongest match first, then by
    kind (country, big city, admin1, region, other cities) and population. With
    ``max_strength``, looser keys are not tried at all (much faster in running text)."""
    return list(_candidates(name, language, max_strength))


@lru_cache(maxsize=20_000)
def _candidates(name: str, language: str | None, max_strength: int | None) -> tuple[Candidate, ...]:
    name = re.sub(r"\s+", " ", name).strip(" \t.,;:!?\"'()[]")
    core, hint = split_qualifier(name)
    keys: dict[str, int] = {}
    for variant in dict.fromkeys((name, core)):
        for key, strength in weighted_keys(variant, language):
            if max_strength is None or strength <= max_strength:
                keys.setdefault(key, strength)
    index = _get_index()
    found: list[Candidate] = []
    for rowid, hits in index.places_for(keys).items():
        place = index.place(rowid)
        strength = min(keys[k] for k in hits)
        if strength == WEAK and not _names_similar(loose_form(core, language), place):
            continue
        found.append(Candidate(place, strength, hint))
    marked = _marked_letters(name, language)
    if marked:  # "Schwärme" is no Schwarme, "Lüchow" no Hefei ("Luchow")
        found = [c for c in found if _spells_marks(marked, c.place)]
    folded = fold(core)
    full = fold(name)
    acronym = core.replace(".", "") if core.replace(".", "").isupper() else None
    found.sort(key=lambda c: _rank(c, folded, full, acronym))
    return tuple(_city_before_its_province(found, hint))


def _city_before_its_province(found: list[Candidate], hint: PlaceKind | None) -> list[Candidate]:
    """A bare name shared by an ISO province and a big city of the same country ("Santa
    Cruz", "Berne", "Buenos Aires") or a city of millions anywhere ("Vienne" is Vienna
    before the French département) means the city, as news use it; with a qualifier
    ("canton de Berne", "Santa Cruz department") it stays the province."""
    if hint is not None or not found:
        return found
    top = found[0]
    if not _shadowed(top.place, found):
        return found
    same = [c for c in found if c.strength == top.strength]
    city = next(c for c in same if _shadows(c.place, top.place))
    return [city, *(x for x in found if x is not city)]


_MILLION_CITY = 1_000_000


def _shadows(city: Place, province: Place) -> bool:
    return city.kind == "city" and (
        city.population >= _MILLION_CITY
        or (city.country_code == province.country_code and city.population >= _WELL_KNOWN_CITY)
    )


def _shadowed(place: Place, found: Sequence[Candidate]) -> bool:
    """Whether ``place`` is an ISO province named like a big city among ``found``."""
    if not place.id.startswith(SUBDIVISION_PREFIX):
        return False
    strength = next((c.strength for c in found if c.place.id == place.id), None)
    return any(c.strength == strength and _shadows(c.place, place) for c in found)


# Spanish writes a stress accent on foreign names by rule ("Shanghái", "Járkov"): it is
# no part of the name's spelling; other marks are letters of their own (ü is not u)
_OPTIONAL_MARKS = {"es": frozenset("áéíóú")}
# Polish case endings with a mark ("Moskwą", "Pragę", "Wielką Brytanię")
_MARKED_ENDINGS = {"pl": frozenset("ąę")}


def _marked_letters(name: str, language: str | None) -> frozenset[str]:
    """The letters with diacritics of a Latin-script name, casefolded (ß and ł are letters
    of their own, without a mark to drop), case endings aside."""
    optional = _OPTIONAL_MARKS.get(language or "", frozenset())
    endings = _MARKED_ENDINGS.get(language or "", frozenset())
    out = set()
    for word in unicodedata.normalize("NFC", name.casefold()).split():
        if word[-1:] in endings:
            word = word[:-1]
        out.update(c for c in word if c not in optional and _marked(c))
    return frozenset(out)


def _marked(c: str) -> bool:
    latin = c.isalpha() and not c.isascii() and c < "\u0250"
    return latin and len(unicodedata.normalize("NFD", c)) > 1


def _spells_marks(marked: frozenset[str], place: Place) -> bool:
    return any(
        marked <= set(unicodedata.normalize("NFC", n.casefold()))
        for n in (place.name, *place.alternate_names)
    )


def _own_name(place: Place) -> str:
    """The folded main name without a bracketed note: "Amazonas (state)" -> "amazonas"."""
    return fold(re.sub(r"\s*\([^)]*\)", "", place.name)) or fold(place.name)


def _rank(
    c: Candidate, folded: str, full: str, acronym: str | None
) -> tuple[int, int, int, int, int, int, int, int]:
    kind = _KIND_ORDER[c.place.kind]
    if c.place.kind == "city" and c.place.population >= _BIG_CITY:
        kind = 1
    hinted = 0 if c.kind_hint is None or _fits(c.place.kind, c.kind_hint) else 1
    main = _own_name(c.place)
    # a country or state called by its own name ("Florida") before a city that merely has
    # the name among its alternates (Floridablanca)
    # (and a place known by the very acronym: "NRW")
    # (not an ISO 3166-2 province named after its capital: "Buenos Aires", "Istanbul")
    own = 0 if c.place.kind in ("country", "admin1") and main in (folded, full) else 1
    if c.place.id.startswith(SUBDIVISION_PREFIX):
        own = 1
    if acronym and any(n.replace(".", "") == acronym for n in c.place.alternate_names):
        own = 0
    # a well-known place called by its own name before one that merely lists the name among
    # its alternates: "Pueblo" is Pueblo (Colorado) before Puebla, "Antioquia" the Colombian
    # department before Antakya (Antioch)
    named = 0 if main in (folded, full) and _well_known(c.place) else 1
    # among places of one rank, the one whose own name is the words with their qualifier:
    # "Carson City" is Carson City before Carson (the words without "City")
    exact = 0 if main == full and full != folded else 1
    # a curated or geonames region before an ISO province of another country's same name
    listed = 1 if c.place.id.startswith(SUBDIVISION_PREFIX) else 0
    return (c.strength, hinted, own, named, kind, exact, listed, -c.place.population)


def _well_known(place: Place) -> bool:
    if place.kind == "city":
        return place.population >= _WELL_KNOWN_CITY
    return True


def _fits(kind: PlaceKind, hint: PlaceKind) -> bool:
    if hint == "region":
        return kind in ("region", "admin1", "locality")
    if hint == "city":
        return kind in ("city", "locality")
    return kind == hint


def country_place(code: str) -> Place | None:
    """The country with ISO code ``code`` ("US"), or None."""
    return _get_index().country(code.upper())


def place_by_id(place_id: str) -> Place | None:
    """The place with id ``place_id`` ("geonames:2950159"), or None."""
    return _get_index().by_id(place_id)


def lookup(name: str, language: str | None = None) -> list[Place]:
    """Candidate places for a name, best first (see ``candidates``)."""
    return [c.place for c in candidates(name, language)]


def resolve(
    name: str,
    context_places: Sequence[Place] = (),
    language: str | None = None,
    max_strength: int | None = None,
) -> Place | None:
    """The place a name most likely means in a document whose other places are
    ``context_places``: among the strongest matches, one that is a context place, else one in
    the country (then the admin-1 region) of the most context places, else the first ranked."""
    found = candidates(name, language, max_strength)
    if not found or (max_strength is not None and found[0].strength > max_strength):
        return None
    best = found[0].strength
    pool = [c for c in found if c.strength == best]
    if not context_places:
        return pool[0].place
    top = pool[0].place
    if top.kind != "city" or top.population >= _BIG_CITY:
        # the context chooses among places of note: a country or big city is not traded for
        # a village of its name in a country the text happens to name ("Luxemburg", WI)
        pool = [c for c in pool if c.place.kind != "city" or c.place.population >= _BIG_CITY]
    ids = {p.id for p in context_places}
    countries: dict[str, int] = {}
    regions: dict[tuple[str, str], int] = {}
    for p in context_places:
        countries[p.country_code] = countries.get(p.country_code, 0) + 1
        if p.admin1_code:
            key = (p.country_code, p.admin1_code)
            regions[key] = regions.get(key, 0) + 1

    core, hint = split_qualifier(name)
    own = {fold(name), fold(core)}
    shadowed = {c.place.id for c in pool if c.kind_hint is None and _shadowed(c.place, pool)}
    context_countries = set(countries)
    # a state or country of that very name keeps it ("New York" is the state before the
    # city whose alternate it is); an ISO province named like a big city does not
    area_named = any(
        c.place.kind in ("country", "admin1")
        and not c.place.id.startswith(SUBDIVISION_PREFIX)
        and _own_name(c.place) in own
        for c in pool
    )

    def called(p: Place) -> bool:
        """Whether the name is the place's own, or a big city's in a country the document
        names ("Santa Cruz" for Santa Cruz de la Sierra in a Bolivian story)."""
        if p.id in shadowed:
            return False
        names = {_own_name(p)}
        # a country by its names in our languages ("Polen" is Poland, not Poole); a city of
        # millions is known abroad by its exonyms ("Vienne" for Vienna)
        exonyms = p.kind == "country" or (
            p.kind == "city"
            and hint is None
            and not area_named
            and (
                p.population >= _MILLION_CITY
                or (p.population >= _WELL_KNOWN_CITY and p.country_code in context_countries)
            )
        )
        if exonyms:
            names.update(fold(n) for n in p.alternate_names)
        return not names.isdisjoint(own)

    def score(item: tuple[int, Candidate]) -> tuple[int, int, int, int, int]:
        order, c = item
        p = c.place
        region = regions.get((p.country_code, p.admin1_code or ""), 0)
        # a place of that very name before one listing it as an alternate: "Mykolaiv" is
        # Mykolaiv, not Mykolaivka near the other places; "New York City" is the city
        # even where "New York" (the state) is named too
        named = 0 if called(p) else 1
        return (named, -(p.id in ids), -countries.get(p.country_code, 0), -region, order)

    return min(enumerate(pool), key=score)[1].place
