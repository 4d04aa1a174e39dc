"""The web app in real headless Chromium: the analyst's path by clicking alone, no console
errors (a CSP violation is one), and the hostile article never runs a script."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from claimtrace import api
from tests.report import browser
from tests.web.browser_app import anchors, chrome, clean
from tests.web.browser_app import served as serve
from tests.web.conftest import HOSTILE, Store

pytestmark = pytest.mark.slow
_REASON = browser.missing()
if _REASON:
    pytest.skip(_REASON, allow_module_level=True)
pytest.importorskip("selenium", reason="pip install 'selenium>=4.20,<5'")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def served(store: Store) -> Iterator[str]:
    with serve(store.db) as base:
        yield base


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chrome(tmp_path_factory.mktemp("web-browser")) as started:
        yield started


def click_first(driver: Any, prefix: str) -> None:
    found = anchors(driver, prefix)
    assert found, prefix
    found[0].click()


def test_the_analysts_path_by_clicking(served: str, driver: Any) -> None:
    """search -> document -> claim group -> source -> actor -> story -> graph -> claims."""
    driver.get(served + "/")
    clean(driver)
    box = driver.find_element(By.NAME, "q")
    box.send_keys("Aleppo water")
    box.submit()
    assert driver.find_elements(By.CSS_SELECTOR, "ol.hits li")
    clean(driver)
    click_first(driver, "search?")  # a facet narrows the hits
    assert driver.find_elements(By.CSS_SELECTOR, ".facets li.selected")
    assert driver.find_elements(By.CSS_SELECTOR, "ol.hits li")
    clean(driver)
    click_first(driver, "documents/")
    assert driver.find_elements(By.CSS_SELECTOR, "article p")
    clean(driver)
    document = driver.current_url
    for group in [a.get_attribute("href") for a in anchors(driver, "groups/")]:
        driver.get(document)
        click_first(driver, group.split("/", 3)[-1])
        assert driver.find_elements(By.CSS_SELECTOR, "table.members tbody tr")
        clean(driver)
        if anchors(driver, "actors/"):
            break  # a group whose members name a known actor as source or subject
    click_first(driver, "actors/")
    assert "Names as written" in driver.find_element(By.TAG_NAME, "main").text
    clean(driver)
    click_first(driver, "documents/")
    clean(driver)
    driver.get(served + "/")
    click_first(driver, "stories/")
    assert driver.find_elements(By.CSS_SELECTOR, "ul.list li")
    assert driver.find_elements(By.CSS_SELECTOR, ".timeline svg .node")
    if driver.find_elements(By.ID, "map"):  # countries drawn from the shipped shapes
        WebDriverWait(driver, 15).until(
            lambda d: (
                len(d.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive"))
                + len(d.find_elements(By.CSS_SELECTOR, "#map svg path"))
                > 50
            )
        )
    clean(driver)
    click_first(driver, "graph?story=")
    wait_for_graph(driver)
    clean(driver)
    click_first(driver, "graph")  # the whole store's graph, from the header
    edges = wait_for_graph(driver)
    assert edges > 0
    driver.execute_script("window.claimtraceGraph.edges()[0].emit('tap')")
    claims = WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#graph-panel ol.edge-claims li")
    )
    assert claims and claims[0].find_elements(By.TAG_NAME, "a")
    clean(driver)
    click_first(driver, "documents/")
    assert driver.find_elements(By.CSS_SELECTOR, "article p")
    clean(driver)


def wait_for_graph(driver: Any) -> int:
    """The number of citation links drawn, once Cytoscape.js has laid the graph out."""
    return (
        WebDriverWait(driver, 15).until(
            lambda d: d.execute_script(
                "const cy = window.claimtraceGraph; return cy ? cy.edges().length + 0.5 : null"
            )
        )
        - 0.5
    )


def test_graph_filter_and_layout_are_in_the_url(served: str, driver: Any) -> None:
    driver.get(served + "/graph")
    total = wait_for_graph(driver)
    outlet = driver.find_elements(By.CSS_SELECTOR, "select[name=outlet] option")[1]
    outlet.click()
    assert "outlet=" in driver.current_url
    shown = driver.execute_script(
        "return window.claimtraceGraph.edges().filter(e => !e.hasClass('hidden')).length"
    )
    assert 0 < shown <= total
    driver.get(driver.current_url)  # the shared URL shows the same selection
    wait_for_graph(driver)
    assert (
        driver.execute_script(
            "return window.claimtraceGraph.edges().filter(e => !e.hasClass('hidden')).length"
        )
        == shown
    )
    clean(driver)


def test_hostile_document_shows_its_markup_as_text(served: str, driver: Any, store: Store) -> None:
    driver.get(f"{served}/documents/{store.hostile}")
    body = driver.find_element(By.TAG_NAME, "article").text
    assert "<script>alert(1)</script>" in body and "<img src=x onerror=alert(2)>" in body
    assert driver.find_elements(By.CSS_SELECTOR, "article img") == []
    assert driver.find_elements(By.CSS_SELECTOR, "article script") == []
    clean(driver)


def test_hostile_text_is_text_on_every_page_that_shows_it(
    served: str, driver: Any, store: Store
) -> None:
    def shows_it(story: str) -> bool:
        documents = api.story_detail(story, db=store.db)["documents"]
        return any(d["id"] == store.hostile for d in documents)

    stories = [s["id"] for s in api.story_page(store.db, None, 100) if shows_it(s["id"])]
    claims = [c.id for c in api.show(store.hostile, db=store.db).claims]
    groups = set(api.groups_of_claims(claims, db=store.db).values())
    outlet = quote(HOSTILE["outlet"])
    pages = ["/search?q=pumping", f"/search?q=pumping&outlet={outlet}", "/graph"]
    pages += [f"/stories/{s}" for s in stories] + [f"/groups/{g}" for g in groups]
    assert stories, "the hostile article is in a story"
    for path in pages:
        driver.get(served + path)
        if path == "/graph":
            wait_for_graph(driver)
        main = driver.find_element(By.TAG_NAME, "main")
        assert main.find_elements(By.TAG_NAME, "img") == [], path
        assert main.find_elements(By.CSS_SELECTOR, "a[href^='javascript']") == [], path
        assert main.find_elements(By.CSS_SELECTOR, "b") == [], path  # "Hostile <b>Times</b>"
        clean(driver)
    assert "Hostile <b>Times</b>" in driver.page_source.replace("&lt;", "<").replace("&gt;", ">")
