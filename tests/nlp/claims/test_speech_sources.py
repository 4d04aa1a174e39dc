"""Sources across sentences in claims, sources that are not their actor, and speech acts
whose content is no clause (the claim is the statement, not the deed)."""

from __future__ import annotations

import pytest

from claimtrace.nlp.analyse import analyse_document
from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.claims import extract_claims
from claimtrace.records import Claim
from tests.nlp.claims.helpers import analysis, attribution, document

IS = ("Islamic State", "actor:islamic-state", None, "ORG")
HEZ = ("Hezbollah", "actor:hezbollah", None, "ORG")


def _claims(text: str, language: str, backends: str | None = None) -> list[Claim]:
    doc = document(text, language)
    found = analyse_document(doc, backends)
    return extract_claims(doc, found, find_attributions(doc, found.sentences, backends))


def test_owned_sources_are_not_the_actor() -> None:
    doc = document("Islamic State defectors said that Hezbollah had paid the smugglers.", "en")
    said = attribution(
        doc, "said", "Hezbollah had paid the smugglers", "Islamic State defectors", "say"
    )
    [claim] = [c for c in extract_claims(doc, analysis(doc, [IS, HEZ]), [said]) if c.sources]
    assert claim.sources[0].name == "Islamic State defectors"
    assert claim.sources[0].actor is None  # the defectors are no statement by the group


def test_pronoun_source_takes_the_named_speaker_in_claims() -> None:
    claims = _claims(
        "Die Sprecherin Maria Lenz bestätigte, dass der Damm gebrochen sei. "
        "Sie sagte, die Evakuierung der Stadt Nordheim laufe seit dem Morgen.",
        "de",
        "de=rules",
    )
    spoken = [c for c in claims if "Evakuierung" in c.content.text]
    assert spoken and spoken[0].sources[-1].name == "Die Sprecherin Maria Lenz"


def test_pronoun_without_antecedent_is_no_source_link() -> None:
    claims = _claims(
        "Er sagte, die Evakuierung der Stadt Nordheim habe die Hisbollah verzögert.",
        "de",
        "de=rules",
    )
    spoken = [c for c in claims if "Evakuierung" in c.content.text]
    assert spoken and spoken[0].sources == ()
    assert spoken[0].modality == "reported"  # still said by someone


def test_indefinite_source_is_no_empty_name() -> None:
    claims = _claims(
        "One of the commanders called on the fighters to surrender to the army. "
        "Another said that Hezbollah had handed its weapons to the Syrian army in Homs.",
        "en",
        None,
    )
    spoken = [c for c in claims if "weapons" in c.content.text]
    assert spoken and all(s.name.strip() for s in spoken[0].sources)


def test_german_evidence_under_the_outlet() -> None:
    claims = _claims(
        "Die Zeitung Nordkurier berichtete, dass die Firma Waffen an die Miliz geliefert habe. "
        "Die Dokumente belegen, dass die Firma der Miliz bis 2019 Geld zahlte.",
        "de",
        "de=rules",
    )
    paid = [c for c in claims if "Geld zahlte" in c.content.text]
    assert paid, [(c.content.text, c.sources) for c in claims]
    assert [s.name for s in paid[0].sources] == ["Die Zeitung Nordkurier", "Die Dokumente"]
    assert paid[0].modality != "confirmed"  # documents are evidence, reported by the paper


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "deed"),
    [
        (
            "The Foreign Ministry of Nordland issued a statement stressing the need to "
            "distinguish between the fight against Islamic State and the killing of civilians.",
            "en",
            "kill_injure",
        ),
        (
            "The Harbour Guard accused Hezbollah of shelling the port of Vale.",
            "en",
            "attack",
        ),
    ],
)
def test_a_statement_about_a_deed_is_not_the_deed(text: str, language: str, deed: str) -> None:
    claims = _claims(text, language)
    assert claims
    assert all(c.relation != deed for c in claims), [(c.relation, c.verb) for c in claims]
    assert any(c.sources for c in claims)


