"""The review loop in headless Chromium against a live server on loopback, on a scratch copy of the
project: anonymous visitors reach no review page; a curator signs in, rejects a body, corrects a
body's name, adds a missed body by selecting its words with the mouse; then a real build publishes,
and the public page and the SPARQL endpoint show exactly those changes.

The source text starts with two emoji (outside the BMP: two UTF-16 code units each), so a span
computed in UTF-16 would be off by two from the code-point offsets evidence spans use."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from kgpub import curators
from kgpub.config import Settings
from kgpub.pipeline import build
from kgpub.sources import load_source
from kgpub.web import create_app
from tests.conftest import copy_project
from tests.web.conftest import LiveServer

from .conftest import save_screenshot

BROWSER_LOCALE = "en-GB"  # these tests read the English interface (kgpub.web.i18n)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SOURCE = "kalajoki-hallintopalvelut"
PASSWORD = "a long enough password"
PREFIX = "🏛 Kalajoki 📞\n\n"
SELECTED = "keskusarkistosta"


@pytest.fixture
def scratch(tmp_path: Path) -> Settings:
    settings = copy_project(tmp_path)
    text = settings.data_dir / "sources" / SOURCE / "text.txt"
    text.write_text(PREFIX + text.read_text(encoding="utf-8"), encoding="utf-8")
    curators.add(settings.curators_path, "maija", PASSWORD, min_length=settings.curator_min_password)
    return settings


@pytest.fixture
def review_app(scratch: Settings) -> Iterator[Flask]:
    app = create_app(scratch)
    yield app
    app.extensions["kgpub"]["stores"].close()


@pytest.fixture
def server(review_app: Flask) -> Iterator[str]:
    with LiveServer(review_app) as live:
        yield live.url


def _sparql(page: Page, site: str, query: str) -> list[dict[str, str]]:
    response = page.request.get(
        site + "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status == 200, response.text()
    rows = json.loads(response.text())["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def _labelled(page: Page, site: str, label: str) -> list[dict[str, str]]:
    return _sparql(
        page,
        site,
        f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?body ?parentName WHERE {{
  ?body skos:prefLabel "{label}"@fi .
  OPTIONAL {{ ?body org:subOrganizationOf ?parent . ?parent skos:prefLabel ?parentName }}
}}""",
    )


def test_no_review_page_is_reachable_anonymously(page: Page, server: str, scratch: Settings) -> None:
    for path in ("/review", f"/review/{SOURCE}"):
        page.goto(server + path)
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to review")
        assert "/login?next=" in page.url
    for action in ("decide", "correct", "add", "undo"):
        status = page.evaluate(
            "url => fetch(url, {method: 'POST', body: new URLSearchParams({number: '1', verdict: 'reject'})})"
            ".then(r => r.status)",
            f"{server}/review/{SOURCE}/{action}",
        )
        assert status == 403
    assert not (scratch.data_dir / "curation" / f"review-{SOURCE}.ttl").exists()


def _select_with_the_mouse(page: Page, words: str) -> None:
    """Drag across ``words`` in the source text, as a person would."""
    box = page.evaluate(
        """words => {
          const root = document.getElementById('source-text');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            range.startContainer.parentElement.scrollIntoView({block: 'center'});
            const first = range.getBoundingClientRect();
            range.setStart(node, at + words.length - 1);
            range.setEnd(node, at + words.length);
            const last = range.getBoundingClientRect();
            return {x1: first.left + 1, y1: first.top + first.height / 2,
                    x2: last.right - 1, y2: last.top + last.height / 2};
          }
          return null;
        }""",
        words,
    )
    assert box is not None, f"{words!r} is not in the page's text"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, box["y2"], steps=5)
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def _sign_in(page: Page, server: str) -> None:
    page.goto(f"{server}/review/{SOURCE}")
    page.get_by_label("Name", exact=True).fill("maija")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong name or password.")
    page.get_by_label("Name", exact=True).fill("maija")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review: {SOURCE}")
    expect(page.locator(".review-bar .curator")).to_have_text("maija")


