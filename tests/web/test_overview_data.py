"""The overview's outlets and timeline, a claim group's spread by day, an actor's network:
each page against what the store holds (the samples plus a hostile article)."""

from __future__ import annotations

import re
import sqlite3
from html import unescape
from urllib.parse import unquote

from fastapi.testclient import TestClient
from markupsafe import escape

from claimtrace import api
from tests.web.conftest import Store


def _rows(db: str, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_the_overview_shows_outlets_and_documents_and_claims_by_month(
    client: TestClient, store: Store
) -> None:
    page = client.get("/").text
    outlets = _rows(store.db, "SELECT outlet, COUNT(*) FROM documents WHERE outlet <> ''"
                              " GROUP BY outlet")  # fmt: skip
    shown = page.split('id="outlets">', 1)[1].split("</p>", 1)[0]
    for outlet, count in outlets:  # each name isolated: an Arabic one keeps its count after it
        assert f"<bdi>{escape(outlet)}</bdi> ({count})" in shown
    table = page.split('id="timeline"', 1)[1].split("</table>", 1)[0]
    months = re.findall(r"<time>(\d{4}-\d{2})</time>", table)
    stored = _rows(store.db, "SELECT substr(published, 1, 7), COUNT(*) FROM documents"
                             " WHERE published IS NOT NULL GROUP BY 1 ORDER BY 1")  # fmt: skip
    assert months == [m for m, _ in stored]
    sql = (
        "SELECT COUNT(*) FROM claims c JOIN documents d ON d.id = c.document_id"
        " WHERE d.published IS NOT NULL"
    )
    claims = _rows(store.db, sql)[0][0]
    shown_claims = re.findall(r'<meter[^>]*value="(\d+)"></meter> \d+</td></tr>', table)
    assert sum(int(n) for n in shown_claims) == claims > 0


def test_a_group_page_shows_how_the_claim_spread_day_by_day(
    client: TestClient, store: Store
) -> None:
    top = api.group_page(store.db, 2, limit=1, by_spread=True)[0]
    group = api.group_detail(top["id"], db=store.db)
    page = client.get(f"/groups/{top['id']}").text
    table = page.split('id="spread-timeline"', 1)[1].split("</table>", 1)[0]
    days = re.findall(r"<time>([\d-]+)</time>", table)
    dated = {m["document"]["document_id"]: m["document"]["published"][:10]
             for m in group["members"] if m["document"]["published"]}  # fmt: skip
    assert days == sorted(set(dated.values())) and len(days) >= 2
    totals = re.findall(r'value="(\d+)"></meter>', table)
    assert int(totals[-1]) == len(dated)  # every dated document counted once


def test_an_actor_page_shows_its_network(client: TestClient, store: Store) -> None:
    pairs = _rows(store.db, "SELECT a.actor_id, COUNT(DISTINCT b.actor_id) FROM claim_actors a"
                            " JOIN claim_actors b ON b.claim_id = a.claim_id"
                            " AND b.actor_id <> a.actor_id GROUP BY a.actor_id"
                            " ORDER BY 2 DESC, 1 LIMIT 1")  # fmt: skip
    assert pairs, "the samples name two actors in one claim"
    actor, count = pairs[0]
    page = client.get(f"/actors/{actor}").text
    network = page.split('id="network"', 1)[1].split("</section>", 1)[0]
    beside = network.split("Named with it in claims", 1)[1].split("</dd>", 1)[0]
    linked = {unquote(a) for a in re.findall(r'href="/actors/([^"]+)"', beside)}
    expected = {r[0] for r in _rows(store.db, "SELECT DISTINCT b.actor_id FROM claim_actors a"
                                              " JOIN claim_actors b ON b.claim_id = a.claim_id"
                                              f" WHERE a.actor_id = '{actor}'"
                                              f" AND b.actor_id <> '{actor}'")}  # fmt: skip
    assert linked == expected and len(linked) == count


def test_a_document_page_shows_the_removed_debris_on_demand(
    client: TestClient, store: Store
) -> None:
    shown = 0
    for row in api.documents(db=store.db, limit=50):
        doc = api.show(row["id"], db=store.db).document
        page = client.get(f"/documents/{doc.id}").text
        if not doc.removed:
            assert 'id="removed"' not in page
            continue
        part = unescape(page.split('<details id="removed">', 1)[1].split("</details>", 1)[0])
        assert all(line in part and why in part for line, why in doc.removed)
        shown += 1
    assert shown >= 1  # the French sample's share and "read the original" lines
