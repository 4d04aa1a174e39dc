"""The seed articles (../shared/corpus/seeds): the sources issue 4 names, in de and en."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrace.clean.document import build_document
from claimtrace.config import load_config
from claimtrace.ingest.reader import read_inputs
from claimtrace.nlp.attribution import find_attributions
from claimtrace.records import Attribution, Document
from tests.conftest import SEEDS
from tests.nlp.attribution.conftest import sentences_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_attributions() -> list[tuple[Document, list[Attribution]]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    config = load_config()
    out = []
    for raw in read_inputs([Path(SEEDS)], config.max_record_bytes):
        doc = build_document(raw, config)  # type: ignore[arg-type]
        if isinstance(doc, Document):
            out.append((doc, find_attributions(doc, sentences_of(doc))))
    assert len(out) == 5
    return out


@pytest.mark.parametrize(
    ("source", "kind", "language", "content_part"),
    [
        ("Sky News", "according", "en", "Palmyra"),
        ("Calibre Obscura", "confirm", "de", "aus dem Iran stammen"),
        ("Multiple sources in the city of Suwayda", "claim", "en", "being smuggled"),
        ("Hassoun", "confirm", "en", "Tadmur and Palmyra had indeed been handed over"),
        ("Business Insider", "say", "en", "precedent"),
        ("sources in Daraa", "report", "en", "helicopters had transported"),
        ("Ryan Dillon", "say", "en", "spotted an IS convoy"),
        ("syrische Organisationen", "report", "de", "iranische Waffen eingesetzt"),
        ("Lokale Quellen", "report", "de", "Zusammenstöße"),
    ],
)
def test_seed_sources(
    seed_attributions: list[tuple[Document, list[Attribution]]],
    source: str,
    kind: str,
    language: str,
    content_part: str,
) -> None:
    hits = [
        (doc, a)
        for doc, found in seed_attributions
        for a in found
        if a.source is not None
        and source in a.source.text
        and a.cue_kind == kind
        and content_part in a.content.text
    ]
    assert hits, source
    doc, a = hits[0]
    assert a.language == language
    # the evidence sentence holds the cue and the content, as offsets into the text
    assert a.sentence.start <= a.cue.start < a.sentence.end
    assert doc.text[a.sentence.start : a.sentence.end] == a.sentence.text


def test_ryan_dillon_source_is_the_full_noun_phrase(
    seed_attributions: list[tuple[Document, list[Attribution]]],
) -> None:
    sources = {a.source.text for _, found in seed_attributions for a in found if a.source}
    assert any(s.startswith("Ryan Dillon, a spokesman for the US-led") for s in sources)


def test_business_insider_chain(
    seed_attributions: list[tuple[Document, list[Attribution]]],
) -> None:
    for _, found in seed_attributions:
        for a in found:
            if a.parent is not None and a.source and a.source.text.startswith("documents captured"):
                parent = found[a.parent]
                assert parent.source and parent.source.text == "Business Insider"
                assert a.cue_kind == "report"
                return
    pytest.fail("no Business Insider > documents captured chain")
