"""Headless Chromium against the live server: the home page, a body page (screenshot for the README),
an evidence link landing on its highlighted span, and a query run from the SPARQL page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.web.pages.fixture import SCRIPT_LABEL

from .conftest import save_screenshot

pytestmark = pytest.mark.browser
BODY = "/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto"


def test_home_page_lists_bodies_per_municipality_and_leads_to_a_body(page: Page, site: str) -> None:
    page.goto(site + "/")
    expect(page).to_have_title("Toimielimet · kgpub")  # the browser asks for Finnish (fi-FI)
    helsinki = page.locator("section.municipality", has=page.get_by_role("link", name="Helsingin kaupunki"))
    expect(helsinki.get_by_role("link", name="kaupunginkanslia", exact=True)).to_be_visible()
    expect(page.get_by_text(SCRIPT_LABEL)).to_be_visible()  # markup in a label is text, not code
    assert page.evaluate("typeof window.__xss") == "undefined"
    expect(page.get_by_role("link", name="Kysy SPARQLilla")).to_be_visible()
    helsinki.get_by_role("link", name="elinkeino-osasto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("elinkeino-osasto")
    assert page.url == site + BODY
    save_screenshot(page, "home-to-body.png")


def test_body_page_reads_well_and_is_saved_for_the_readme(page: Page, site: str) -> None:
    page.goto(site + BODY)
    expect(page.get_by_role("heading", level=1)).to_have_text("elinkeino-osasto")
    crumbs = page.get_by_role("navigation", name="Osa")
    expect(crumbs).to_contain_text("Helsingin kaupunki")
    expect(crumbs).to_contain_text("kaupunginkanslia")
    expect(page.locator("section.posts")).to_contain_text("Marja-Leena Rinkineva")
    expect(page.locator("section.chart li.current")).to_contain_text("elinkeino-osasto")
    mark = page.locator("blockquote.evidence-text mark", has_text="Osastoa johtaa elinkeinojohtaja")
    expect(mark).to_be_visible()
    save_screenshot(page, "body-page.png", committed=True)


def test_an_evidence_link_lands_on_its_highlighted_span(page: Page, site: str) -> None:
    page.goto(site + BODY)
    page.locator("a[href$='#char=1355,1409']").first.click()
    span = page.locator("[id='char=1355,1409']")
    expect(span).to_have_text("Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva.")
    expect(span).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == (
        "char=1355,1409"
    )
    target = span.evaluate("e => getComputedStyle(e).backgroundColor")
    other = page.locator("span.ev:not(:target)").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert target != other  # the span the link points to stands out
    save_screenshot(page, "source-span.png")


QUERY = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?unit ?name WHERE {
  ?unit org:subOrganizationOf <http://127.0.0.1:5000/id/org/helsinki-kaupunginkanslia> ;
        skos:prefLabel ?name .
} ORDER BY ?name"""


def test_query_page_runs_a_query_without_javascript(page_without_js: Page, site: str) -> None:
    page = page_without_js
    page.goto(site + "/sparql")
    page.locator("#plain-form textarea[name=query]").fill(QUERY)
    page.locator("#plain-form select[name=format]").select_option("html")
    page.locator("#plain-form button[type=submit]").click()
    table = page.locator("section.sparql-result table")
    expect(table).to_be_visible()
    expect(table.locator("thead")).to_contain_text("?name")
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table.locator("tbody")).to_contain_text("elinkeino-osasto")
    expect(table.locator("tbody")).to_contain_text("sisäinen tarkastus")
    save_screenshot(page, "sparql-result.png")


def test_query_page_runs_a_query_in_the_editor(page: Page, site: str) -> None:
    page.goto(site + "/sparql")
    if page.evaluate("typeof window.kgpubYasgui") == "undefined":
        # YASGUI is vendored by `make install` (npm); without it the page is the plain form.
        page.locator("#plain-form textarea[name=query]").fill(QUERY)
        page.locator("#plain-form button[type=submit]").click()
        table = page.locator("section.sparql-result table")
    else:
        page.evaluate("q => { window.kgpubYasgui.getTab().setQuery(q); }", QUERY)
        page.locator(".yasqe_queryButton").click()
        table = page.locator(".yasr table")
    expect(table).to_contain_text("elinkeino-osasto")
    expect(table).to_contain_text("sisäinen tarkastus")
    save_screenshot(page, "sparql-editor.png")
