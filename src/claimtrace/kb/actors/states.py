"""State actors derived from CLDR (babel) for every country, plus demonyms, a government and
an armed-forces actor for the states in ``data/actor_demonyms.json``.

Ids: ``actor:state-<cc>``, ``actor:gov-<cc>``, ``actor:forces-<cc>`` (ISO 3166-1 alpha-2,
lowercase), so they stay stable whatever CLDR calls the country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from claimtrace.kb.actors.files import curated_json
from claimtrace.kb.actors.model import Actor, Alias
from claimtrace.kb.places.sources import COUNTRY_NAME_LOCALES

# the same CLDR locales as the gazetteer's country names, so actors and places agree
STATE_NAME_LOCALES = COUNTRY_NAME_LOCALES
_NOT_STATES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ", "BV", "HM", "UM"})
_TERRITORY = re.compile(r"^[A-Z]{2}$")


def _ru_neuter(adjective: str) -> str:
    return re.sub(r"(ий|ый|ой)$", "ое", adjective)


def _gov_aliases(adj: dict[str, str]) -> list[Alias]:
    """'Iranian government', 'iranische Regierung', 'gouvernement iranien', 'الحكومة الإيرانية'."""
    out: list[Alias] = []
    templates = {
        "en": ["{} government", "{} regime", "{} authorities", "{} administration"],
        "de": ["{}e Regierung", "{}es Regime", "{}e Führung", "{}e Behörden"],
        "fr": ["gouvernement {}", "régime {}"],
        "es": ["gobierno {}", "régimen {}"],
        "ru": ["{} режим"],
    }
    for language, patterns in templates.items():
        if language in adj:
            out.extend(Alias(p.format(adj[language]), language) for p in patterns)
    if "ru" in adj:
        out.append(Alias(f"{_ru_neuter(adj['ru'])} правительство", "ru"))
    if "ar" in adj and " " not in adj["ar"]:
        out.append(Alias(f"الحكومة ال{adj['ar']}ة", "ar"))
        out.append(Alias(f"النظام ال{adj['ar']}", "ar"))
    return out


def _forces_aliases(adj: dict[str, str]) -> list[Alias]:
    """'Iranian forces', 'iranische Streitkräfte', 'القوات الإيرانية', 'الجيش الإيراني'."""
    templates = {
        "en": ["{} forces", "{} army", "{} military", "{} troops", "{} armed forces"],
        "de": ["{}e Streitkräfte", "{}e Armee", "{}e Truppen", "{}es Militär"],
    }
    out = [
        Alias(p.format(adj[lang]), lang)
        for lang, ps in templates.items()
        if lang in adj
        for p in ps
    ]
    if "ar" in adj and " " not in adj["ar"]:
        out.append(Alias(f"القوات ال{adj['ar']}ة", "ar"))
        out.append(Alias(f"الجيش ال{adj['ar']}", "ar"))
    return out


def _state_names(code: str) -> list[Alias]:
    from babel import Locale

    aliases = []
    for locale in STATE_NAME_LOCALES:
        name = Locale.parse(locale).territories.get(code)
        if name:
            aliases.append(Alias(name, locale))
    return aliases


def derived_actors() -> Iterator[Actor]:
    from babel import Locale

    demonyms: dict[str, dict[str, Any]] = curated_json("actor_demonyms.json")["states"]
    english = Locale.parse("en").territories
    for code, name in sorted(english.items()):
        if not _TERRITORY.match(code) or code in _NOT_STATES:
            continue
        cc = code.lower()
        info = demonyms.get(code, {})
        people = [
            Alias(word, lang) for lang, words in info.items() if lang != "capital" for word in words
        ]
        yield Actor(
            f"actor:state-{cc}",
            name,
            "state",
            code,
            tuple(dict.fromkeys(_state_names(code) + people)),
        )
        if not info:
            continue
        adjectives = {lang: words[0] for lang, words in info.items() if lang != "capital"}
        capitals = [
            Alias(city, lang, requires=("role:actor",))
            for lang, city in info.get("capital", {}).items()
        ]
        gov = f"actor:gov-{cc}"
        gov_aliases = [Alias(f"{name} government", "en"), Alias(f"government of {name}", "en")]
        yield Actor(
            gov,
            f"{adjectives['en']} government",
            "government",
            code,
            tuple(dict.fromkeys(gov_aliases + _gov_aliases(adjectives) + capitals)),
            parent=f"actor:state-{cc}",
        )
        yield Actor(
            f"actor:forces-{cc}",
            f"{adjectives['en']} armed forces",
            "government",
            code,
            tuple(dict.fromkeys(_forces_aliases(adjectives))),
            parent=gov,
        )
