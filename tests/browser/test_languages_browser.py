"""Headless Chromium in Finnish, Swedish and English on a mixed build (tests/mixed_build.py): the
browser's language picks the interface, the switch changes it and is remembered, ``<html lang>`` and
the kinds of the data follow, and a Swedish town's body shows Swedish names and kinds. The Swedish
page is saved for the README (docs/screenshots/body-page-sv.png)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Playwright, expect

from kgpub.config import Settings
from tests.web.conftest import LiveServer

from .conftest import _context, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
KANSLIA = "/doc/org/helsinki-kaupunginkanslia"
NARPES_BOARD = "/doc/org/narpes-stadsstyrelsen"

#: locale → (<html lang>, the nav link to the bodies, the kanslia's name, its departments' kind)
EXPECTED = {
    "fi-FI": ("fi", "Toimielimet", "kaupunginkanslia", "osasto"),
    "sv-FI": ("sv", "Organ", "stadskansliet", "avdelning"),
    "en-GB": ("en", "Bodies", "City Executive Office", "department"),
}


@pytest.fixture(scope="module")
def mixed_site(mixed_build: Settings) -> Iterator[str]:
    with LiveServer(settings=mixed_build) as server:
        yield server.url


def _page(playwright: Playwright, locale: str) -> Iterator[Page]:
    for context in _context(playwright, javascript=True, locale=locale):
        yield context.new_page()


@pytest.mark.parametrize("locale", list(EXPECTED))
def test_the_browser_language_picks_the_interface_and_the_kinds(
    playwright: Playwright, mixed_site: str, locale: str
) -> None:
    lang, bodies, name, kind = EXPECTED[locale]
    for page in _page(playwright, locale):
        page.goto(mixed_site + KANSLIA)
        assert page.evaluate("document.documentElement.lang") == lang
        expect(page.get_by_role("navigation", name="Site").get_by_role("link", name=bodies)).to_be_visible()
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        expect(page.locator("section.units small.kind").first).to_have_text(kind)
        alternates = page.locator("link[rel=alternate][hreflang]")
        hreflangs = alternates.evaluate_all("ls => ls.map(l => l.hreflang)")
        assert sorted(hreflangs) == ["en", "fi", "sv"]


def test_the_switch_changes_the_language_and_is_remembered(playwright: Playwright, mixed_site: str) -> None:
    for page in _page(playwright, "fi-FI"):
        page.goto(mixed_site + KANSLIA)
        expect(page.get_by_role("heading", level=2, name="Yksiköt")).to_be_visible()
        page.get_by_role("navigation", name="Kieli").get_by_role("link", name="på svenska").click()
        assert page.evaluate("document.documentElement.lang") == "sv"
        expect(page.get_by_role("heading", level=1)).to_have_text("stadskansliet")
        expect(page.get_by_role("heading", level=2, name="Enheter")).to_be_visible()
        page.get_by_role("navigation", name="Site").get_by_role("link", name="Organ").click()  # no ?lang=
        assert page.evaluate("document.documentElement.lang") == "sv"  # the cookie remembers
        expect(page.get_by_role("heading", level=1)).to_have_text("Kommunala organ som länkade data")
        page.get_by_role("navigation", name="Språk").get_by_role("link", name="in English").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Municipal bodies as linked data")


def test_a_swedish_town_s_body_in_swedish_and_saved_for_the_readme(
    playwright: Playwright, mixed_site: str
) -> None:
    for page in _page(playwright, "sv-FI"):
        page.goto(mixed_site + NARPES_BOARD)
        assert page.evaluate("document.documentElement.lang") == "sv"
        expect(page.get_by_role("heading", level=1)).to_have_text("stadsstyrelsen")
        overview = page.locator("section.overview")
        expect(overview.locator("dt")).to_have_text(["Typ", "Del av"])
        expect(overview.locator("dd").first).to_contain_text("styrelse")
        expect(overview.locator("dd").nth(1)).to_have_text("Närpes")
        chart = page.locator("section.chart")
        expect(chart).to_contain_text("Närpes")
        expect(chart).not_to_contain_text("Närpiö")
        expect(chart).not_to_contain_text("/id/org/")  # every body in the chart has a name, no raw IRI
        expect(page.get_by_role("heading", level=2, name="Uppgifter")).to_be_visible()
        save_screenshot(page, "body-page-sv.png", committed=True)
    for page in _page(playwright, "fi-FI"):  # a Finnish reader who chose nothing: still Swedish names
        page.goto(mixed_site + NARPES_BOARD)
        overview = page.locator("section.overview")
        expect(overview.locator("dt").first).to_have_text("Tyyppi")
        expect(overview.locator("dd").first).to_contain_text("styrelse")
