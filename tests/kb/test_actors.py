"""The actor table: every seed spelling lands on one actor; vague or lowercase words do not."""

from __future__ import annotations

import pytest

from claimtrace.kb.actors.model import Alias
from claimtrace.kb.actors.table import ActorTable, load_actor_table, unknown_actor_id


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return load_actor_table()


def _id(table: ActorTable, mention: str, language: str, context: set[str] | None = None) -> str:
    actor = table.match(mention, language, context)
    assert actor is not None, mention
    return actor.id


@pytest.mark.parametrize(
    ("mention", "language"),
    [
        ("ISIS", "en"),
        ("IS", "en"),
        ("Islamic State", "en"),
        ("Daesh", "en"),
        ("ISIL", "en"),
        ("ISIS-Terrororganisation", "de"),
        ("der IS", "de"),
        ("dem IS", "de"),
        ("ISIS-Organisation", "de"),
        ("IS's", "en"),
        ("État islamique", "fr"),
        ("Estado Islámico", "es"),
        ("ИГИЛ", "ru"),
        ("داعش", "ar"),
        ("الدولة الإسلامية", "ar"),
    ],
)
def test_islamic_state_spellings(table: ActorTable, mention: str, language: str) -> None:
    assert _id(table, mention, language) == "actor:islamic-state"


@pytest.mark.parametrize("mention", ["is", "Is", "extremistische Organisation", "die Organisation"])
def test_vague_or_lowercase_words_match_nothing(table: ActorTable, mention: str) -> None:
    assert table.match(mention, "de") is None
    assert table.match(mention, "en") is None


@pytest.mark.parametrize(
    ("mention", "language"),
    [
        ("Assad regime", "en"),
        ("Assad-Regime", "de"),
        ("Assad-Regimes", "de"),
        ("des Assad-Regimes", "de"),
        ("Syrian regime", "en"),
        ("Syrian government", "en"),
        ("النظام السوري", "ar"),
        ("режим Асада", "ru"),
        ("régime syrien", "fr"),
    ],
)
def test_syrian_government_spellings(table: ActorTable, mention: str, language: str) -> None:
    assert _id(table, mention, language) == "actor:gov-sy"


def test_streitkraefte_des_assad_regimes_are_the_regime_forces(table: ActorTable) -> None:
    forces = table.get(_id(table, "Streitkräfte des Assad-Regimes", "de"))
    assert forces is not None and forces.id == "actor:forces-sy"
    assert forces.parent == "actor:gov-sy"
    assert _id(table, "Streitkräften des Assad-Regimes", "de") == "actor:forces-sy"
    assert _id(table, "Syrian regime forces", "en") == "actor:forces-sy"


def test_forces_of_an_actor_without_a_curated_alias(table: ActorTable) -> None:
    assert _id(table, "forces of the Iranian regime", "en") == "actor:forces-ir"
    assert _id(table, "Truppen der russischen Regierung", "de") == "actor:forces-ru"


def test_damascus_is_the_government_only_in_actor_position(table: ActorTable) -> None:
    assert table.match("Damascus", "en") is None
    assert _id(table, "Damascus", "en", {"role:actor"}) == "actor:gov-sy"
    assert _id(table, "Дамаск", "ru", {"role:actor"}) == "actor:gov-sy"


def test_the_regime_needs_its_country_in_context(table: ActorTable) -> None:
    assert table.match("the regime", "en") is None
    assert _id(table, "the regime", "en", {"SY"}) == "actor:gov-sy"
    assert _id(table, "das Regime", "de", {"sy"}) == "actor:gov-sy"
    assert _id(table, "the regime", "en", {"IR"}) == "actor:gov-ir"
    both = table.candidates("the regime", "en", {"SY", "IR"})
    assert {m.actor.id for m in both} == {"actor:gov-sy", "actor:gov-ir"}
    assert table.match("the regime", "en", {"SY", "IR"}) is None


