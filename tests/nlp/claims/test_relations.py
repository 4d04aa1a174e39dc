"""The relation ontology, its PLOVER/CAMEO mapping, and relation typing per language."""

from __future__ import annotations

import pytest

from claimtrace.nlp.claims.lexicon import LANGUAGES, lexicon_for
from claimtrace.nlp.claims.relations import (
    BY_CODE,
    CODES,
    relation_for_cameo,
    relation_for_plover,
)
from claimtrace.nlp.claims.verbs import find_relation


def test_every_lexicon_uses_only_known_codes() -> None:
    for language in LANGUAGES:
        assert set(lexicon_for(language).relations) <= set(CODES), language


def test_unknown_language_falls_back_to_english_words() -> None:
    assert lexicon_for("nl").language == "en"
    assert lexicon_for(None).language == "en"


@pytest.mark.parametrize(
    ("code", "relation"),
    [
        ("042", "negotiate"),
        ("061", "trade"),
        ("072", "supply_weapons"),
        ("0874", "withdraw"),
        ("112", "accuse"),
        ("111", "condemn"),
        ("173", "arrest"),
        ("186", "kill_injure"),
        ("190", "attack"),
        ("14", "protest"),
        ("016", "deny"),
        ("010", "statement"),
    ],
)
def test_cameo_codes_map_by_longest_prefix(code: str, relation: str) -> None:
    assert relation_for_cameo(code) == relation


def test_plover_categories_map_onto_relations() -> None:
    assert relation_for_plover("ASSAULT") == "kill_injure"
    assert relation_for_plover("fight") == "attack"
    assert relation_for_plover("MOBILIZE") == "deploy"
    assert relation_for_plover("CONCEDE") == "hand_over"
    assert relation_for_plover("NO SUCH") == "other"
    assert BY_CODE["hand_over"].plover == "RETREAT"


@pytest.mark.parametrize(
    ("language", "sentence", "relation", "verb"),
    [
        ("en", "The port was handed over to the rebels by the army.", "hand_over", "handed over"),
        ("en", "The militia smuggled fighters across the border.", "transport", "smuggled"),
        (
            "en",
            "The ministry sent rockets and drones to the militia.",
            "supply_weapons",
            "sent rockets",
        ),
        ("en", "Both groups traded fuel for grain last winter.", "trade", "traded"),
        ("en", "The two parties have been colluding for years.", "cooperate", "colluding"),
        ("en", "Rebels attacked a checkpoint near the airport.", "attack", "attacked"),
        ("en", "The minister condemned the raid.", "condemn", "condemned"),
        ("de", "Die Miliz übergab die Stadt an die Armee.", "hand_over", "übergab"),
        (
            "de",
            "Die Waffen, die die Gruppe nutzte, stammen aus dem Nachbarland.",
            "supply_weapons",
            "stammen",
        ),
        (
            "de",
            "Die Truppen zogen sich aus der Stadt zurück.",
            "withdraw",
            "zogen sich aus der Stadt zurück",
        ),
        (
            "de",
            "Die Regierung arbeitet seit Jahren mit der Gruppe zusammen.",
            "cooperate",
            "arbeitet seit Jahren mit der Gruppe zusammen",
        ),
        (
            "fr",
            "Le gouvernement a livré des armes aux rebelles.",
            "supply_weapons",
            "livré des armes",
        ),
        ("fr", "Les deux camps ont négocié une trêve.", "negotiate", "négocié"),
        ("fr", "La milice a attaqué le village.", "attack", "attaqué"),
        ("es", "El ejército atacó a los rebeldes en la frontera.", "attack", "atacó"),
        ("es", "Los manifestantes protestaron frente al ministerio.", "protest", "protestaron"),
        ("es", "La guerrilla entregó a los rehenes.", "hand_over", "entregó"),
        ("ar", "هاجم مسلحون نقطة تفتيش قرب المطار.", "attack", "هاجم"),
        ("ru", "Боевики атаковали блокпост у аэропорта.", "attack", "атаковали"),
    ],
)
def test_relation_typing(language: str, sentence: str, relation: str, verb: str) -> None:
    found = find_relation(sentence, language)
    assert found is not None
    assert (found.code, found.verb) == (relation, verb)
    assert sentence[found.start : found.end] == found.verb


def test_a_verb_wins_over_an_earlier_noun() -> None:
    found = find_relation("Despite the cooperation agreement, the army attacked the town.", "en")
    assert found is not None and found.code == "attack"


def test_no_relation_in_plain_description() -> None:
    assert find_relation("The weather was mild and the market was busy.", "en") is None
