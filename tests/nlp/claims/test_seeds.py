"""Claims on the seed articles (../shared/corpus/seeds), attribution stage included."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrace.clean.document import build_document
from claimtrace.config import load_config
from claimtrace.ingest.reader import read_file
from claimtrace.nlp.analyse import Analysis, analyse_document
from claimtrace.nlp.attribution import find_attributions
from claimtrace.nlp.claims import extract_claims
from claimtrace.records import Claim, Document, Failure
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

Seed = tuple[Document, Analysis, list[Claim]]


@pytest.fixture(scope="module")
def seeds() -> list[Seed]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    config = load_config()
    out: list[Seed] = []
    for path in sorted(Path(SEEDS).iterdir()):
        for page in read_file(path, config.max_record_bytes):
            if isinstance(page, Failure):
                continue
            doc = build_document(page, config)
            assert isinstance(doc, Document)
            analysis = analyse_document(doc)
            attributions = find_attributions(doc, analysis.sentences)
            out.append((doc, analysis, extract_claims(doc, analysis, attributions)))
    return out


def _claims(seeds: list[Seed], *words: str) -> list[tuple[Document, Analysis, Claim]]:
    return [
        (doc, analysis, c)
        for doc, analysis, claims in seeds
        for c in claims
        if all(w in c.content.text for w in words)
    ]


def _place_ids(analysis: Analysis, name: str) -> set[str]:
    return {lm.place_id for lm in analysis.mentions if lm.mention.text == name and lm.place_id}


def test_palmyra_handed_back_by_islamic_state(seeds: list[Seed]) -> None:
    [(doc, analysis, claim)] = _claims(seeds, "handed back to government forces")
    assert (claim.relation, claim.verb) == ("hand_over", "handed back")
    assert claim.subjects == ("actor:islamic-state",)
    assert set(claim.objects) & {"actor:forces-sy", "actor:gov-sy"}
    assert _place_ids(analysis, "Palmyra") <= set(claim.places) and claim.places
    assert [s.name for s in claim.sources] == ["Sky News"]
    assert claim.sources[0].actor == "actor:sky-news"
    assert claim.modality == "reported" and not claim.negated


def test_iranian_rockets_in_german(seeds: list[Seed]) -> None:
    found = [c for _, _, c in _claims(seeds, "Raketen", "aus dem Iran") if c.language == "de"]
    claim = found[0]
    assert (claim.relation, claim.verb) == ("supply_weapons", "stammen")
    assert claim.subjects == ("actor:state-ir",)
    assert "actor:islamic-state" in claim.objects
    assert claim.modality == "confirmed"
    assert claim.sources[-1].cue == "bestätigte"
    assert "Calibre Obscura" in claim.sources[-1].name
    assert claim.sources[-1].actor == "actor:calibre-obscura"


def test_oil_for_fertiliser_trade(seeds: list[Seed]) -> None:
    trades = [c for _, _, c in _claims(seeds, "oil for fertili") if c.relation == "trade"]
    assert trades
    assert any("Islamic State" in c.text or "ISIS" in c.text for c in trades)


def test_hassoun_confirmed_the_handover(seeds: list[Seed]) -> None:
    [(_, _, claim)] = _claims(seeds, "Tadmur and Palmyra had indeed been handed over")
    assert claim.relation == "hand_over" and claim.modality == "confirmed"
    assert claim.sources[-1].name == "Hassoun"
    assert {"actor:bashar-al-assad", "actor:islamic-state"} <= set(claim.subjects + claim.objects)


def test_vague_sources_have_no_actor(seeds: list[Seed]) -> None:
    [(_, _, suwayda)] = _claims(seeds, "Islamic State fighters are being smuggled")
    assert suwayda.modality == "claimed" and suwayda.relation == "transport"
    assert "Suwayda" in suwayda.sources[0].name and suwayda.sources[0].actor is None
    assert "actor:islamic-state" in suwayda.subjects + suwayda.objects
    daraa = [c for _, _, c in _claims(seeds, "helicopters had transported IS fighters")]
    assert daraa and daraa[0].sources[0].name.startswith("sources in Daraa")
    assert daraa[0].sources[0].actor is None
    assert daraa[0].relation == "transport" and "actor:islamic-state" in daraa[0].objects


def test_evidence_points_at_the_exact_sentence(seeds: list[Seed]) -> None:
    for doc, analysis, claims in seeds:
        assert claims, doc.id
        for c in claims:
            assert doc.text[c.start : c.end] == c.text
            assert doc.text[c.content.start : c.content.end] == c.content.text
            assert c.start <= c.content.start and c.content.end <= c.end
            assert any(s <= c.start < e for s, e in analysis.sentences)
            assert "COMMENTS" not in c.text


def test_every_seed_has_asserted_claims_and_both_languages_are_covered(
    seeds: list[Seed],
) -> None:
    assert all(any(c.modality == "asserted" for c in claims) for _, _, claims in seeds)
    assert {c.language for _, _, claims in seeds for c in claims} >= {"de", "en"}
