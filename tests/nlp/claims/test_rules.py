"""Token-order roles, modality, negation and claim-worthiness per language (no models)."""

from __future__ import annotations

import pytest

from claimtrace.nlp.claims.actors import ActorSpan
from claimtrace.nlp.claims.lexicon import lexicon_for
from claimtrace.nlp.claims.modality import modality_of
from claimtrace.nlp.claims.negation import is_negated
from claimtrace.nlp.claims.roles import assign_roles
from claimtrace.nlp.claims.verbs import find_relation
from claimtrace.nlp.claims.worthiness import judge


def _roles(text: str, language: str, names: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    actors = []
    for surface, actor in names.items():
        start = text.index(surface)
        actors.append(ActorSpan(start, start + len(surface), actor, surface))
    actors.sort(key=lambda a: a.start)
    verb = find_relation(text, language)
    return assign_roles(text, actors, verb, lexicon_for(language))


@pytest.mark.parametrize(
    ("language", "text", "names", "subjects", "objects"),
    [
        (
            "en",
            "Hezbollah attacked the Syrian army near the border.",
            {"Hezbollah": "H", "Syrian army": "A"},
            ("H",),
            ("A",),
        ),
        (
            "en",
            "The town was handed back to the army by Hezbollah.",
            {"army": "A", "Hezbollah": "H"},
            ("H",),
            ("A",),
        ),
        (
            "en",
            "The port changed hands between Hezbollah and the army twice.",
            {"Hezbollah": "H", "army": "A"},
            ("H",),
            ("A",),
        ),
        (
            "en",
            "Hezbollah and the army have been cooperating for years.",
            {"Hezbollah": "H", "army": "A"},
            ("H", "A"),
            (),
        ),
        (
            "de",
            "Die Stadt wurde von der Hisbollah an die Armee übergeben.",
            {"Hisbollah": "H", "Armee": "A"},
            ("H",),
            ("A",),
        ),
        (
            "de",
            "dass die Hisbollah die Armee angegriffen hat",
            {"Hisbollah": "H", "Armee": "A"},
            ("H",),
            ("A",),
        ),
        (
            "de",
            "dass die Waffen der Hisbollah aus dem Iran stammen",
            {"Hisbollah": "H", "Iran": "I"},
            ("I",),
            ("H",),
        ),
        (
            "fr",
            "La ville a été remise à l'armée par le Hezbollah.",
            {"armée": "A", "Hezbollah": "H"},
            ("H",),
            ("A",),
        ),
        (
            "es",
            "La ciudad fue entregada al ejército por Hezbolá.",
            {"ejército": "A", "Hezbolá": "H"},
            ("H",),
            ("A",),
        ),
    ],
)
def test_token_order_roles(
    language: str,
    text: str,
    names: dict[str, str],
    subjects: tuple[str, ...],
    objects: tuple[str, ...],
) -> None:
    assert _roles(text, language, names) == (subjects, objects)


def test_a_place_named_as_a_place_is_not_an_actor() -> None:
    text = "Hezbollah attacked the army in Syria."
    actors = [
        ActorSpan(0, 9, "H", "Hezbollah"),
        ActorSpan(23, 27, "A", "army"),
        ActorSpan(31, 36, "S", "Syria", place=True),
    ]
    verb = find_relation(text, "en")
    assert assign_roles(text, actors, verb, lexicon_for("en")) == (("H",), ("A",))


@pytest.mark.parametrize(
    ("kinds", "content", "language", "modality"),
    [
        ([], "The army attacked the town.", "en", "asserted"),
        ([], "The army reportedly attacked the town.", "en", "alleged"),
        ([], "The army may attack the town.", "en", "opinion"),
        (["say"], "the army allegedly attacked the town", "en", "alleged"),
        (["say", "confirm"], "the army attacked the town", "en", "confirmed"),
        (["deny", "say"], "the army attacked the town", "en", "denied"),
        (["claim"], "the army attacked the town", "en", "claimed"),
        ([], "Die Armee soll die Stadt angegriffen haben.", "de", "alleged"),
        ([], "Die Armee hat angeblich die Stadt angegriffen.", "de", "alleged"),
        (["confirm"], "dass die Armee die Stadt angriff", "de", "confirmed"),
        ([], "L'armée aurait attaqué la ville.", "fr", "alleged"),
        ([], "El ejército presuntamente atacó la ciudad.", "es", "alleged"),
    ],
)
def test_modality(kinds: list[str], content: str, language: str, modality: str) -> None:
    assert modality_of(kinds, content, language) == modality


@pytest.mark.parametrize(
    ("language", "text", "negated"),
    [
        ("en", "The army did not attack the town.", True),
        ("en", "The army never withdrew from the town.", True),
        ("en", "Not only did the army attack the town, it shelled it.", False),
        ("en", "The army attacked the town.", False),
        ("de", "Die Armee griff die Stadt nicht an.", True),
        ("de", "dass die Armee keine Waffen geliefert hat", True),
        ("de", "Die Armee griff nicht nur die Stadt an.", False),
        ("fr", "L'armée n'a pas attaqué la ville.", True),
        ("es", "El ejército no atacó la ciudad.", True),
        ("es", "El ejército atacó la ciudad.", False),
    ],
)
def test_negation(language: str, text: str, negated: bool) -> None:
    verb = find_relation(text, language)
    assert verb is not None
    assert is_negated(text, verb.start, verb.end, language) is negated


@pytest.mark.parametrize(
    ("language", "sentence", "actors", "worth"),
    [
        ("en", "Hezbollah attacked the army near the border.", 2, "fact"),
        ("en", "Hezbollah has long been present in the valley.", 1, None),
        ("en", "Hezbollah and the army share the same assessment.", 2, "fact"),
        ("en", "Unfortunately, Hezbollah remains a deadly threat to the region.", 1, "opinion"),
        # an opinion that names no relation is no claim (session 6: precision first)
        ("en", "We believe Hezbollah is part of the problem here.", 1, None),
        # a question about a relation is kept, as questioned (it was dropped before)
        ("en", "Is Hezbollah working with the army in the valley?", 2, "question"),
        ("en", "Hezbollah works with the army in the valley - but why?", 2, "fact"),
        ("en", "Who knows what the weather will be in the valley?", 1, None),
        ("en", "COMMENTS", 0, None),
        ("en", "SHARE THIS STORY ON HEZBOLLAH AND THE ARMY", 2, None),
        ("en", "The weather was mild and the market was busy.", 0, None),
        ("de", "Es ist bemerkenswert, dass die Hisbollah die Armee angegriffen hat.", 2, "opinion"),
        ("de", "Die Hisbollah griff die Armee in der Nacht an.", 2, "fact"),
        ("fr", "Le Hezbollah a attaqué l'armée près de la frontière.", 2, "fact"),
        ("es", "Lamentablemente, Hezbolá atacó al ejército en la frontera.", 2, "opinion"),
    ],
)
def test_worthiness(language: str, sentence: str, actors: int, worth: str | None) -> None:
    assert judge(sentence, language, actors, find_relation(sentence, language)) == worth
