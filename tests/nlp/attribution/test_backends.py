"""Backend choice per paragraph language, and fallback when a parser is unavailable."""

from __future__ import annotations

import time

import pytest

from claimtrace.nlp.attribution import find_attributions, parse_backends, register_backend
from claimtrace.nlp.attribution.base import AttributionBackend
from tests.nlp.attribution.conftest import Extract, make_document, sentences_of


def test_parse_backends_merges_over_defaults() -> None:
    chosen = parse_backends("en=rules, *=rules")
    assert chosen["en"] == "rules" and chosen["fr"] == "spacy" and chosen["*"] == "rules"
    assert parse_backends("") == parse_backends(None)


def test_language_without_a_parser_uses_rules(extract: Extract) -> None:
    found = extract("Laut der Polizei wurden zwei Personen festgenommen.", "de", "de=spacy")
    assert found and found[0].backend == "rules" and found[0].source.text == "der Polizei"  # type: ignore[union-attr]


def test_a_failing_backend_falls_back_to_rules() -> None:
    class Broken:
        name = "broken"

        def extract(self, *args: object) -> list[object]:
            raise OSError("model files missing")

    def factory() -> AttributionBackend:
        return Broken()  # type: ignore[return-value]

    register_backend("broken-test", factory)
    doc = make_document("Die Regierung bestätigte, dass die Truppen abgezogen seien.", "de")
    found = find_attributions(doc, sentences_of(doc), "de=broken-test")
    assert [a.cue.text for a in found] == ["bestätigte"]


def test_unknown_backend_name_falls_back_to_rules(extract: Extract) -> None:
    found = extract("Die Regierung bestätigte, dass die Truppen abgezogen seien.", "de", "de=nope")
    assert [a.backend for a in found] == ["rules"]


def test_language_without_a_lexicon_yields_nothing(extract: Extract) -> None:
    assert extract("Hallitus vahvisti, että joukot vetäytyivät.", "fi") == []


def test_spans_point_into_the_document(extract: Extract) -> None:
    text = "Erster Absatz ohne Quelle.\n\nLaut der Polizei wurden zwei Personen festgenommen."
    doc = make_document(text, "de")
    for a in find_attributions(doc, sentences_of(doc)):
        for span in (a.sentence, a.cue, a.content, a.source):
            assert span is not None and doc.text[span.start : span.end] == span.text
        assert a.document_id == doc.id


def test_spacy_backend_named_with_a_model_for_another_language_falls_back(
    extract: Extract,
) -> None:
    found = extract(
        "Laut der Polizei wurden zwei Personen festgenommen.", "de", "de=spacy:en_core_web_md"
    )
    assert [a.backend for a in found] == ["rules"]


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["die Regierung sagte dass laut Quellen"] * 1500),  # one endless sentence
        "Die Regierung sagte, laut Quellen sei es ruhig. " * 600,  # hundreds of cues
    ],
)
def test_long_input_stays_fast(text: str) -> None:
    doc = make_document(text, "de")
    sentences = sentences_of(doc)
    began = time.perf_counter()
    find_attributions(doc, sentences)
    assert time.perf_counter() - began < 10
