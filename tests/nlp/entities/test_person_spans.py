"""What a person's span must not hold (nlp/entities/ner/persons.py), on sentences written
for this test, and a role word right after a name as the person's role."""

from __future__ import annotations

import pytest

from claimtrace.nlp.entities.mentions.roles import role_next
from claimtrace.nlp.entities.ner.base import Span
from claimtrace.nlp.entities.ner.persons import clean_person


def _cleaned(sentence: str, name: str) -> tuple[str, str] | None:
    start = sentence.index(name)
    span = clean_person(sentence, Span(start, start + len(name), "PERSON"))
    return None if span is None else (sentence[span.start : span.end], span.label)


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        # a role word after the name ends it
        (
            "Überraschend wird Petra Lindner Bürgermeisterin der Stadt.",
            "Petra Lindner Bürgermeisterin",
            ("Petra Lindner", "PERSON"),
        ),
        # an opening quote without its closing one
        ('Gestern kam Carlos "Pipo Gómez zurück.', 'Carlos "Pipo', ("Carlos", "PERSON")),
        # a show or prize named after a person is no person
        (
            "She told the Mark Stenton Interview podcast so.",
            "Mark Stenton Interview",
            ("Mark Stenton Interview", "OTHER"),
        ),
        # a definite article first: a body, not a person
        ("El jefe de La Gaviota habló.", "La Gaviota", ("La Gaviota", "ORG")),
        # two names joined: no one person
        ("Bienen (Smeets & Lorenz 2003) fliegen.", "Smeets & Lorenz", ("Smeets & Lorenz", "OTHER")),
        # a demonym or party acronym before the first name is no part of the name
        (
            "Taką drogę obrał Francuz Pierre Durand, który otworzył winiarnię.",
            "Francuz Pierre Durand",
            ("Pierre Durand", "PERSON"),
        ),
        ("Lider PSL Jan Nowak mówił.", "PSL Jan Nowak", ("Jan Nowak", "PERSON")),
        # a digit, bracket or symbol ends the name
        (
            "Suplentes: 20- Bryan Segura, 31-Mario Quesada(7)(8-Luis Rojas 77' (6)).",
            "Mario Quesada(7)(8-Luis Rojas",
            ("Mario Quesada", "PERSON"),
        ),
        # what stays
        ("Martin Luther King spoke.", "Martin Luther King", ("Martin Luther King", "PERSON")),
        ("Marine Le Pen a dit.", "Marine Le Pen", ("Marine Le Pen", "PERSON")),
        ("Jean-Yves Le Drian a dit.", "Jean-Yves Le Drian", ("Jean-Yves Le Drian", "PERSON")),
        ("Malcolm X spoke.", "Malcolm X", ("Malcolm X", "PERSON")),
        ("Andrasz III zmarł.", "Andrasz III", ("Andrasz III", "PERSON")),  # regnal number
        ("Diego Ruiz y Ortega llegó.", "Diego Ruiz y Ortega", ("Diego Ruiz y Ortega", "PERSON")),
        ('Harold "Junior" Tate spoke.', 'Harold "Junior" Tate', ('Harold "Junior" Tate', "PERSON")),
    ],
)
def test_person_spans(sentence: str, name: str, expected: tuple[str, str]) -> None:
    assert _cleaned(sentence, name) == expected


@pytest.mark.parametrize(
    ("sentence", "name", "label"),
    [("Santa Clara, CA 95064, USA", "CA 95064", "PERSON"),
     ("Accueil > Actualités", "Accueil >", "PERSON"),
     ("Der Preis liegt bei 30 €.", "€", "ORG")],
)  # fmt: skip
def test_a_code_a_menu_or_a_symbol_is_no_entity(sentence: str, name: str, label: str) -> None:
    start = sentence.index(name)
    assert clean_person(sentence, Span(start, start + len(name), label)) is None


@pytest.mark.parametrize("name", ["Brommer L", "Quarles PM", "van Delden C"])
def test_reference_list_authors_are_no_persons_of_the_text(name: str) -> None:
    sentence = f"- {name}, 2005. A new mode of foraging. Biol Lett 1: 1-4."
    assert _cleaned(sentence, name) is None


def test_a_role_word_right_after_the_name_is_its_role() -> None:
    text = "Überraschend wird Petra Lindner Bürgermeisterin der Stadt."
    end = text.index(" Bürgermeisterin")
    role = role_next(text, end)
    assert role is not None and text[role[1] : role[2]] == "Bürgermeisterin"
    assert role_next("Martin Luther King spoke.", len("Martin Luther")) is None  # short
    assert role_next("Olaf Scholz sagte das.", len("Olaf Scholz")) is None
    assert role_next("Olaf Scholz, Bürgermeister", len("Olaf Scholz")) is None  # apposition


def test_names_after_a_role_keep_hyphens_and_particles() -> None:
    from claimtrace.nlp.entities.mentions.roles import role_cued_names

    text = (
        "Weder Außenminister Jean-Marc Le Gall noch Europaministerin Amélie de Rochefort "
        "äußerten sich; die Sprecherin der Polizei schwieg."
    )
    names = [m.text for m in role_cued_names(text, [(0, len(text), "de")])]
    assert names == ["Jean-Marc Le Gall", "Amélie de Rochefort"]
