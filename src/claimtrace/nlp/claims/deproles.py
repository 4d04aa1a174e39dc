"""Subjects and objects of a relation word on a dependency parse (spaCy, en/fr/es labels).

Each actor takes the role of the dependent of the relation word whose subtree holds it;
relative, adverbial and participial clauses inside that subtree are cut off ("transported
fighters to a village, which is controlled by X": X is no object of the transport). A
subject slot the parse fills with something that is not an actor ("One of the commanders
called on ...", "It described ...") stays empty: token order must not put another actor there.

* verbs: the subject, or the agent of a passive ("by X", "par X", "por X"); a relative
  pronoun stands for its antecedent; an infinitive, gerund or coordinated verb without a
  subject of its own takes the one of the verb that governs it ("ISIS hopes to stabilise
  its position by striking deals": ISIS strikes the deals);
* nouns ("the coalition's bombardment of the convoy", "cooperation between X and Y"): the
  possessor, a national adjective or "by X" acts, "of/with/against/on X" is acted on, the
  first of "between X and Y" acts; the subject of a light verb ("concluded a deal with X")
  acts when the noun has none.

A place reached through a locative preposition ("from Syria", "between Syria and Lebanon")
is a location, not an actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimtrace.nlp.claims.actors import ActorSpan

_SUBJECTS = {"nsubj", "csubj", "expl"}
_PASSIVE_SUBJECTS = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
_PASSIVE_MARKS = {"auxpass", "aux:pass"} | _PASSIVE_SUBJECTS
_AGENTS = {"agent", "obl:agent"}
_OBJECTS = {
    "dobj",
    "obj",
    "dative",
    "iobj",
    "obl",
    "prep",
    "nmod",
    "obl:arg",
    "attr",
    "oprd",
    "npadvmod",
    "obl:mod",
}
_CLAUSES = {"relcl", "acl:relcl", "acl", "advcl", "parataxis", "ccomp", "csubj", "xcomp"}
_RELATIVE = {"relcl", "acl:relcl", "acl"}
_INHERIT = {"conj", "xcomp", "pcomp", "advcl", "prep", "acl", "mark", "obl", "case"}
_AGENT_CASES = {"by", "par", "por"}
_PASSIVE_AUXILIARIES = {"ser", "être"}
_BETWEEN = {"between", "entre", "among", "amongst"}
_INSTRUMENT = {"with", "through", "via", "avec", "con", "mediante"}
_NOUN_SUBJECT_CASES = {"by", "par", "por", "between", "entre", "among", "amongst"}
_NOUN_OBJECT_CASES = {"of", "with", "against", "on", "to", "over", "de", "avec", "contre", "con"}
_LOCATIVE = {
    "in",
    "at",
    "from",
    "to",
    "into",
    "towards",
    "toward",
    "across",
    "through",
    "near",
    "over",
    "around",
    "throughout",
    "inside",
    "within",
    "between",
    "outside",
    "en",
    "à",
    "dans",
    "vers",
    "depuis",
    "entre",
    "desde",
    "hacia",
    "hasta",
}
_RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "qui", "que", "quien", "quienes", "cual"}
_LIGHT = {
    "have",
    "make",
    "conclude",
    "sign",
    "hold",
    "cut",
    "strike",
    "reach",
    "carry",
    "conduct",
    "launch",
    "include",
    "pose",
    "be",
    "faire",
    "avoir",
    "conclure",
    "mener",
    "lancer",
    "être",
    "hacer",
    "tener",
    "realizar",
    "llevar",
    "lanzar",
    "ser",
    "alcanzar",
}


@dataclass(frozen=True)
class Roles:
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    subject_slot: bool  # the parse has a subject position, filled by an actor or not
    object_slot: bool


def roles_on_parse(
    doc: Any, actors: Sequence[ActorSpan], start: int, end: int, noun: bool
) -> Roles | None:
    """The roles of the relation word at ``[start, end)`` of the parsed text ``doc``."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return None
    verbs = [t for t in inside if t.pos_ in ("VERB", "AUX")]
    head = min(verbs or inside, key=_depth)
    # a semicolon ends the clause, whatever the parser attached across it
    text = doc.text
    lo = text.rfind(";", 0, head.idx) + 1
    hi = text.find(";", head.idx)
    hi = len(text) if hi < 0 else hi
    actors = [a for a in actors if lo <= a.start and a.end <= hi and not _locative(doc, a, head)]
    nominal = noun or head.pos_ in ("NOUN", "PROPN")
    if nominal:
        subjects_at, objects_at = _noun_roles(head, lambda t: bool(_assign(actors, [t])))
    else:
        subjects_at, objects_at = _verb_roles(head)
    # "between X and Y" (entre): a mutual relation; the first named acts when no one else does
    mutual = [c for c in (*subjects_at, *objects_at) if _case(c) in _BETWEEN]
    subjects_at = [c for c in subjects_at if c not in mutual]
    objects_at = [c for c in objects_at if c not in mutual]
    subjects = _assign(actors, subjects_at)
    shared = [a for a in _assign(actors, mutual) if a not in subjects]
    if shared and not subjects:
        subjects, shared = shared[:1], shared[1:]
    objects = [a for a in shared + _assign(actors, objects_at) if a not in subjects]
    ids = tuple(dict.fromkeys(a.actor_id for a in subjects))
    return Roles(
        ids,
        tuple(i for i in dict.fromkeys(a.actor_id for a in objects) if i not in ids),
        nominal or bool(subjects_at) or bool(mutual),
        nominal or bool(objects_at) or bool(mutual),
    )


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _verb_roles(head: Any) -> tuple[list[Any], list[Any]]:
    children = list(head.children)
    # "handed back to X": the phrase hangs on the particle
    for particle in [c for c in children if c.dep_ in ("prt", "advmod", "compound:prt")]:
        children.extend(c for c in particle.children if c.dep_ in ("prep", "obl"))
    passive = any(c.dep_ in _PASSIVE_MARKS for c in children)
    # "fighters smuggled by X": a participle modifying its patient is a passive
    reduced = head.dep_ == "acl" and head.tag_ == "VBN"
    # "fueron transportados por X": the Spanish parse labels the passive auxiliary "aux"
    copular = "Part" in head.morph.get("VerbForm") and any(
        c.dep_ in ("aux", "cop") and c.lemma_ in _PASSIVE_AUXILIARIES for c in children
    )
    passive = passive or reduced or copular
    subjects = [_antecedent(c) for c in children if c.dep_ in _SUBJECTS]
    agents = [c for c in children if c.dep_ in _AGENTS or _is_agent_phrase(c)]
    patients = [_antecedent(c) for c in children if c.dep_ in _PASSIVE_SUBJECTS]
    # objects follow the verb: a fronted phrase ("In response to X, ...") is an adjunct
    objects = [c for c in children if c.dep_ in _OBJECTS and c not in agents and c.i > head.i]
    if passive:
        subjects, objects = agents, patients + objects
    elif not subjects:
        # "arrangements to evacuate some areas by Islamic State forces": an agent phrase
        subjects = agents or _inherited_subject(head)
    if not subjects and not passive and head.dep_ in _RELATIVE and head.head.pos_ != "VERB":
        subjects = [head.head]  # "the militia, which attacked ...": the antecedent acts
    if passive and (head.dep_ in _RELATIVE or reduced) and not patients:
        objects = [head.head, *objects]
    return subjects, objects


