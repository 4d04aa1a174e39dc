"""One clause per claim: coordinated clauses become claims of their own."""

from __future__ import annotations

import pytest

from claimtrace.nlp.analyse import analyse_document
from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.claims import extract_claims
from claimtrace.nlp.claims.clauses import split_clauses
from claimtrace.nlp.claims.syntax import parsed
from tests.nlp.claims.helpers import document


def _parts(text: str, language: str) -> list[str]:
    return [text[p.start : p.end] for p in split_clauses(text, language, parsed(text, language))]


def test_two_clauses_with_their_own_subjects_are_cut() -> None:
    text = (
        "two of the six turbines were shut down as a precaution and engineers could "
        "not reach the damaged pylons"
    )
    assert _parts(text, "en") == [
        "two of the six turbines were shut down as a precaution",
        "engineers could not reach the damaged pylons",
    ]


def test_noun_phrase_coordination_is_not_cut() -> None:
    text = "The army and the police sealed off the town and the roads around it"
    assert _parts(text, "en") == [text]


def test_spanish_clauses_are_cut() -> None:
    text = "El ejército cerró la carretera y los vecinos quedaron aislados durante días"
    parts = _parts(text, "es")
    assert len(parts) == 2 and parts[1].startswith("los vecinos")


def test_arabic_and_before_a_known_verb_is_cut() -> None:
    text = "نحو 400 ألف شخص يعتمدون على محطة الضخ، ودعت جميع الأطراف إلى تجنيب منشآت المياه"
    parts = [text[p.start : p.end] for p in split_clauses(text, "ar", None)]
    assert parts == [
        "نحو 400 ألف شخص يعتمدون على محطة الضخ",
        "ودعت جميع الأطراف إلى تجنيب منشآت المياه",
    ]


def test_german_stays_whole_without_a_parse() -> None:
    text = "Die Armee sperrte die Straße und die Bewohner blieben tagelang eingeschlossen"
    assert [p.end - p.start for p in split_clauses(text, "de", None)] == [len(text)]


@pytest.mark.slow
def test_a_conjunct_without_a_subject_keeps_the_first_clauses_subject() -> None:
    doc = document(
        "Hezbollah withdrew its fighters from Qusayr and handed the town over to the army.",
        "en",
    )
    analysis = analyse_document(doc, None)
    claims = extract_claims(doc, analysis, find_attributions(doc, analysis.sentences, None))
    relations = {c.relation: c for c in claims}
    assert {"withdraw", "hand_over"} <= set(relations), [
        (c.relation, c.content.text) for c in claims
    ]
    assert relations["hand_over"].subjects == relations["withdraw"].subjects
    assert relations["hand_over"].subjects == ("actor:hezbollah",)


@pytest.mark.slow
def test_a_report_of_two_statements_gives_two_claims_of_the_same_source() -> None:
    doc = document(
        "The United Nations said about 400,000 people depended on the pumping station and "
        "called on all sides to spare water facilities.",
        "en",
    )
    analysis = analyse_document(doc, None)
    claims = extract_claims(doc, analysis, find_attributions(doc, analysis.sentences, None))
    contents = {c.content.text: c for c in claims}
    assert "about 400,000 people depended on the pumping station" in contents, list(contents)
    demand = [c for c in claims if c.relation == "demand"]
    assert demand and all(s.name == "The United Nations" for s in demand[0].sources)
    assert not any("people" in s.name for c in claims for s in c.sources)


def test_table_rows_and_addresses_are_no_claims() -> None:
    from claimtrace.nlp.claims.worthiness import judge

    assert (
        judge("| Surrey Heath | Michael Gove | michael.gove@example.org |", "en", 1, None) is None
    )
    assert (
        judge("+++ Alle aktuellen Informationen zu Berlin im Live-Ticker +++", "de", 1, None)
        is None
    )
