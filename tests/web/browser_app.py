"""The web app served on loopback for the browser tests, a Chromium with the script trap of
the report's browser test, and the checks both walks share."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimtrace.web import create_app
from tests.report import browser
from tests.report.test_browser import _TRAP


@contextmanager
def served(db: str) -> Iterator[str]:
    """The app on a free loopback port in a thread; its base address."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(400):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chrome(folder: Path) -> Iterator[Any]:
    """Headless Chromium that records any script the page runs (``window.__fired``)."""
    driver = browser.start(folder)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _TRAP})
    try:
        yield driver
    finally:
        driver.quit()


def clean(driver: Any) -> None:
    """No console error (a CSP violation is one) and no script fired."""
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    assert driver.execute_script("return window.__fired") == []


def anchors(scope: Any, prefix: str) -> list[Any]:
    """The links in ``scope`` whose path starts with ``prefix``."""
    from selenium.webdriver.common.by import By

    def path(anchor: Any) -> str:
        return (anchor.get_attribute("href") or "").split("//", 1)[-1].split("/", 1)[-1]

    return [a for a in scope.find_elements(By.TAG_NAME, "a") if path(a).startswith(prefix)]