def _antecedent(token: Any) -> Any:
    """A relative pronoun subject stands for the noun its clause modifies."""
    clause = token.head
    if (
        token.lower_ in _RELATIVE_PRONOUNS
        and clause.dep_ in _RELATIVE
        and clause.head.pos_ in ("NOUN", "PROPN", "PRON")
    ):
        return clause.head
    return token


def _inherited_subject(head: Any) -> list[Any]:
    """The subject of the verb governing a subjectless infinitive, gerund or conjunct."""
    token = head
    for _ in range(5):
        if token.dep_ not in _INHERIT or token.head.i == token.i:
            return []
        token = token.head
        found = [_antecedent(c) for c in token.children if c.dep_ in _SUBJECTS]
        if found and token.pos_ in ("VERB", "AUX"):
            return found
    return []


def _noun_roles(head: Any, holds_actor: Any) -> tuple[list[Any], list[Any]]:
    """``holds_actor(token)``: whether the token's phrase names an actor."""
    subjects: list[Any] = []
    objects: list[Any] = []
    for child in head.children:
        case = _case(child)
        before = child.dep_ in ("poss", "nmod:poss", "amod", "compound") and child.i < head.i
        if (before and holds_actor(child)) or case in _NOUN_SUBJECT_CASES:
            subjects.append(child)
        elif case in _NOUN_OBJECT_CASES:
            objects.append(child)
    verb = head.head
    if not subjects and head.dep_ in ("dobj", "obj", "attr") and verb.lemma_ in _LIGHT:
        # "concluded a deal with X", "could pose a threat to X"
        subjects = [_antecedent(c) for c in verb.children if c.dep_ in _SUBJECTS]
        if not objects:
            objects = [c for c in verb.children if _case(c) in _NOUN_OBJECT_CASES and c.i > head.i]
    elif not subjects and head.dep_ == "pobj" and verb.lower_ in _INSTRUMENT:
        # "subdued civilians with public executions": the one who subdued executes
        governor = verb.head
        if governor.pos_ in ("VERB", "AUX"):
            subjects = [_antecedent(c) for c in governor.children if c.dep_ in _SUBJECTS]
            subjects = subjects or _inherited_subject(governor)
    return subjects, objects


def _case(token: Any) -> str | None:
    """The preposition of a prepositional dependent (English "prep", UD "case")."""
    if token.dep_ == "prep":
        return token.lower_
    marker = next((c for c in token.children if c.dep_ == "case"), None)
    return marker.lower_ if marker is not None else None


def _is_agent_phrase(token: Any) -> bool:
    """An oblique introduced by by/par/por (UD parses of fr/es have no agent label)."""
    return token.dep_ in ("obl", "prep", "nmod") and _case(token) in _AGENT_CASES


def _locative(doc: Any, actor: ActorSpan, head: Any) -> bool:
    """A place reached from the relation word through a locative preposition."""
    if not actor.place:
        return False
    token = next((t for t in doc if actor.start <= t.idx < actor.end), None)
    for _ in range(8):
        if token is None or token.i == head.i or token.head.i == token.i:
            return False
        case = _case(token) or (token.head.lower_ if token.dep_ == "pobj" else None)
        governor = token.head.head if token.dep_ == "pobj" else token.head
        # "coordination between Iran and X" is mutual; "a region between Syria and X" a place
        if case in _LOCATIVE and not (case in _BETWEEN and governor.i == head.i):
            return True
        token = token.head
    return False


def _assign(actors: Sequence[ActorSpan], tokens: Sequence[Any]) -> list[ActorSpan]:
    out: list[ActorSpan] = []
    for token in tokens:
        covered = _span_tokens(token)
        for a in actors:
            if a in out:
                continue
            if any(a.start <= t.idx < a.end or t.idx <= a.start < t.idx + len(t) for t in covered):
                out.append(a)
    return out


def _span_tokens(token: Any) -> list[Any]:
    """The token's subtree without the clauses attached inside it."""
    out = [token]
    stack = [c for c in token.children if c.dep_ not in _CLAUSES]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
    return out
