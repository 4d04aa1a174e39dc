"""The dependency parse of a claim's text (English, French, Spanish) and what is read off it:
which relation word heads the claim (``heads.py``) and who plays which role
(``deproles.py``).

The parser is the one the attribution stage loads (``attribution.spacy_backend
.parsing_pipeline``: the NER pipeline when it has a parser, else one extra pipeline per
language, loaded once per process), so claims never load a model of their own. Without a
parse the caller falls back to clause marks (German) and token order (``roles.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex

from claimtrace.nlp.claims.actors import ActorSpan
from claimtrace.nlp.claims.deproles import Roles, roles_on_parse
from claimtrace.nlp.claims.heads import rank_german, rank_parsed
from claimtrace.nlp.claims.lexicon import lexicon_for
from claimtrace.nlp.claims.verbs import RelationMatch, find_relations

log = logging.getLogger(__name__)
PARSED_LANGUAGES = frozenset({"en", "fr", "es"})


def dependency_roles(
    text: str, actors: Sequence[ActorSpan], verb: RelationMatch, language: str | None
) -> Roles | None:
    """The roles of ``verb``'s actors on the parse of ``text``, or None without a parse."""
    if not actors:
        return None
    doc = parsed(text, language)
    if doc is None:
        return None
    return roles_on_parse(doc, actors, verb.start, verb.end, verb.noun)


def root_roles(text: str, actors: Sequence[ActorSpan], language: str | None) -> Roles | None:
    """Roles around the main verb of ``text``, for a claim no lexicon word types ("they had
    joined forces loyal to the regime": "they" acts, not the regime)."""
    if not actors:
        return None
    doc = parsed(text, language)
    if doc is None or len(doc) == 0:
        return None
    root = next(t for t in doc if t.head.i == t.i)
    if root.pos_ not in ("VERB", "AUX"):
        return None
    return roles_on_parse(doc, actors, root.idx, root.idx + len(root), False)


def choose_relation(
    text: str, language: str | None, exclude: Sequence[tuple[int, int]] = ()
) -> RelationMatch | None:
    """The lexicon match that heads the claim (see ``relation_candidates``)."""
    found = relation_candidates(text, language, exclude)
    return found[0] if found else None


def relation_candidates(
    text: str, language: str | None, exclude: Sequence[tuple[int, int]] = ()
) -> list[RelationMatch]:
    """The lexicon matches that may head the claim, best first (``heads.py``): nearest the
    root of the parse for en/fr/es, in the shallowest clause for German, else in text order
    (verbs before nouns). Matches overlapping an ``exclude`` span (offsets into ``text``)
    are left out."""
    matches = [
        m
        for m in find_relations(text, language)
        if not any(lo < m.end and m.start < hi for lo, hi in exclude)
    ]
    if not matches:
        return []
    doc = parsed(text, language)
    if doc is not None:
        return rank_parsed(matches, doc)
    if lexicon_for(language).language == "de":
        return rank_german(matches, text)
    return matches


@lru_cache(maxsize=256)
def parsed(text: str, language: str | None) -> Any | None:
    """The dependency parse of ``text`` (cached: relation choice and roles share it)."""
    if language not in PARSED_LANGUAGES:
        return None
    nlp = _parser(language)
    return nlp(_masked(text, nlp.Defaults.stop_words)) if nlp is not None else None


_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")
_ACRONYM = regex.compile(r"(?<!\w)\p{Lu}{2,4}(?!\w)")


def _masked(text: str, stop_words: frozenset[str] | set[str]) -> str:
    """The text with acronyms that spell a function word ("IS", "US") replaced by a neutral
    name of the same length, so the parser does not read "150 IS fighters" as a verb, and
    no-break spaces replaced by spaces. Offsets stay the same; a text in capitals (a
    headline) is left alone."""
    # a no-break space becomes a SPACE token that breaks the clause in two
    text = _SPACES.sub(" ", text)
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > len(letters) / 2:
        return text

    def neutral(m: regex.Match[str]) -> str:
        word = m.group()
        return "X" + "q" * (len(word) - 1) if word.casefold() in stop_words else word

    return _ACRONYM.sub(neutral, text)


def _parser(language: str) -> Any | None:
    try:
        from claimtrace.nlp.attribution.spacy_backend import parsing_pipeline

        return parsing_pipeline(language)
    except Exception as exc:  # no model installed, or no attribution stage: use token order
        log.debug("no dependency parser for %s (%s): token order", language, exc)
        return None
