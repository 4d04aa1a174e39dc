"""English, French and Spanish with the dependency-parse backend (spaCy models)."""

from __future__ import annotations

import pytest

from tests.nlp.attribution.conftest import Extract, by_cue

pytestmark = pytest.mark.slow

CASES = [
    (
        "en",
        "Officials denied that any civilians were hurt in the strike.",
        "denied",
        "Officials",
        "deny",
        "that any civilians were hurt in the strike",
    ),
    (
        "en",
        "The rebels took the town on Sunday, a spokesman told Reuters.",
        "told",
        "a spokesman",
        "say",
        "The rebels took the town on Sunday",
    ),
    (
        "en",
        "Ryan Hale, a spokesman for the river authority, announced that the dam would open.",
        "announced",
        "Ryan Hale, a spokesman for the river authority",
        "say",
        "that the dam would open",
    ),
    (
        "en",
        "Local sources in the city of Tartus claimed that the convoy carried fuel.",
        "claimed",
        "Local sources in the city of Tartus",
        "claim",
        "that the convoy carried fuel",
    ),
    (
        "en",
        "According to the Red Cross, two clinics were closed.",
        "According to",
        "the Red Cross",
        "according",
        "two clinics were closed",
    ),
    (
        "en",
        "The ministry has also confirmed that the talks failed.",
        "has also confirmed",
        "The ministry",
        "confirm",
        "that the talks failed",
    ),
    (
        "fr",
        "Le ministre de la Défense a affirmé que les troupes se retireraient de la région.",
        "a affirmé",
        "Le ministre de la Défense",
        "claim",
        "que les troupes se retireraient de la région",
    ),
    (
        "fr",
        "Les combats ont repris dans le nord, a déclaré un porte-parole de l'armée.",
        "a déclaré",
        "un porte-parole de l'armée",
        "say",
        "Les combats ont repris dans le nord",
    ),
    (
        "fr",
        "Selon l'agence Reuters, trois villages ont été bombardés.",
        "Selon",
        "l'agence Reuters",
        "according",
        "trois villages ont été bombardés",
    ),
    (
        "fr",
        "D'après des sources locales, le pont a été détruit.",
        "D'après",
        "des sources locales",
        "according",
        "le pont a été détruit",
    ),
    (
        "es",
        "El portavoz del ejército aseguró que las tropas se retirarían de la zona.",
        "aseguró",
        "El portavoz del ejército",
        "claim",
        "que las tropas se retirarían de la zona",
    ),
    (
        "es",
        "Según la agencia Efe, tres aldeas fueron bombardeadas.",
        "Según",
        "la agencia Efe",
        "according",
        "tres aldeas fueron bombardeadas",
    ),
    (
        "es",
        "De acuerdo con fuentes locales, el puente fue destruido.",
        "De acuerdo con",
        "fuentes locales",
        "according",
        "el puente fue destruido",
    ),
    (
        "es",
        "El gobierno negó que hubiera víctimas civiles.",
        "negó",
        "El gobierno",
        "deny",
        "que hubiera víctimas civiles",
    ),
]


@pytest.mark.parametrize(("language", "text", "cue", "source", "kind", "content"), CASES)
def test_parse_backend(
    extract: Extract, language: str, text: str, cue: str, source: str, kind: str, content: str
) -> None:
    a = by_cue(extract(text, language), cue)
    assert a.source is not None and a.source.text == source
    assert (a.cue_kind, a.content.text, a.language) == (kind, content, language)
    assert a.backend == "spacy"


def test_passive_report_has_no_source(extract: Extract) -> None:
    a = by_cue(extract("It was reported that the dam had collapsed.", "en"), "was reported")
    assert a.source is None and a.cue_kind == "report"
    assert a.content.text == "that the dam had collapsed"


def test_unrelated_sentence_yields_nothing(extract: Extract) -> None:
    assert extract("The river flooded two villages after the storm.", "en") == []
