"""A new user's first question after `make demo`, by clicking alone in headless Chromium on a
store of the demo corpus (samples/corpus): "who claims what about Aleppo's water supply, and
who repeats it". From the overview (the only address typed) to the claim group about the
water, which shows who first reported it, on whose authority, and every document that repeats
it (outlets, languages, their sources); on to a document, back to a group by its evidence,
to the story and to a place's page. No console error on the way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrace import api
from tests.report import browser
from tests.web.browser_app import anchors, chrome, clean
from tests.web.browser_app import served as serve

pytestmark = pytest.mark.slow
_REASON = browser.missing()
if _REASON:
    pytest.skip(_REASON, allow_module_level=True)
pytest.importorskip("selenium", reason="pip install 'selenium>=4.20,<5'")

from selenium.webdriver.common.by import By  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"
QUESTION = re.compile(r"water|pump", re.IGNORECASE)  # the user's question, in English


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("demo") / "claimtrace.db")
    api.ingest([SAMPLES], db=db)  # what `make demo` runs
    api.analyse(db=db)
    with serve(db) as base:
        yield base


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chrome(tmp_path_factory.mktemp("demo-browser")) as started:
        yield started


def items(driver: Any, selector: str) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, selector)]


def test_who_claims_what_about_the_water_and_who_repeats_it(served: str, driver: Any) -> None:
    driver.get(served + "/")
    clean(driver)
    groups = [a for a in anchors(driver, "groups/") if QUESTION.search(a.text)]
    assert groups, "the overview lists a claim about the water among the top claims"
    groups[0].click()

    # the group: who first reported it, on whose authority, and who repeats it
    assert QUESTION.search(driver.find_element(By.TAG_NAME, "h1").text)
    first = driver.find_element(By.ID, "first-reported")
    assert anchors(first, "documents/") and "according to" in first.text
    repeated = items(driver, "#repeated-by li")
    assert len(repeated) >= 2, repeated
    cited = [r.split("according to", 1)[1].strip() for r in repeated]
    assert sum(1 for c in cited if c and c != "no source named") >= 2, cited
    outlets = driver.find_element(By.ID, "outlets").text.split(", ")
    languages = {row.split(" · ")[0].rsplit("\n", 1)[-1].split()[-1] for row in repeated}
    assert len(outlets) >= 3 and len(languages) >= 2, (outlets, repeated)
    assert driver.find_element(By.ID, "sources-cited").text not in ("", "none named")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.members tbody tr")
    assert len(rows) >= 3
    assert len({r.find_elements(By.TAG_NAME, "td")[2].text for r in rows}) >= 3  # languages
    clean(driver)
    group_url = driver.current_url

    # a repeating document: its evidence sentence leads back to a claim group
    anchors(driver.find_element(By.ID, "repeated-by"), "documents/")[0].click()
    assert driver.find_elements(By.CSS_SELECTOR, "article p")
    clean(driver)
    anchors(driver, "groups/")[0].click()
    assert driver.find_elements(By.CSS_SELECTOR, "table.members tbody tr")
    clean(driver)

    # back on the water group by its link from the overview, then its story and a place
    driver.find_element(By.CSS_SELECTOR, "header a.brand").click()
    next(a for a in anchors(driver, "groups/") if a.get_attribute("href") == group_url).click()
    anchors(driver.find_element(By.CSS_SELECTOR, "dl.facts"), "stories/")[0].click()
    assert driver.find_elements(By.CSS_SELECTOR, "ul.list li")
    assert anchors(driver, "groups/"), "the story lists its claim groups"
    clean(driver)
    anchors(driver, "actors/")[0].click()
    assert "Names as written" in driver.find_element(By.TAG_NAME, "main").text
    clean(driver)
