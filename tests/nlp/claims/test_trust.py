"""Claims an analyst can trust (issue 12, session 7): one claim per thing said, speech
acts about deeds stay statements, struggles are no attacks, no empty or pronoun sources."""

from __future__ import annotations

import pytest

from claimtrace.nlp.analyse import analyse_document
from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.claims import extract_claims
from claimtrace.nlp.claims.verbs import find_relation
from claimtrace.records import Claim
from tests.nlp.claims.helpers import analysis, document

pytestmark = pytest.mark.slow

PRONOUNS = {"he", "she", "it", "they", "er", "sie", "es", "il", "elle", "ils", "él", "ella"}


def _claims(text: str, language: str) -> list[Claim]:
    doc = document(text, language)
    found = analyse_document(doc, None)
    return extract_claims(doc, found, find_attributions(doc, found.sentences, None))


def test_two_clauses_saying_one_statement_are_one_claim() -> None:
    claims = _claims(
        "The US-led coalition announced that it had split into two and that one group had "
        "remained in the desert near Palmyra.",
        "en",
    )
    said = [c for c in claims if c.relation == "statement"]
    keys = [(c.start, c.end, c.subjects, c.objects, c.verb) for c in said]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Louvre has fought to acquire a painting by Vermeer.", "en"),
        ("The union fights for higher wages in Hamburg.", "en"),
        ("Das Museum kämpft um das Gemälde aus Wien.", "de"),
        ("El museo lucha por el cuadro de Goya.", "es"),
    ],
)
def test_a_struggle_is_no_attack(text: str, language: str) -> None:
    found = find_relation(text, language)
    assert found is None or found.code != "attack"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The army fought the rebels near Homs.", "en"),
        ("Die Armee kämpfte gegen die Rebellen bei Homs.", "de"),
        ("El ejército lucha contra los rebeldes cerca de Homs.", "es"),
    ],
)
def test_fighting_someone_is_an_attack(text: str, language: str) -> None:
    found = find_relation(text, language)
    assert found is not None and found.code == "attack"


def test_a_statement_about_killing_is_a_statement_by_the_ministry() -> None:
    claims = _claims(
        "The Syrian Foreign Ministry issued a statement stressing the need to stop the "
        "killing of innocent people in Idlib.",
        "en",
    )
    assert claims
    assert all(c.relation != "kill_injure" for c in claims)
    said = [c for c in claims if c.relation == "statement"]
    assert said and said[0].sources and "Ministry" in said[0].sources[-1].name


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Hezbollah fighters crossed into Syria. He said that Hezbollah had attacked the "
            "Syrian army near Homs.",
            "en",
        ),
        (
            "Kämpfer der Hisbollah überquerten die Grenze. Er sagte, die Hisbollah habe die "
            "syrische Armee bei Homs angegriffen.",
            "de",
        ),
        (
            "Des combattants du Hezbollah ont franchi la frontière. Il a dit que le Hezbollah "
            "avait attaqué l'armée syrienne près de Homs.",
            "fr",
        ),
    ],
)
def test_no_source_is_a_bare_pronoun_or_empty(text: str, language: str) -> None:
    claims = _claims(text, language)
    for claim in claims:
        for link in claim.sources:
            assert link.name.strip()
            assert link.name.strip().casefold() not in PRONOUNS


def test_documents_held_by_an_outlet_are_reported_not_confirmed() -> None:
    claims = _claims(
        "The Courier obtained documents last year proving that Hezbollah had attacked the "
        "Syrian army near Homs.",
        "en",
    )
    deed = [c for c in claims if c.relation == "attack"]
    assert deed and deed[0].modality == "reported"
    assert [s.name for s in deed[0].sources] == ["The Courier", "documents"]


def test_a_stance_inside_a_statement_keeps_the_statement() -> None:
    claims = _claims(
        "Opposition military sources said that the Syrian regime was planning to lift the "
        "siege around Homs.",
        "en",
    )
    assert any(c.sources and c.sources[0].name == "Opposition military sources" for c in claims)


@pytest.mark.parametrize(
    ("text", "language", "river"),
    [
        (
            "Hezbollah shelled a power line near the Tishreen dam on the Euphrates.",
            "en",
            "Euphrates",
        ),
        ("Die Hisbollah beschoss eine Stromleitung nahe dem Staudamm am Euphrat.", "de", "Euphrat"),
        ("Le Hezbollah a bombardé une ligne près du barrage sur l'Euphrate.", "fr", "Euphrate"),
        ("Hezbollah bombardeó una línea cerca de la presa sobre el Éufrates.", "es", "Éufrates"),
    ],
)
def test_an_unknown_name_a_feature_places_is_no_actor(text: str, language: str, river: str) -> None:
    doc = document(text, language)
    hez = text.split()[0] if text.startswith("Hezbollah") else text.split()[1]
    mentions = [
        (hez, "actor:hezbollah", None, "ORG"),
        (river, "actor:x-river", None, "ORG"),  # the NER's guess: an unknown organisation
    ]
    claims = extract_claims(doc, analysis(doc, mentions), [])
    assert claims
    for claim in claims:
        assert "actor:x-river" not in claim.subjects + claim.objects
        assert "actor:hezbollah" in claim.subjects
