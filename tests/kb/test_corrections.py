"""Corrections apply in order, each to the id the earlier ones left."""

from __future__ import annotations

from claimtrace.kb.corrections import Correction, Corrections, split_actor_id


def test_merge_then_split_by_alias() -> None:
    fixes = Corrections(
        [
            Correction("merge", "actor:x-glees", target="actor:x-anthony-glees", id=1),
            Correction("split", "actor:x-anthony-glees", target="actor:b", alias="Glees", id=2),
        ]
    )
    assert fixes.resolve("actor:x-glees", "doc_1", "Glees") == "actor:b"
    assert fixes.resolve("actor:x-anthony-glees", "doc_1", "Anthony Glees") == (
        "actor:x-anthony-glees"
    )
    # a claim's reference has no form of its own: no alias split applies to it
    assert fixes.resolve("actor:x-glees", "doc_1", None) == "actor:x-anthony-glees"


def test_reject_only_where_it_applies() -> None:
    fixes = Corrections([Correction("reject", "geonames:1", alias="BERLIN", document_id="d1")])
    assert fixes.resolve("geonames:1", "d1", "BERLIN") is None
    assert fixes.resolve("geonames:1", "d1", "Berlin") == "geonames:1"
    assert fixes.resolve("geonames:1", "d2", "BERLIN") == "geonames:1"
    assert fixes.resolve(None, "d1", "BERLIN") is None
    assert fixes.resolve("geonames:2", "d1", "BERLIN") == "geonames:2"


def test_undone_corrections_do_not_apply() -> None:
    undone = Correction("merge", "a", target="b", undone_at="2026-01-01T00:00:00Z")
    assert Corrections([undone]).resolve("a", None, None) == "a"
    assert not Corrections([undone])


def test_names_types_and_merged_members() -> None:
    fixes = Corrections(
        [
            Correction("merge", "a", target="b"),
            Correction("merge", "b", target="c"),
            Correction("rename", "c", value="C"),
            Correction("retype", "c", value="media_outlet"),
            Correction("rename", "c", value="C2"),
        ]
    )
    assert fixes.resolve("a", None, None) == "c"
    assert fixes.merged_into("c") == {"a", "b", "c"}
    assert fixes.names() == {"c": "C2"} and fixes.types() == {"c": "media_outlet"}


def test_split_ids_are_deterministic() -> None:
    assert split_actor_id("a", "X", None, "X") == split_actor_id("a", "X", None, "X")
    assert split_actor_id("a", "X", None, "X") != split_actor_id("a", None, "d", "X")
