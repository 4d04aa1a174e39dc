"""A speaker's asides inside their own content, passive addressees, transcript turns and
evidence held by an outlet (session 7)."""

from __future__ import annotations

import pytest

from tests.nlp.attribution.conftest import Extract, by_cue

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "language", "outer", "inner"),
    [
        ("The mayor said she thinks the bridge will open in May.", "en", "said", "thinks"),
        (
            "Le ministre a déclaré qu'il pense que le pont ouvrira en mai.",
            "fr",
            "a déclaré",
            "pense",
        ),
        (
            "La ministra dijo que ella cree que el puente abrirá en mayo.",
            "es",
            "dijo",
            "cree",
        ),
    ],
)
def test_a_belief_inside_a_statement_is_no_second_source(
    extract: Extract, text: str, language: str, outer: str, inner: str
) -> None:
    found = extract(text, language)
    said = by_cue(found, outer)
    assert said.source is not None and said.parent is None
    assert inner in said.content.text
    assert not [a for a in found if a.cue.text == inner]


def test_a_named_source_inside_a_statement_stays_a_chain(extract: Extract) -> None:
    found = extract(
        "The paper reported that inspectors confirmed the plant had been closed for a year.",
        "en",
    )
    outer, inner = by_cue(found, "reported"), by_cue(found, "confirmed")
    assert inner.parent == found.index(outer)
    assert inner.source is not None and inner.source.text == "inspectors"


def test_passive_addressee_is_not_a_postposed_cue(extract: Extract) -> None:
    found = extract(
        "The mayor alleges that before the flood the governor had been warned by his own "
        "engineers of the danger.",
        "en",
    )
    alleges = by_cue(found, "alleges")
    assert alleges.parent is None
    assert "warned" in alleges.content.text
    # the warning has no clause of its own: no attribution with the mayor inside its content
    assert not [
        a
        for a in found
        if a is not alleges
        and alleges.cue.start >= a.content.start
        and alleges.cue.end <= a.content.end
    ]


def test_passive_with_agent_and_clause_keeps_the_agent(extract: Extract) -> None:
    found = extract("The governor had been warned by his engineers that the dam would fail.", "en")
    warned = by_cue(found, "had been warned")
    assert warned.source is not None and warned.source.text == "his engineers"
    assert warned.content.text.startswith("that the dam would fail")


def test_joined_cue_takes_the_subject_and_its_object(extract: Extract) -> None:
    found = extract(
        "In 1986 the court blocked the company from leaving its plants, citing a threat to "
        "public health.",
        "en",
    )
    citing = by_cue(found, "citing")
    assert citing.source is not None and citing.source.text == "the court"
    assert citing.content.text == "a threat to public health"


@pytest.mark.parametrize(
    ("text", "holder", "verb", "papers", "participle"),
    [
        (
            "The Courier obtained documents last year proving that the mayor had sold the land.",
            "The Courier",
            "obtained",
            "documents",
            "proving",
        ),
        (
            "The newspaper published photos showing that the camp near the river was empty.",
            "The newspaper",
            "published",
            "photos",
            "showing",
        ),
    ],
)
def test_evidence_held_by_an_outlet_forms_a_chain(
    extract: Extract, text: str, holder: str, verb: str, papers: str, participle: str
) -> None:
    found = extract(text, "en")
    outer, inner = by_cue(found, verb), by_cue(found, participle)
    assert outer.source is not None and outer.source.text == holder
    assert inner.source is not None and inner.source.text == papers
    assert inner.parent == found.index(outer)
    assert inner.cue_kind == "report"  # what papers show is reported, not vouched for


def test_transcript_label_governs_the_turn(extract: Extract) -> None:
    text = (
        "SMITH: Well, look, my opponent apparently thinks this is a game show. "
        "It is serious business."
    )
    found = extract(text, "en")
    turn = by_cue(found, ":")
    assert turn.source is not None and turn.source.text == "SMITH"
    assert "thinks" in turn.content.text
    assert not [a for a in found if a.cue.text == "thinks"]
