"""Relation, negation, hedge and opinion vocabulary per language, as data.

Each language module defines ``LEXICON``. Patterns are regular expressions (the ``regex``
module) matched case-insensitively at word boundaries; a named group ``v`` marks the verb
phrase inside a longer pattern ("Waffen ... (?P<v>stammen)"). Relation patterns prefixed
``n:`` are nouns ("cooperation"): used only when no verb pattern matches.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

LANGUAGES = ("en", "de", "fr", "es", "ar", "ru")


@dataclass(frozen=True)
class Lexicon:
    language: str
    relations: Mapping[str, tuple[str, ...]]  # relation code -> patterns
    agent: tuple[str, ...] = ()  # passive agent markers: "by", "von", "par"
    passive: str = ""  # pattern right before the verb that makes it passive: "was", "wurde"
    origin: tuple[str, ...] = ()  # "from", "aus": marks where supplied things come from
    negation: tuple[str, ...] = ()
    alleged: tuple[str, ...] = ()  # hedges that make a statement an allegation
    speculative: tuple[str, ...] = ()  # may, might, likely: a prediction, not a fact
    evaluative: tuple[str, ...] = ()  # unfortunately, disturbing, should: an opinion
    first_person: frozenset[str] = frozenset()  # the writer's own voice
    vague_sources: frozenset[str] = frozenset()  # sources, officials: not a named source
    pronouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = field(default_factory=frozenset)  # forces, regime, army
    verb_final: bool = False  # German subordinate clauses: token order is no guide
    plural_anaphors: tuple[str, ...] = ()  # "both sides": the actors of the claim before
    capitalised_nouns: bool = False  # German: a capitalised word inside a sentence is no verb
    # word stems through which a nationality acts ("Iranian weapons", "Russian officials");
    # before any other noun a national adjective names no actor ("Syrian civilians")
    state_nouns: tuple[str, ...] = ()


@cache
def lexicon_for(language: str | None) -> Lexicon:
    """The lexicon of ``language``; English words for a language without its own."""
    lang = (language or "en").lower().split("-")[0]
    if lang not in LANGUAGES:
        lang = "en"
    module = importlib.import_module(f"claimtrace.nlp.claims.lexicon.{lang}")
    lexicon: Lexicon = module.LEXICON
    return lexicon
