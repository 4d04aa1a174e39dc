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
        ("Personne n'a démontré que", "Personne n", "fr", None),
        (
            "unter Berufung auf Regierungskreise berichtet, soll",
            "Regierungskreise berichtet",
            "de",
            None,
        ),
        ("Niemand sagte, dass", "Niemand", "de", None),
        ("The ministry said that", "The ministry", "en", "The ministry"),
        ("Von der Leyen sagte, dass", "Von der Leyen", "de", "Von der Leyen"),
        ("Das Ministerium teilte mit", "Das Ministerium", "de", "Das Ministerium"),
        ("Le ministère a déclaré", "Le ministère", "fr", "Le ministère"),
    ],
)
def test_cleaned_sources(text: str, phrase: str, language: str, expected: str | None) -> None:
    assert _source(text, phrase, language) == expected


def test_a_label_over_contact_details_is_no_speaker() -> None:
    from claimtrace.nlp.attribution import find_attributions
    from tests.nlp.attribution.conftest import make_document, sentences_of

    doc = make_document(
        "Malteser Hilfsdienst: presse@malteser.org; Tel. 0221 / 9822 – 2220 oder - 2202\n\n"
        "Malteser Hilfsdienst: Die Helfer sind seit Montag im Einsatz.",
        "de",
    )
    found = find_attributions(doc, sentences_of(doc), None)
    assert [a.content.text for a in found if a.cue.text == ":"] == [
        "Die Helfer sind seit Montag im Einsatz."
    ]
