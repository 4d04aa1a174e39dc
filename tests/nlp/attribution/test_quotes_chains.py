"""Direct quotes with their speakers, pronoun sources, and nested sourcing chains."""

from __future__ import annotations

import pytest

from claimtrace.nlp.attribution.quotes import find_quotes
from tests.nlp.attribution.conftest import Extract, by_cue


def test_find_quotes_in_four_conventions() -> None:
    text = (
        "“We will stay here for good.” „Wir bleiben hier für immer.“ "
        '«Nous restons ici pour toujours.» "We are staying right here." “scare quote”'
    )
    found = [text[s:e] for _, s, e, _ in find_quotes(text)]
    assert found == [
        "We will stay here for good.",
        "Wir bleiben hier für immer.",
        "Nous restons ici pour toujours.",
        "We are staying right here.",
    ]


def test_quote_before_the_speaker_in_german(extract: Extract) -> None:
    text = "„Wir werden die Stadt nicht aufgeben“, sagte der Kommandeur."
    a = by_cue(extract(text, "de"), "sagte")
    assert a.source and a.source.text == "der Kommandeur"
    assert "Wir werden die Stadt nicht aufgeben" in a.content.text


def test_quote_in_next_sentence_gets_the_speaker(extract: Extract) -> None:
    text = (
        "Die Bürgermeisterin Anna Berg erklärte, die Schäden seien groß. "
        "„Wir brauchen jetzt schnelle Hilfe vom Land und vom Bund.“"
    )
    found = extract(text, "de")
    quote = [a for a in found if a.cue_kind == "quote"]
    assert quote and quote[0].source and quote[0].source.text == "Die Bürgermeisterin Anna Berg"
    assert quote[0].content.text == "Wir brauchen jetzt schnelle Hilfe vom Land und vom Bund"


def test_pronoun_source_stays_as_written(extract: Extract) -> None:
    a = by_cue(extract("Er sagte, die Evakuierung laufe seit dem Morgen.", "de"), "sagte")
    assert a.source and a.source.text == "Er"


def test_nested_sourcing_forms_a_chain(extract: Extract) -> None:
    text = (
        "Die Zeitung berichtete, dass Dokumente aus dem Archiv belegten, dass die Firma "
        "Waffen geliefert habe."
    )
    found = extract(text, "de")
    outer, inner = by_cue(found, "berichtete"), by_cue(found, "belegten")
    assert outer.parent is None
    assert inner.parent == found.index(outer)
    assert inner.source and inner.source.text == "Dokumente aus dem Archiv"


@pytest.mark.slow
def test_nested_sourcing_in_english(extract: Extract) -> None:
    text = (
        "The Daily Courier notes that there is precedent, as papers seized in a police raid "
        "on the port revealed that the firm had paid the officials."
    )
    found = extract(text, "en")
    outer, inner = by_cue(found, "notes"), by_cue(found, "revealed")
    assert inner.parent == found.index(outer)
    assert outer.source and outer.source.text == "The Daily Courier"
    assert inner.source and inner.source.text.startswith("papers seized in a police raid")
    assert inner.cue_kind == "report"  # what papers reveal is reported, not vouched for


@pytest.mark.slow
def test_english_quote_then_speaker(extract: Extract) -> None:
    text = "“We will rebuild every single house,” the mayor said on Tuesday."
    a = by_cue(extract(text, "en"), "said")
    assert a.source and a.source.text == "the mayor"
    assert a.content.text.startswith("We will rebuild every single house")


@pytest.mark.slow
@pytest.mark.parametrize("backends", [None, "fr=rules,es=rules"])
@pytest.mark.parametrize(
    ("language", "text", "cue", "source", "quote"),
    [
        (
            "fr",
            "« Nous ne céderons jamais devant la menace », a déclaré le ministre.",
            "déclaré",
            "le ministre",
            "Nous ne céderons jamais devant la menace",
        ),
        (
            "es",
            "«No vamos a ceder ante ninguna amenaza», dijo el ministro del Interior.",
            "dijo",
            "el ministro del Interior",
            "No vamos a ceder ante ninguna amenaza",
        ),
    ],
)
def test_french_and_spanish_quotes(
    extract: Extract,
    backends: str | None,
    language: str,
    text: str,
    cue: str,
    source: str,
    quote: str,
) -> None:
    found = extract(text, language, backends)
    a = [a for a in found if a.cue.text.endswith(cue)][0]
    assert a.source and a.source.text == source
    assert a.content.text == quote
