"""German, with the token-pattern backend (no German parser ships on PyPI)."""

from __future__ import annotations

import pytest

from tests.nlp.attribution.conftest import Extract, by_cue


@pytest.mark.parametrize(
    ("text", "cue", "source", "kind", "content"),
    [
        (
            "Laut dem Innenministerium wurden drei Dörfer bombardiert.",
            "Laut",
            "dem Innenministerium",
            "according",
            "wurden drei Dörfer bombardiert",
        ),
        (
            "Dem Sprecher zufolge ist die Brücke zerstört worden.",
            "zufolge",
            "Dem Sprecher",
            "according",
            "ist die Brücke zerstört worden",
        ),
        (
            "Nach Angaben von Augenzeugen brannten mehrere Häuser im Zentrum.",
            "Nach Angaben von",
            "Augenzeugen",
            "according",
            "brannten mehrere Häuser im Zentrum",
        ),
        (
            "Die Regierung bestätigte, dass die Truppen abgezogen seien.",
            "bestätigte",
            "Die Regierung",
            "confirm",
            "dass die Truppen abgezogen seien",
        ),
        (
            "Wie die Agentur berichtet, wurden zwei Soldaten verletzt.",
            "berichtet",
            "die Agentur",
            "report",
            "wurden zwei Soldaten verletzt",
        ),
        (
            "In der Stadt kam es am Abend zu Kämpfen, berichten lokale Medien.",
            "berichten",
            "lokale Medien",
            "report",
            "In der Stadt kam es am Abend zu Kämpfen",
        ),
        (
            "Der Kommandeur dementierte, dass seine Einheit beteiligt gewesen sei.",
            "dementierte",
            "Der Kommandeur",
            "deny",
            "dass seine Einheit beteiligt gewesen sei",
        ),
        (
            "Die Opposition behauptet, die Wahl sei gefälscht worden.",
            "behauptet",
            "Die Opposition",
            "claim",
            "die Wahl sei gefälscht worden",
        ),
    ],
)
def test_german_patterns(
    extract: Extract, text: str, cue: str, source: str, kind: str, content: str
) -> None:
    found = extract(text, "de")
    a = by_cue(found, cue)
    assert a.source is not None and a.source.text == source
    assert a.cue_kind == kind
    assert a.content.text == content
    assert a.backend == "rules" and a.language == "de"
    assert text[a.content.start : a.content.end] == a.content.text


def test_konjunktiv_reported_speech_after_a_cue(extract: Extract) -> None:
    a = by_cue(extract("Der Minister sagte, die Lage sei unter Kontrolle.", "de"), "sagte")
    assert a.source and a.source.text == "Der Minister"
    assert a.content.text == "die Lage sei unter Kontrolle"


def test_verb_second_subject_after_the_cue(extract: Extract) -> None:
    text = "Am Montag erklärte der Sprecher der Armee: „Wir werden die Stadt nicht aufgeben.“"
    a = by_cue(extract(text, "de"), "erklärte")
    assert a.source and a.source.text == "der Sprecher der Armee"
    assert a.content.text == "Wir werden die Stadt nicht aufgeben"


def test_separable_verb_needs_its_particle(extract: Extract) -> None:
    found = extract("Die Beobachter wiesen darauf hin, dass die Waffen neu seien.", "de")
    assert by_cue(found, "wiesen").source.text == "Die Beobachter"  # type: ignore[union-attr]
    assert extract("Die Polizei wies den Antrag ab.", "de") == []


def test_capitalised_noun_is_not_a_cue(extract: Extract) -> None:
    assert extract("Es gibt genügend Belege, dass die Kooperation weitergeht.", "de") == []


def test_relative_clause_is_not_a_source(extract: Extract) -> None:
    text = "Beamte gaben Aussagen ab, die die Haltung ihres Landes bestätigen, und gingen."
    assert all(a.cue.text != "bestätigen" for a in extract(text, "de"))


def test_sentence_without_attribution(extract: Extract) -> None:
    assert extract("Der Fluss trat über die Ufer und überschwemmte zwei Dörfer.", "de") == []


def test_subjunctive_continues_reported_speech(extract: Extract) -> None:
    text = (
        "Der Minister sagte, die Lage sei ruhig. Es gebe keine Gefahr für die Bevölkerung. "
        "Am Abend regnete es in der Stadt."
    )
    found = extract(text, "de")
    assert [a.cue.text for a in found] == ["sagte", "gebe"]
    assert found[1].source and found[1].source.text == "Der Minister"
    assert found[1].content.text == "Es gebe keine Gefahr für die Bevölkerung"