def _reject_correct_add(page: Page, scratch: Settings) -> None:
    # reject a body: the extractor's "hallintopalvelujen taloustoimi"
    fact = page.locator(
        "li.fact", has=page.locator(".summary", has_text="hallintopalvelujen taloustoimi (unit)")
    )
    fact.get_by_role("button", name="Reject").click()
    expect(page.locator(".flashes")).to_contain_text("rejected")
    expect(fact).to_have_class("fact rejected")

    # correct a body's name: "tietohallintopalvelut" is really called "tietohallinto"
    fact = page.locator(
        "li.fact", has=page.locator(".summary", has_text="tietohallintopalvelut (service_area)")
    )
    fact.get_by_label("Name").fill("tietohallinto")
    fact.get_by_role("button", name="Correct").click()
    expect(page.locator("#history")).to_contain_text("tietohallintopalvelut (service_area) → tietohallinto")

    # add a body the extractor missed, its evidence the words selected with the mouse
    _select_with_the_mouse(page, SELECTED)
    text = load_source(scratch.data_dir / "sources" / SOURCE).text
    start = text.index(SELECTED)
    assert text.encode("utf-16-le").index(SELECTED.encode("utf-16-le")) // 2 == start + 2  # the emoji
    expect(page.locator("#add-start")).to_have_value(str(start))
    expect(page.locator("#add-end")).to_have_value(str(start + len(SELECTED)))
    expect(page.locator("#add-quote")).to_have_value(SELECTED)
    page.locator("#add-name").fill("keskusarkisto")
    page.locator("#add-kind").select_option("unit")
    page.locator("#add-parent").select_option("kaupunginkanslia")
    page.get_by_role("button", name="Add body").click()
    history = page.locator("#history")
    expect(history).to_contain_text("keskusarkisto (unit) —part→ kaupunginkanslia")
    expect(history.locator("tbody tr")).to_have_count(3)
    expect(history).to_contain_text("maija")
    save_screenshot(page, "review-page.png")


def _public_site_shows_the_verdicts(page: Page, server: str, scratch: Settings) -> None:
    assert _labelled(page, server, "hallintopalvelujen taloustoimi") == []
    assert _labelled(page, server, "tietohallintopalvelut") == []
    renamed = _labelled(page, server, "tietohallinto")
    assert [r.get("parentName") for r in renamed] == ["hallintopalvelut"]
    added = _labelled(page, server, "keskusarkisto")
    assert [r.get("parentName") for r in added] == ["kaupunginkanslia"]
    evidence = _sparql(
        page,
        server,
        f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX kgp: <{scratch.base_iri}def/>
SELECT ?exact ?rule WHERE {{
  ?claim rdf:subject <{added[0]["body"]}> ; kgp:rule ?rule ; prov:wasDerivedFrom ?ev .
  ?ev oa:hasSelector [ oa:exact ?exact ] .
}}""",
    )
    assert {(e["exact"], e["rule"]) for e in evidence} == {(SELECTED, "review")}
    path = added[0]["body"].removeprefix(scratch.base_iri).replace("id/", "doc/", 1)
    page.goto(f"{server}/{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("keskusarkisto")
    expect(page.locator("blockquote.evidence-text mark", has_text=SELECTED)).to_be_visible()
    page.goto(f"{server}/review/{SOURCE}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to review")


def test_sign_in_reject_correct_add_then_build_publishes_the_result(
    page: Page, server: str, scratch: Settings
) -> None:
    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)

    _sign_in(page, server)
    _reject_correct_add(page, scratch)
    assert csp_errors == []
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to review")
    build(scratch)  # the next build applies the verdicts; a visitor, signed out, sees them
    _public_site_shows_the_verdicts(page, server, scratch)


def test_confirm_works_without_javascript(page_without_js: Page, server: str, scratch: Settings) -> None:
    page = page_without_js
    _sign_in(page, server)
    fact = page.locator("li.fact", has=page.locator(".summary", has_text="kaupunginkanslia (agency)"))
    fact.get_by_role("button", name="Confirm").click()
    expect(page.locator(".flashes")).to_contain_text("confirmed")
    expect(fact).to_have_class("fact confirmed")
    expect(page.locator("#history tbody tr")).to_have_count(1)
    expect(page.locator("#history")).to_contain_text("maija")
