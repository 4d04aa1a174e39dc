"""Joining what NER, the alias scanner and the gazetteer scanner found into one set of
linked mentions, without duplicates.

Every finding becomes a candidate with a tier: a link to a table actor or an NER-found place
(3), a scanned place (2), an unknown name (1). Overlapping candidates are settled by tier,
then length, then NER before scanners, so "a Free Syrian Army" (NER, unknown) gives way to
"Free Syrian Army" (alias), and "Syrian" (NER) to "Syrian regime forces" (alias). Aliases the
table cannot decide ("the regime" in a text about Syria and Iran) go to the candidate the
document mentions most often elsewhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from claimtrace.kb.actors.table import ActorMatch, ActorTable, unknown_actor_id
from claimtrace.kb.normalise import loose_form
from claimtrace.kb.places.gazetteer import country_place
from claimtrace.kb.places.place import Place
from claimtrace.nlp.entities.mentions.records import ActorRef, LinkedMention
from claimtrace.nlp.entities.ner import Mention
from claimtrace.nlp.entities.scan.actors import ActorHit, label_for
from claimtrace.nlp.entities.scan.evidence import is_first_name, spelled_like
from claimtrace.nlp.entities.scan.places import PlaceHit

__all__ = ["Candidate", "actor_candidates", "place_candidates", "select"]

PLACE_LABELS = frozenset({"GPE", "LOC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_MODEL_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(frozen=True)
class Candidate:
    mention: Mention
    matches: tuple[ActorMatch, ...] = ()
    unknown: str | None = None  # the unknown-actor id when no table actor fits
    place: Place | None = None
    source: int = 0  # 0 NER, 1 scanners

    @property
    def tier(self) -> int:
        # the rules backend cannot tell a place from a name: its places rank like scanned ones
        model = self.source == 0 and self.mention.backend != "rules"
        if self.matches or (self.place is not None and model):
            return 3
        return 2 if self.place is not None else 1

    @property
    def length(self) -> int:
        return self.mention.end - self.mention.start


def ner_candidates(
    mentions: Sequence[Mention],
    places: dict[int, Place],
    table: ActorTable,
    countries: set[str],
    source: int = 0,
) -> list[Candidate]:
    """NER mentions with their actor candidates (ties kept) and places; ``source`` 1 for
    mentions found by other means (names after a role word)."""
    out: list[Candidate] = []
    for i, m in enumerate(mentions):
        place = places.get(i)
        matches: tuple[ActorMatch, ...] = ()
        unknown = None
        if m.label in ACTOR_LABELS and not (place and m.label not in PLACE_LABELS):
            context = set(countries) | ({"role:actor"} if m.label != "GPE" else set())
            found = table.candidates(m.text, m.language, context)
            if m.label == "PERSON":  # "François", "Andrea": no state by a looser key
                found = [f for f in found if f.strength == 0 or f.actor.type != "state"]
            matches = _best(found)
            if not matches and m.label in {"PERSON", "ORG"}:
                unknown = unknown_actor_id(m.text, m.language)
        out.append(Candidate(m, matches, unknown, place, source))
    return out


def _best(found: list[ActorMatch]) -> tuple[ActorMatch, ...]:
    return tuple(m for m in found if m.rank == found[0].rank) if found else ()


def actor_candidates(hits: Iterable[ActorHit], places: Sequence[PlaceHit]) -> list[Candidate]:
    """Alias-scanner hits; a country name also gets the place the gazetteer found there, or
    else the country itself ("US", which the gazetteer leaves out as code-like)."""
    by_span = {(p.start, p.end): p.place for p in places}
    out = []
    for hit in hits:
        label = label_for(hit.matches[0], hit.text)
        mention = Mention(hit.start, hit.end, hit.text, label, hit.language, "aliases")
        place = by_span.get((hit.start, hit.end)) if label == "GPE" else None
        actor = hit.matches[0].actor
        if place is None and label == "GPE" and len(hit.matches) == 1 and actor.country:
            country = country_place(actor.country) if actor.type == "state" else None
            # the country's own name, not a demonym the table lists ("Franzosen")
            if country is not None and spelled_like(hit.text, country, hit.language):
                place = country
        out.append(Candidate(mention, hit.matches, None, place, 1))
    return out


def place_candidates(
    hits: Iterable[PlaceHit], ner: Sequence[Mention], ner_places: Iterable[Place]
) -> list[Candidate]:
    """Gazetteer-scanner hits, except where a model said the words name a person or group
    ("Qasim" is a man, not Al-Qāsim in Iraq) and the document never uses them for the place
    elsewhere (it does for "Suwayda", which a model once took for a person)."""
    named = [m for m in ner if m.label in _MODEL_NAME_LABELS and m.backend != "rules"]
    known = {p.id for p in ner_places}
    out = []
    for hit in hits:
        clash = any(m.start < hit.end and hit.start < m.end for m in named)
        # a curated area named in full ("Jroud Arsal") is no person whatever a model says
        area = hit.place.id.startswith("curated:") and len(hit.text.split()) > 1
        if clash and hit.place.id not in known and not area:
            continue
        mention = Mention(hit.start, hit.end, hit.text, "GPE", hit.language, "gazetteer")
        out.append(Candidate(mention, (), None, hit.place, 1))
    return out


def select(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: higher tier, then longer, then NER first."""
    ordered = sorted(candidates, key=lambda c: (-c.tier, -c.length, c.source, c.mention.start))
    kept: list[Candidate] = []
    for c in ordered:
        m = c.mention
        if all(m.end <= k.mention.start or m.start >= k.mention.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: (c.mention.start, c.mention.end))


