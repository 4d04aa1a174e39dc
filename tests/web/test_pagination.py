"""Cursor pagination: walking a list page by page yields every item exactly once."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import assert_error

API = "/api/v1"


def _walk(client: TestClient, path: str, **params: object) -> tuple[list[str], int]:
    seen: list[str] = []
    cursor, pages = None, 0
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = client.get(f"{API}/{path}", params=query).json()
        seen += [item.get("id") or item.get("document_id") for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return seen, pages
        assert pages < 1000


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("documents", {}),
        ("claims", {}),
        ("claims", {"actor": "actor:sdf"}),
        ("groups", {}),
        ("stories", {}),
        ("search", {"q": "Aleppo"}),
    ],
)
def test_walking_pages_yields_every_item_once(
    client: TestClient, path: str, params: dict[str, object]
) -> None:
    limit = 100 if path == "search" else 200
    everything = client.get(f"{API}/{path}", params={**params, "limit": limit}).json()
    assert everything["next_cursor"] is None
    expected = [i.get("id") or i.get("document_id") for i in everything["items"]]
    walked, pages = _walk(client, path, **params, limit=2)
    assert walked == expected
    assert len(set(walked)) == len(walked)
    assert pages == max(1, -(-len(expected) // 2))


def test_limit_above_the_maximum_is_422(client: TestClient) -> None:
    assert_error(client.get(f"{API}/claims", params={"limit": 201}), 422, "invalid_request")


def test_a_forged_cursor_is_400(client: TestClient) -> None:
    assert_error(client.get(f"{API}/claims", params={"cursor": "not-a-cursor"}), 400,
                 "invalid_cursor")  # fmt: skip


def test_a_cursor_of_another_list_is_400(client: TestClient) -> None:
    body = client.get(f"{API}/documents", params={"limit": 1}).json()
    assert body["next_cursor"]
    response = client.get(f"{API}/claims", params={"cursor": body["next_cursor"]})
    assert_error(response, 400, "invalid_cursor")
