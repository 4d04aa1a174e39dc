"""Search with facets: counts over the hits, a value narrows the hits to documents with it,
every label escaped (outlets and titles come from hostile pages), matches marked."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.web.facets import FACETS, faceted_search
from tests.web.conftest import HOSTILE, Store

FACET_LINK = re.compile(
    r'<li(?: class="selected")?><a href="(/search\?[^"]+)">([^<]*)</a> <span class="meta">(\d+)'
)
HIT = re.compile(r'<li><a href="/documents/([^"]+)">')


def test_facets_count_the_hits_and_narrow_them(client: TestClient, store: Store) -> None:
    everything = faceted_search("Aleppo", store.db, {})
    assert everything.matched == len(everything.hits) >= 3
    languages = {v.value: v.count for v in everything.facets["language"]}
    assert len(languages) >= 2 and sum(languages.values()) == everything.matched
    assert everything.facets["relation"] and everything.facets["actor"]
    language, count = sorted(languages.items())[0]
    narrowed = faceted_search("Aleppo", store.db, {"language": language})
    assert len(narrowed.hits) == count
    assert all(h.language == language for h in narrowed.hits)
    relation = narrowed.facets["relation"][0]
    both = faceted_search("Aleppo", store.db, {"language": language, "relation": relation.value})
    assert len(both.hits) == relation.count
    for hit in both.hits:
        claims = api.show(hit.document_id, db=store.db).claims
        assert relation.value in {c.relation for c in claims}


def test_an_actor_facet_keeps_documents_that_mention_it(store: Store) -> None:
    everything = faceted_search("Aleppo", store.db, {})
    actor = everything.facets["actor"][0]
    assert actor.label != actor.value  # shown by its name, kept by its id
    narrowed = faceted_search("Aleppo", store.db, {"actor": actor.value})
    assert len(narrowed.hits) == actor.count
    for hit in narrowed.hits:
        mentioned = {m["actor_id"] for m in api.show(hit.document_id, db=store.db).mentions}
        assert actor.value in mentioned


def test_facet_links_on_the_page_narrow_the_search(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Aleppo"})
    assert page.status_code == 200 and "<mark>" in page.text
    for facet in ("language", "outlet", "relation", "modality"):
        assert f"<h2>{facet}</h2>" in page.text
    link, _, count = FACET_LINK.findall(page.text)[0]
    query = parse_qs(urlsplit(unescape(link)).query)
    assert query["q"] == ["Aleppo"] and len(query) == 2
    narrowed = client.get(unescape(link))
    assert narrowed.status_code == 200 and 'class="selected"' in narrowed.text
    assert len(HIT.findall(narrowed.text)) == int(count)
    assert "remove this filter" in narrowed.text


def test_unknown_facet_values_narrow_to_nothing(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Aleppo", "outlet": "No Such Outlet"})
    assert page.status_code == 200 and HIT.findall(page.text) == []
    assert "No Such Outlet" in page.text  # the filter shown, so it can be removed


def test_hostile_names_in_facets_and_hits_are_text(client: TestClient) -> None:
    page = client.get("/search", params={"q": "pumping", "outlet": HOSTILE["outlet"]})
    assert page.status_code == 200
    assert HIT.findall(page.text), "the hostile article matches"
    assert "<b>Times</b>" not in page.text and "<script>" not in page.text
    assert "Hostile &lt;b&gt;Times&lt;/b&gt;" in page.text
    assert set(FACETS) >= {"language", "outlet", "date", "actor", "relation", "modality"}