def decide(candidates: Sequence[Candidate]) -> list[LinkedMention]:
    """Linked mentions: ties between actors go to the one the document names most often
    without ambiguity (then to none)."""
    counts = Counter(c.matches[0].actor.id for c in candidates if len(c.matches) == 1)
    merged, nicknames = _same_persons(candidates)
    surnames = _surnames(candidates, merged)
    first_names = _surnames(candidates, merged, first=True)
    full_names = {
        loose_form(c.mention.text): c.unknown
        for c in candidates
        if c.unknown is not None and c.mention.label == "PERSON" and " " in c.mention.text
    }
    linked = []
    for c in candidates:
        actor_id = c.unknown
        named = c.unknown is not None and c.mention.label == "PERSON"
        single = len(c.mention.text.split()) == 1
        bare = c.place is None and not c.matches and single
        if (named and single) or bare:  # "Moreno" after "Juan Moreno", whatever the label
            key = _surname_key(c.mention.text)
            genitive = key[:-1] if key.endswith("s") and len(key) > 4 else key
            actor_id = surnames.get(key) or surnames.get(genitive) or actor_id
            surname = key in surnames or genitive in surnames
            if not surname and is_first_name(c.mention.text.strip()):  # "Romy" (Andrianarisoa)
                actor_id = first_names.get(key, actor_id)
        elif named:  # "Juan Morenos" (genitive) after "Juan Moreno"
            actor_id = full_names.get(loose_form(c.mention.text)[:-1], actor_id)
        if c.place is None and not c.matches:  # "El Chapo" after Joaquín “El Chapo” Guzmán
            actor_id = nicknames.get(loose_form(c.mention.text), actor_id)
        actor_id = merged.get(actor_id, actor_id) if actor_id else actor_id
        if len(c.matches) == 1:
            actor_id = c.matches[0].actor.id
        elif c.matches:
            ranked = sorted(c.matches, key=lambda m: -counts[m.actor.id])
            if counts[ranked[0].actor.id] > counts[ranked[1].actor.id]:
                actor_id = ranked[0].actor.id
        linked.append(LinkedMention(c.mention, actor_id, c.place.id if c.place else None))
    return linked


def _surname_key(name: str) -> str:
    """The last word of a name in a spelling-tolerant form ("Qassim" = "Qasim")."""
    words = name.split()
    return loose_form(words[-1]) if words else ""


def _surnames(
    candidates: Sequence[Candidate], merged: dict[str, str], first: bool = False
) -> dict[str, str]:
    """Last word -> the unknown person whose full name ends in it, for the surnames that
    only one full name in the document has ("Anthony Glees ... Glees"); with ``first``,
    the first word of full names instead ("Romy" of "Romy Andrianarisoa")."""
    found: dict[str, set[str]] = {}
    for c in candidates:
        m = c.mention
        if m.label != "PERSON" or len(m.text.split()) < 2:
            continue
        actor_id = c.matches[0].actor.id if len(c.matches) == 1 else c.unknown
        if actor_id is not None:
            actor_id = merged.get(actor_id, actor_id)
            name = _QUOTED.sub(" ", m.text)
            key = loose_form(name.split()[0]) if first else _surname_key(name)
            found.setdefault(key, set()).add(actor_id)
    return {key: next(iter(ids)) for key, ids in found.items() if key and len(ids) == 1}


