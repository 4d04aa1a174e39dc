"""The report in real headless Chromium: no console errors, no network, every section
visible, hostile article text shown as text, and no alert ever fired."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from claimtrace.report import report
from claimtrace.report.html import SECTIONS
from claimtrace.store.sqlite import SQLiteStore
from tests.report import browser
from tests.report.conftest import HOSTILE_ACTOR, HOSTILE_IMG, HOSTILE_SCRIPT, Fixture

pytestmark = pytest.mark.slow
_REASON = browser.missing()
if _REASON:
    pytest.skip(_REASON, allow_module_level=True)
pytest.importorskip("selenium", reason="pip install 'selenium>=4.20,<5'")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

# recorded in every page before its own content runs; DevTools-injected, so the page's
# CSP does not stop it, and any alert/confirm/prompt the page manages to call is counted
_TRAP = """
window.__fired = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => { window.__fired.push([name, String(args[0])]); };
}
"""


@pytest.fixture(scope="module")
def page(filled: Fixture, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("browser")
    store = SQLiteStore(filled.db)
    try:
        report(store, root / "report.html")
    finally:
        store.close()
    driver = browser.start(root / "profile")
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _TRAP})
        driver.get((root / "report.html").as_uri())
        yield driver
    finally:
        driver.quit()


def test_no_console_errors(page: Any) -> None:
    severe = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def test_nothing_loaded_from_the_network(page: Any) -> None:
    urls = []
    for entry in page.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    assert any(u.startswith("file://") for u in urls)
    # chrome:// pages are the browser's own (its new-tab page); nothing else may load
    assert all(u.startswith(("file://", "data:", "chrome://")) for u in urls), urls


def test_every_section_is_visible(page: Any) -> None:
    for name in SECTIONS:
        section = page.find_element(By.ID, name)
        assert section.is_displayed(), name
        assert section.size["height"] > 40, name
    figures = page.find_elements(By.CSS_SELECTOR, "section svg.chart")
    assert len(figures) == 4 and all(f.is_displayed() for f in figures)
    assert all(f.size["width"] > 100 for f in figures)


def test_hostile_text_shows_as_text(page: Any) -> None:
    documents = page.find_element(By.ID, "documents").text
    assert HOSTILE_SCRIPT in documents and HOSTILE_IMG in documents
    assert "<script>alert('title')</script> Dam report" in documents
    claims = page.find_element(By.ID, "claims").text
    assert HOSTILE_IMG in claims
    assert "Hostile <b>Times</b>" in page.find_element(By.ID, "summary").text
    # no element was made from article text: the only scripts are none, the only images none
    assert page.find_elements(By.CSS_SELECTOR, "body script, body img, iframe") == []
    assert HOSTILE_ACTOR in claims
    tips = page.find_elements(By.CSS_SELECTOR, "#map svg title")
    assert any("<b>Hostile Place</b>" in t.get_attribute("textContent") for t in tips)


def test_citation_chains_are_shown(page: Any) -> None:
    text = page.find_element(By.ID, "citations").text
    assert "Sky News" in text and "leaked Islamic State files" in text
    assert "Multiple sources in the city of Suwayda" in text and "Suwayda24" in text


def test_no_alert_fired(page: Any) -> None:
    with pytest.raises(NoAlertPresentException):
        _ = page.switch_to.alert.text
    assert page.execute_script("return window.__fired") == []


def test_evidence_link_jumps_to_the_document(page: Any) -> None:
    link = page.find_element(By.CSS_SELECTOR, "#claims a.quote")
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    assert page.execute_script("return location.hash") == f"#{target}"
    anchor = page.find_element(By.ID, target)
    mark = anchor.find_element(By.XPATH, "following-sibling::mark[1]")
    assert mark.is_displayed() and mark.text.strip()
