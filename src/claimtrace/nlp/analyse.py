"""The analyse stage: sentences, named entities linked to actors and places, and times.

One Document in, one Analysis out; the store writes it. Places are resolved first so that
the document's countries can disambiguate both later places and ambiguous actor aliases
("the regime" in an article about Syria).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from claimtrace.link.actors import ActorTable, load_actor_table, unknown_actor_id
from claimtrace.link.gaz_place import Place
from claimtrace.link.gazetteer import resolve
from claimtrace.nlp.entities import Mention, find_mentions
from claimtrace.nlp.sentences import split_sentences
from claimtrace.nlp.times import TimeExpression, find_times
from claimtrace.records import Document

ANALYSIS_VERSION = "1"
_PLACE_LABELS = {"GPE", "LOC"}
_ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# sound-skeleton matches ("Europe" ~ Erpe, "April" ~ Aprilia) are too loose for running
# text: only spelling, stem and transliteration matches (strength 0-1) count
_PLACE_STRENGTH = 1


@dataclass(frozen=True)
class LinkedMention:
    mention: Mention
    actor_id: str | None = None
    place_id: str | None = None


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str
    type: str
    country: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Analysis:
    document_id: str
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[LinkedMention, ...]
    times: tuple[TimeExpression, ...]
    actors: tuple[ActorRef, ...] = ()
    places: tuple[Place, ...] = field(default=())
    version: str = ANALYSIS_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    return load_actor_table()


def analyse_document(doc: Document, backends: str | None = None) -> Analysis:
    spans = [(p.start, p.end, p.language) for p in doc.paragraphs]
    sentences: list[tuple[int, int]] = []
    times: list[TimeExpression] = []
    for start, end, language in spans:
        piece = doc.text[start:end]
        sentences.extend((start + s, start + e) for s, e in split_sentences(piece, language))
        for found in find_times(piece, language, doc.published):
            times.append(_shift(found, start))
    mentions = find_mentions(doc.text, spans, backends or None, on_missing="rules")
    places = _resolve_places(mentions)
    countries = {p.country_code for p in places.values() if p.country_code}
    linked, actors = _link_actors(mentions, places, countries)
    return Analysis(
        document_id=doc.id,
        sentences=tuple(sentences),
        mentions=tuple(linked),
        times=tuple(times),
        actors=tuple(actors.values()),
        places=tuple({p.id: p for p in places.values()}.values()),
    )


def _shift(found: TimeExpression, offset: int) -> TimeExpression:
    data = found.to_dict()
    data["start"] = found.start + offset
    data["end"] = found.end + offset
    return TimeExpression.from_dict(data)


def _maybe_place(m: Mention) -> bool:
    # the model-free fallback cannot tell "Deir Ezzor" from a person: let the gazetteer try
    return m.label in _PLACE_LABELS or (m.backend == "rules" and m.label in {"PERSON", "OTHER"})


def _resolve_places(mentions: list[Mention]) -> dict[int, Place]:
    """Place per mention index; a second pass lets every place use the others as context."""
    first: dict[int, Place] = {}
    for i, m in enumerate(mentions):
        if _maybe_place(m):
            place = resolve(m.text, (), m.language, _PLACE_STRENGTH)
            if place is not None:
                first[i] = place
    context = list(first.values())
    return {
        i: resolve(mentions[i].text, context, mentions[i].language, _PLACE_STRENGTH) or place
        for i, place in first.items()
    }


def _link_actors(
    mentions: list[Mention], places: dict[int, Place], countries: set[str]
) -> tuple[list[LinkedMention], dict[str, ActorRef]]:
    table = actor_table()
    linked: list[LinkedMention] = []
    actors: dict[str, ActorRef] = {}
    for i, m in enumerate(mentions):
        place = places.get(i)
        actor_id = None
        if m.label in _ACTOR_LABELS and not (place and m.label not in _PLACE_LABELS):
            context = set(countries) | ({"role:actor"} if m.label != "GPE" else set())
            actor = table.match(m.text, m.language, context)
            if actor is not None:
                actor_id = actor.id
                actors[actor.id] = ActorRef(
                    actor.id, actor.name, str(actor.type), actor.country, actor.parent
                )
            elif m.label in {"PERSON", "ORG"}:
                actor_id = unknown_actor_id(m.text, m.language)
                actors.setdefault(
                    actor_id,
                    ActorRef(actor_id, m.text, "person" if m.label == "PERSON" else "other"),
                )
        linked.append(LinkedMention(m, actor_id, place.id if place else None))
    return linked, actors