@pytest.mark.parametrize(
    ("mention", "language"),
    [
        ("Iran", "en"),
        ("Iranians", "en"),
        ("iranische", "de"),
        ("iranischen", "de"),
        ("Irans", "de"),
        ("Iraner", "de"),
        ("iraniens", "fr"),
        ("iraníes", "es"),
        ("иранские", "ru"),
        ("إيران", "ar"),
    ],
)
def test_iran_and_its_demonyms(table: ActorTable, mention: str, language: str) -> None:
    assert _id(table, mention, language) == "actor:state-ir"


def test_tehran_is_the_iranian_government_in_actor_position(table: ActorTable) -> None:
    assert _id(table, "Tehran", "en", {"role:actor"}) == "actor:gov-ir"
    assert _id(table, "der iranischen Regierung", "de") == "actor:gov-ir"


@pytest.mark.parametrize(
    ("mention", "language"),
    [
        ("Hezbollah", "en"),
        ("Hizbullah", "en"),
        ("Lebanese Hizbullah", "en"),
        ("Hizbullah's", "en"),
        ("Hisbollah", "de"),
        ("حزب الله", "ar"),
        ("Хезболла", "ru"),
        ("Хезболлы", "ru"),
        ("Hizballah", "en"),
    ],
)
def test_hezbollah_spellings(table: ActorTable, mention: str, language: str) -> None:
    assert _id(table, mention, language) == "actor:hezbollah"


@pytest.mark.parametrize(
    ("mention", "language", "actor_id"),
    [
        ("Calibre Obscura", "de", "actor:calibre-obscura"),
        ("Sky News", "en", "actor:sky-news"),
        ("Suwayda24", "en", "actor:suwayda24"),
        ("Free Syrian Army", "en", "actor:free-syrian-army"),
        ("Jaish Maghawir al-Thawra", "en", "actor:maghawir-al-thawra"),
        ("Khaled bin Walid Army", "en", "actor:khalid-ibn-al-walid-army"),
        ("Irakischen Milizen", "de", "actor:pmf"),
        ("US-led coalition", "en", "actor:us-led-coalition"),
        ("internationalen Koalition", "de", "actor:us-led-coalition"),
        ("russische Militärpolizei", "de", "actor:forces-ru"),
        ("Al-Ahram Weekly", "en", "actor:al-ahram-weekly"),
        ("Kremlin", "en", "actor:gov-ru"),
        ("U.S.", "en", "actor:state-us"),
        ("Russians", "en", "actor:state-ru"),
        ("Business Insider", "en", "actor:business-insider"),
        ("The Daily Beast", "en", "actor:daily-beast"),
        ("Al Qaeda", "en", "actor:al-qaeda"),
        ("Hamas movement", "en", "actor:hamas"),
    ],
)
def test_other_seed_actors(table: ActorTable, mention: str, language: str, actor_id: str) -> None:
    assert _id(table, mention, language) == actor_id


def test_lowercase_us_is_not_the_united_states(table: ActorTable) -> None:
    assert table.match("us", "en") is None


def test_table_size_and_types(table: ActorTable) -> None:
    curated = [a for a in table.actors.values() if not a.id.startswith("actor:state-")]
    assert len(table) > 450 and len(curated) >= 250
    assert {a.type for a in table.actors.values()} >= {
        "state",
        "government",
        "armed_group",
        "international_org",
        "media_outlet",
        "person",
        "party",
        "other",
    }
    islamic_state = table.get("actor:islamic-state")
    assert islamic_state is not None and ("Daesh", "en") in islamic_state.alias_pairs
    assert islamic_state.to_dict()["type"] == "armed_group"


def test_every_parent_exists(table: ActorTable) -> None:
    for actor in table.actors.values():
        assert actor.parent is None or actor.parent in table.actors, actor.id


