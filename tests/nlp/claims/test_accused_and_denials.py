"""An accusation of a group named by its backer, and the denials that answer it: the
accused group is the object (unlinked: no actor), not its backer; a denial is a claim even
when what is denied is a noun phrase ("denied any involvement")."""

from __future__ import annotations

import pytest

from claimtrace.nlp.analyse import analyse_document
from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.claims import extract_claims
from claimtrace.nlp.claims.actors import backer_only
from claimtrace.records import Claim
from tests.nlp.claims.helpers import document


def _claims(text: str, language: str) -> list[Claim]:
    doc = document(text, language)
    found = analyse_document(doc)
    return extract_claims(doc, found, find_attributions(doc, found.sentences))


@pytest.mark.parametrize(
    ("text", "name", "language", "expected"),
    [
        ("accused factions backed by Turkey of the strike", "Turkey", "en", True),
        ("des factions soutenues par la Turquie, qui démentent", "Turquie", "fr", True),
        ("a facciones respaldadas por Turquía, que negaron", "Turquía", "es", True),
        ("beschuldigten von der Türkei unterstützte Milizen", "Türkei", "de", True),
        ("the town was seized by Turkey last week", "Turkey", "en", False),
        ("the militias were backed by Turkey", "Turkey", "en", False),
        ("Die Milizen wurden von der Türkei unterstützt.", "Türkei", "de", False),
    ],
)
def test_a_backer_only_describes_the_group(
    text: str, name: str, language: str, expected: bool
) -> None:
    at = text.index(name)
    assert backer_only(text, at, at + len(name), language) is expected


def test_spanish_accusation_and_the_accused_groups_denial() -> None:
    claims = _claims(
        "Las Fuerzas Democráticas Sirias acusaron a facciones respaldadas por Turquía, "
        "que negaron cualquier participación.",
        "es",
    )
    [accused] = [c for c in claims if c.relation == "accuse"]
    assert accused.subjects == ("actor:sdf",) and accused.objects == ()
    [denial] = [c for c in claims if c.relation == "deny"]
    # the article says the factions denied it, not the accuser
    assert [s.name for s in denial.sources] == ["facciones respaldadas por Turquía"]
    assert "actor:state-tr" not in denial.subjects


def test_german_accusation_names_the_militias_not_their_backer() -> None:
    claims = _claims(
        "Die Demokratischen Kräfte Syriens (SDF) beschuldigten von der Türkei unterstützte "
        "Milizen, den Angriff verübt zu haben.",
        "de",
    )
    [accused] = [c for c in claims if c.relation == "accuse"]
    assert accused.subjects == ("actor:sdf",) and "actor:state-tr" not in accused.objects


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The Turkish defence ministry denied any involvement and said its forces had "
            "only targeted positions south of Manbij.",
            "en",
        ),
        ("Das türkische Verteidigungsministerium wies jede Beteiligung zurück.", "de"),
    ],
)
def test_a_denial_of_a_noun_phrase_is_a_claim(text: str, language: str) -> None:
    [denial] = [c for c in _claims(text, language) if c.relation == "deny"]
    assert denial.subjects == ("actor:state-tr",)
    assert denial.modality in ("reported", "asserted")  # the denial is told, not denied
