"""German source spans are the subject noun phrase of the cue (HanTa tags), and a cue needs
a content. Invented sentences, one per cause."""

from __future__ import annotations

import pytest

from claimtrace.nlp.attribution.tags_de import tag_german
from claimtrace.nlp.attribution.tokens import tokenize
from tests.nlp.attribution.conftest import Extract, by_cue


def test_hanta_tags_offline() -> None:
    text = "Martina hat ja gesagt, der Laut sei leise."
    tagged = tag_german(tokenize(text, 0, len(text)))
    assert tagged is not None
    assert tagged.tags[:4] == ("NE", "VA(FIN)", "ADV", "VV(PP)")
    assert tagged.lemma(3) == "sagen"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a particle between the subject and the auxiliary is not part of the source
        ("Martina hat ja gesagt, sie komme morgen nicht.", "gesagt", "Martina"),
        ("Auch die Gemeinde hat doch erklärt, der Weg bleibe offen.", "erklärt", "die Gemeinde"),
        # inverted order: the subject after the verb, up to the object it precedes
        (
            "Der Damm halte, versicherte die Ingenieurin Lea Brandt den Anwohnern am Abend.",
            "versicherte",
            "die Ingenieurin Lea Brandt",
        ),
        # "und" + cue: the subject of the verb before, not the clause before "und"
        (
            "„Ein Ort der Hoffnung“, nannte Bremens Bürgermeisterin Anna Berg den Park gestern "
            "und kündigte an, ihn bald zu erweitern.",
            "kündigte an",
            "Bremens Bürgermeisterin Anna Berg",
        ),
        # a modal before the cue
        ("Dazu kann man nur sagen: Die Zahlen stimmen nicht.", "sagen", "man"),
        # a fronted adverbial, then the subject
        (
            "Am Dienstag bestätigte der Sprecher des Hafens, dass zwei Kräne fehlen.",
            "bestätigte",
            "der Sprecher des Hafens",
        ),
        # a parenthetical aside after the name is not the source
        (
            "Prof. Jana Weiß (Historikerin an der Universität Kiel) erklärt im Interview: "
            "„Die Quellen sind eindeutig.“",
            "erklärt",
            "Prof. Jana Weiß",
        ),
        # a long description of a named outlet: the name is the source
        (
            "Ein auf Seerecht spezialisierter Blog „Tiefe Wasser“ bestätigte, dass das Schiff "
            "gesunken sei.",
            "bestätigte",
            "Tiefe Wasser",
        ),
        # a speaker's preposition stays in the phrase, a later adverbial does not
        (
            "Die Lage sei ruhig, sagte ein Sprecher von Nordwind am Montag in Kiel.",
            "sagte",
            "ein Sprecher von Nordwind",
        ),
    ],
)
def test_source_is_the_subject_noun_phrase(
    extract: Extract, text: str, cue: str, source: str
) -> None:
    a = by_cue(extract(text, "de"), cue)
    assert a.source is not None and a.source.text == source
    assert text[a.source.start : a.source.end] == source


def test_cue_inside_reported_content_is_not_a_new_attribution(extract: Extract) -> None:
    found = extract("Martina hat doch gesagt, sie habe den Brief nie geschrieben.", "de")
    assert [a.cue.text for a in found] == ["gesagt"]
    assert found[0].content.text == "sie habe den Brief nie geschrieben"


@pytest.mark.parametrize(
    "text",
    [
        "Ist es deshalb wahr, was Karl gesagt hat?",  # a free relative, and a question
        "Was sagt der Minister zu den Zahlen?",  # a question
        "Damit Paula den Bericht diesmal nicht schreibt, bleibt das Büro zu.",  # no content
        "Die Zeitung zeigt heute die Fotos vom Hafen.",  # an object, no content
        "Paula schreibt, um sich zu erinnern.",  # a purpose clause is no content
        "Der leise Laut der Glocke war im ganzen Dorf zu hören.",  # "Laut" the noun
        "Solange die Händler über hohe Preise berichten, bleibt der Markt ruhig.",
        "Gern berichten wir über eure Projekte, ihr könnt uns schreiben.",
    ],
)
def test_no_attribution(extract: Extract, text: str) -> None:
    assert extract(text, "de") == []


def test_object_verb_with_reported_content(extract: Extract) -> None:
    a = by_cue(extract("Die Redaktion schrieb, der Bericht sei falsch.", "de"), "schrieb")
    assert a.source and a.source.text == "Die Redaktion"
    assert a.content.text == "der Bericht sei falsch"
    b = by_cue(extract("„Wir bleiben hier“, schreibt die Gruppe.", "de"), "schreibt")
    assert b.source and b.source.text == "die Gruppe"


def test_unnamed_source_is_none(extract: Extract) -> None:
    a = by_cue(extract("Der Hafen sei wieder geöffnet worden, heißt es.", "de"), "heißt es")
    assert a.source is None
    for b in extract("Dazu heißt es, die Fähre fahre wieder. Es wird gesagt, sie sei neu.", "de"):
        assert b.source is None or b.source.text.strip()


def test_pronoun_that_names_no_one_is_no_source(extract: Extract) -> None:
    found = extract("Meine Nachbarn, die sagen mir, der Bus komme nicht mehr.", "de")
    assert all(a.source is None or a.source.text not in {"die", "mir"} for a in found)


def test_subjunctive_ii_after_an_adverbial_is_content(extract: Extract) -> None:
    text = "Die Sprecherin unterstellte in einem Beitrag, A, B und C hätten gelogen."
    a = by_cue(extract(text, "de"), "unterstellte")
    assert a.source and a.source.text == "Die Sprecherin"
    assert a.cue_kind == "allege" and a.content.text.startswith("A, B und C")
