"""Headless Chromium through selenium, with nothing downloaded: the Debian chromium and
chromedriver are used directly, so selenium-manager never runs."""

from __future__ import annotations

import shutil
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1300,1000",
)  # fmt: skip


def missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not binary.exists() and not shutil.which(binary.name):
            return f"{binary} not installed (Debian packages chromium and chromium-driver)"
    return None


def start(profile: Path):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = CHROMEDRIVER if CHROMEDRIVER.exists() else shutil.which("chromedriver")
    return webdriver.Chrome(options=options, service=Service(executable_path=str(driver_path)))
