"""The login form: the token typed in a browser sets a session cookie that opens the pages
and the API (the graph page fetches claims with it); a wrong token, a forged cookie or a
redirect off the server do not."""

from __future__ import annotations

from fastapi.testclient import TestClient

from claimtrace.web import create_app
from claimtrace.web.security import SESSION_COOKIE, session_value
from tests.web.conftest import Store, assert_error

TOKEN = "a-long-enough-test-token"
HTML = {"Accept": "text/html,application/xhtml+xml"}


def guarded(store: Store, read_only: bool = False) -> TestClient:
    return TestClient(create_app(store.db, token=TOKEN, read_only=read_only),
                      follow_redirects=False)  # fmt: skip


def test_a_browser_is_sent_to_the_login_form(store: Store) -> None:
    client = guarded(store)
    response = client.get("/search?q=Aleppo", headers=HTML)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fsearch%3Fq%3DAleppo"
    form = client.get(response.headers["location"])
    assert form.status_code == 200 and 'name="token"' in form.text
    assert 'value="/search?q=Aleppo"' in form.text
    assert client.get("/app.css").status_code == 200  # the form's stylesheet
    assert_error(client.get("/api/v1/stats", headers=HTML), 401, "unauthorized")


def test_the_right_token_sets_a_session_cookie_that_opens_pages_and_api(store: Store) -> None:
    client = guarded(store)
    signed = client.post("/login", data={"token": TOKEN, "next": "/search?q=Aleppo"})
    assert signed.status_code == 303 and signed.headers["location"] == "/search?q=Aleppo"
    cookie = signed.headers["set-cookie"]
    assert TOKEN not in cookie and session_value(TOKEN) in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert client.get("/search", params={"q": "Aleppo"}, headers=HTML).status_code == 200
    assert client.get("/api/v1/stats").status_code == 200
    client.post("/logout")
    assert client.get("/api/v1/stats").status_code == 401


def test_a_wrong_token_or_a_forged_cookie_opens_nothing(store: Store) -> None:
    client = guarded(store)
    failed = client.post("/login", data={"token": "not-the-token-at-all", "next": "/"})
    assert failed.status_code == 401 and "not the access token" in failed.text
    assert SESSION_COOKIE not in failed.headers.get("set-cookie", "")
    for forged in (TOKEN, session_value("another-token-entirely"), "", "x" * 64):
        client.cookies.set(SESSION_COOKIE, forged)
        assert client.get("/api/v1/stats").status_code == 401, forged


def test_login_never_redirects_off_the_server(store: Store) -> None:
    client = guarded(store)
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:1"):
        signed = client.post("/login", data={"token": TOKEN, "next": target})
        assert signed.headers["location"] == "/", target


def test_login_works_on_a_read_only_server(store: Store) -> None:
    client = guarded(store, read_only=True)
    assert client.post("/login", data={"token": TOKEN}).status_code == 303
    assert_error(client.post("/api/v1/jobs"), 403, "read_only")


def test_without_a_token_the_login_form_is_not_needed(client: TestClient) -> None:
    response = client.get("/login", params={"next": "/graph"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/graph"
