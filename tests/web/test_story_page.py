"""The story page's timeline and map: times read as a reader would (a decade is not a
year), the map's places from the store, hostile names as text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

from fastapi.testclient import TestClient

from claimtrace import api
from claimtrace.report.svg_timeline import timeline_svg
from claimtrace.report.times import parse_day, time_label, time_span
from claimtrace.web.story_data import story_places
from tests.web.conftest import Store

MAP = re.compile(r'<script type="application/json" id="map-data">(.*?)</script>', re.S)


def test_times_for_a_reader() -> None:
    assert time_label("199") == "1990s" and time_label("188") == "1880s"
    assert time_label("2017-W36") == "week 36 of 2017"
    assert time_label("2020-04") == "April 2020"
    assert time_label("2015-05/2015-06") == "May 2015 – June 2015"
    assert time_label("2019-04-05") == "2019-04-05" and time_label(None) == ""
    assert time_span("200") == (parse_day("2000"), parse_day("2009", end=True))
    assert parse_day("2017-W36") is not None and parse_day("2017-W36").isoweekday() == 1
    assert parse_day("0188") is None or parse_day("0188").year == 188  # 4 digits: a year


def test_timeline_keeps_far_times_off_the_axis() -> None:
    docs = [{"id": "d", "published": "2024-03-13", "outlet": "o", "title": "t"}]
    claims = [
        {"id": "a", "time": "188", "text": "in the 1880s", "modality": "reported"},
        {"id": "b", "time": "2024-03", "text": "this month", "modality": "reported"},
    ]
    svg = timeline_svg(docs, claims)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    ticks = [t.text for t in root.iter(f"{ns}text") if t.get("class") == "tick"]
    assert ticks and all(t.startswith("202") for t in ticks)  # no axis back to 1880
    assert len(list(root.iter(f"{ns}rect"))) == 1
    assert "1880s" in svg and ">188<" not in svg


def test_story_page_has_a_timeline_and_a_map_of_its_places(
    client: TestClient, store: Store
) -> None:
    stories = api.story_page(store.db, None, 50)
    story = max(stories, key=lambda s: s["documents"])
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    assert '<div class="timeline"><svg' in page.text
    assert page.text.count('class="node document"') == story["documents"]
    places = json.loads(MAP.search(page.text).group(1))  # type: ignore[union-attr]
    assert places == story_places(store.db, story["id"]) and places
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    assert f'href="/actors/{quote(places[0]["id"], safe="/")}"' in page.text
    for script in re.findall(r'<script src="([^"]+)"', page.text):
        assert client.get(script).status_code == 200


def test_story_page_of_the_hostile_article_is_escaped(client: TestClient, store: Store) -> None:
    for story in api.story_page(store.db, None, 50):
        detail = api.story_detail(story["id"], db=store.db)
        if any(d["id"] == store.hostile for d in detail["documents"]):
            page = client.get(f"/stories/{story['id']}").text
            assert "<script>" not in page.replace('<script src="', "").replace(
                '<script type="application/json"', ""
            )
            assert "<b>Times</b>" not in page and "&lt;script&gt;" in page
            return
    raise AssertionError("the hostile article is in a story")
