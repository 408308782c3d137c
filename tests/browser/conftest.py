"""Browser fixtures: the pages' fixture build on a live server, and Debian's Chromium driven by
Playwright (``executable_path``; a browser is never downloaded), each test in a fresh profile."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright

from kgpub.config import PROJECT_ROOT
from tests.web.conftest import LiveServer
from tests.web.pages.fixture import publish_fixture

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture build on a live server whose ``public_base`` is its own address."""
    with LiveServer(settings=publish_fixture(tmp_path_factory.mktemp("browser-var"))) as server:
        yield server.url


def _context(playwright: Playwright, *, javascript: bool, locale: str = "fi-FI") -> Iterator[BrowserContext]:
    with tempfile.TemporaryDirectory(prefix="kgpub-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            java_script_enabled=javascript,
            viewport={"width": 1200, "height": 900},
            locale=locale,  # the browser's Accept-Language: the interface language (kgpub.web.i18n)
        )
        context.set_default_timeout(20000)
        try:
            yield context
        finally:
            context.close()


def _locale(request: pytest.FixtureRequest) -> str:
    """A test module reading another interface language sets ``BROWSER_LOCALE`` (default fi-FI)."""
    return str(getattr(request.module, "BROWSER_LOCALE", "fi-FI"))


@pytest.fixture
def page(playwright: Playwright, request: pytest.FixtureRequest) -> Iterator[Page]:
    for context in _context(playwright, javascript=True, locale=_locale(request)):
        yield context.new_page()


@pytest.fixture
def page_without_js(playwright: Playwright, request: pytest.FixtureRequest) -> Iterator[Page]:
    for context in _context(playwright, javascript=False, locale=_locale(request)):
        yield context.new_page()


def save_screenshot(page: Page, name: str, *, committed: bool = False, full_page: bool = True) -> Path:
    """A full-page PNG into test-artifacts/; the committed copy in docs/screenshots/ only on request.

    `make screenshots` sets KGPUB_UPDATE_SCREENSHOTS=1: a plain test run must leave the working tree as it
    found it (a PNG re-rendered with other fonts would otherwise show as a change after every `make test`).
    """
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    if committed and os.environ.get("KGPUB_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / name).write_bytes(path.read_bytes())
    return path
