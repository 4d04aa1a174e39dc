"""Which unattributed sentences carry a claim: a statement of fact about actors, an opinion,
or nothing (page debris, headings, questions, sentences about no actor).

A question about a relation between actors is kept as *questioned*. A sentence about at
least one actor is an *opinion* when the writer's voice shows (first
person, evaluative words, "should", speculation) — kept, marked as such, when it names a
relation; otherwise it is
a *fact* when it states a relation the lexicon knows or names two actors.
"""

from __future__ import annotations

from typing import Literal

import regex

from claimtrace.nlp.claims.hedges import has
from claimtrace.nlp.claims.lexicon import lexicon_for
from claimtrace.nlp.claims.verbs import RelationMatch

Worth = Literal["fact", "opinion", "question"] | None
_MIN_WORDS = 5
_WORDS = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")


def judge(
    sentence: str, language: str | None, n_actors: int, relation: RelationMatch | None
) -> Worth:
    words = _WORDS.findall(sentence)
    if len(words) < _MIN_WORDS or _debris(sentence, words):
        return None
    if n_actors == 0:
        return None
    if sentence.rstrip().rstrip("\"'”’»").endswith(("?", "؟")):
        # a question asks rather than asserts: kept as "questioned" when it asks about a
        # relation between actors ("Is X working with Y?"); a closing question after the
        # relation's own clause ("... collusion between X and Y - but why?") does not count
        if relation is None:
            return None
        if _asks(sentence, relation):
            return "question"
    if _opinion(sentence, words, language):
        # an evaluation is kept when it names a relation; "We believe X is part of the
        # problem" types nothing an analyst can trace or group (precision first)
        return "opinion" if relation is not None else None
    if relation is None and n_actors < 2:
        return None
    return "fact"


def _asks(sentence: str, relation: RelationMatch) -> bool:
    """The question is the relation's own clause, not a coda ("... collusion between X and
    Y, posing the question: why?")."""
    return regex.search(r"[:;\u2013\u2014]|\s-\s", sentence[relation.end :]) is None


_MARKUP = regex.compile(r"\|.*\||\+\+\+|[\w.+-]+@[\w-]+\.\w|https?://|www\.")


def _debris(sentence: str, words: list[str]) -> bool:
    """Interface text and headings: all capitals, no sentence ending, link lists, table
    rows ("| Surrey Heath | Michael Gove | …"), ticker marks, addresses."""
    if _MARKUP.search(sentence):
        return True
    letters = [c for c in sentence if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        return True
    capitalised = sum(1 for w in words if w[:1].isupper())
    no_end = not sentence.rstrip().endswith((".", "!", "”", '"', "»", "“", "’", ")", "؟", "。"))
    # a headline or a run of link titles: most words capitalised and no full stop
    return no_end and capitalised / len(words) > 0.6


def _opinion(sentence: str, words: list[str], language: str | None) -> bool:
    lexicon = lexicon_for(language)
    if any(w.casefold() in lexicon.first_person for w in words):
        return True
    return has("evaluative", sentence, language) or has("speculative", sentence, language)
