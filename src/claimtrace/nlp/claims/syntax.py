"""Subjects and objects from a dependency parse (English, French, Spanish).

The parser is the one the attribution stage loads (``attribution.spacy_backend
.parsing_pipeline``: the NER pipeline when it has a parser, else one extra pipeline per
language, loaded once per process), so claims never load a model of their own. Each actor
takes the role of the first dependent of the relation verb whose subtree holds it: the
subject (or the agent of a passive) makes a subject, objects, obliques and prepositional
phrases make objects; a relative clause's antecedent stands in for a missing subject. When
the parse gives nothing (no parser, a noun relation, no actor in any role), the caller falls
back to token order.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from claimtrace.nlp.claims.actors import ActorSpan
from claimtrace.nlp.claims.verbs import RelationMatch, find_relations

log = logging.getLogger(__name__)
PARSED_LANGUAGES = frozenset({"en", "fr", "es"})
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
    "pobj",
    "nmod",
    "obl:arg",
    "attr",
    "oprd",
    "xcomp",
    "ccomp",
    "advcl",
    "conj",
    "acl",
    "npadvmod",
    "obl:mod",
}
_RELATIVE = {"relcl", "acl:relcl", "acl"}
_AGENT_CASES = {"by", "par", "por"}


def dependency_roles(
    text: str, actors: Sequence[ActorSpan], verb: RelationMatch, language: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``(subjects, objects)`` actor ids from the parse of ``text``, or None when the parse
    cannot place any actor."""
    if verb.noun or not actors:
        return None
    doc = parsed(text, language)
    if doc is None:
        return None
    head = _verb_token(doc, verb)
    if head is None:
        return None
    subjects_at, objects_at = _role_tokens(head)
    subjects = _assign(actors, subjects_at)
    objects = [a for a in _assign(actors, objects_at) if a not in subjects]
    if not subjects and not objects:
        return None
    ids = tuple(dict.fromkeys(a.actor_id for a in subjects))
    return ids, tuple(i for i in dict.fromkeys(a.actor_id for a in objects) if i not in ids)


def choose_relation(text: str, language: str | None) -> RelationMatch | None:
    """The first lexicon match the parse tags as a verb ("Israel attacked", not "the
    Iranian strike"); without a parse, or with no verb among them, the first match."""
    matches = find_relations(text, language)
    doc = parsed(text, language) if matches else None
    if doc is None:
        return matches[0] if matches else None
    for match in matches:
        if match.noun:
            break
        tokens = [t for t in doc if match.start <= t.idx < match.end]
        if any(t.pos_ in ("VERB", "AUX") or t.tag_ == "VBN" for t in tokens):
            return match
    return matches[0]


@lru_cache(maxsize=256)
def parsed(text: str, language: str | None) -> Any | None:
    """The dependency parse of ``text`` (cached: relation choice and roles share it)."""
    if language not in PARSED_LANGUAGES:
        return None
    nlp = _parser(language)
    return nlp(text) if nlp is not None else None


def _parser(language: str) -> Any | None:
    try:
        from claimtrace.nlp.attribution.spacy_backend import parsing_pipeline

        return parsing_pipeline(language)
    except Exception as exc:  # no model installed, or no attribution stage: use token order
        log.debug("no dependency parser for %s (%s): token order", language, exc)
        return None


def _verb_token(doc: Any, verb: RelationMatch) -> Any | None:
    inside = [t for t in doc if verb.start <= t.idx < verb.end]
    verbs = [t for t in inside if t.pos_ in ("VERB", "AUX")]
    return (verbs or inside or [None])[0]


def _role_tokens(head: Any) -> tuple[list[Any], list[Any]]:
    children = list(head.children)
    passive = any(c.dep_ in _PASSIVE_MARKS for c in children)
    # "fighters smuggled by X": a participle modifying its patient is a passive
    reduced = head.dep_ == "acl" and head.tag_ == "VBN"
    passive = passive or reduced
    subjects = [c for c in children if c.dep_ in _SUBJECTS]
    agents = [c for c in children if c.dep_ in _AGENTS or _is_agent_phrase(c)]
    patients = [c for c in children if c.dep_ in _PASSIVE_SUBJECTS]
    # objects follow the verb: a fronted phrase ("In response to X, ...") is an adjunct
    objects = [c for c in children if c.dep_ in _OBJECTS and c not in agents and c.i > head.i]
    if passive:
        subjects, objects = agents, patients + objects
    elif not subjects and head.dep_ in ("conj", "xcomp"):
        subjects = [c for c in head.head.children if c.dep_ in _SUBJECTS]
    if not subjects and not passive and head.dep_ in _RELATIVE:
        subjects = [head.head]  # "the militia, which attacked ...": the antecedent acts
    if passive and (head.dep_ in _RELATIVE or reduced) and not patients:
        objects = [head.head, *objects]
    return subjects, objects


def _is_agent_phrase(token: Any) -> bool:
    """An oblique introduced by by/par/por (UD parses of fr/es have no agent label)."""
    if token.dep_ not in ("obl", "prep", "nmod"):
        return False
    marker = (
        token
        if token.dep_ == "prep"
        else next((c for c in token.children if c.dep_ == "case"), None)
    )
    return marker is not None and marker.lower_ in _AGENT_CASES


def _assign(actors: Sequence[ActorSpan], tokens: Sequence[Any]) -> list[ActorSpan]:
    out: list[ActorSpan] = []
    for token in tokens:
        lo = token.left_edge.idx
        hi = token.right_edge.idx + len(token.right_edge.text)
        if token.dep_ in _RELATIVE or token.head is token:
            lo, hi = token.idx, token.idx + len(token.text)
        out.extend(a for a in actors if lo <= a.start and a.end <= hi and a not in out)
    return out
