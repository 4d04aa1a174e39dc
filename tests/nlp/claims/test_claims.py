"""extract_claims on invented sentences, with analyses and attributions built by hand."""

from __future__ import annotations

import pytest

from claimtrace.ids import claim_id
from claimtrace.kb.actors.table import unknown_actor_id
from claimtrace.nlp.claims import available_extractors, extract_claims, register_extractor
from claimtrace.records import MODALITIES, Claim
from tests.nlp.claims.helpers import analysis, attribution, document

IS = ("Islamic State", "actor:islamic-state", None, "ORG")
HARBOR = ("Port Vale", None, "geonames:1", "GPE")


def _only(claims: list[Claim], relation: str) -> Claim:
    found = [c for c in claims if c.relation == relation]
    assert len(found) == 1, [(c.relation, c.content.text) for c in claims]
    return found[0]


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_attributed_passive_claim_en() -> None:
    doc = document(
        "According to the Daily Ledger, the town of Port Vale was handed back to the Syrian "
        "government by Islamic State in 2016.",
        "en",
    )
    mentions = [("Daily Ledger", None, None, "ORG"), HARBOR, IS]
    content = (
        "the town of Port Vale was handed back to the Syrian government by Islamic State in 2016"
    )
    att = attribution(doc, "According to", content, "the Daily Ledger", "according")
    claim = _only(extract_claims(doc, analysis(doc, mentions), [att]), "hand_over")
    assert claim.verb == "handed back"
    assert claim.subjects == ("actor:islamic-state",)
    assert claim.objects == ("actor:gov-sy",)  # "the Syrian government": a descriptor phrase
    assert claim.places == ("geonames:1",)
    assert claim.time == "2016"
    assert claim.modality == "reported" and not claim.negated
    assert (claim.start, claim.end) == (0, len(doc.text))
    assert claim.text == doc.text and claim.content.text == content
    assert claim.id == claim_id(doc.id, claim.content.start, claim.content.end, "hand_over")
    [link] = claim.sources
    assert (link.name, link.cue, link.kind) == ("the Daily Ledger", "According to", "according")
    assert link.actor == unknown_actor_id("Daily Ledger", "en")
    assert claim.language == "en" and claim.backend == "rules"


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
@pytest.mark.parametrize(
    ("kind", "modality"),
    [
        ("confirm", "confirmed"),
        ("deny", "denied"),
        ("claim", "claimed"),
        ("allege", "alleged"),
        ("say", "reported"),
        ("question", "questioned"),
        ("believe", "opinion"),
    ],
)
def test_modality_follows_the_cue(kind: str, modality: str) -> None:
    doc = document("Officials said that Islamic State attacked the garrison at Port Vale.", "en")
    att = attribution(
        doc, "said", "Islamic State attacked the garrison at Port Vale", "Officials", kind
    )
    [claim] = extract_claims(doc, analysis(doc, [IS, HARBOR]), [att])
    assert claim.modality == modality and claim.modality in MODALITIES
    assert claim.sources[0].actor is None  # "Officials": a vague source


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_hedge_makes_an_allegation_and_negation_is_kept() -> None:
    doc = document(
        "Islamic State reportedly did not attack the convoy of the Syrian army near Port Vale.",
        "en",
    )
    [claim] = extract_claims(doc, analysis(doc, [IS, HARBOR]), [])
    assert claim.relation == "attack"
    assert claim.modality == "alleged" and claim.negated
    assert claim.subjects == ("actor:islamic-state",)
    assert claim.objects == ("actor:forces-sy",)
    assert claim.sources == ()


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_nested_sources_form_a_chain_outermost_first() -> None:
    doc = document(
        "The Daily Ledger notes that documents seized in a raid revealed that Islamic State "
        "sold oil to the Syrian regime.",
        "en",
    )
    outer = attribution(
        doc,
        "notes",
        "documents seized in a raid revealed that Islamic State sold oil to the Syrian regime",
        "The Daily Ledger",
        "say",
    )
    inner = attribution(
        doc,
        "revealed",
        "Islamic State sold oil to the Syrian regime",
        "documents seized in a raid",
        "confirm",
        parent=0,
    )
    claims = extract_claims(doc, analysis(doc, [IS]), [outer, inner])
    trade = [c for c in claims if c.content.text.startswith("Islamic State sold")]
    assert len(trade) == 1 and trade[0].relation == "trade"
    assert [s.name for s in trade[0].sources] == ["The Daily Ledger", "documents seized in a raid"]
    assert [s.actor for s in trade[0].sources] == [unknown_actor_id("Daily Ledger", "en"), None]
    assert trade[0].modality == "reported"  # documents that "confirm" are evidence, reported
    assert (trade[0].subjects, trade[0].objects) == (("actor:islamic-state",), ("actor:gov-sy",))


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_unattributed_document_still_yields_asserted_claims() -> None:
    doc = document(
        "COMMENTS\n\nIslamic State fighters were smuggled to Port Vale by Hezbollah. "
        "The weather was mild.\n\nIt is too early to celebrate victory over Islamic State.",
        "en",
    )
    mentions = [IS, HARBOR, ("Hezbollah", "actor:hezbollah", None, "ORG")]
    claims = extract_claims(doc, analysis(doc, mentions), [])
    # the closing opinion names no relation: no claim since session 6 (precision first)
    assert [c.relation for c in claims] == ["transport"]
    (smuggled,) = claims
    assert smuggled.modality == "asserted"
    assert smuggled.subjects == ("actor:hezbollah",)
    assert smuggled.objects == ("actor:islamic-state",)
    assert smuggled.places == ("geonames:1",)


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_questions_and_debris_are_no_claims() -> None:
    doc = document(
        "Is Islamic State working with Hezbollah?\n\nSHARE THIS ARTICLE ON HEZBOLLAH",
        "en",
    )
    mentions = [IS, ("Hezbollah", "actor:hezbollah", None, "ORG")]
    assert extract_claims(doc, analysis(doc, mentions), []) == []


