"""Who states a claim and who repeats it: the overview lists claim groups by spread, a group
page names the first document to report it, every document repeating it and the sources
they cite; the same reads (and the search facets) on a PostgreSQL copy of the store."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.web.facets import faceted_search
from tests.web.conftest import Store

GROUP_ROW = re.compile(r'<li><a href="/groups/([^"]+)">[^<]*</a>\s*<span class="meta">(\d+) doc')
DOCUMENT = re.compile(r'href="/documents/([^"]+)"')
BIDI = re.compile(r"<bdi>([^<]*)</bdi>")


def test_the_overview_lists_claims_by_spread(client: TestClient, store: Store) -> None:
    listed = GROUP_ROW.findall(client.get("/").text)
    counts = [int(n) for _, n in listed]
    assert len(listed) >= 2 and counts == sorted(counts, reverse=True)
    assert counts[0] == max(g["documents"] for g in api.group_page(store.db, 2, limit=500))


def test_a_group_page_says_who_first_reported_it_and_who_repeats_it(
    client: TestClient, store: Store
) -> None:
    top = api.group_page(store.db, 2, limit=1, by_spread=True)[0]
    group = api.group_detail(top["id"], db=store.db)
    page = client.get(f"/groups/{top['id']}").text
    first = page.split('id="first-reported"', 1)[1].split("</p>", 1)[0]
    repeated = page.split('id="repeated-by"', 1)[1].split("</ul>", 1)[0]
    dates = {m["document"]["document_id"]: m["document"]["published"] for m in group["members"]}
    first_id = DOCUMENT.findall(first)[0]
    assert dates[first_id] == min(d for d in dates.values() if d)
    repeats = DOCUMENT.findall(repeated)
    assert sorted([first_id, *repeats]) == sorted(group["documents"])
    assert "according to" in first and repeated.count("according to") == len(repeats)
    outlets = {m["document"]["outlet"] for m in group["members"] if m["document"]["outlet"]}
    shown = page.split('id="outlets">', 1)[1].split("</dd>", 1)[0]
    assert {unescape(o) for o in BIDI.findall(shown)} == outlets  # each isolated (Arabic names)
    assert not BIDI.sub("", shown).strip(", ")  # nothing outside the isolates but commas
    assert 'href="/stories/' in page  # the story it belongs to
    # a source is cited once per actor, in whatever language the documents name it
    cited = page.split('id="sources-cited">', 1)[1].split("</dd>", 1)[0]
    actors = re.findall(r'href="/actors/([^"]+)"', cited)
    assert len(actors) == len(set(actors))
    named = {s.actor for m in group["members"] for s in m["claim"].sources if s.actor}
    assert {unquote(a) for a in actors} == named
    # every name isolated (an Arabic name must not pull "1 doc" to its other side)
    bare = re.sub(r'<span class="meta">[^<]*</span>|<a href="[^"]+">|</a>', "", cited)
    assert BIDI.findall(bare) and not BIDI.sub("", bare).replace(",", "").strip(), cited


def test_spread_and_facets_read_the_same_on_postgresql(store: Store) -> None:
    from tests.pg import fresh_store_url

    with fresh_store_url() as url:
        api.copy_store(store.db, url)
        spread = [g["id"] for g in api.group_page(store.db, 1, limit=100, by_spread=True)]
        assert [g["id"] for g in api.group_page(url, 1, limit=100, by_spread=True)] == spread
        here, there = faceted_search("Aleppo", store.db, {}), faceted_search("Aleppo", url, {})
        assert here.matched == there.matched >= 3
        for facet in ("language", "outlet", "actor", "relation", "modality"):
            counts = {(v.value, v.count) for v in here.facets[facet]}
            assert {(v.value, v.count) for v in there.facets[facet]} == counts, facet
        relation = here.facets["relation"][0].value
        narrowed = faceted_search("Aleppo", url, {"relation": relation})
        assert len(narrowed.hits) == here.facets["relation"][0].count
