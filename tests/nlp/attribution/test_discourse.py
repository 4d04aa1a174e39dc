"""Sources across sentences: pronouns and nominal sources named by an earlier source, and
evidence ("the documents") placed under the report that presents it."""

from __future__ import annotations

import pytest

from claimtrace.nlp.attribution import named_sources
from claimtrace.nlp.attribution.discourse import is_evidence, nominal_head
from claimtrace.records import Attribution, Span
from tests.nlp.attribution.conftest import Extract, by_cue, make_document, sentences_of


def _named(text: str, language: str, extract: Extract) -> tuple[list[Attribution], list]:
    doc = make_document(text, language)
    found = extract(text, language)
    return found, named_sources(doc.text, sentences_of(doc), found)


def _name_of(found: list[Attribution], named: list, cue: str) -> str | None:
    span = named[found.index(by_cue(found, cue))]
    return span.text if span is not None else None


def test_german_pronoun_is_named_by_the_last_speaker(extract: Extract) -> None:
    text = (
        "Die Sprecherin Maria Lenz bestätigte, dass der Damm gebrochen sei. "
        "Sie sagte, die Evakuierung laufe."
    )
    found, named = _named(text, "de", extract)
    assert by_cue(found, "sagte").source.text == "Sie"  # the attribution keeps the text
    assert _name_of(found, named, "sagte") == "Die Sprecherin Maria Lenz"


def test_pronoun_after_a_preposition_is_named(extract: Extract) -> None:
    text = "Der Bürgermeister Paul Kern bestätigte, dass die Brücke hält. Laut ihm sei sie sicher."
    found, named = _named(text, "de", extract)
    assert _name_of(found, named, "Laut") == "Der Bürgermeister Paul Kern"


def test_pronoun_without_antecedent_is_left_as_written(extract: Extract) -> None:
    found, named = _named("Er sagte, die Evakuierung laufe seit dem Morgen.", "de", extract)
    assert _name_of(found, named, "sagte") == "Er"


def test_german_nominal_source_takes_the_named_ministry(extract: Extract) -> None:
    text = (
        "Das Ministerium für Wasser Nordland erklärte, der Pegel steige weiter. "
        "Ein Sprecher der Feuerwehr sagte, die Straßen seien gesperrt. "
        "Das Ministerium teilte später mit, die Deiche hielten."
    )
    found, named = _named(text, "de", extract)
    assert _name_of(found, named, "teilte") == "Das Ministerium für Wasser Nordland"


def test_report_parent_for_evidence_in_following_sentences(extract: Extract) -> None:
    text = (
        "Die Zeitung Nordkurier berichtete, dass die Firma Waffen geliefert habe. "
        "Die Dokumente belegen, dass die Lieferungen bis 2019 liefen."
    )
    found = extract(text, "de")
    outer, inner = by_cue(found, "berichtete"), by_cue(found, "belegen")
    assert inner.parent == found.index(outer) and outer.parent is None


def test_no_report_parent_when_another_source_speaks_in_between(extract: Extract) -> None:
    text = (
        "Die Zeitung Nordkurier berichtete, dass die Firma Waffen geliefert habe. "
        "Der Konzernchef Jan Holm bestritt, dass es Lieferungen gegeben habe. "
        "Die Dokumente belegen, dass die Lieferungen bis 2019 liefen."
    )
    found = extract(text, "de")
    assert by_cue(found, "belegen").parent is None  # whose documents: not said


def test_no_report_parent_far_away(extract: Extract) -> None:
    filler = "\n\n".join("Der Fluss führte im Frühjahr viel Wasser." for _ in range(12))
    text = (
        "Die Zeitung Nordkurier berichtete, dass die Firma Waffen geliefert habe.\n\n"
        f"{filler}\n\nDie Dokumente belegen, dass die Lieferungen bis 2019 liefen."
    )
    found = extract(text, "de")
    assert by_cue(found, "belegen").parent is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "cue", "name"),
    [
        (
            "The Ministry of Water said the dam was damaged on Monday. "
            "The ministry added that repairs would take weeks.",
            "en",
            "added",
            "The Ministry of Water",
        ),
        (
            "Senator Maria Ortiz said the bill would pass this week. "
            "The Daily Harbour reported that the vote was delayed. "
            "She said the delay was procedural.",
            "en",
            "said",
            "Senator Maria Ortiz",
        ),
        (
            "Le ministère de l'Intérieur a déclaré que la frontière restait fermée. "
            "Il a ajouté que les contrôles seraient renforcés.",
            "fr",
            "ajouté",
            "Le ministère de l'Intérieur",
        ),
        (
            "El Ministerio de Defensa informó que las tropas se retiraron del valle. "
            "El ministerio aseguró que no hubo víctimas.",
            "es",
            "aseguró",
            "El Ministerio de Defensa",
        ),
    ],
)
def test_sources_named_across_sentences(
    extract: Extract, text: str, language: str, cue: str, name: str
) -> None:
    found, named = _named(text, language, extract)
    hits = [i for i, a in enumerate(found) if a.cue.text.endswith(cue) and a.sentence.start > 0]
    assert hits, [a.cue.text for a in found]
    span = named[hits[-1]]
    assert span is not None and span.text == name


@pytest.mark.slow
def test_english_it_is_not_a_person(extract: Extract) -> None:
    text = (
        "John Miller said the report was wrong. The Harbour Times published the letter on "
        "Friday. It said the mayor had known for months."
    )
    found, named = _named(text, "en", extract)
    last = [i for i, a in enumerate(found) if a.source and a.source.text == "It"]
    assert last and named[last[0]] is not None and named[last[0]].text == "Harbour Times"


@pytest.mark.slow
def test_english_evidence_follows_the_outlet(extract: Extract) -> None:
    text = (
        "The Harbour Times reported that the company paid the officials. "
        "The documents also show that the payments continued until 2019."
    )
    found = extract(text, "en")
    outer, inner = by_cue(found, "reported"), by_cue(found, "show")
    assert inner.parent == found.index(outer)
    assert inner.cue_kind == "report"


@pytest.mark.parametrize(
    ("words", "head"),
    [
        ("the ministry", "ministry"),
        ("das Ministerium", "ministerium"),
        ("le ministère", "ministère"),
        ("el ministerio", "ministerio"),
        ("the Foreign Ministry", None),
        ("the town", None),
    ],
)
def test_nominal_head(words: str, head: str | None) -> None:
    assert nominal_head(Span(0, len(words), words)) == head


@pytest.mark.parametrize(
    ("words", "evidence"),
    [
        ("the documents", True),
        ("leaked secret Islamic State files", True),
        ("ISIS defectors", True),
        ("die Unterlagen", True),
        ("los documentos", True),
        ("Sky News", False),
        ("the minister", False),
    ],
)
def test_is_evidence(words: str, evidence: bool) -> None:
    assert is_evidence(Span(0, len(words), words)) is evidence
