"""Claim groups: same claim across documents and languages, contradictions, incrementality."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from claimtrace.config import load_config
from claimtrace.link.claim_groups import (
    CLAIM_GROUP_THRESHOLD,
    claim_score,
    claim_text,
    numbers,
    shorten,
    stance,
    times_compatible,
)
from claimtrace.link.embed import get_embedder
from claimtrace.link.run import claim_groups, link_new
from claimtrace.records import Span
from claimtrace.store import open_store
from tests.link.test_stories import add, document, make_claim

POLICE, MWANZA = "act:tz-police", "pl:mwanza"
OPERATOR = "act:ferry-operator"


def test_numbers_ignore_separators_and_years() -> None:
    assert numbers("400 000 people") == numbers("400,000 people") == numbers("400.000 Menschen")
    assert numbers("in 2019 some 30 died") == {"30"}
    assert numbers("no figures here") == frozenset()


def test_multiplier_words_make_one_figure() -> None:
    figure = numbers("about 400,000 people")
    assert numbers("نحو 400 ألف شخص") == figure  # Arabic "400 thousand"
    assert numbers("unos 400 mil habitantes") == numbers("400 Tausend Menschen") == figure
    assert numbers("2,5 Millionen Euro") == numbers("2.5 million euros") == {"2500000"}
    assert numbers("3 mil millones") == {"3000000000"}
    assert numbers("400 people and 7 millionaires") == {"400", "7"}  # a word, not "million"


def test_times_compatible_by_overlap_of_ranges() -> None:
    assert times_compatible("2025-05-01", "2025-05-03")
    assert times_compatible("2025-05", "2025-05-20")
    assert times_compatible("2025-05-01/2025-05-31", "2025")
    assert not times_compatible("2025-05-01", "2024-11-02")
    assert times_compatible(None, "2024-11-02")


def test_denial_and_other_figures_contradict() -> None:
    doc = document("ferry-de")  # the disputing reports come from another article
    said = make_claim(document("ferry-en"), "At least 30 people drowned in the ferry disaster",
                      "kill")  # fmt: skip
    denied = make_claim(doc, "At least 30 people drowned in the ferry disaster", "kill",
                        modality="denied")  # fmt: skip
    other = make_claim(doc, "At least 12 people drowned in the ferry disaster", "kill")
    negated = make_claim(doc, "No one drowned in the ferry disaster", "kill", negated=True)
    assert stance(said, said) == "agree"
    assert stance(denied, said) == "contradict"
    assert stance(other, said) == "contradict"
    assert stance(negated, said) == "contradict"
    assert stance(negated, denied) == "agree"  # two ways of rejecting it


def test_only_claims_about_one_event_contradict() -> None:
    text = "At least 30 people drowned in the ferry disaster"
    said = make_claim(document("ferry-en"), text, "kill", subjects=(OPERATOR,),
                      places=(MWANZA,), time="2025-03-01")  # fmt: skip
    doc = document("ferry-de")
    asked = make_claim(doc, "Did no one drown in the ferry disaster?", "kill",
                       negated=True, modality="questioned")  # fmt: skip
    other_deed = make_claim(doc, "The ferry did not sink in the harbour", "attack", negated=True)
    generic = make_claim(doc, "The operator did not comment on the disaster", "statement",
                         negated=True)  # fmt: skip
    other_actor = make_claim(doc, "No one drowned in the ferry disaster", "kill",
                             subjects=(POLICE,), negated=True)  # fmt: skip
    elsewhere = make_claim(doc, "12 people drowned in the ferry disaster", "kill",
                           places=("pl:elsewhere",))  # fmt: skip
    later = make_claim(doc, "12 people drowned in the ferry disaster", "kill", time="2030-01-01")
    for claim in (asked, other_deed, generic, other_actor, elsewhere, later):
        assert stance(claim, said) == "agree", claim.content.text
    # two polls: each gives two figures; figures dispute only one against one
    poll = make_claim(doc, "Clinton leads Trump by 43 percent to 38 percent", "kill")
    other_poll = make_claim(document("ferry-en"), "Clinton leads Trump 46 to 42", "kill")
    assert stance(poll, other_poll) == "agree"
    assert stance(make_claim(doc, "At least 12 people drowned", "kill"), said) == "contradict"
    # generic relations: a shared place ties two reports to one event; figures alone do not
    there = make_claim(doc, "Officials said 12 people died near Mwanza", "other", places=(MWANZA,))
    also = make_claim(document("ferry-en"), "At least 43 died near Mwanza", "other",
                      places=(MWANZA,))  # fmt: skip
    assert stance(there, also) == "contradict"
    donors = make_claim(doc, "Donors gave 40 million to the campaign", "other", (OPERATOR,))
    total = make_claim(document("ferry-en"), "Donations passed 1 billion", "other", (OPERATOR,))
    assert stance(donors, total) == "agree"


def test_a_claim_never_contradicts_its_own_sentence() -> None:
    doc = document("ferry-en")
    said = make_claim(doc, "Police said 30 people drowned, which the operator denied", "kill")
    denied = make_claim(doc, "Police said 30 people drowned, which the operator denied", "kill",
                        modality="denied")  # fmt: skip
    elsewhere = make_claim(document("ferry-de"), "30 people drowned", "kill", modality="denied")
    assert stance(denied, said) == "agree"
    assert stance(elsewhere, said) == "contradict"


def test_translation_with_shared_actors_scores_above_unrelated_claim() -> None:
    embedder = get_embedder()
    en, de = document("ferry-en"), document("ferry-de")
    a = make_claim(en, "The ferry was overloaded when it capsized", "state", (OPERATOR,))
    b = make_claim(de, "Die Fähre war überladen, als sie kenterte", "state", (OPERATOR,))
    c = make_claim(de, "Taucher suchen vor der Insel nach Vermissten", "search", (POLICE,))
    va, vb, vc = embedder.embed([a.content.text, b.content.text, c.content.text])
    same = claim_score(a, b, float(va @ vb), embedder.floor)
    unrelated = claim_score(a, c, float(va @ vc), embedder.floor)
    assert same >= CLAIM_GROUP_THRESHOLD > unrelated


def test_label_is_shortened_on_a_word_boundary() -> None:
    label = shorten("word " * 40, 30)
    assert len(label) <= 31 and label.endswith("…") and "  " not in label


def test_claims_join_groups_across_languages_and_contradictions_are_flagged(
    tmp_path: Path,
) -> None:
    config = load_config(db=str(tmp_path / "c.db"))
    store = open_store(config)
    en, de, fr = document("ferry-en"), document("ferry-de"), document("ferry-fr")
    drowned = make_claim(en, "Police said at least 30 people drowned when the ferry capsized",
                         "kill", (POLICE,), places=(MWANZA,))  # fmt: skip
    overloaded = make_claim(en, "The regional commissioner said the vessel was overloaded",
                            "state", (OPERATOR,))  # fmt: skip
    ertrunken = make_claim(de, "Mindestens 30 Menschen ertranken, als die Fähre kenterte",
                           "kill", (POLICE,), places=(MWANZA,))  # fmt: skip
    add(store, "ferry-en", [drowned, overloaded])
    add(store, "ferry-de", [ertrunken])
    first = link_new(store, config)
    assert first.groups_created == 2 and first.groups_joined == 1
    groups = {frozenset(g.claims): g for g in claim_groups(store)}
    together = groups[frozenset({drowned.id, ertrunken.id})]
    assert set(together.languages) == {"en", "de"} and len(together.documents) == 2
    assert together.contradicting == ()
    before = {g.id: g for g in claim_groups(store)}

    denial = make_claim(fr, "La police dément que 30 personnes se sont noyées lors du naufrage",
                        "kill", (POLICE,), modality="denied", places=(MWANZA,))  # fmt: skip
    add(store, "ferry-fr", [denial])
    second = link_new(store, config)
    assert second.groups_joined == 1 and second.contradicting == 1
    after = {g.id: g for g in claim_groups(store)}
    assert after[together.id].contradicting == (denial.id,)
    untouched = [gid for gid in before if gid != together.id]
    assert all(after[gid] == before[gid] for gid in untouched)  # no other group recomputed


def test_a_stub_claim_is_read_up_to_its_content() -> None:
    sentence = (
        "The Turkish defence ministry denied any involvement and said its forces had only "
        "targeted positions south of Manbij."
    )
    stub = make_claim(document("ferry-en"), sentence, "deny")
    end = sentence.index(" and said")
    start = sentence.index("any involvement")
    stub = dataclasses.replace(stub, content=Span(start, end, sentence[start:end]))
    assert claim_text(stub) == "The Turkish defence ministry denied any involvement"
