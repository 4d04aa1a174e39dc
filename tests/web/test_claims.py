"""Claims with every CLI filter, one claim, actors and places."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimtrace import api
from tests.web.conftest import Store, assert_error

API = "/api/v1"


def _all(client: TestClient, **params: object) -> list[dict]:
    return client.get(f"{API}/claims", params={**params, "limit": 200}).json()["items"]


def test_claims_filtered_by_actor_name_the_actor(client: TestClient) -> None:
    found = _all(client, actor="actor:sdf")
    assert found
    assert all("actor:sdf" in c["subjects"] + c["objects"] for c in found)
    assert len(found) < len(_all(client))


def test_claims_filters_match_the_library(client: TestClient, store: Store) -> None:
    for params, kwargs in (
        ({"actor": "SDF"}, {"actor": "SDF"}),
        ({"lang": "de"}, {"language": "de"}),
        ({"doc": store.german}, {"document": store.german}),
        ({"modality": "reported"}, {"modality": "reported"}),
        ({"relation": "statement"}, {"relation": "statement"}),
        ({"source": "Verwaltung"}, {"source": "Verwaltung"}),
    ):
        expected = {c.id for c in api.claims(db=store.db, limit=1000, **kwargs).claims}
        got = {c["id"] for c in _all(client, **params)}
        assert got == expected, params
        assert expected, params


def test_claims_carry_names_of_their_actors(client: TestClient) -> None:
    body = client.get(f"{API}/claims", params={"actor": "actor:sdf"}).json()
    assert body["names"]["actor:sdf"] == "Syrian Democratic Forces"


def test_an_unknown_modality_is_422(client: TestClient) -> None:
    assert_error(client.get(f"{API}/claims", params={"modality": "rumour"}), 422, "invalid_request")


def test_one_claim_with_its_group(client: TestClient) -> None:
    groups = client.get(f"{API}/groups", params={"min_docs": 2}).json()["items"]
    group = client.get(f"{API}/groups/{groups[0]['id']}").json()
    member = group["members"][0]["claim"]["id"]
    claim = client.get(f"{API}/claims/{member}").json()
    assert claim["group"] == groups[0]["id"] and claim["stance"] in ("agree", "contradict")
    assert_error(client.get(f"{API}/claims/clm_nope"), 404, "not_found")


def test_an_actor_with_aliases_per_language_and_claims_by_role(client: TestClient) -> None:
    sdf = client.get(f"{API}/actors/actor:sdf").json()
    assert sdf["name"] == "Syrian Democratic Forces"
    assert {"de", "en", "fr", "es"} <= set(sdf["aliases"])
    assert "SDF" in {a["text"] for a in sdf["aliases"]["en"]}
    assert sum(sdf["mentions_by_language"].values()) == sdf["mentions"]
    roles = sdf["claims"]
    assert set(roles) == {"subject", "object", "source", "place"}
    for claim in roles["subject"]["claims"]:
        assert "actor:sdf" in claim["subjects"]
    for claim in roles["object"]["claims"]:
        assert "actor:sdf" in claim["objects"]
    for claim in roles["source"]["claims"]:
        assert "actor:sdf" in {s["actor"] for s in claim["sources"]}
    assert roles["subject"]["total"] + roles["object"]["total"] + roles["source"]["total"] > 0


def test_a_place_is_an_actor_page_too(client: TestClient) -> None:
    places = client.get(f"{API}/entities", params={"type": "place"}).json()["items"]
    assert places and all(p["type"] == "place" for p in places)
    place = client.get(f"{API}/actors/{places[0]['id']}").json()
    assert place["type"] == "place" and place["mentions"] == places[0]["mentions"]


def test_unknown_actor_is_404(client: TestClient) -> None:
    assert_error(client.get(f"{API}/actors/actor:nobody"), 404, "not_found")
