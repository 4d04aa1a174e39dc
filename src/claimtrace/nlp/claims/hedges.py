"""Compiled hedge, negation and opinion patterns of a lexicon, shared by modality, negation
and worthiness."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from claimtrace.nlp.claims.lexicon import lexicon_for


def _alternation(patterns: Sequence[str]) -> regex.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", regex.IGNORECASE)


@cache
def patterns(language: str | None) -> dict[str, regex.Pattern[str] | None]:
    lexicon = lexicon_for(language)
    return {
        "negation": _alternation(lexicon.negation),
        "alleged": _alternation(lexicon.alleged),
        "speculative": _alternation(lexicon.speculative),
        "evaluative": _alternation(lexicon.evaluative),
    }


def has(kind: str, text: str, language: str | None) -> bool:
    pattern = patterns(language)[kind]
    return pattern is not None and pattern.search(text) is not None
