"""Speakers named by layout: a quote signed with a dash, a line opened by a speaker label."""

from __future__ import annotations

import pytest

from claimtrace.nlp.attribution.speakers import layout_speakers
from tests.nlp.attribution.conftest import make_document, sentences_of


def _speakers(text: str, language: str) -> list[tuple[str, str]]:
    doc = make_document(text, language)
    return [
        (a.source.text if a.source else "", a.content.text)
        for a in layout_speakers(doc, sentences_of(doc), [])
    ]


@pytest.mark.parametrize(
    ("text", "language", "source", "content"),
    [
        (
            "“We will rebuild the bridge before winter.” ― Ana Ruiz\n",
            "en",
            "Ana Ruiz",
            "We will rebuild the bridge before winter.",
        ),
        (
            "„Wir bauen die Brücke vor dem Winter wieder auf.“ – Jonas Weber.\n",
            "de",
            "Jonas Weber",
            "Wir bauen die Brücke vor dem Winter wieder auf.",
        ),
        (
            "MARTIN: Nous reconstruirons le pont avant l'hiver.",
            "fr",
            "MARTIN",
            "Nous reconstruirons le pont avant l'hiver.",
        ),
        (
            "Lucía Gómez: Reconstruiremos el puente antes del invierno.",
            "es",
            "Lucía Gómez",
            "Reconstruiremos el puente antes del invierno.",
        ),
    ],
)
def test_layout_speakers(text: str, language: str, source: str, content: str) -> None:
    assert (source, content) in _speakers(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Photo: The bridge over the river Vale after the storm.", "en"),
        ("Another challenge: most towns have no money left for repairs.", "en"),
        ("Hintergrund: Die Brücke wurde 1960 gebaut und nie saniert.", "de"),
        ("“We will rebuild it,” she said, “before winter comes.”", "en"),
    ],
)
def test_no_layout_speaker(text: str, language: str) -> None:
    assert _speakers(text, language) == []
