"""Claim groups, stories, the citation graph and the export through the API."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from claimtrace import api
from tests.web.conftest import Store, assert_error

API = "/api/v1"


def test_a_claim_group_spans_languages(client: TestClient) -> None:
    groups = client.get(f"{API}/groups", params={"min_docs": 2}).json()["items"]
    assert groups and all(g["documents"] >= 2 for g in groups)
    spread = max(groups, key=lambda g: len(g["languages"]))
    group = client.get(f"{API}/groups/{spread['id']}").json()
    languages = {m["claim"]["language"] for m in group["members"]}
    assert len(languages) >= 2 and sorted(languages) == group["languages"]
    assert set(group["agreeing"]) | set(group["contradicting"]) == {
        m["claim"]["id"] for m in group["members"]
    }
    dates = [m["document"]["published"] for m in group["members"] if m["document"]["published"]]
    assert group["first_seen"] == min(dates) == spread["first_seen"]


def test_groups_match_the_library(client: TestClient, store: Store) -> None:
    listed = client.get(f"{API}/groups", params={"limit": 200}).json()["items"]
    assert {g["id"] for g in listed} == {g.id for g in api.groups(db=store.db)}


def test_unknown_group_and_story_are_404(client: TestClient) -> None:
    assert_error(client.get(f"{API}/groups/grp_nope"), 404, "not_found")
    assert_error(client.get(f"{API}/stories/sty_nope"), 404, "not_found")
    assert_error(client.get(f"{API}/citations", params={"story": "sty_nope"}), 404, "not_found")


def test_a_story_lists_its_documents_and_groups(client: TestClient, store: Store) -> None:
    stories = client.get(f"{API}/stories").json()["items"]
    assert {s["id"] for s in stories} == {s.id for s in api.stories(db=store.db)}
    biggest = max(stories, key=lambda s: s["documents"])
    story = client.get(f"{API}/stories/{biggest['id']}").json()
    assert len(story["documents"]) == biggest["documents"] >= 2
    assert story["claim_groups"]


def test_the_citation_graph_is_the_exports(client: TestClient, store: Store, tmp_path) -> None:
    graph = client.get(f"{API}/citations").json()
    api.export("json", tmp_path / "out.json", db=store.db)
    exported = json.loads((tmp_path / "out.json").read_text("utf-8"))["citations"]
    assert graph == exported and graph["nodes"] and graph["edges"]
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])


def test_export_json_is_the_cli_export(client: TestClient, store: Store, tmp_path) -> None:
    response = client.get(f"{API}/export", params={"format": "json"})
    assert response.headers["content-type"] == "application/json"
    api.export("json", tmp_path / "out.json", db=store.db)
    assert response.json() == json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert set(response.json()) >= {"documents", "claims", "claim_groups", "citations"}


def test_export_of_an_unknown_format_is_422(client: TestClient) -> None:
    assert_error(client.get(f"{API}/export", params={"format": "xml"}), 422, "invalid_request")
