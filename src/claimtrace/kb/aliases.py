"""The names an actor or place goes by in every language, for search: from the actor table
(exact aliases only) and the gazetteer (a place's name and alternate names).

``names_for`` answers "which entity does this query term name, and what else is it
called"; it is strict, because a wrong expansion floods the results: a term names an actor
only when it is exactly one of that actor's unambiguous aliases, and a place only when the
gazetteer has one place of that exact spelling (or one far larger than the rest and called
so in its own name). Names that are also everyday words in one of our languages ("IS",
"WHO", "UN") or written in lower case ("caliphate") are never added to a query.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from claimtrace.kb.actors.files import curated_json, parse_actor
from claimtrace.kb.actors.model import Actor, Alias
from claimtrace.kb.actors.states import derived_actors
from claimtrace.kb.places.place import Place

_STOP_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "tr")
MAX_NAMES = 40
# a place is taken for its name only when it is this much larger than the next of that name
_DOMINANT = 10


def fold(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's stop-word lists, read from their modules alone: importing the language
    packages would compile their tokenizer exceptions (seconds, for French)."""
    words: set[str] = set()
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    root = Path(next(iter(spec.submodule_search_locations))) / "lang"
    for language in _STOP_LANGUAGES:
        path = root / language / "stop_words.py"
        loader = importlib.util.spec_from_file_location(f"_stop_words_{language}", path)
        if loader is None or loader.loader is None or not path.exists():
            continue
        module = importlib.util.module_from_spec(loader)
        loader.loader.exec_module(module)
        words |= {w.lower() for w in getattr(module, "STOP_WORDS", ())}
    return frozenset(words)


def usable(name: str) -> bool:
    """Whether a name can stand for its entity in a case-insensitive full-text search."""
    letters = [c for c in name if c.isalnum()]
    if len(letters) < 2 or name[:1].islower():
        return False
    if fold(name) in _stop_words():
        return False
    return not (len(letters) <= 2 and name.isupper())  # "IS", "EI", "ИГ"


@lru_cache(maxsize=1)
def _actors() -> dict[str, Actor]:
    """The actor table's records (without building its match index, which search needs
    not): CLDR states, then curated actors and their alias extensions."""
    actors = {a.id: a for a in derived_actors()}
    for i, raw in enumerate(curated_json("actors.json")["actors"]):
        if raw.get("extend"):
            old = actors.get(raw["id"])
            if old is None:
                continue
            extra = [
                Alias.parse(item, language)
                for language, items in raw.get("aliases", {}).items()
                for item in items
            ]
            actors[old.id] = Actor(
                old.id, old.name, old.type, old.country, (*old.aliases, *extra),
                old.wikidata, old.parent,
            )  # fmt: skip
        else:
            actor = parse_actor(raw, f"actors.json, actor {i}")
            old = actors.get(actor.id)
            if old is not None:
                actor = Actor(
                    actor.id, actor.name, actor.type, actor.country,
                    (*old.aliases, *actor.aliases), actor.wikidata, actor.parent,
                )  # fmt: skip
            actors[actor.id] = actor
    return actors


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, frozenset[str]]:
    """Folded alias (or exact text of a case-sensitive alias, after '=') -> actor ids."""
    index: dict[str, set[str]] = {}
    for actor in _actors().values():
        index.setdefault(fold(actor.name), set()).add(actor.id)
        for alias in actor.aliases:
            if alias.requires:
                continue
            key = "=" + alias.text if alias.case_sensitive else fold(alias.text)
            index.setdefault(key, set()).add(actor.id)
    return {key: frozenset(ids) for key, ids in index.items()}


def actor_named(term: str) -> str | None:
    """The one actor of the table whose unambiguous alias ``term`` is exactly, else None."""
    index = _alias_index()
    found = index.get("=" + term, frozenset()) | index.get(fold(term), frozenset())
    return next(iter(found)) if len(found) == 1 else None


def actor(actor_id: str) -> Actor | None:
    return _actors().get(actor_id)


def actor_names(actor_id: str) -> list[str]:
    """The table's names of an actor; a state's are its country's names in the gazetteer
    (its aliases add demonyms: "Syrian" is not "Syria")."""
    found = _actors().get(actor_id)
    if found is None:
        return []
    if found.type == "state" and found.country:
        country = _country(found.country)
        if country is not None:
            return place_names(country)
    return [found.name, *(a.text for a in found.aliases if not a.requires)]


def _country(code: str) -> Place | None:
    from claimtrace.kb.places.gazetteer import country_place

    return country_place(code)


def _exact(term: str) -> list[Place]:
    """The places the gazetteer has under exactly this name (or alternate name)."""
    from claimtrace.kb.places.gazetteer import candidates

    key = fold(term)
    return [
        c.place
        for c in candidates(term)
        if c.strength == 0 and key in {fold(n) for n in (c.place.name, *c.place.alternate_names)}
    ]


def place_named(term: str) -> Place | None:
    """The one place the gazetteer has under exactly this name, or a country so called, or
    a place far larger than every other of that name whose own name it is."""
    exact = _exact(term)
    if not exact:
        return None
    key = fold(term)
    best = max(exact, key=lambda p: p.population)
    if len(exact) == 1 or best.kind == "country" and fold(best.name) == key:
        return best
    rest = max(p.population for p in exact if p is not best)
    if fold(best.name) == key and best.population >= _DOMINANT * max(rest, 1):
        return best
    return None


def place_by_id(place_id: str) -> Place | None:
    from claimtrace.kb.places import gazetteer

    return gazetteer._get_index().by_id(place_id)  # noqa: SLF001 - the index's own lookup


def place_names(place: Place) -> list[str]:
    """The place's name and those alternate names that name no other place ("Damaskus" is
    Damascus; "Cham", a town in Bavaria too, is left out)."""
    if place.kind == "country":  # CLDR's names of the country in each language
        return [place.name, *place.alternate_names]
    out = [place.name]
    for name in place.alternate_names:
        if usable(name) and [p.id for p in _exact(name)] == [place.id]:
            out.append(name)
    return out


def keep_usable(names: Iterable[str], term: str) -> list[str]:
    """Distinct usable names other than the term itself, at most MAX_NAMES."""
    seen = {fold(term)}
    out = []
    for name in names:
        key = fold(name)
        if key in seen or not usable(name):
            continue
        seen.add(key)
        out.append(name)
        if len(out) == MAX_NAMES:
            break
    return out
