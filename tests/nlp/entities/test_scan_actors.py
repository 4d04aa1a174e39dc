"""The alias scanner over the real actor table: aliases found in running text, NER or not."""

from __future__ import annotations

import pytest

from claimtrace.kb.actors.table import load_actor_table
from claimtrace.nlp.entities.scan.actors import ActorHit, ActorScanner, label_for


@pytest.fixture(scope="module")
def scanner() -> ActorScanner:
    return ActorScanner(load_actor_table())


def scan(scanner: ActorScanner, text: str, language: str, context: set[str] = frozenset()):
    return scanner.scan(text, [(0, len(text), language)], context)


def ids(hit: ActorHit) -> set[str]:
    return {m.actor.id for m in hit.matches}


def test_assad_regime_in_english_and_german_is_one_government(scanner: ActorScanner) -> None:
    texts = [
        ("en", "Observers blame the Assad regime for the siege."),
        ("en", "The Syrian government denied it."),
        ("de", "Das Assad-Regime bestreitet das."),
        ("de", "Kritik am Assad-Regime wächst."),
    ]
    for language, text in texts:
        hits = scan(scanner, text, language)
        assert [ids(h) for h in hits] == [{"actor:gov-sy"}], text


def test_the_regime_needs_the_country_in_context(scanner: ActorScanner) -> None:
    text = "Later the regime said the convoy had left."
    assert scan(scanner, text, "en") == []
    [hit] = scan(scanner, text, "en", {"SY"})
    assert hit.text == "the regime" and ids(hit) == {"actor:gov-sy"}


def test_hezbollah_spellings(scanner: ActorScanner) -> None:
    for language, text in [("en", "Hizbullah fighters left."), ("de", "Die Hisbollah drohte.")]:
        [hit] = scan(scanner, text, language)
        assert ids(hit) == {"actor:hezbollah"}


def test_longest_alias_wins(scanner: ActorScanner) -> None:
    hits = scan(scanner, "Syrian regime forces moved in.", "en")
    assert [(h.text, ids(h)) for h in hits] == [("Syrian regime forces", {"actor:forces-sy"})]


def test_capitalised_alias_does_not_match_a_lowercase_word(scanner: ActorScanner) -> None:
    assert scan(scanner, "It is time to act, said the mirror of the times.", "en") == []
    [hit] = scan(scanner, "He told Time magazine so.", "en")
    assert ids(hit) == {"actor:time"}


def test_acronym_only_in_capitals(scanner: ActorScanner) -> None:
    assert scan(scanner, "This is what it is.", "en") == []
    [hit] = scan(scanner, "IS fighters fled.", "en")
    assert ids(hit) == {"actor:islamic-state"}


def test_arabic_aliases_with_a_proclitic(scanner: ActorScanner) -> None:
    text = "اتهم نظام الأسد بالتعاون مع داعش ولداعش مقاتلون."
    hits = scan(scanner, text, "ar")
    found = [(h.text, ids(h)) for h in hits]
    assert ("نظام الأسد", {"actor:gov-sy"}) in found
    assert ("داعش", {"actor:islamic-state"}) in found
    # "ولداعش": the proclitic "و" stays out of the span
    assert sum(1 for text_, i in found if i == {"actor:islamic-state"}) == 2


def test_labels_follow_the_actor_type(scanner: ActorScanner) -> None:
    hits = scan(scanner, "Syria and Syrian officials met Hizbullah.", "en")
    assert [label_for(h.matches[0], h.text) for h in hits] == ["GPE", "NORP", "ORG"]


def test_offsets_follow_paragraphs(scanner: ActorScanner) -> None:
    text = "Intro.\n\nDie Hisbollah drohte."
    [hit] = scanner.scan(text, [(0, 6, "en"), (8, len(text), "de")])
    assert text[hit.start : hit.end] == "Hisbollah" and hit.language == "de"


def test_arabic_city_names_are_not_loose_matches_of_other_actors() -> None:
    from claimtrace.nlp.analyse import analyse_document
    from claimtrace.records import Document, Paragraph

    text = "وصل الوفد إلى بيروت ثم إلى بغداد، وقال إن الأردن يدعم الاتفاق."
    doc = Document("ar-cities", text, None, "ar", ("ar",), (Paragraph(0, 0, len(text), "ar"),))
    found = {m.mention.text: m for m in analyse_document(doc).mentions}
    for city in ("بيروت", "بغداد"):
        assert found[city].actor_id is None and found[city].place_id is not None, city
        assert found[city].mention.label == "GPE"
    assert found["الأردن"].actor_id == "actor:state-jo"
