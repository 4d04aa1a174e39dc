"""Semantic search (``/api/v1/similar``): the claims nearest in meaning to a text, in any
language, by the encoder the store was linked with, with their claim groups."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.link.claim_groups import claim_text
from tests.web.conftest import Store, assert_error


def test_a_claims_own_text_finds_it_and_its_group_in_other_languages(
    client: TestClient, store: Store
) -> None:
    groups = [g for g in api.group_page(store.db, 2, limit=500) if len(g["languages"]) >= 2]
    assert groups
    group = api.group_detail(groups[0]["id"], db=store.db)
    claim = group["members"][0]["claim"]
    # the text its vector was made of: the claim itself is nearest (or a claim of the same
    # words, from a duplicate)
    response = client.get("/api/v1/similar", params={"q": claim_text(claim), "limit": 10})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["model"] and len(body["items"]) <= 10
    first = body["items"][0]
    assert first["cosine"] > 0.99 and first["score"] > 0.98
    same = [i for i in body["items"] if i["cosine"] >= first["cosine"] - 1e-4]
    assert claim.id in {i["claim"]["id"] for i in same}
    assert {i["group"] for i in same if i["claim"]["id"] == claim.id} == {group["id"]}
    cosines = [item["cosine"] for item in body["items"]]
    assert cosines == sorted(cosines, reverse=True)
    others = {m["claim"].id for m in group["members"] if m["claim"].language != claim.language}
    assert others & {item["claim"]["id"] for item in body["items"]}, "another language's member"


def test_similar_needs_a_text_and_a_bounded_limit(client: TestClient) -> None:
    assert_error(client.get("/api/v1/similar"), 422, "invalid_request")
    assert_error(client.get("/api/v1/similar", params={"q": ""}), 422, "invalid_request")
    too_many = client.get("/api/v1/similar", params={"q": "water", "limit": 51})
    assert_error(too_many, 422, "invalid_request")
