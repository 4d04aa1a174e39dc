"""Sources that are page debris or a misread adverbial name no one (junk.py)."""

from __future__ import annotations

import pytest

from claimtrace.nlp.attribution.junk import cleaned
from claimtrace.records import Span


def _source(text: str, phrase: str, language: str) -> str | None:
    start = text.index(phrase)
    found = cleaned(text, Span(start, start + len(phrase), phrase), language)
    return found.text if found is not None else None


@pytest.mark.parametrize(
    ("text", "phrase", "language", "expected"),
    [
        ("LEE MÁS | Kenji Fujimori dijo que", "LEE MÁS | Kenji Fujimori", "es", "Kenji Fujimori"),
        (
            "Jobs at risk\n\nDistraught pub groups said that",
            "Jobs at risk\n\nDistraught pub groups",
            "en",
            "Distraught pub groups",
        ),
        ("En ese contexto, Álvarez dijo que", "En ese contexto, Álvarez", "es", "Álvarez"),
        ("Nach AstraZeneca-Stopp sollen die", "Nach AstraZeneca-Stopp", "de", None),
        ("Posted by the editors said", "Posted by the editors", "en", None),
        ("Veröffentlicht am 12.03.2021 berichtete", "Veröffentlicht am 12.03.2021", "de", None),
        ("12.03.2021 meldete", "12.03.2021", "de", None),
        ("Personne n'a dit que", "Personne", "fr", None),
        ("Nadie dijo que", "Nadie", "es", None),
        ("Niemand sagte, dass", "Niemand", "de", None),
        ("The ministry said that", "The ministry", "en", "The ministry"),
        ("Von der Leyen sagte, dass", "Von der Leyen", "de", "Von der Leyen"),
        ("Das Ministerium teilte mit", "Das Ministerium", "de", "Das Ministerium"),
        ("Le ministère a déclaré", "Le ministère", "fr", "Le ministère"),
    ],
)
def test_cleaned_sources(text: str, phrase: str, language: str, expected: str | None) -> None:
    assert _source(text, phrase, language) == expected
