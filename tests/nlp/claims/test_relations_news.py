"""Relation words of everyday news (session 5): each case is typed as the lexicon says, and
words that look like a relation but are not one stay untyped."""

from __future__ import annotations

import pytest

from claimtrace.nlp.claims.syntax import choose_relation
from claimtrace.nlp.claims.verbs import find_relation


@pytest.mark.parametrize(
    ("language", "sentence", "relation", "verb"),
    [
        ("en", "A drone strike damaged a power line near the dam.", "attack", "drone strike"),
        (
            "de",
            "Nach einem Drohnenangriff ist die Versorgung unterbrochen.",
            "attack",
            "Drohnenangriff",
        ),
        ("ar", "ألحقت ضربة بطائرة مسيرة أضرارا بخط كهرباء.", "attack", "ضربة"),
    ],
)
def test_news_relation_typing(language: str, sentence: str, relation: str, verb: str) -> None:
    found = choose_relation(sentence, language)  # on the parse where there is one
    assert found is not None
    assert (found.code, found.verb) == (relation, verb)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Workers at the plant went on strike on Monday."),
        ("ar", "انطلقت مسيرة في وسط المدينة."),
    ],
)
def test_a_walkout_or_a_march_is_a_protest(language: str, sentence: str) -> None:
    found = find_relation(sentence, language)
    assert found is not None and found.code == "protest"
