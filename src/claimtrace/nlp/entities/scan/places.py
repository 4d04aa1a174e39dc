"""Gazetteer scanner: place names in running text that NER missed ("Qalamoun region",
"Kalamun", "تدمر"), and the plausibility gate every place link passes.

Candidate spans are runs of up to four words that start and end with a capital (any word in
uncased scripts such as Arabic); their spelling-level keys are looked up in one batch in the
gazetteer's key index, and each hit is resolved with the document's other places as context.
A qualifier next to the name ("region", "Provinz", "محافظة") joins the span. The gate keeps
out the classic false positives of gazetteer matching: common words that are also the name of
some small town ("West", "Sky", "Time"), lowercase words ("drone"), and small places in
countries the document never mentions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex

from claimtrace.kb.normalise import STRONG, fold, strip_articles_cased, weighted_keys
from claimtrace.kb.places.gazetteer import known_keys, resolve, split_qualifier
from claimtrace.kb.places.place import Place
from claimtrace.kb.places.sources import SUBDIVISION_PREFIX
from claimtrace.nlp.entities.ner.lexicon import STOPWORDS, zipf
from claimtrace.nlp.entities.scan.evidence import (
    big_city,
    everyday_word,
    german_adjective,
    german_common_noun,
    has_place_name_shape,
    is_first_name,
    is_main_name,
    names_a_person,
    sentence_initial,
    spelled_like,
)
from claimtrace.nlp.text.tokens import ARABIC, Token, WordCache, joined
from claimtrace.nlp.text.words import split_words

__all__ = ["PlaceHit", "first_name_of", "is_common_word", "plausible_place", "scan_places"]

_MAX_WORDS = 4
_BIG_PLACE = 100_000
_SMALL_TOWN = 20_000
_VILLAGE = 5_000
_HUGE_PLACE = 1_000_000
_COMMON_ZIPF = 4.0
_COMMON_ZIPF_UNCASED = 5.3
_VERY_COMMON_ZIPF = 5.4
_WORDFREQ_LANGUAGES = frozenset({"en", "de", "fr", "es", "ru", "ar", "it", "pt", "nl", "tr"})
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "ed", "es"})
_KIND_FITS: dict[str, frozenset[str]] = {
    "city": frozenset({"city", "locality"}),
    "region": frozenset({"region", "admin1", "locality"}),
    "admin1": frozenset({"admin1"}),
}
# "der Charité", "die Rega", "der Berliner Charité": an article (and a place adjective)
_GERMAN_ARTICLE = regex.compile(
    r"(?<![\p{L}])(?:der|die|das|dem|den|des)\s+(?:\p{Lu}\p{L}+er\s+)?$"
)


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    text: str
    language: str
    place: Place


def is_common_word(text: str, language: str | None, floor: float = _COMMON_ZIPF) -> bool:
    """A single word frequent enough in ``language`` (or English) to be a common noun or
    adjective before it is a place name."""
    words = text.split()
    if len(words) != 1:
        return False
    parts = [p for p in regex.split(r"[\-‐–]", words[0]) if p]
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):
        return False  # "Baden-Württemberg": wordfreq counts its parts, a name counts once
    word = words[0].casefold()
    if ARABIC.match(word):
        # news corpora make Arabic place names frequent ("دمشق" 5.1): only the most
        # frequent words ("منطقة", "قوات") count as common
        return zipf(word, "ar") >= _COMMON_ZIPF_UNCASED
    langs = {language, "en"} & _WORDFREQ_LANGUAGES
    return any(zipf(word, lang) >= floor for lang in langs if lang)


_DIRECTIONS = split_words(
    "north south east west northeast northwest southeast southwest nord sud süd ost est "
    "ouest nordost nordwest südost südwest norte sur este oeste noreste noroeste sureste "
    "suroeste nordest nordouest sudest sudouest"
)


def names_a_direction(text: str) -> bool:
    """Words that only say a direction: "Northwest", "North East", "Nord-Ost", "Sud-Ouest"."""
    words = regex.split(r"[\s\-‐–]+", text.strip().casefold())
    return bool(words) and all(w in _DIRECTIONS for w in words if w)


def everyday_words(text: str, language: str | None) -> bool:
    """Every word of the name is a common word ("North East", "Centre"): it says a
    direction or a thing before it names a place."""
    words = text.split()
    return bool(words) and all(is_common_word(word, language) for word in words)


def plausible_place(
    place: Place,
    surface: str,
    language: str | None,
    countries: Iterable[str],
    *,
    found_by_ner: bool,
    persons: frozenset[str] = frozenset(),
    initial: bool = False,
    preceding: str = "",
    neighbours: Sequence[Place] = (),
    following: str = "",
) -> bool:
    """Whether linking ``surface`` to ``place`` is believable in a document mentioning
    ``countries`` whose person names end in ``persons`` (see ``evidence``); ``preceding``:
    the text right before the words. Beyond the evidence of a name: a common word ("West",
    "Sky", "Time") names only a country or a big city (bigger still when no model said it
    is a place); a scanned small place must lie in one of the document's countries; a
    province of the ISO list needs its country too unless a model found it and it is no
    everyday word; a name with a qualifier ("Bay Area", "Central District") does not link to a place
    of another kind by an everyday word; a German article makes a name no town ("an der
    Charité", "die Rega"). ``following``: the text right after the words; a first name
    before a capitalised word is a person's ("Francia Márquez", "Georges Prêtre"), and a
    German name before a hyphen is part of a compound ("Fuji-Rollenhalter")."""
    if not has_place_name_shape(surface, place, language) or not spelled_like(
        surface, place, language
    ):
        return False
    if place.kind != "country" and names_a_person(surface, persons):
        return False
    if not _qualifier_fits(place, surface, language):
        return False
    if place.kind != "country" and _after_first_name(surface, preceding, language):
        return False  # "Anthony Monreal(6)", "Bernald Alfaro": a surname, not Monreal
    if place.kind != "country" and _INITIALS_NEXT.match(following):
        return False  # "Bor J, Venkataramani AS": a surname before initials in a reference
    if _arabic_common_word(surface, place, countries):
        return False  # "الحرية" (freedom) is no Liberdade, "حكومة" (government) no village
    if language == "de" and _COMPOUND_NEXT.match(following):
        return False  # "Fuji-Rollenhalter", "US-Militärs": a part of a compound word
    if first_name_of(surface, following, language):
        return False
    before = preceding.split()[-1:] if preceding[-1:] == " " else []
    if _article_before_common_word(" ".join([*before, surface]), place, language):
        return False  # "La Sala (Penal)" is a chamber, not Salé
    if place.kind == "city" and language == "de" and _GERMAN_ARTICLE.search(preceding):
        return False  # towns take no article; institutions and rivers do
    if place.kind == "city" and names_a_direction(surface):
        return False  # "Northwest", "Nord-Ost": a direction before a town of that name
    countries = set(countries)
    if (
        found_by_ner
        and place.kind == "city"
        and place.population < _BIG_PLACE
        and countries
        and place.country_code not in countries
    ):
        return False  # a small town abroad in a text about other countries ("Atkins")
    if place.kind == "city" and place.population < _SMALL_TOWN and _elsewhere(place, neighbours):
        return False  # "Midtown" (Tennessee) in a text about New York
    if place.kind == "city" and place.population < _VILLAGE and _abroad_alone(place, neighbours):
        return False  # "Kraemer" (Louisiana) in a German text about Stuttgart and the USA
    if (
        place.id.startswith(SUBDIVISION_PREFIX)
        and place.country_code not in countries
        and (not found_by_ner or everyday_words(split_qualifier(surface)[0], language))
    ):
        return False  # a province ("Centre", "Chaco", "North East") in a text about its country
    surface = strip_articles_cased(surface, language) or surface  # "la Ville" is "Ville"
    single = len(surface.split()) == 1
    if (
        single
        and place.kind == "city"
        and is_first_name(surface)
        and not (found_by_ner and big_city(place))
    ):
        return False
    # "Speicher", "Stapel", "Dekan", "Pest": nouns first, towns too; only a model's place
    # that is a big city by its own name ("Essen") stays
    own_big_city = found_by_ner and big_city(place) and is_main_name(surface, place, language)
    german_noun = single and language == "de" and german_common_noun(surface)
    if german_noun and place.kind == "city" and not own_big_city:
        return False
    if (
        single
        and language == "de"
        and place.kind == "city"
        and place.country_code not in countries
        and german_adjective(surface)
    ):
        return False  # "über Mobile Daten": an adjective, not Mobile (Alabama)
    common = is_common_word(surface, language)
    if common and not is_main_name(surface, place, language):
        # a big city's name in the text's language ("Moskau") is frequent too, but no
        # city name is as frequent as the commonest words ("Dabei" ~ Dubai, "Seul" ~ Seoul,
        # "la Ville" ~ Los Angeles)
        if place.kind == "country" or not (found_by_ner and big_city(place)):
            return False
        if not _like_own_name(surface, place):
            return False  # "Google" is an alternate name of Topeka
        if is_common_word(surface, language, _VERY_COMMON_ZIPF):
            return False
    if common and initial and not found_by_ner and place.kind != "country":
        return False  # capitalised only because it opens the sentence
    if (
        initial
        and place.kind == "city"
        and place.population < _HUGE_PLACE
        and place.country_code not in countries
        and not is_main_name(surface, place, language)
        and is_common_word(surface, language, _INITIAL_COMMON_ZIPF)
    ):
        return False  # "Conception and design:" is no Concepcion (Philippines)
    if place.kind == "country":
        return True
    if (
        place.kind == "city"
        and saint_name(surface)
        and place.country_code not in countries
        and place.population < _SAINT_CITY
    ):
        return False  # "San José", "Santa Rosa": a town in nearly every country; the document's
    if common:
        if ARABIC.match(surface.strip()) and not found_by_ner:
            return False  # uncased: nothing tells the common word from the name
        if not found_by_ner and _named_feature(surface, place, language, countries):
            return True
        if found_by_ner and _area(place):
            return True
        return place.population >= (_BIG_PLACE if found_by_ner else _HUGE_PLACE)
    if found_by_ner or _area(place):
        return True
    return place.country_code in set(countries) or place.population >= _BIG_PLACE


_MIN_LIKE = 0.5
# a saint's name ("San José", "Santa Rosa", "Saint-Denis") names towns and barrios in every
# country of its language: only one in the document's countries, or a city of millions
_SAINT_NAME = regex.compile(r"(?:San|Santa|Santo|São|Sao|Saint|Sainte|St|Ste|Sankt)[\s.\-]")
_SAINT_CITY = 2_000_000  # São Paulo, Saint Petersburg, Santo Domingo
_INITIAL_COMMON_ZIPF = 3.5
_COMPOUND_NEXT = regex.compile(r"[\-‐](?=\p{L})")
_NEXT_NAME = regex.compile(r"[ \u00a0](\p{Lu}[\p{Ll}\p{Lu}'’\-]+)")
_NAME_ARTICLES = frozenset({"la", "le", "el", "les", "los", "las", "il", "lo", "the", "l"})


def saint_name(surface: str) -> bool:
    """Whether ``surface`` is a saint's name ("San José", "Santa Rosa", "Saint-Denis"), a
    name towns in many countries share."""
    return _SAINT_NAME.match(surface) is not None


def first_name_of(surface: str, following: str, language: str | None) -> bool:
    """Whether the one word ``surface`` is a first name followed by a capitalised word that
    names no kind of place ("Francia Márquez", "Dominique Belpomme", not "Jordan River")."""
    if " " in surface.strip() or not is_first_name(surface.strip()):
        return False
    found = _NEXT_NAME.match(following)
    if found is None:
        return False
    word = found.group(1)
    if _kind(word) is not None or word.casefold().rstrip(".") in _FEATURE_WORDS:
        return False
    return word.casefold() not in STOPWORDS.get(language or "", frozenset())


_PREVIOUS_WORD = regex.compile(r"(\p{Lu}\p{Ll}+)[ \u00a0]$")
_ARABIC_COMMON_ZIPF = 3.7
# one or two initials and a comma (or "and"): the cited authors of a reference list
_INITIALS_NEXT = regex.compile(r"[ \u00a0]+\p{Lu}{1,2}\.?(?:[ \u00a0]*,|[ \u00a0]+and\b)")
_ARABIC_TOWN = 100_000
_ARABIC_EVERYDAY_ZIPF = 4.5
_ARABIC_FUNCTION_ZIPF = 5.2
_ARABIC_MILLION = 1_000_000
_ARABIC_ARTICLE = "ال"


def _after_first_name(surface: str, preceding: str, language: str | None) -> bool:
    """Whether the one word ``surface`` follows a first name that is no everyday word: a
    person's surname ("Anthony Monreal", "Jaikel Medina")."""
    if " " in surface.strip():
        return False
    found = _PREVIOUS_WORD.search(preceding)
    if found is None:
        return False
    word = found.group(1)
    if word.casefold() in STOPWORDS.get(language or "", frozenset()) or _kind(word) is not None:
        return False
    return is_first_name(word) and not everyday_word(word, language, False, first_names=False)


def _arabic_common_word(surface: str, place: Place, countries: Iterable[str]) -> bool:
    """Whether an Arabic word frequent in Arabic text names a town only by chance: with the
    article while the town's Arabic names lack it ("المشهد", the scene, is no مشهد), or a
    town under 100,000 people outside the document's countries ("الحرية", freedom, is no
    Liberdade in Brazil); countries, areas and cities of millions are left alone (their
    names are frequent words too, and "المشهد" still reaches Mashhad)."""
    word = surface.strip()
    if place.kind != "city" or not ARABIC.match(word) or " " in word:
        return False
    if zipf(word, "ar") < _ARABIC_COMMON_ZIPF:
        return False
    if place.population >= _ARABIC_MILLION:
        return False  # "الخرطوم": the big cities' Arabic names are frequent words too
    if word.startswith(_ARABIC_ARTICLE) and fold(word) not in {
        fold(n) for n in place.alternate_names
    }:
        return True
    if zipf(word, "ar") >= _ARABIC_FUNCTION_ZIPF:
        return True  # "وإن" (and that) is no Van
    return (
        zipf(word, "ar") >= _ARABIC_EVERYDAY_ZIPF
        and place.population < _ARABIC_TOWN
        and place.country_code not in set(countries)
    )  # "تدمر" (4.2) stays Tadmur before its country is known


def _article_before_common_word(surface: str, place: Place, language: str | None) -> bool:
    """An article and an everyday word ("La Sala", "Le Monde") name a place only when the
    place's own names have that article ("La Paz", "Le Havre")."""
    words = surface.split()
    if place.kind != "city" or len(words) != 2 or fold(words[0]).rstrip("'’") not in _NAME_ARTICLES:
        return False
    if is_main_name(words[1], place, language) or not is_common_word(words[1], language):
        return False
    return fold(surface) not in {fold(n) for n in (place.name, *place.alternate_names)}


def _named_feature(
    surface: str, place: Place, language: str | None, countries: Iterable[str]
) -> bool:
    """A curated area or natural feature called by its own name, a frequent word only as
    that name: no German common noun ("Mittelmeer", not "Kanal"), or in the one country
    the feature lies in, which the document names ("Amazon" with Brazil, not the shop)."""
    if not place.id.startswith("curated:") or not is_main_name(surface, place, language):
        return False
    if language == "de" and len(surface.split()) == 1 and not german_common_noun(surface):
        return True
    return bool(place.country_code) and place.country_code in set(countries)


def _like_own_name(surface: str, place: Place) -> bool:
    """Whether ``surface`` looks like the place's own name, as an exonym does ("Moskau",
    "Mailand"); a name unlike it ("Google" for Topeka) is a nickname or a joke."""
    a, b = fold(surface), fold(place.name)
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= _MIN_LIKE


def _abroad_alone(place: Place, neighbours: Sequence[Place]) -> bool:
    """Whether ``place`` lies outside the country most of the document's other places are
    in, and none of them is in its admin-1 region or near it: a village abroad is named
    with its region or the towns around it."""
    counts: dict[str, float] = {}
    for p in neighbours:
        # well-known places only: other mentions' first guesses include villages too
        if p.id != place.id and p.country_code and (p.kind != "city" or big_city(p)):
            # a country named is less of a setting than a town or region in it
            weight = 0.5 if p.kind == "country" else 1.0
            counts[p.country_code] = counts.get(p.country_code, 0) + weight
    if not counts:
        return False
    most = max(counts.values())
    if counts.get(place.country_code, 0) == most:
        return False
    return not any(
        p.id != place.id
        and (
            _near(p, place)
            or (
                p.country_code == place.country_code
                and p.kind != "country"
                and (p.admin1_code == place.admin1_code or (p.kind != "city" and not p.admin1_code))
            )
        )
        for p in neighbours
    )


_NEAR_KM = 300.0


def _near(a: Place, b: Place) -> bool:
    """Whether two places with coordinates lie within ``_NEAR_KM`` of each other (a
    country by its capital): "Moestroff" (Luxembourg) in a story about the Saarland."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h))) <= _NEAR_KM


def _elsewhere(place: Place, neighbours: Sequence[Place]) -> bool:
    """Whether the document's other places in ``place``'s country (those whose admin-1
    region is known) all lie in other admin-1 regions."""
    same = [p for p in neighbours if p.country_code == place.country_code and p.id != place.id]
    coded = [p for p in same if p.admin1_code]
    return bool(coded) and all(p.admin1_code != place.admin1_code for p in coded)


def _qualifier_fits(place: Place, surface: str, language: str | None) -> bool:
    """A name with a qualifier ("Bay Area", "Central District", "Carson City") links to a
    place of the qualifier's kind, to a place with that very name, or by a name that is no
    everyday word or first name ("Raqqa province" may fall back on the city)."""
    core, hint = split_qualifier(surface)
    if hint is None or core == surface:
        return True
    if fold(surface) in {fold(n) for n in (place.name, *place.alternate_names)}:
        return True
    if _KIND_FITS[hint] and place.kind in _KIND_FITS[hint]:
        return True
    return not (is_common_word(core, language) or is_first_name(core))


def _area(place: Place) -> bool:
    """A state, region or curated area: gazetteers hold few of them, each well known."""
    return place.kind in ("admin1", "region") or place.id.startswith("curated:")


def _capital(token: Token) -> bool:
    return token.text[:1].isupper() or bool(ARABIC.match(token.text))


def _spans(words: list[Token], language: str) -> list[tuple[int, int, int]]:
    """(first word, last word, shift) of every candidate name; shift skips an Arabic proclitic."""
    stop = STOPWORDS.get(language, frozenset())
    out: list[tuple[int, int, int]] = []
    for i, first in enumerate(words):
        if not _capital(first) or first.text.casefold() in stop:
            continue
        shifts = (0, *(shift for _, shift in first.bare))
        j = i
        while j < len(words) and j - i < _MAX_WORDS:
            if j > i and not joined(words[j - 1], words[j]):
                break
            last = words[j]
            if _capital(last) and (j == i or last.text.casefold() not in stop):
                out.extend((i, j, shift) for shift in shifts)
            elif not (last.text.casefold() in _ARTICLES or last.text.islower()):
                break
            j += 1
    return out


def _strong_keys(name: str, language: str) -> list[str]:
    return [k for k, strength in weighted_keys(name, language) if strength == STRONG]


def scan_places(
    text: str,
    paragraphs: Sequence[tuple[int, int, str | None]],
    context: Sequence[Place] = (),
    countries: Iterable[str] = (),
    cache: WordCache | None = None,
    persons: frozenset[str] = frozenset(),
) -> list[PlaceHit]:
    """Place names in ``text`` that resolve to a plausible gazetteer place, longest first,
    without overlaps; ``context`` places and ``countries`` disambiguate and gate them.
    ``cache``: the paragraphs' tokens, made once for every scanner."""
    cache = cache if cache is not None else WordCache()
    # start, end, name, language, words, proclitic skipped
    candidates: list[tuple[int, int, str, str, int, int]] = []
    for p_start, p_end, language in paragraphs:
        lang = language or "und"
        found = cache.get(text, p_start, p_end, lang)
        for i, j, shift in _spans(found, lang):
            start, end = found[i].start + shift, found[j].end
            name = text[start:end]
            if j > i or _kind(name) is None:  # "region", "مدينة" alone name no place
                candidates.append((start, end, name, lang, j - i, shift))
    keyed = {c: _strong_keys(c[2], c[3]) for c in candidates}
    known = known_keys({k for keys in keyed.values() for k in keys})
    hits = [c for c in candidates if any(k in known for k in keyed[c])]
    # most words first; for the same words, the form without "و" ("والرقة" -> "الرقة")
    hits.sort(key=lambda c: (-c[4], -c[5], c[0]))
    countries = set(countries)
    taken: list[PlaceHit] = []
    for start, end, name, lang, _, _ in hits:
        if any(start < h.end and h.start < end for h in taken):
            continue
        if _after_feature_word(text, start):
            continue  # "Playa Girón", "Lake Tahoe": a feature the gazetteer lacks
        place = resolve(name, context, lang, 0)
        if place is None or not plausible_place(
            place,
            name,
            lang,
            countries,
            found_by_ner=False,
            persons=persons,
            initial=sentence_initial(text, start),
            preceding=text[max(0, start - 40) : start],
            neighbours=context,
            following=text[end : end + 40],
        ):
            continue
        start, end = _with_qualifier(text, start, end, lang)
        if end - start > len(name):  # "Raqqa province" is the province, not the city
            place = resolve(text[start:end], context, lang, 0) or place
        taken.append(PlaceHit(start, end, text[start:end], lang, place))
    return sorted(taken, key=lambda h: h.start)


# capitalised words for a natural feature or a settlement kind that begin a place's name:
# the words after one are that place's name, not the town of the same name elsewhere
_FEATURE_WORDS = split_words(
    "playa isla islas río rio lago laguna cerro monte sierra bahía cabo puerto valle "
    "península golfo arroyo volcán costa punta cayo "
    "île îles lac mont baie cap plage golfe col pointe vallée rivière fleuve côte "
    "lake mount mt cape bay beach island isle river gulf point glacier canyon "
    "insel see berg kap bucht golf fluss tal "
    "wyspa jezioro góra zatoka przylądek rzeka "
    "isola capo porto"
)


def _after_feature_word(text: str, start: int) -> bool:
    """Whether the words at ``start`` follow a capitalised feature word of the same name
    ("Playa Girón", "Mount Sinai", "Lac Léman")."""
    before = text[max(0, start - 20) : start]
    if not before.endswith(" "):
        return False
    words = before.split()
    if not words:
        return False
    word = words[-1]
    return word[:1].isupper() and word.casefold().rstrip(".") in _FEATURE_WORDS


def _with_qualifier(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """Extend a name over an adjacent qualifier: "Qalamoun region", "Provinz Raqqa"."""
    after = text[end : end + 30].split("\n")[0]
    words = after.split()
    if words and after[:1] == " ":
        word = words[0].rstrip(".,;:!?)»”\"'")
        name = text[start:end]
        if word and split_qualifier(f"{name} {word}") == (name, _kind(word)):
            return start, end + after.index(word) + len(word)
    before = text[max(0, start - 30) : start].split("\n")[-1]
    words = before.split()
    if words and before.endswith(" "):
        word = words[-1].lstrip("(«“„\"'")
        name = text[start:end]
        if word and split_qualifier(f"{word} {name}") == (name, _kind(word)):
            return start - len(before) + before.rindex(word), end
    return start, end


def _kind(word: str) -> object:
    return split_qualifier(f"{word} x")[1] or split_qualifier(f"x {word}")[1]