def test_german_claim_with_confirmed_modality_and_origin() -> None:
    doc = document(
        "Die Website Ferrum bestätigte, dass die Raketen, die der IS eingesetzt hat, aus dem "
        "Iran stammen.",
        "de",
    )
    mentions = [
        ("Ferrum", None, None, "ORG"),
        ("IS", "actor:islamic-state", None, "ORG"),
        ("Iran", "actor:state-ir", "geonames:130758", "GPE"),
    ]
    att = attribution(
        doc,
        "bestätigte",
        "dass die Raketen, die der IS eingesetzt hat, aus dem Iran stammen",
        "Die Website Ferrum",
        "confirm",
    )
    [claim] = extract_claims(doc, analysis(doc, mentions), [att])
    assert (claim.relation, claim.verb) == ("supply_weapons", "stammen")
    assert claim.subjects == ("actor:state-ir",)
    assert claim.objects == ("actor:islamic-state",)
    assert claim.modality == "confirmed"
    assert claim.sources[0].actor == unknown_actor_id("Ferrum", "de")
    assert claim.places == ("geonames:130758",)


def test_german_passive_agent_and_negation() -> None:
    doc = document("Die Stadt wurde von der Hisbollah nicht an die Armee übergeben.", "de")
    mentions = [("Hisbollah", "actor:hezbollah", None, "ORG")]
    [claim] = extract_claims(doc, analysis(doc, mentions), [])
    assert claim.relation == "hand_over" and claim.negated
    assert claim.subjects == ("actor:hezbollah",)


