"""Headless Chromium on pages whose data attacks the reader (``tests.web.hostile``): no script from
the data runs, wherever it is shown or clicked, and the Content-Security-Policy is enforced — while
the normal pages, the query editor included, run with no CSP violation at all.

Every payload in the hostile data sets ``window.__pwned`` or opens a dialog; the watcher records
dialogs, console errors, page errors and ``securitypolicyviolation`` events (an init script, which
the browser runs before any of the page's own).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from playwright.sync_api import ConsoleMessage, Dialog, Page, expect

from tests.web.conftest import LiveServer
from tests.web.hostile import BODY, JS, JS_BODY, JS_LICENCE, SAFE_LINK, SCRIPT_TEXT, SOURCE, publish_hostile

pytestmark = pytest.mark.browser

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.effectiveDirective + " " + e.blockedURI);
});
"""
BODY_PAGE = "/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto"
SELECT_SEE_ALSO = "SELECT ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?o } ORDER BY ?o"


@dataclass
class Watcher:
    page: Page
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.add_init_script(WATCH)
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def violations(self) -> list[str]:
        found: list[str] = self.page.evaluate("window.__violations || []")
        return found

    def pwned(self) -> str:
        kind: str = self.page.evaluate("typeof window.__pwned")
        return kind

    def hrefs(self) -> list[str]:
        found: list[str] = self.page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
        return found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with LiveServer(settings=publish_hostile(tmp_path_factory.mktemp("hostile-browser"))) as server:
        yield server.url


@pytest.fixture
def watched(page: Page) -> Watcher:
    return Watcher(page)


def _no_link_but_http(w: Watcher) -> None:
    hrefs = w.hrefs()
    assert hrefs, "the page has links"
    assert [h for h in hrefs if not h.startswith(("http://", "https://"))] == []


def test_no_script_from_the_data_runs_on_the_body_page(watched: Watcher, hostile_site: str) -> None:
    page = watched.page
    response = page.goto(hostile_site + BODY)
    assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", level=1)).to_have_text("elinkeino-osasto")
    expect(page.get_by_text(SCRIPT_TEXT).first).to_be_visible()  # markup is shown as text
    _no_link_but_http(watched)
    assert SAFE_LINK in watched.hrefs()
    for hostile in page.get_by_text(JS, exact=True).all():  # shown, and clicking it does nothing
        hostile.click()
    assert page.url == hostile_site + BODY
    assert watched.pwned() == "undefined"
    assert watched.dialogs == [] and watched.page_errors == []


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/doc/org/helsinki-kaupunginkanslia",
        SOURCE,
        "/dataset",
        "/sparql?format=html&query=" + quote(SELECT_SEE_ALSO),
    ],
)
def test_no_script_from_the_data_runs_on_other_pages(watched: Watcher, hostile_site: str, path: str) -> None:
    page = watched.page
    page.goto(hostile_site + path)
    _no_link_but_http(watched)
    for text in (JS, JS_BODY, JS_LICENCE, "hostile unit"):
        for element in page.get_by_text(text, exact=True).all():
            element.click()
    assert page.url == hostile_site + path
    assert watched.pwned() == "undefined"
    assert watched.dialogs == [] and watched.page_errors == []
    assert watched.violations() == []  # nothing even tried to run


def test_the_policy_is_enforced_on_an_injected_inline_script(watched: Watcher, site: str) -> None:
    """Were markup ever to slip into a page, the browser would still refuse to run it."""
    page = watched.page
    page.goto(site + "/")
    with pytest.raises(Exception, match=r"Content Security Policy|CSP"):
        page.add_script_tag(content="window.__pwned = 'inline';")
    assert watched.pwned() == "undefined"
    page.wait_for_function("() => window.__violations.length > 0", timeout=10000)
    assert any(v.startswith("script-src") for v in watched.violations())
    # and a javascript: link, had one been written, is refused when clicked
    page.evaluate(
        """() => { const a = document.createElement("a"); a.id = "planted";
                   a.href = "javascript:window.__pwned='link'"; a.textContent = "planted";
                   document.querySelector("main").append(a); }"""
    )
    before = len(watched.violations())
    page.locator("#planted").click()
    expect(page.locator("#planted")).to_be_visible()
    # the violation event is queued as a task: wait for it rather than read it at once (under load the
    # read raced the event); wait_for_function fails after its timeout if it never comes
    page.wait_for_function("n => window.__violations.length > n", arg=before, timeout=10000)
    assert watched.pwned() == "undefined" and watched.dialogs == []


def test_the_editor_shows_hostile_results_without_running_them(watched: Watcher, hostile_site: str) -> None:
    page = watched.page
    page.goto(hostile_site + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.evaluate("q => { window.kgpubYasgui.getTab().setQuery(q); }", SELECT_SEE_ALSO)
    page.locator(".yasqe_queryButton").click()
    results = page.locator(".yasr")
    expect(results).to_contain_text(SAFE_LINK)
    expect(results).to_contain_text(JS)
    # YASR links only what it recognises as web addresses: the javascript: IRI is text there too
    assert (
        results.locator("a[href^='javascript:' i], a[href^='data:' i], a[href^='vbscript:' i]").count() == 0
    )
    assert results.locator(f"a[href='{SAFE_LINK}']").count() >= 1
    for element in results.get_by_text(JS, exact=True).all():
        element.click()
    assert watched.pwned() == "undefined"
    assert watched.dialogs == [] and watched.page_errors == []
    assert watched.violations() == []


def test_normal_pages_run_with_no_policy_violation(watched: Watcher, site: str) -> None:
    page = watched.page
    for path in (
        "/",
        "/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto",
        "/source/helsinki-kaupunginkanslia",
        "/dataset",
    ):
        response = page.goto(site + path)
        assert response is not None and response.ok, path
        assert response.headers["x-content-type-options"] == "nosniff"
        expect(page.locator("h1")).to_be_visible()
    page.goto(site + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.locator("#example-heads button.load-example").click()
    page.locator(".yasqe_queryButton").click()
    expect(page.locator(".yasr")).to_contain_text("Marja-Leena Rinkineva", timeout=20000)
    grip = page.locator(".grip-handle .grip-resizable").first  # resize a column: a drag adds a style
    expect(grip).to_be_attached()
    box = grip.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 40, box["y"] + box["height"] / 2)
    styles = page.evaluate("Array.from(document.querySelectorAll('style')).map(s => s.textContent)")
    page.mouse.up()
    assert "*{cursor:col-resize!important}" in styles
    assert watched.violations() == []
    assert watched.console_errors == [] and watched.page_errors == []
