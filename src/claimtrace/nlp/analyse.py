"""The analyse stage: sentences, named entities linked to actors and places, and times.

One Document in, one Analysis out; the store writes it. Mentions come from four finders:
the NER backend of each paragraph's language, the gazetteer scanner (place names NER
missed), the alias scanner (every alias of the actor table, "the Assad regime",
"Hisbollah", "نظام الأسد") and names after a role word ("Sprecher X"); ``mentions_link``
keeps one mention per span. Places are resolved first so that the document's countries can
disambiguate both later places and ambiguous aliases ("the regime" in an article about
Syria). Without a publication date, partial dates are read against the latest date the text
reaches (``times_anchor``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from claimtrace.kb.actors.table import ActorTable, load_actor_table
from claimtrace.kb.normalise import fold
from claimtrace.kb.places.gazetteer import resolve
from claimtrace.kb.places.place import Place
from claimtrace.nlp.entities.mentions.link import (
    PLACE_LABELS,
    actor_candidates,
    actor_refs,
    decide,
    ner_candidates,
    place_candidates,
    select,
)
from claimtrace.nlp.entities.mentions.records import ActorRef, LinkedMention
from claimtrace.nlp.entities.mentions.roles import assign_roles, role_cued_names
from claimtrace.nlp.entities.mentions.types import settle_unknown_types
from claimtrace.nlp.entities.ner import Mention, find_mentions, parse_backends
from claimtrace.nlp.entities.scan.actors import ActorScanner
from claimtrace.nlp.entities.scan.evidence import person_words, sentence_initial
from claimtrace.nlp.entities.scan.places import plausible_place, saint_name, scan_places
from claimtrace.nlp.text.annotate import AnnotatedDocument, annotate
from claimtrace.nlp.text.spacy_models import installed
from claimtrace.nlp.times import TimeExpression, find_times
from claimtrace.nlp.times.anchor import anchor_partial_times
from claimtrace.records import Document

__all__ = [
    "ANALYSIS_VERSION",
    "ActorRef",
    "Analysis",
    "LinkedMention",
    "analyse_annotated",
    "analyse_document",
    "parse_models",
]

ANALYSIS_VERSION = "18"  # 4: German NER model; 5: inferred years marked; 6: place evidence;
# 7: article and qualifier evidence, ISO 3166-2 provinces, one person per full name;
# 8: a province named by everyday words only needs its country; 9: evidence names, British
# counties, own names first, small towns near the other places, titles off person names;
# 10: the short and unlike-alternate rules for Latin spellings only (Arabic حلب = Aleppo)
# 11: marked letters spell a place, German nouns no city, villages abroad need a place
# near them, stems shorter than the alias no actor, everyday words no name
# 12: a stemmed actor name only with its language's endings (Faser no Fas, Cubas no Cuba);
# natural features, ISO subdivisions in our languages, first names and compounds no
# places, a province named like its big city is the city
# 13: German span edges and types from name words and the gazetteer; person spans cleaned
# 14: surnames after first names or before initials and frequent Arabic words no towns
# 15: a person's name ends before a digit, bracket or symbol; no letter, no entity
# 16: a saint's name only in the document's countries; a capitalised German adjective no town
# 17: a saint's name is no evidence of its homonyms' countries
# 18: a German compass noun before a genitive place is no first name (im Osten Aleppos)
# sound-skeleton matches ("Europe" ~ Erpe, "April" ~ Aprilia) are too loose for running
# text: only spelling, stem and transliteration matches (strength 0-1) count
_PLACE_STRENGTH = 1
_COUNTRY_CITY = 100_000  # a city this big places a document in its country


@dataclass(frozen=True)
class Analysis:
    document_id: str
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[LinkedMention, ...]
    times: tuple[TimeExpression, ...]
    actors: tuple[ActorRef, ...] = ()
    places: tuple[Place, ...] = field(default=())
    version: str = ANALYSIS_VERSION
    # the publication day's lower bound inferred from the text when the document has no
    # publication date (the latest day its absolute dates reach); partial dates use it
    time_anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    return load_actor_table()


@lru_cache(maxsize=1)
def actor_scanner() -> ActorScanner:
    return ActorScanner(actor_table())


def parse_models(backends: str | Mapping[str, str] | None = None) -> dict[str, str]:
    """Language -> the spaCy model its NER backend names (installed ones only: a language
    whose model is missing falls back to the rules, with a splitter's sentences)."""
    out: dict[str, str] = {}
    for language, backend in parse_backends(backends or None).items():
        model = backend.removeprefix("spacy:")
        if backend.startswith("spacy:") and installed(model):
            out[language] = model
    return out


def analyse_document(doc: Document, backends: str | None = None) -> Analysis:
    """The analysis of one document, annotated on its own (``analyse_annotated`` reads an
    annotation made for a whole batch)."""
    return analyse_annotated(annotate([doc], parse_models(backends))[0], backends)


def analyse_annotated(annotated: AnnotatedDocument, backends: str | None = None) -> Analysis:
    doc = annotated.document
    spans = [(p.start, p.end, p.language) for p in doc.paragraphs]
    times: list[TimeExpression] = []
    for start, end, language in spans:
        piece = doc.text[start:end]
        for found in find_times(piece, language, doc.published):
            times.append(_shift(found, start))
    anchor = None
    if not doc.published:
        times, anchor = anchor_partial_times(doc.text, spans, times)
    mentions = find_mentions(
        doc.text, spans, backends or None, on_missing="rules", pieces=annotated.pieces
    )
    words = annotated.words
    cued = role_cued_names(doc.text, spans, words)
    persons = person_words(m.text for m in (*mentions, *cued) if m.label == "PERSON")
    places = _resolve_places(doc.text, mentions, persons)
    places = {i: p for i, p in places.items() if not _names_outlet(mentions[i].text, p, doc)}
    countries = {p.country_code for p in places.values() if p.country_code}
    found_places = scan_places(doc.text, spans, list(places.values()), countries, words, persons)
    found_places = [h for h in found_places if not _names_outlet(h.text, h.place, doc)]
    countries |= {h.place.country_code for h in found_places if h.place.country_code}
    table = actor_table()
    candidates = [
        *ner_candidates(mentions, places, table, countries),
        *place_candidates(found_places, mentions, places.values()),
        *actor_candidates(actor_scanner().scan(doc.text, spans, countries, words), found_places),
        *ner_candidates(cued, {}, table, countries, source=1),
    ]
    chosen = select(candidates)
    linked = decide(chosen)
    actors = assign_roles(doc.text, linked, actor_refs(chosen, linked), _actor_named(table))
    linked, actors = settle_unknown_types(linked, actors, doc.text)
    for ref in list(actors.values()):  # an affiliation named only inside a person's mention
        body = table.get(ref.affiliation) if ref.affiliation else None
        if body is not None and body.id not in actors:
            actors[body.id] = ActorRef(
                body.id, body.name, str(body.type), body.country, body.parent
            )
    used = {lm.place_id for lm in linked if lm.place_id}
    all_places = {c.place.id: c.place for c in chosen if c.place is not None}
    return Analysis(
        document_id=doc.id,
        sentences=annotated.sentences,
        mentions=tuple(linked),
        times=tuple(times),
        actors=tuple(actors.values()),
        places=tuple(p for pid, p in all_places.items() if pid in used),
        time_anchor=anchor,
    )


def _actor_named(table: ActorTable) -> Callable[[str, str], str | None]:
    def named(words: str, language: str) -> str | None:
        actor = table.match(words, language)
        return actor.id if actor is not None else None

    return named


def _shift(found: TimeExpression, offset: int) -> TimeExpression:
    data = found.to_dict()
    data["start"] = found.start + offset
    data["end"] = found.end + offset
    return TimeExpression.from_dict(data)


# backends that cannot tell a foreign place ("zwischen Homs und Deir Ezzor") from a person:
# the model-free fallback, and the German model trained on 2,000 sentences
_TYPES_UNSURE = frozenset({"rules", "spacy:claimtrace_ner_de"})


def _maybe_place(m: Mention) -> bool:
    # let the gazetteer try; plausible_place then asks for more evidence than for a GPE
    return m.label in PLACE_LABELS or (
        m.backend in _TYPES_UNSURE and m.label in {"PERSON", "OTHER"}
    )


def _names_outlet(words: str, place: Place, doc: Document) -> bool:
    """Whether ``words`` are the name of the document's own outlet ("Clarín" on clarin.com,
    not Clarin in the Philippines); a country's name stays a country."""
    if not doc.outlet or place.kind == "country":
        return False
    return fold(words) == fold(doc.outlet)


def _names_country(place: Place) -> bool:
    if not place.country_code:
        return False
    return place.kind != "city" or place.population >= _COUNTRY_CITY


def _resolve_places(
    text: str, mentions: list[Mention], persons: frozenset[str]
) -> dict[int, Place]:
    """Place per mention index; a second pass lets every place use the others as context,
    and only plausible links survive ("West" is not West, Texas)."""
    first: dict[int, Place] = {}
    for i, m in enumerate(mentions):
        if _maybe_place(m):
            place = resolve(m.text, (), m.language, _PLACE_STRENGTH)
            if place is not None:
                first[i] = place
    # countries the document names, or names a region or big city of, by other words
    # than the one judged ("Bay Area" -> Bay, Somalia is no evidence of Somalia)
    by_words: dict[str, Counter[str]] = {}
    for i, p in first.items():
        # a saint's name guesses a town in any of a dozen countries: no evidence of one
        if _names_country(p) and not (p.kind == "city" and saint_name(mentions[i].text)):
            by_words.setdefault(mentions[i].text, Counter())[p.country_code] += 1
    named = sum(by_words.values(), Counter())
    out: dict[int, Place] = {}
    for i, place in first.items():
        m = mentions[i]
        countries = set(named - by_words.get(m.text, Counter()))
        # the others' places: a name's own first guess is no context for it ("Surrey"
        # guessed as Surrey, British Columbia, would otherwise confirm itself)
        others = [first[j] for j in first if mentions[j].text != m.text]
        better = resolve(m.text, others, m.language, _PLACE_STRENGTH) or place
        trusted = m.label in PLACE_LABELS  # rules give GPE only after a cue ("aus", "مدينة")
        if plausible_place(
            better,
            m.text,
            m.language,
            countries,
            found_by_ner=trusted,
            persons=persons,
            initial=sentence_initial(text, m.start),
            preceding=text[max(0, m.start - 40) : m.start],
            neighbours=others,
            following=text[m.end : m.end + 40],
        ):
            out[i] = better
    return out
