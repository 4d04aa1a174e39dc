"""Relation words of everyday news (session 5): each case is typed as the lexicon says, and
words that look like a relation but are not one stay untyped."""

from __future__ import annotations

import pytest

from claimtrace.nlp.claims.relations import relation_for_cameo
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


@pytest.mark.parametrize(
    ("language", "sentence", "relation"),
    [
        ("en", "A jury convicted the driver of manslaughter.", "prosecute"),
        ("en", "The city banned gatherings of more than ten people.", "restrict"),
        ("en", "The government lifted the restrictions on Monday.", "ease"),
        ("de", "Der Mann wurde wegen Betrugs zu drei Jahren verurteilt.", "prosecute"),
        ("de", "Die Regierung verhängte eine Ausgangssperre.", "restrict"),
        ("fr", "L'ancien ministre a été mis en examen pour fraude.", "prosecute"),
        ("es", "El gobierno impuso un toque de queda en la capital.", "restrict"),
    ],
)
def test_courts_and_restrictions(language: str, sentence: str, relation: str) -> None:
    found = choose_relation(sentence, language)
    assert found is not None and found.code == relation, found


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("es", "Putin ha adquirido un poder absoluto y sin restricciones."),
        ("en", "The minister condemned the raid."),  # a condemnation, not a sentence
    ],
)
def test_no_restriction_or_prosecution_where_none_is_stated(language: str, sentence: str) -> None:
    found = choose_relation(sentence, language)
    assert found is None or found.code not in {"restrict", "prosecute"}, found


def test_cameo_codes_of_the_new_relations() -> None:
    assert relation_for_cameo("172") == "restrict"
    assert relation_for_cameo("0813") == "ease"
    assert relation_for_cameo("081") == "ease"
    assert relation_for_cameo("083") == "hand_over"
    assert relation_for_cameo("173") == "arrest"