@pytest.mark.slow  # the en/fr/es dependency parser loads once (seconds)
def test_french_and_spanish_claims() -> None:
    fr = document(
        "Selon des témoins, le Hezbollah a livré des armes aux rebelles à Port Vale.", "fr"
    )
    att = attribution(
        fr,
        "Selon",
        "le Hezbollah a livré des armes aux rebelles à Port Vale",
        "des témoins",
        "according",
    )
    [claim] = extract_claims(
        fr, analysis(fr, [("Hezbollah", "actor:hezbollah", None, "ORG"), HARBOR]), [att]
    )
    assert (claim.relation, claim.subjects, claim.modality) == (
        "supply_weapons",
        ("actor:hezbollah",),
        "reported",
    )
    assert claim.sources[0].actor is None
    es = document(
        "El ejército de Colombia atacó a las FARC en la frontera el 3 de mayo de 2019.", "es"
    )
    [claim] = extract_claims(
        es,
        analysis(
            es,
            [
                ("FARC", "actor:farc", None, "ORG"),
                ("Colombia", "actor:state-co", "geonames:3686110", "GPE"),
            ],
        ),
        [],
    )
    assert claim.relation == "attack" and claim.modality == "asserted"
    assert claim.objects == ("actor:farc",)
    assert claim.time == "2019-05-03"


def test_backend_registry() -> None:
    assert "rules" in available_extractors()

    class Nothing:
        name = "nothing"

        def extract(self, doc, analysis, attributions, annotated=None):  # type: ignore[no-untyped-def]
            return []

    register_extractor("nothing", Nothing)
    doc = document("Islamic State attacked Port Vale.", "en")
    assert extract_claims(doc, analysis(doc, [IS]), [], backend="nothing") == []
    with pytest.raises(Exception, match="unknown claim backend"):
        extract_claims(doc, analysis(doc, [IS]), [], backend="no-such")


@pytest.mark.parametrize(
    ("language", "text", "names", "relation"),
    [
        (
            "ar",
            "هاجم تنظيم داعش مواقع حزب الله قرب الحدود.",
            (("داعش", "actor:islamic-state"), ("حزب الله", "actor:hezbollah")),
            "attack",
        ),
        (
            "ru",
            "Боевики ИГИЛ атаковали позиции Хезболлы у границы.",
            (("ИГИЛ", "actor:islamic-state"), ("Хезболлы", "actor:hezbollah")),
            "attack",
        ),
    ],
)
def test_minimal_languages_still_yield_claims(
    language: str, text: str, names: tuple[tuple[str, str], ...], relation: str
) -> None:
    doc = document(text, language)
    mentions = [(surface, actor, None, "ORG") for surface, actor in names]
    [claim] = extract_claims(doc, analysis(doc, mentions), [])
    assert claim.relation == relation and claim.modality == "asserted"
    assert set(claim.subjects + claim.objects) == {actor for _, actor in names}
    assert claim.language == language


@pytest.mark.slow  # the en dependency parser loads once (seconds)
def test_the_parse_keeps_a_fronted_phrase_out_of_the_subjects() -> None:
    doc = document("In response to the Iranian strike, Israel attacked Hezbollah in Lebanon.", "en")
    mentions = [
        ("Iranian", "actor:state-ir", None, "NORP"),
        ("Israel", "actor:state-il", "geonames:294640", "GPE"),
        ("Hezbollah", "actor:hezbollah", None, "ORG"),
        ("Lebanon", "actor:state-lb", "geonames:272103", "GPE"),
    ]
    [claim] = extract_claims(doc, analysis(doc, mentions), [])
    assert claim.relation == "attack"
    assert claim.subjects == ("actor:state-il",)
    assert claim.objects == ("actor:hezbollah",)  # "in Lebanon" is a place, not a target
    assert claim.places == ("geonames:294640", "geonames:272103")


def test_both_sides_are_the_actors_of_the_claim_before() -> None:
    doc = document(
        "Die Hisbollah übergab die Stadt an die Armee. Danach handelten beide Seiten mit Öl.",
        "de",
    )
    mentions = [
        ("Hisbollah", "actor:hezbollah", None, "ORG"),
        ("Armee", "actor:forces-sy", None, "ORG"),
    ]
    handover, trade = extract_claims(doc, analysis(doc, mentions), [])
    assert (handover.relation, handover.subjects, handover.objects) == (
        "hand_over",
        ("actor:hezbollah",),
        ("actor:forces-sy",),
    )
    assert trade.relation == "trade" and trade.modality == "asserted"
    assert trade.subjects == ("actor:hezbollah", "actor:forces-sy")
