"""Rules on the German model's spans (nlp/entities/ner/german.py): types from the name's
own words and the gazetteer, and the span edges the model misses. Each case is a sentence
written for this test, with the model's output given by hand (spaCy ``Doc`` with ents), so
the rule is tested, not the model."""

from __future__ import annotations

import pytest

from claimtrace.nlp.entities.ner.base import Span
from claimtrace.nlp.entities.ner.german import adjust, place_rank, retype

spacy = pytest.importorskip("spacy")


def _retyped(name: str, label: str) -> str:
    text = f"Gestern spielte {name} gut."
    start = text.index(name)
    return retype(text, Span(start, start + len(name), label)).label


@pytest.mark.parametrize(
    ("name", "model", "expected"),
    [
        ("Damaskus", "PERSON", "GPE"),  # a big city the model took for a person
        ("Tripolis", "ORG", "GPE"),
        ("San Francisco", "PERSON", "GPE"),
        ("Princeton University", "GPE", "ORG"),  # an organisation word in the name
        ("Hertha BSC Verein", "PERSON", "ORG"),
        ("Provinz Saragossa", "ORG", "GPE"),  # a place unit word
        ("Boston Bruins", "GPE", "ORG"),  # a town and a name that is none: a team
        ("Dinamo Zagreb", "PERSON", "ORG"),
        ("Manchester City", "GPE", "ORG"),  # "City" is no name of Manchester
        ("Olaf Scholz", "PERSON", "PERSON"),  # no evidence: the model's type stays
        ("Paris Hilton", "PERSON", "PERSON"),  # a first name first: a person
        ("David", "PERSON", "PERSON"),  # a first name and a town of 80,000 people
        ("Siemens", "ORG", "ORG"),
    ],
)
def test_types_from_the_name(name: str, model: str, expected: str) -> None:
    assert _retyped(name, model) == expected


def test_place_rank_is_spelling_only() -> None:
    assert place_rank("Lüttich") == 1  # German exonym of Liège (195,000 people)
    assert place_rank("Berlins") == 2  # genitive
    assert place_rank("Orioles") == 0  # no stems or sound-alikes (Orël)
    assert place_rank("Manchester City") == 0  # no qualifiers


def _adjusted(sentence: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=sentence.split())
    doc.ents = [SpacySpan(doc, s, e, label=label) for s, e, label in ents]
    return [(" ".join(t.text for t in tokens), label) for tokens, label in adjust(doc)]


def test_a_place_unit_word_joins_the_place() -> None:
    words = "Es regnete in der Provinz Saragossa ."
    assert _adjusted(words, [(5, 6, "LOC")]) == [("Provinz Saragossa", "LOC")]


def test_first_names_initials_and_surnames_join_a_person() -> None:
    words = "Gestern sprach Mortimer R. Proctor mit Tarek Mitri ."
    got = _adjusted(words, [(4, 5, "PER"), (6, 7, "PER")])
    assert got == [("Mortimer R. Proctor", "PER"), ("Tarek Mitri", "PER")]


def test_a_surname_after_a_first_name_is_no_common_word() -> None:
    words = "Gestern sagte Maria , die Sitzung sei vorbei ."
    assert _adjusted(words, [(2, 3, "PER")]) == [("Maria", "PER")]
    words = "Gestern sah Maria die Sitzung ."
    assert _adjusted(words, [(2, 3, "PER")]) == [("Maria", "PER")]


def test_a_name_particle_joins_the_two_halves_of_a_name() -> None:
    words = "Damals kämpfte Johann von Aldringen in Bayern ."
    got = _adjusted(words, [(2, 3, "PER"), (4, 5, "LOC"), (6, 7, "LOC")])
    assert got == [("Johann von Aldringen", "PER"), ("Bayern", "LOC")]


def test_club_words_and_numbers_join_an_organisation() -> None:
    words = "Er wechselte vom VfB Oldenburg zu Bayer 04 Leverkusen und Newcastle United ."
    got = _adjusted(words, [(4, 5, "LOC"), (6, 7, "ORG"), (8, 9, "LOC"), (10, 11, "LOC")])
    assert got == [
        ("VfB Oldenburg", "ORG"),
        ("Bayer 04 Leverkusen", "ORG"),
        ("Newcastle United", "ORG"),
    ]