def test_ambiguous_alias_flag() -> None:
    assert Alias("Damascus", "en", requires=("role:actor",)).ambiguous
    assert not Alias("Daesh", "en").ambiguous
    assert Alias.parse("IS", "en").case_sensitive
    assert Alias.parse({"text": "X", "ambiguous": True}, "en").requires == ("role:actor",)


def test_unknown_actor_ids_merge_across_languages() -> None:
    assert unknown_actor_id("Calibre Obscura", "de") == unknown_actor_id("Calibre Obscura", "en")
    assert unknown_actor_id("the Calibre Obscura", "en") == "actor:x-calibre-obscura"
    assert unknown_actor_id("Дамаск", "ru") == unknown_actor_id("Damask", "en")
    assert unknown_actor_id("!!!").startswith("actor:x-")
    assert len(unknown_actor_id("word " * 40)) < 80


def test_capitalised_name_does_not_match_a_lowercase_word(table: ActorTable) -> None:
    assert table.match("time", "en") is None
    assert table.match("Time", "en").id == "actor:time"  # type: ignore[union-attr]
    # lowercase aliases (German and French adjectives, "the regime") still match
    assert table.match("iranische", "de").id == "actor:state-ir"  # type: ignore[union-attr]
    assert table.match("the regime", "en", {"SY"}).id == "actor:gov-sy"  # type: ignore[union-attr]


def test_a_new_alias_is_found_at_once_although_answers_are_kept() -> None:
    table = load_actor_table()
    actor_id = next(iter(table.actors))
    assert table.candidates("Qwertzuiop Brigade", "en") == []
    table.add_alias(actor_id, Alias("Qwertzuiop Brigade", "en"))
    found = table.candidates("Qwertzuiop Brigade", "en")
    assert [m.actor.id for m in found] == [actor_id]
    found.clear()  # a caller's list is its own
    assert table.candidates("Qwertzuiop Brigade", "en")


@pytest.mark.parametrize(
    ("mention", "language"),
    [("Pana", "es"), ("G", "en"), ("G.", "de"), ("franc", "fr"), ("Franc", "fr")],
)
def test_a_word_that_is_an_aliases_stem_names_no_actor(
    table: ActorTable, mention: str, language: str
) -> None:
    # "Panama", "Gine" (Turkish) and "français" stem to these words; a word that short is
    # a word of its own
    assert table.match(mention, language) is None


def test_inflected_forms_still_match(table: ActorTable) -> None:
    assert _id(table, "Frankreichs", "de") == "actor:state-fr"
    assert _id(table, "syrischen", "de") == "actor:state-sy"
    assert _id(table, "Irans", "de") == "actor:state-ir"
    assert _id(table, "US-amerikanischer", "de") == "actor:state-us"
    assert _id(table, "Paraguayo", "es") == "actor:state-py"


@pytest.mark.parametrize(
    ("mention", "language"),
    [("Faser", "de"), ("Cubas", "es"), ("Granados", "es"), ("Libération", "fr"),
     ("Georges", "fr"), ("Colombes", "fr"), ("Kannada", "en"), ("Indeed", "en")],
)  # fmt: skip
def test_a_longer_word_is_a_name_only_with_an_ending_its_language_gives_names(
    table: ActorTable, mention: str, language: str
) -> None:
    # each shares a stem with a state's name (Turkish "Fas" for Morocco, "Cuba", Spanish
    # "Granada" for Grenada, "Liberia", "Géorgie", "Colombie", "Canada", "India"), but no
    # ending of the text's language makes the name that word
    assert table.match(mention, language) is None


def test_a_title_is_not_inflected(table: ActorTable) -> None:
    found = table.candidates("Times", "en")
    assert "actor:time" not in {m.actor.id for m in found}


@pytest.mark.parametrize(("mention", "language"), [("Georges", "fr"), ("Francois", "en")])
def test_a_first_name_is_no_form_of_a_country(
    table: ActorTable, mention: str, language: str
) -> None:
    # "Georges" (Prêtre) stems like "Georgian", "Francois" like "français"
    assert table.match(mention, language) is None
