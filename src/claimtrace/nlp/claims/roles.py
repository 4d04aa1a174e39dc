"""Who does what to whom: subjects and objects of the relation verb by token order.

English, French and Spanish put the subject before the verb and the object after it; a
passive verb ("was handed back ... by Islamic State") puts the agent after a marker (by,
par, por, von) and the patient first. German subordinate clauses end with the verb, so
there the first actor of the clause is taken as the subject. Where weapons "come from"
somewhere, the actor after the origin marker is the supplier.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from claimtrace.nlp.claims.actors import ActorSpan
from claimtrace.nlp.claims.lexicon import Lexicon
from claimtrace.nlp.claims.verbs import RelationMatch

SYMMETRIC = frozenset({"cooperate", "trade", "negotiate", "agree"})
_BOUNDARY = regex.compile(r"[;:—]|\b(?:that|dass|que|qu'|whereas|while|but|aber|mais|pero)\b")
_ARTICLES = r"(?:(?:the|a|an|der|die|das|dem|den|des|le|la|les|l'|el|los|las|un|une)\s+)?"
_EN_PARTICIPLE = regex.compile(r"^\w+(?:ed|en|wn|nt|ld|ught|ung|ade|one)$", regex.IGNORECASE)


def assign_roles(
    text: str, actors: Sequence[ActorSpan], verb: RelationMatch | None, lexicon: Lexicon
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(subjects, objects)`` as actor ids; ``verb`` offsets are into ``text``."""
    people = acting(text, actors)
    if not people:
        return (), ()
    if verb is None:
        return _unique([people[0]]), _unique(people[1:])
    genitive = _genitive(text, people, verb) if verb.noun and lexicon.verb_final else None
    if genitive is not None:  # "der Rückzug der USA aus Syrien": the USA withdraw
        after = [a for a in people if a.start > genitive.end and not _is_location(text, a)]
        return (genitive.actor_id,), tuple(i for i in _unique(after) if i != genitive.actor_id)
    if verb.code == "supply_weapons":
        origin = [a for a in people if _after_marker(text, a, lexicon.origin)]
        if origin:
            suppliers = _unique(origin)
            return suppliers, tuple(i for i in _unique(people) if i not in suppliers)
    agents = [a for a in people if a.start >= verb.end and _after_marker(text, a, lexicon.agent)]
    before = _in_clause_before(text, people, verb)
    after = [a for a in people if a.start >= verb.end]
    if _passive(text, verb, lexicon):
        patients = before + [a for a in after if a not in agents]
        if not agents and _between(text, verb, patients):
            agents, patients = patients[:1], patients[1:]  # "handed over between X and Y"
        doers = _unique(agents)
        return doers, tuple(i for i in _unique(patients) if i not in doers)
    if lexicon.verb_final and before and not after:
        return _unique(before[:1]), tuple(i for i in _unique(before[1:]) if i != before[0].actor_id)
    subjects = before
    objects = [a for a in after if a not in agents] if not agents else after
    if not subjects and objects and (verb.code in SYMMETRIC or _between(text, verb, objects)):
        subjects, objects = objects[:1], objects[1:]
    ids_subjects = _unique(subjects)
    return ids_subjects, tuple(i for i in _unique(objects) if i not in ids_subjects)


def _genitive(text: str, actors: Sequence[ActorSpan], verb: RelationMatch) -> ActorSpan | None:
    """The actor in the genitive right after a German noun: "Angriffe der Armee"."""
    for a in actors:
        if a.start >= verb.end:
            gap = text[verb.end : a.start]
            if regex.fullmatch(r"\s+(?:der|des)\s+(?:\w+\s+){0,2}", gap, regex.IGNORECASE):
                return a
            return None
    return None


def _between(text: str, verb: RelationMatch, actors: Sequence[ActorSpan]) -> bool:
    """The actors follow "between" (zwischen, entre): a mutual relation, no agent."""
    if not actors:
        return False
    gap = text[verb.end : actors[0].start]
    return regex.search(r"(?<!\w)(?:between|zwischen|entre|بين|между)(?!\w)", gap) is not None


def acting(text: str, actors: Sequence[ActorSpan]) -> list[ActorSpan]:
    """The actors that may act or be acted on: not places named as places ("in Syria")."""
    return [a for a in actors if not (a.place and _is_location(text, a))]


def _unique(actors: Sequence[ActorSpan]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.actor_id for a in actors))


def _is_location(text: str, actor: ActorSpan) -> bool:
    """A place used as a place ("in Syria", "nach Damaskus"), not as an actor."""
    head = text[max(0, actor.start - 12) : actor.start].casefold().split()
    return bool(head) and head[-1] in {
        "in",
        "im",
        "into",
        "to",
        "from",
        "at",
        "en",
        "à",
        "nach",
        "aus",
        "across",
        "near",
        "around",
        "towards",
        "through",
    }


def _after_marker(text: str, actor: ActorSpan, markers: Sequence[str]) -> bool:
    if not markers:
        return False
    window = text[max(0, actor.start - 40) : actor.start]
    body = "|".join(regex.escape(m) for m in sorted(markers, key=len, reverse=True))
    # the marker, then an article and up to two modifiers ("by Islamic State", "von den")
    pattern = rf"(?<!\w)(?:{body})\s+{_ARTICLES}(?:[\w\-]+\s+){{0,2}}$"
    return regex.search(pattern, window, regex.IGNORECASE) is not None


def _in_clause_before(
    text: str, actors: Sequence[ActorSpan], verb: RelationMatch
) -> list[ActorSpan]:
    before = [a for a in actors if a.end <= verb.start]
    if not before:
        return []
    cut = 0
    for m in _BOUNDARY.finditer(text, 0, verb.start):
        cut = m.end()
    inside = [a for a in before if a.start >= cut]
    return inside or []


def _passive(text: str, verb: RelationMatch, lexicon: Lexicon) -> bool:
    if not lexicon.passive:
        return False
    first = verb.verb.split()[0] if verb.verb else ""
    if lexicon.language == "en" and not _EN_PARTICIPLE.match(first):
        return False
    head = text[max(0, verb.start - 40) : verb.start].rstrip("\"“”„«»‘’' ") + " "
    if regex.search(rf"(?<!\w){lexicon.passive}$", head, regex.IGNORECASE):
        return True
    if lexicon.verb_final:  # "von X übergeben worden", "... übergeben wurde"
        tail = text[verb.end : verb.end + 20]
        return regex.match(r"\s*(?:worden|wurden?|werden|wird)\b", tail) is not None
    return False
