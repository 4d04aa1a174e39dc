"""The citation graph page and the static files it loads: the graph travels as JSON data
(never markup), its libraries are served from the package, and nothing else is."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from markupsafe import escape

from claimtrace import api
from tests.web.conftest import HOSTILE, Store

DATA = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)


def plain(value: object) -> object:
    return json.loads(json.dumps(value))  # tuples as lists


def graph_data(html: str) -> dict:
    found = DATA.search(html)
    assert found, "the page carries its graph as JSON data"
    return json.loads(found.group(1))


def test_graph_page_carries_the_citation_graph(client: TestClient, store: Store) -> None:
    page = client.get("/graph")
    assert page.status_code == 200
    data = graph_data(page.text)
    assert data == plain(api.snapshot_part("citations", db=store.db))
    assert data["edges"], "the samples' claims name sources"
    outlets = [n for n in data["nodes"] if "outlet" in n["roles"]]
    assert all(f'<option value="{escape(n["id"])}">' in page.text for n in outlets)
    for script in re.findall(r'<script src="([^"]+)"', page.text):
        assert client.get(script).status_code == 200


def test_graph_of_one_story(client: TestClient, store: Store) -> None:
    story = api.story_page(store.db, None, 1)[0]
    page = client.get("/graph", params={"story": story["id"]})
    assert page.status_code == 200 and f'href="/stories/{story["id"]}"' in page.text
    expected = api.snapshot_part("citations", db=store.db, story=story["id"])
    assert graph_data(page.text) == plain(expected)
    assert client.get("/graph", params={"story": "sty_nope"}).status_code == 404


def test_graph_data_keeps_hostile_names_out_of_the_markup(client: TestClient) -> None:
    page = client.get("/graph").text
    data = DATA.search(page).group(1)  # type: ignore[union-attr]
    assert "<" not in data and "</script" not in data.lower()
    assert "Hostile <b>Times</b>" not in page
    if any(n["label"] == HOSTILE["outlet"] for n in graph_data(page)["nodes"]):
        assert "Hostile &lt;b&gt;Times&lt;/b&gt;" in page  # in the outlet filter, escaped


def test_vendored_libraries_are_served_with_their_licences(client: TestClient) -> None:
    for name in ("cytoscape.min.js", "leaflet.js", "topojson-client.min.js"):
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith("text/javascript")
        assert "max-age" in response.headers["cache-control"]
    assert client.get("/static/vendor/VERSIONS").status_code == 404
    atlas = client.get("/static/vendor/countries-110m.json").json()
    assert atlas["type"] == "Topology" and "countries" in atlas["objects"]


def test_static_paths_cannot_leave_the_static_folder(client: TestClient) -> None:
    for path in (
        "/static/../pages.py",
        "/static/%2e%2e/pages.py",
        "/static/vendor/../../app.py",
        "/static/..%2f..%2fapp.py",
        "/static/templates/base.html",
        "/static/",
    ):
        assert client.get(path).status_code == 404, path
