"""Headless Chromium: typing in the search box shows suggestions (static/search.js, under the site's
strict CSP), picking one opens the body's page; without JavaScript the box submits to the results page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.search_fixture import SEARCH_TRIG
from tests.web.conftest import LiveServer, make_published

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with LiveServer(
        settings=make_published(tmp_path_factory.mktemp("search-browser"), SEARCH_TRIG)
    ) as server:
        yield server.url


def test_typing_shows_suggestions_and_picking_one_opens_its_page(page: Page, search_site: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(search_site + "/dataset")
    box = page.locator("#site-search-q")
    box.press_sequentially("jarvenp", delay=30)
    options = page.get_by_role("option")
    expect(options.first).to_contain_text("Järvenpään kaupunki")
    expect(options.first).to_contain_text("kunta")
    expect(box).to_have_attribute("aria-expanded", "true")
    save_screenshot(page, "search-suggestions.png", committed=True, full_page=False)  # the README's
    page.get_by_role("option", name="Järvenpää-talon palvelut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Järvenpää-talon palvelut")
    assert page.url == search_site + "/doc/org/jarvenpaa-jarvenpaa-talo"
    assert not errors, errors  # no CSP violation, no script error


def test_keyboard_picks_a_suggestion(page: Page, search_site: str) -> None:
    page.goto(search_site + "/")
    box = page.locator("#site-search-q")
    box.press_sequentially("osterl", delay=30)
    expect(page.get_by_role("option").first).to_contain_text("Åke Österlund")
    box.press("ArrowDown")
    expect(page.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Åke Österlund")


def test_without_javascript_the_box_leads_to_the_results_page(
    page_without_js: Page, search_site: str
) -> None:
    page = page_without_js
    page.goto(search_site + "/")
    page.locator("#site-search-q").fill("traskanda")
    page.locator("form.site-search button").click()
    assert page.url == search_site + "/search?q=traskanda"
    result = page.locator("ol.results li").first
    expect(result).to_contain_text("Järvenpään kaupunki")
    expect(result).to_contain_text("Träskända")
    result.get_by_role("link", name="Järvenpään kaupunki").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Järvenpään kaupunki")
