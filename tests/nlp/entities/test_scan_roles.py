"""Roles of people and names found after a role word (mentions_roles)."""

from __future__ import annotations

from claimtrace.nlp.entities.mentions.roles import role_after, role_before, role_cued_names


def before(text: str, name: str) -> str | None:
    start = text.index(name)
    found = role_before(text, start, start + len(name))
    return found[0] if found else None


def test_role_before_a_name() -> None:
    assert before("the US-led coalition's spokesman Ryan Dillon said", "Ryan Dillon") == (
        "spokesperson"
    )
    assert before("Regierungssprecher Steffen Hebestreit sagte", "Steffen Hebestreit") == (
        "spokesperson"
    )
    assert before("selon le porte-parole Jean Dupont", "Jean Dupont") == "spokesperson"
    assert before("US commander Stephen Townsend said", "Stephen Townsend") == "commander"
    assert before("قال الرئيس السوري بشار الأسد", "بشار الأسد") == "president"


def test_role_inside_the_mention() -> None:
    text = "Syrian President Bashar al-Assad said"
    assert role_before(text, 0, text.index(" said"))[0] == "president"


def test_no_role_across_a_sentence_or_far_away() -> None:
    assert before("He met the president. Ryan Dillon said", "Ryan Dillon") is None
    assert before("the spokesman of a very large group said Ryan Dillon", "Ryan Dillon") is None


def test_role_in_an_apposition() -> None:
    text = "Ryan Dillon, a spokesman for the US-led Coalition, said"
    found = role_after(text, len("Ryan Dillon"))
    assert found is not None and found[0] == "spokesperson"
    assert role_after("Ryan Dillon, who spoke", len("Ryan Dillon")) is None


def test_names_after_a_role_word() -> None:
    text = "Außenministerin Annalena Baerbock reiste nach Kairo. Der Sprecher sagte nichts."
    found = role_cued_names(text, [(0, len(text), "de")])
    assert [m.text for m in found] == ["Annalena Baerbock"]
    assert found[0].label == "PERSON" and found[0].backend == "roles"
