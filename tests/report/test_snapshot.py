"""The snapshot over a store filled by the real pipeline plus fixture claims and groups."""

from __future__ import annotations

import pytest

from claimtrace.errors import NotFoundError
from claimtrace.report import snapshot
from claimtrace.store.sqlite import SQLiteStore
from tests.report.conftest import HOSTILE_ARTICLE, Fixture

pytestmark = pytest.mark.slow  # the analyse stage loads the NER models


@pytest.fixture(scope="module")
def snap(filled: Fixture) -> dict:
    store = SQLiteStore(filled.db)
    try:
        return snapshot(store)
    finally:
        store.close()


def test_required_fields(snap: dict) -> None:
    assert len(snap["documents"]) == 6
    for doc in snap["documents"]:
        assert {"id", "source", "title", "language", "published", "outlet", "text"} <= set(doc)
        assert doc["source"]  # the path (or URL) the document was read from
    for actor in snap["actors"]:
        assert {"id", "name", "type", "aliases"} <= set(actor)
    for claim in snap["claims"]:
        assert {"id", "document", "text", "start", "end", "subject", "object", "relation",
                "modality", "sources", "places", "time", "group"} <= set(claim)  # fmt: skip
    for group in snap["claim_groups"]:
        assert {"id", "label", "claims", "documents", "languages"} <= set(group)
    assert {"id", "label", "documents"} <= set(snap["stories"][0])
    assert {"nodes", "edges"} == set(snap["citations"])


def test_claims_carry_evidence_and_chains(snap: dict) -> None:
    docs = {d["id"]: d for d in snap["documents"]}
    claims = {c["id"]: c for c in snap["claims"]}
    for claim in claims.values():
        assert docs[claim["document"]]["text"][claim["start"] : claim["end"]] == claim["text"]
    sky = claims["clm_fixture01"]
    assert [s["name"] for s in sky["sources"]] == ["Sky News", "leaked Islamic State files"]
    assert sky["sources"][0]["actor"] == "actor:sky-news"
    assert sky["group"] == "grp_palmyra" and sky["time"] == "2015-05"


def test_groups_span_languages_and_flag_contradictions(snap: dict) -> None:
    groups = {g["id"]: g for g in snap["claim_groups"]}
    assert groups["grp_collusion"]["languages"] == ["de", "en"]
    assert len(groups["grp_collusion"]["documents"]) == 3
    assert groups["grp_collusion"]["contradicting"] == ["clm_fixture09"]
    assert set(groups["grp_oil"]["claims"]) == {"clm_fixture03", "clm_fixture04"}


def test_actor_aliases_are_surface_forms(snap: dict) -> None:
    actors = {a["id"]: a for a in snap["actors"]}
    assert {"ISIS", "Islamic State"} <= set(actors["actor:islamic-state"]["aliases"])
    assert actors["actor:sky-news"]["name"] == "Sky News"


def test_places_count_mentions_and_claims(snap: dict) -> None:
    places = {p["id"]: p for p in snap["places"]}
    hostile = places["place:x-hostile"]
    assert hostile["claims"] == ["clm_fixture09"] and hostile["mentions"] == 0
    palmyra = [p for p in places.values() if "Palmyra" in p["aliases"]]
    assert palmyra and palmyra[0]["mentions"] >= 2 and palmyra[0]["lat"] is not None


def test_citation_graph_has_sky_news_and_suwayda_chains(snap: dict) -> None:
    nodes = {n["id"]: n for n in snap["citations"]["nodes"]}
    edges = {(e["source"], e["target"]): e for e in snap["citations"]["edges"]}
    assert "outlet" not in nodes["actor:sky-news"]["roles"]
    into_sky = [e for (s, t), e in edges.items() if t == "actor:sky-news"]
    fixture = {c for e in into_sky for c in e["claims"] if c.startswith("clm_fixture")}
    assert fixture == {"clm_fixture00", "clm_fixture01", "clm_fixture03", "clm_fixture08"}
    assert ("actor:sky-news", "name:leaked islamic state files") in edges
    suwayda = [n for n in nodes.values() if "suwayda" in n["label"].lower()]
    assert {n["label"] for n in suwayda} >= {"Multiple sources in the city of Suwayda"}
    dated = [
        e for (s, t), e in edges.items() if t == "name:multiple sources in the city of suwayda"
    ]
    assert dated[0]["first_seen"] == "2019-04-05"


def test_story_restricts_everything(filled: Fixture) -> None:
    store = SQLiteStore(filled.db)
    try:
        story = snapshot(store, filled.hostile_story)
        whole = snapshot(store)
        with pytest.raises(NotFoundError):
            snapshot(store, "sto_missing")
    finally:
        store.close()
    assert [d["id"] for d in story["documents"]] == [filled.hostile]
    assert story["documents"][0]["text"] == HOSTILE_ARTICLE["text"]
    assert {c["document"] for c in story["claims"]} == {filled.hostile}
    groups = {g["id"]: g for g in story["claim_groups"]}
    assert groups["grp_collusion"]["claims"] == ["clm_fixture09"]
    assert {c for g in groups.values() for c in g["claims"]} <= {c["id"] for c in story["claims"]}
    assert story["stories"] == [{"id": filled.hostile_story, "label": "Dam <i>story</i>",
                                 "documents": [filled.hostile]}]  # fmt: skip
    mentioned = {a for c in story["claims"] for a in c["subject"] + c["object"]}
    assert mentioned <= {a["id"] for a in story["actors"]}
    assert len(story["actors"]) < len(whole["actors"])
    assert whole == snapshot_again(filled)  # deterministic


def snapshot_again(filled: Fixture) -> dict:
    store = SQLiteStore(filled.db)
    try:
        return snapshot(store)
    finally:
        store.close()
