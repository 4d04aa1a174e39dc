"""Which entity a search term names, and which of its names a search may add."""

from __future__ import annotations

from claimtrace.kb import aliases


def test_everyday_words_and_lower_case_names_are_not_usable() -> None:
    for name in ("IS", "WHO", "UN", "EI", "is", "caliphate", "die", "x"):
        assert not aliases.usable(name), name
    for name in ("ISIS", "Daesh", "Syrien", "سوريا", "Исламское государство"):
        assert aliases.usable(name), name


def test_a_term_names_an_actor_only_by_an_exact_alias() -> None:
    assert aliases.actor_named("Daesh") == "actor:islamic-state"
    assert aliases.actor_named("IS") == "actor:islamic-state"
    assert aliases.actor_named("is") is None  # the case-sensitive alias needs its case
    assert aliases.actor_named("Daes") is None


def test_a_state_answers_to_its_country_names_not_demonyms() -> None:
    names = aliases.actor_names("actor:state-sy")
    assert {"Syria", "Syrien", "سوريا"} <= set(names)
    assert "Syrian" not in names and "Syrer" not in names


def test_a_place_needs_an_exact_unambiguous_name() -> None:
    syria = aliases.place_named("Syrien")
    assert syria is not None and syria.kind == "country"
    assert aliases.place_named("Dabei") is None  # Dubai's alternate name, and a town
    assert aliases.place_named("State") is None  # "Statte" is a loose match only


def test_alternate_names_shared_with_other_places_are_left_out() -> None:
    damascus = aliases.place_named("Damascus")
    assert damascus is not None
    names = aliases.place_names(damascus)
    assert "Damaskus" in names and "Cham" not in names
