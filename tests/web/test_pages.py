"""The web app's pages on the real sample store: every page renders, links lead on, and
hostile article text stays text."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from claimtrace import api
from tests.web.conftest import Store

HREF = re.compile(r'href="(/[^"]*)"')


def links(html: str, prefix: str) -> list[str]:
    return [h for h in HREF.findall(html) if h.startswith(prefix)]


def test_overview_lists_stories_and_groups_with_links(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp
    assert "unsafe" not in csp and "default-src 'none'" in csp
    assert links(page.text, "/stories/") and links(page.text, "/groups/")
    assert client.get("/app.css").headers["content-type"].startswith("text/css")


def test_search_hits_lead_to_their_documents(client: TestClient, store: Store) -> None:
    page = client.get("/search", params={"q": "Aleppo"})
    assert page.status_code == 200
    targets = links(page.text, "/documents/")
    assert len(targets) >= 2 and "<mark>" in page.text
    document = client.get(targets[0])
    assert document.status_code == 200 and 'class="evidence"' in document.text


def test_invalid_search_syntax_is_said_not_silently_empty(client: TestClient) -> None:
    page = client.get("/search", params={"q": '"unclosed phrase'})
    try:
        api.search_page('"unclosed phrase', client.app.state.settings.db)  # type: ignore[attr-defined]
    except api.ClaimtraceError as exc:
        assert page.status_code == 400 and str(exc)[:30] in page.text
    else:
        assert page.status_code == 200


def test_claim_evidence_links_to_its_group_and_the_group_back(client: TestClient) -> None:
    overview = client.get("/")
    group_url = links(overview.text, "/groups/")[0]
    group = client.get(group_url)
    assert group.status_code == 200 and "<table" in group.text
    documents = links(group.text, "/documents/")
    assert len(set(documents)) >= 2  # a group of claims reported by more than one document
    assert group_url in client.get(documents[0]).text  # the evidence sentence links back


def test_story_page_lists_its_documents_and_groups(client: TestClient) -> None:
    story_url = links(client.get("/").text, "/stories/")[0]
    page = client.get(story_url)
    assert page.status_code == 200
    assert links(page.text, "/documents/") and links(page.text, "/groups/")


def test_hostile_text_is_escaped_on_every_page(client: TestClient, store: Store) -> None:
    pages = [
        client.get(f"/documents/{store.hostile}"),
        client.get("/search", params={"q": "pumping"}),
    ]
    for page in pages:
        assert page.status_code == 200
        assert "<script>" not in page.text and "<img src=x" not in page.text
        assert 'href="javascript:' not in page.text and "<b>Times</b>" not in page.text
        assert "&lt;script&gt;" in page.text


def test_unknown_ids_are_404_pages_in_the_error_shape(client: TestClient) -> None:
    for path in ("/documents/doc_nope", "/groups/grp_nope", "/stories/sty_nope", "/actors/x"):
        assert client.get(path).status_code == 404


def test_a_source_leads_to_its_actor_page_with_its_claims_by_role(
    client: TestClient, store: Store
) -> None:
    sourced = [
        c for c in api.claims(db=store.db, limit=500).claims if any(s.actor for s in c.sources)
    ]
    assert sourced, "the samples name sources that are known actors"
    document = client.get(f"/documents/{sourced[0].document_id}")
    actor_urls = links(document.text, "/actors/")
    assert actor_urls
    page = client.get(actor_urls[0])
    assert page.status_code == 200 and "Names as written" in page.text
    assert "Claims on its authority" in page.text
    assert links(page.text, "/documents/")  # each claim leads to its evidence


def test_actor_page_shows_names_per_language(client: TestClient, store: Store) -> None:
    spread = [
        e for e in api.entities(db=store.db, limit=200)
        if e["type"] != "place" and len(e["by_language"]) >= 2
    ]  # fmt: skip
    assert spread, "an actor named in two languages of the samples"
    page = client.get(f"/actors/{spread[0]['id']}")
    assert page.status_code == 200
    shown = [lang for lang in spread[0]["by_language"] if f"<td>{lang}</td>" in page.text]
    assert len(shown) >= 2
