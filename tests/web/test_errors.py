"""One error shape for every kind of error, and the security of every response."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimtrace.web import create_app
from tests.web.conftest import Store, assert_error

API = "/api/v1"
TOKEN = "a-long-enough-test-token"


def test_unknown_route_is_404_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get(f"{API}/nothing-here"), 404, "not_found")
    assert_error(client.get("/nothing-here"), 404, "not_found")  # "/" is the web app


def test_validation_error_is_422_with_details(client: TestClient) -> None:
    error = assert_error(client.get(f"{API}/documents", params={"limit": "x"}), 422,
                         "invalid_request")  # fmt: skip
    assert error["details"][0]["where"] == "query.limit"


def test_missing_parameter_is_422(client: TestClient) -> None:
    assert_error(client.get(f"{API}/search"), 422, "invalid_request")


def test_bad_date_is_422(client: TestClient) -> None:
    response = client.get(f"{API}/documents", params={"since": "yesterday"})
    assert_error(response, 422, "invalid_request")


def test_wrong_method_is_405(client: TestClient) -> None:
    assert_error(client.delete(f"{API}/documents"), 405, "method_not_allowed")


def test_read_only_refuses_writes_with_403(store: Store) -> None:
    read_only = TestClient(create_app(store.db, read_only=True))
    for method in ("post", "put", "delete", "patch"):
        response = read_only.request(method.upper(), f"{API}/jobs")
        assert_error(response, 403, "read_only")
    assert read_only.get(f"{API}/stats").status_code == 200


def test_token_required_when_set(store: Store) -> None:
    guarded = TestClient(create_app(store.db, token=TOKEN))
    assert_error(guarded.get(f"{API}/stats"), 401, "unauthorized")
    wrong = {"Authorization": "Bearer not-the-token-at-all"}
    assert_error(guarded.get(f"{API}/stats", headers=wrong), 401, "unauthorized")
    basic = {"Authorization": f"Basic {TOKEN}"}
    assert_error(guarded.get(f"{API}/stats", headers=basic), 401, "unauthorized")
    response = guarded.get(f"{API}/stats", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.json()["documents"] >= 6


def test_token_guards_unknown_routes_and_the_schema(store: Store) -> None:
    guarded = TestClient(create_app(store.db, token=TOKEN))
    assert_error(guarded.get(f"{API}/openapi.json"), 401, "unauthorized")
    assert_error(guarded.get("/anything"), 401, "unauthorized")


def test_only_allowed_host_names_are_answered(store: Store) -> None:
    local = TestClient(create_app(store.db, allowed_hosts=["127.0.0.1", "localhost"]),
                       base_url="http://127.0.0.1:8000")  # fmt: skip
    assert local.get(f"{API}/stats").status_code == 200
    rebound = local.get(f"{API}/stats", headers={"Host": "evil.example:8000"})
    assert_error(rebound, 400, "bad_host")


def test_security_headers_on_every_response(client: TestClient, store: Store) -> None:
    guarded = TestClient(create_app(store.db, token=TOKEN))
    for response in (
        client.get(f"{API}/stats"),
        client.get(f"{API}/nope"),
        client.get(f"{API}/claims", params={"limit": 0}),
        guarded.get(f"{API}/stats"),
    ):
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_no_page_loads_scripts_from_elsewhere(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get(f"{API}/openapi.json").json()["info"]["title"] == "claimtrace"