_QUOTED = regex.compile(r"[“”\"«»„‘’']\s*([^“”\"«»„‘’']{2,30}?)\s*[“”\"«»„‘’']")


def _name_words(name: str) -> tuple[str, ...]:
    """A person's name as spelling-tolerant words, without a quoted nickname and initials:
    "Joaquín “El Chapo” Guzmán" -> (joaquin, guzman), "Michael R. Bloomberg" -> (michael,
    bloomberg)."""
    words = (loose_form(w) for w in _QUOTED.sub(" ", name).split())
    return tuple(w for w in words if len(w) > 1)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _same_persons(candidates: Sequence[Candidate]) -> tuple[dict[str, str], dict[str, str]]:
    """(unknown person -> the one fuller name of the document it is part of, nickname ->
    person): "Joaquín “El Chapo” Guzmán" and "Michael Bloomberg" are the "Joaquín Guzmán
    Loera" and "Michael R. Bloomberg" of the same text when no other full name fits
    (same first word, every word in order)."""
    names: dict[str, tuple[tuple[str, ...], int]] = {}
    nicknames: dict[str, set[str]] = {}
    for c in candidates:
        if c.unknown is None or c.mention.label != "PERSON" or c.matches:
            continue
        words = _name_words(c.mention.text)
        if len(words) >= 2:
            names.setdefault(c.unknown, (words, len(c.mention.text)))
            for nick in _QUOTED.findall(c.mention.text):
                nicknames.setdefault(loose_form(nick), set()).add(c.unknown)
    merged: dict[str, str] = {}
    for actor_id, (words, size) in names.items():
        fuller = {
            other
            for other, (long, other_size) in names.items()
            if other != actor_id
            and long[0] == words[0]
            and (len(long), other_size) > (len(words), size)
            and _subsequence(words, long)
        }
        if not fuller:  # "Morales Ojeda" of "Roberto Morales Ojeda": the two surnames
            fuller = {
                other
                for other, (long, _) in names.items()
                if other != actor_id and len(long) > len(words) and long[-len(words) :] == words
            }
        if len(fuller) == 1:
            merged[actor_id] = fuller.pop()
    for actor_id in list(merged):  # follow chains to the fullest name
        seen = {actor_id}
        while merged[actor_id] in merged and merged[actor_id] not in seen:
            seen.add(merged[actor_id])
            merged[actor_id] = merged[merged[actor_id]]
    nicks = {
        nick: merged.get(next(iter(ids)), next(iter(ids)))
        for nick, ids in nicknames.items()
        if len(ids) == 1 and nick
    }
    return merged, nicks


def actor_refs(
    candidates: Sequence[Candidate], linked: Sequence[LinkedMention]
) -> dict[str, ActorRef]:
    """The actors the linked mentions name, by id."""
    refs: dict[str, ActorRef] = {}
    for c, lm in zip(candidates, linked, strict=True):
        if lm.actor_id is None:
            continue
        known = refs.get(lm.actor_id)
        if known is not None:
            longer = len(c.mention.text.split()) > len(known.name.split())
            if known.id.startswith("actor:x-") and longer:
                # the full name names the actor and, when a model said person, its type
                # ("Ziobry" first as OTHER, then "Zbigniewa Ziobry" as PERSON)
                kind = "person" if c.mention.label == "PERSON" else known.type
                refs[lm.actor_id] = ActorRef(known.id, c.mention.text, kind)
            continue
        actor = next((m.actor for m in c.matches if m.actor.id == lm.actor_id), None)
        if actor is not None:
            refs[actor.id] = ActorRef(
                actor.id, actor.name, str(actor.type), actor.country, actor.parent
            )
        else:
            kind = "person" if c.mention.label == "PERSON" else "other"
            refs[lm.actor_id] = ActorRef(lm.actor_id, c.mention.text, kind)
    return refs
