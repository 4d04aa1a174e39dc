"""The attribution stage and the claim stage together, on invented articles."""

from __future__ import annotations

import pytest

from claimtrace.nlp.analyse import analyse_document
from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.claims import extract_claims
from tests.nlp.claims.helpers import document


def test_german_article_attributed_and_asserted_claims() -> None:
    doc = document(
        "Lokale Quellen berichteten, dass die Hisbollah Kämpfer des IS nach Deir Ezzor "
        "transportiert hat. Die Hisbollah griff am 3. Mai 2019 die Stadt Homs an.",
        "de",
    )
    analysis = analyse_document(doc, "de=rules")
    attributions = find_attributions(doc, analysis.sentences, "de=rules")
    claims = extract_claims(doc, analysis, attributions)
    moved = [c for c in claims if c.relation == "transport"]
    assert moved, [(c.relation, c.content.text) for c in claims]
    assert moved[0].modality == "reported"
    assert moved[0].sources[0].name == "Lokale Quellen" and moved[0].sources[0].actor is None
    assert moved[0].subjects == ("actor:hezbollah",)
    assert "actor:islamic-state" in moved[0].objects
    attack = [c for c in claims if c.relation == "attack"]
    assert attack and attack[0].modality == "asserted" and attack[0].sources == ()
    assert attack[0].time == "2019-05-03"
    assert attack[0].places  # Homs


@pytest.mark.slow
def test_english_article_with_a_nested_source() -> None:
    doc = document(
        "The Daily Ledger reported that officials confirmed that Hezbollah had transferred "
        "rockets to Hamas. Hamas denied the report.",
        "en",
    )
    analysis = analyse_document(doc)
    attributions = find_attributions(doc, analysis.sentences)
    claims = extract_claims(doc, analysis, attributions)
    supply = [c for c in claims if c.relation == "supply_weapons"]
    assert supply, [(c.relation, c.content.text, c.sources) for c in claims]
    innermost = min(supply, key=lambda c: len(c.content.text))
    assert innermost.subjects == ("actor:hezbollah",) and innermost.objects == ("actor:hamas",)
    assert innermost.modality == "confirmed"
    assert innermost.sources[0].name == "The Daily Ledger"
