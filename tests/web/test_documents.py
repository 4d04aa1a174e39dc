"""Documents, search and compare through the API, on the real sample store."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import HOSTILE, HOSTILE_TEXT, Store, assert_error

API = "/api/v1"


def test_search_finds_the_german_document_by_an_inflected_form(
    client: TestClient, store: Store
) -> None:
    hits = client.get(f"{API}/search", params={"q": "Staudamm"}).json()["items"]
    assert hits[0]["document_id"] == store.german
    assert "[Staudamm]" in hits[0]["snippet"]


def test_search_matches_the_cli_search(client: TestClient, store: Store) -> None:
    from claimtrace import api

    hits = client.get(f"{API}/search", params={"q": "turbine"}).json()["items"]
    assert [h["document_id"] for h in hits] == [
        h.document_id for h in api.search("turbine", db=store.db)
    ]
    assert hits


def test_documents_filtered_by_language(client: TestClient, store: Store) -> None:
    items = client.get(f"{API}/documents", params={"language": "de"}).json()["items"]
    assert [d["id"] for d in items] == [store.german]


def test_documents_filtered_by_outlet(client: TestClient, store: Store) -> None:
    items = client.get(f"{API}/documents", params={"outlet": HOSTILE["outlet"]}).json()["items"]
    assert [d["id"] for d in items] == [store.hostile]


def test_documents_filtered_by_date_range(client: TestClient) -> None:
    every = client.get(f"{API}/documents").json()["items"]
    items = client.get(f"{API}/documents", params={"since": "2024-03-13", "until": "2024-03-13"})
    found = items.json()["items"]
    assert found and all(d["published"] == "2024-03-13" for d in found)
    assert len(found) == sum(d["published"] == "2024-03-13" for d in every)


def test_documents_filtered_by_story_and_actor(client: TestClient, store: Store) -> None:
    stories = client.get(f"{API}/stories").json()["items"]
    story = max(stories, key=lambda s: s["documents"])
    in_story = client.get(f"{API}/documents", params={"story": story["id"]}).json()["items"]
    assert len(in_story) == story["documents"] and {d["story"] for d in in_story} == {story["id"]}
    sdf = client.get(f"{API}/documents", params={"actor": "actor:sdf"}).json()["items"]
    by_name = client.get(f"{API}/documents", params={"actor": "SDF"}).json()["items"]
    assert len(sdf) >= 3 and store.german in {d["id"] for d in sdf}
    assert {d["id"] for d in by_name} <= {d["id"] for d in sdf}


def test_a_document_has_its_text_paragraphs_entities_times_claims_and_sources(
    client: TestClient, store: Store
) -> None:
    doc = client.get(f"{API}/documents/{store.german}").json()
    text = doc["text"]
    assert doc["language"] == "de" and doc["sources"] and doc["times"]
    assert {p["language"] for p in doc["paragraphs"]} == {"de"}
    for p in doc["paragraphs"]:
        assert text[p["start"] : p["end"]].strip()
    assert any(m["text"] == text[m["start"] : m["end"]] for m in doc["mentions"])
    assert doc["claims"]
    for claim in doc["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        content = claim["content"]
        assert text[content["start"] : content["end"]] == content["text"]


def test_a_document_by_id_prefix(client: TestClient, store: Store) -> None:
    assert client.get(f"{API}/documents/{store.german[:10]}").json()["id"] == store.german


def test_hostile_text_comes_back_verbatim_as_json_data(client: TestClient, store: Store) -> None:
    response = client.get(f"{API}/documents/{store.hostile}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    doc = response.json()
    assert doc["text"].replace("\n\n", " ") == HOSTILE_TEXT.replace("\n\n", " ")
    assert "<script>alert(1)</script>" in doc["text"]
    assert "<img src=x onerror=alert(2)>" in doc["text"]
    assert 'href="javascript:alert(3)"' in doc["text"]
    assert doc["title"].startswith("<script>")
    # the raw body holds the markup only inside JSON strings
    assert response.text.startswith("{") and "<script>" in response.text


def test_unknown_document_is_404_in_the_error_shape(client: TestClient) -> None:
    error = assert_error(client.get(f"{API}/documents/doc_nope"), 404, "not_found")
    assert "doc_nope" in error["message"]


def test_compare_two_documents(client: TestClient, store: Store) -> None:
    found = client.get(f"{API}/compare", params={"a": store.german, "b": store.hostile}).json()
    assert {found["document_a"], found["document_b"]} == {store.german, store.hostile}
    assert 0.0 <= found["score"] <= 1.0 and found["reasons"]


def test_search_names_the_other_names_it_matched(client: TestClient) -> None:
    page = client.get(f"{API}/search", params={"q": "Syria OR SDF"}).json()
    assert {"Syrien", "سوريا"} <= set(page["names"]["Syria"])
    assert "Syria" not in page["names"]["Syria"]
    plain = client.get(f"{API}/search", params={"q": "Syria OR SDF", "aliases": "false"})
    assert plain.json()["names"] == {}
    assert len(plain.json()["items"]) <= len(page["items"])


def test_unreadable_search_is_a_400_naming_the_problem(client: TestClient) -> None:
    error = assert_error(
        client.get(f"{API}/search", params={"q": '"Islamic State'}), 400, "invalid_query"
    )
    assert "unclosed quote" in error["message"]