@pytest.mark.slow
def test_english_outlet_is_the_outermost_source_of_later_evidence() -> None:
    claims = _claims(
        "The Harbour Times reported that the company paid the port officials. "
        "The documents also show that Hezbollah received weapons from the company.",
        "en",
    )
    received = [c for c in claims if "received weapons" in c.content.text]
    assert received, [(c.content.text, c.sources) for c in claims]
    assert received[0].sources[0].name == "The Harbour Times"
    assert received[0].modality == "reported"


def test_unattributed_sentence_about_the_reported_documents_carries_the_report() -> None:
    claims = _claims(
        "Die Zeitung Nordkurier berichtete, dass die Firma Waffen an die Miliz geliefert habe. "
        "In diesen Dokumenten steht auch, dass die Hisbollah im Mai 2019 Raketen an den IS "
        "lieferte.",
        "de",
        "de=rules",
    )
    rockets = [c for c in claims if "Raketen" in c.text]
    assert rockets, [(c.content.text, c.sources) for c in claims]
    assert rockets[0].sources and rockets[0].sources[0].name == "Die Zeitung Nordkurier"
    assert rockets[0].modality == "reported"


@pytest.mark.slow
def test_english_sentence_about_these_documents_carries_the_outlet() -> None:
    claims = _claims(
        "The Harbour Times reported that the company paid the port officials. "
        "One of these documents is a receipt for rockets Hezbollah sold to Islamic State.",
        "en",
    )
    receipt = [c for c in claims if "receipt" in c.text]
    assert receipt, [(c.content.text, c.sources) for c in claims]
    assert receipt[0].sources[0].name == "The Harbour Times"


def test_no_carry_without_a_reference_to_the_evidence() -> None:
    claims = _claims(
        "Die Zeitung Nordkurier berichtete, dass die Firma Waffen an die Miliz geliefert habe. "
        "Die Hisbollah griff am 3. Mai 2019 die Stadt Homs an.",
        "de",
        "de=rules",
    )
    attack = [c for c in claims if c.relation == "attack"]
    assert attack and attack[0].sources == () and attack[0].modality == "asserted"


def test_a_deed_by_no_one_is_what_the_named_speaker_said() -> None:
    doc = document("Maria Lenz said that fun never killed anyone at all.", "en")
    said = attribution(doc, "said", "fun never killed anyone at all", "Maria Lenz", "say")
    lenz = ("Maria Lenz", "actor:x-maria-lenz", None, "PERSON")
    [claim] = extract_claims(doc, analysis(doc, [lenz]), [said])
    assert claim.relation == "statement" and claim.subjects == ("actor:x-maria-lenz",)


def test_a_deed_by_no_one_from_an_unnamed_source_stays_the_deed() -> None:
    doc = document("Officials said the city was handed over in an orderly manner.", "en")
    said = attribution(
        doc, "said", "the city was handed over in an orderly manner", "Officials", "say"
    )
    [claim] = extract_claims(doc, analysis(doc, []), [said])
    assert claim.relation == "hand_over" and claim.subjects == ()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Leute sagen, da müsse doch endlich etwas gemacht werden.", "de"),
        ("Many institutions say students are struggling to get slots for a test.", "en"),
    ],
)
def test_a_statement_by_no_one_named_about_no_one_is_no_claim(text: str, language: str) -> None:
    assert _claims(text, language) == []


def test_a_sentence_without_relation_source_or_parse_is_no_claim() -> None:
    # German has no parse here: the roles would be token order alone
    text = "Olafur Eliasson wuchs in Island und Dänemark auf, seine Eltern kamen aus Island."
    assert [c for c in _claims(text, "de") if c.relation == "other"] == []


def test_a_name_holding_a_place_names_its_source() -> None:
    claims = _claims(
        "The Vintners Federation of Ireland has warned that 50,000 jobs are now at risk.", "en"
    )
    assert [c.sources[0].actor for c in claims] == ["actor:x-vintners-federation-of-ireland"]
