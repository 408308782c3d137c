"""Safe pages: data never becomes a link a browser would run, every response carries the security
headers, and no absolute URL is taken from the request's ``Host``.

The data is the hostile build of :mod:`tests.web.hostile` (``javascript:``, ``data:``, ``vbscript:``
IRIs and markup literals on a body, as a body's own IRI, as a source's licence).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from http.client import HTTPConnection
from urllib.parse import quote, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgpub.config import Settings
from kgpub.errors import InputError
from kgpub.web import assets, create_app
from kgpub.web.security import YASGUI_STYLE_HASHES, web_link
from tests.web.conftest import BASE, LiveServer

from .hostile import (
    BODY,
    DATA,
    HOSTILE_IRIS,
    JS,
    JS_BODY,
    JS_LICENCE,
    SAFE_LINK,
    SCRIPT_TEXT,
    SOURCE,
    VBSCRIPT,
    publish_hostile,
)

HTML = {"Accept": "text/html"}
FORGED = "attacker.example"


@pytest.fixture(scope="module")
def hostile_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return publish_hostile(tmp_path_factory.mktemp("hostile-var"))


@pytest.fixture(scope="module")
def hostile_app(hostile_settings: Settings) -> Iterator[Flask]:
    app = create_app(hostile_settings)
    yield app
    app.extensions["kgpub"]["stores"].close()


@pytest.fixture
def hostile(hostile_app: Flask) -> FlaskClient:
    return hostile_app.test_client()


class Markup(HTMLParser):
    """Every URL-bearing attribute, inline script/style, event handler and the text of a page."""

    URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "poster", "srcset"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        self.inline_scripts = 0
        self.styles = 0  # <style> elements and style="" attributes
        self.handlers: list[str] = []  # on*="" attributes
        self._in_script = False
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name, value in attrs:
            if name in self.URL_ATTRS and value is not None:
                self.urls.append((tag, value))
            if name.startswith("on"):
                self.handlers.append(name)
            if name == "style":
                self.styles += 1
        if tag == "style":
            self.styles += 1
        if tag == "script" and not a.get("src") and a.get("type") != "application/json":
            self.inline_scripts += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def html_of(client: FlaskClient, path: str, **headers: str) -> Markup:
    r = client.get(path, headers={**HTML, **headers})
    assert r.status_code == 200, (path, r.status_code, r.data[:300])
    assert r.mimetype == "text/html"
    return Markup(r.data.decode("utf-8"))


SELECT_SEE_ALSO = "SELECT ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?o } ORDER BY ?o"
HOSTILE_PAGES = [
    "/",
    BODY,
    "/doc/org/helsinki-kaupunginkanslia",  # the hostile unit is in its chart
    SOURCE,
    "/dataset",
    "/sparql?format=html&query=" + quote(SELECT_SEE_ALSO),
]


# -- the link rule --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iri", "linked"),
    [
        ("http://example.org/a", True),
        ("https://example.org/a?b=c#d", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("urn:isbn:951-0-12345-6", False),
        ("mailto:kirjaamo@hel.fi", False),
        ("tel:+358295660120", False),
        ("ftp://example.org/file", False),
        ("http:/no-host", False),
        ("https://", False),
        ("//example.org/relative", False),
        ("/doc/org/x", False),
        ("doc/org/x", False),
        ("http://[::1", False),
        ("http://example.org/with space", False),
    ],
)
def test_only_absolute_http_iris_are_web_links(iri: str, linked: bool) -> None:
    assert (web_link(iri) == iri) is linked
    if not linked:
        assert web_link(iri) is None


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_no_page_links_to_anything_but_http(hostile: FlaskClient, path: str) -> None:
    page = html_of(hostile, path)
    for tag, url in page.urls:
        scheme = urlsplit(url.strip()).scheme.lower()
        assert scheme in ("http", "https", ""), (tag, url)
        assert not url.startswith("//"), (tag, url)
        assert "script:" not in url.lower() and not url.lower().startswith("data:text"), (tag, url)
    assert page.inline_scripts == 0 and page.handlers == [] and page.styles == 0


def test_hostile_iris_are_shown_as_text_on_the_body_page(hostile: FlaskClient) -> None:
    page = html_of(hostile, BODY)
    hrefs = [url for tag, url in page.urls if tag == "a"]
    for iri in (JS, DATA, VBSCRIPT):
        assert iri in page.all_text  # the reader still sees what the data says
        assert iri not in hrefs
    assert SAFE_LINK in hrefs  # an http(s) IRI outside the base stays a link
    assert SCRIPT_TEXT in page.all_text  # the markup literal is text (escaped), not elements


def test_a_body_whose_iri_is_javascript_is_text_in_trees_and_charts(hostile: FlaskClient) -> None:
    for path in ("/", "/doc/org/helsinki-kaupunginkanslia"):
        page = html_of(hostile, path)
        assert "hostile unit" in page.all_text, path
        assert JS_BODY not in [url for _tag, url in page.urls], path


def test_source_page_and_dataset_page_show_hostile_iris_as_text(hostile: FlaskClient) -> None:
    source = html_of(hostile, SOURCE)
    assert JS in source.all_text and JS_LICENCE in source.all_text
    assert SCRIPT_TEXT in source.all_text  # the source text itself, in <pre>
    dataset = html_of(hostile, "/dataset")
    assert JS_LICENCE in dataset.all_text
    assert JS_LICENCE not in [url for _tag, url in dataset.urls]


def test_sparql_results_link_only_http_iris(hostile: FlaskClient) -> None:
    page = html_of(hostile, HOSTILE_PAGES[-1])
    hrefs = [url for tag, url in page.urls if tag == "a"]
    for iri in (JS, DATA, VBSCRIPT):
        assert iri in page.all_text
        assert iri not in hrefs
    assert SAFE_LINK in hrefs
    assert len(set(HOSTILE_IRIS) & set(page.all_text.split())) >= 3


# -- headers --------------------------------------------------------------------------------------------

EVERY_KIND = [
    ("GET", "/", HTML, 200),
    ("GET", BODY, HTML, 200),
    ("GET", BODY, {"Accept": "text/turtle"}, 200),
    ("GET", "/id/org/helsinki-elinkeino-osasto", {}, 303),
    ("GET", SOURCE, {"Accept": "text/plain"}, 200),
    ("GET", "/sparql", HTML, 200),
    ("GET", "/sparql?query=" + quote("ASK {}"), {"Accept": "application/sparql-results+json"}, 200),
    ("GET", "/sparql?query=" + quote("SELECT * WHERE { ?s ?p }"), {}, 400),
    ("GET", "/static/kgpub.css", {}, 200),
    ("GET", "/static/sparql-page.js", {}, 200),
    ("GET", "/doc/org/nothing-here", HTML, 404),
    ("GET", "/id/org/%C3%28", {}, 400),
    ("OPTIONS", "/sparql", {"Origin": "https://x.example", "Access-Control-Request-Method": "POST"}, 200),
]


@pytest.mark.parametrize(("method", "path", "headers", "status"), EVERY_KIND)
def test_security_headers_on_every_response(
    hostile: FlaskClient, method: str, path: str, headers: dict[str, str], status: int
) -> None:
    with hostile.open(path, method=method, headers=headers) as r:
        assert r.status_code == status
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = r.headers["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"][0] == "'self'"
    assert all(v.startswith("'sha256-") for v in directives["style-src"][1:])  # hashed, never inline
    assert directives["img-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in r.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in r.headers["Content-Security-Policy"]


def test_query_page_script_is_a_static_file_not_inline(hostile: FlaskClient) -> None:
    r = hostile.get("/sparql", headers=HTML)
    page = Markup(r.data.decode("utf-8"))
    assert page.inline_scripts == 0 and page.handlers == [] and page.styles == 0
    scripts = [url for tag, url in page.urls if tag == "script"]
    if scripts:  # YASGUI vendored (make install): the editor's setup is a file of this site
        assert "/static/sparql-page.js" in scripts
        assert all(url.startswith("/static/") for url in scripts)


def test_the_hashed_style_is_the_one_the_vendored_editor_inserts() -> None:
    """The CSP allows YASGUI's column-resizer ``<style>`` by hash: that hash must be of the rules in
    the vendored file (an upgrade that changes them must change the hash too)."""
    if not assets.available():
        pytest.fail("YASGUI is not vendored: run `make install` (npm ci + python -m kgpub.web.assets)")
    js = (assets.VENDOR_DIR / "yasgui" / "yasgui.min.js").read_text(encoding="utf-8")
    rules = re.findall(r"createStyle\(\w+,`([^`]*)`\)", js)
    assert len(rules) == 1
    digests = {base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() for text in rules}
    digests.add(base64.b64encode(hashlib.sha256(b"*{cursor:col-resize!important}").digest()).decode())
    assert "createStyle(document.querySelector(`head`),`*{cursor:`+" in js  # built from dragCursor
    assert re.search(r"dragCursor:`col-resize`", js)
    assert {f"'sha256-{d}'" for d in digests} == set(YASGUI_STYLE_HASHES)


# -- the Host header ------------------------------------------------------------------------------------


def _absolute_urls(r: object) -> str:
    """Every header value and the body, as one string to search."""
    from werkzeug.test import TestResponse

    assert isinstance(r, TestResponse)
    return "\n".join(f"{k}: {v}" for k, v in r.headers.items()) + "\n" + r.get_data(as_text=True)


FORGING = [
    {"Host": FORGED},
    {"Host": FORGED, "X-Forwarded-Host": FORGED, "X-Forwarded-Proto": "https", "Forwarded": f"host={FORGED}"},
]
HOST_PATHS = [
    ("/id/org/helsinki-elinkeino-osasto", {}, 303),
    ("/id/org/helsinki-kaupunginkanslia-sis%C3%A4inen-tarkastus", {}, 301),
    (BODY, HTML, 200),
    (BODY, {"Accept": "application/ld+json"}, 200),
    ("/", HTML, 200),
    ("/dataset", {"Accept": "text/turtle"}, 200),
    ("/dataset", HTML, 200),
    ("/sitemap.xml", {}, 200),
    ("/robots.txt", {}, 200),
    ("/sparql", {"Accept": "text/turtle"}, 200),
]


@pytest.mark.parametrize("forging", FORGING)
@pytest.mark.parametrize(("path", "headers", "status"), HOST_PATHS)
def test_a_forged_host_never_reaches_a_url(
    hostile: FlaskClient, forging: dict[str, str], path: str, headers: dict[str, str], status: int
) -> None:
    r = hostile.get(path, headers={**headers, **forging})
    assert r.status_code == status
    out = _absolute_urls(r)
    assert FORGED not in out
    assert BASE in out  # no public_base: absolute URLs are under the base IRI


def test_a_forged_host_on_the_303_gives_the_base_iris_document(hostile: FlaskClient) -> None:
    r = hostile.get("/id/org/helsinki-elinkeino-osasto", headers={"Host": FORGED})
    assert r.headers["Location"] == BASE + "doc/org/helsinki-elinkeino-osasto"


def test_with_a_public_base_every_absolute_url_uses_it(hostile_settings: Settings) -> None:
    app = create_app(hostile_settings.with_(public_base="https://data.example.org/kg/"))
    try:
        client = app.test_client()
        r = client.get("/id/org/helsinki-elinkeino-osasto", headers={"Host": FORGED})
        assert r.headers["Location"] == "https://data.example.org/kg/doc/org/helsinki-elinkeino-osasto"
        for path, headers, _status in HOST_PATHS:
            out = _absolute_urls(client.get(path, headers={**headers, "Host": FORGED}))
            assert FORGED not in out, path
    finally:
        app.extensions["kgpub"]["stores"].close()


def test_a_forged_host_over_real_http(hostile_settings: Settings) -> None:
    """A raw request on a socket, its Host header written by hand, to a live server."""
    with LiveServer(settings=hostile_settings) as server:
        port = server.server.server_port
        conn = HTTPConnection("127.0.0.1", port, timeout=30)
        conn.putrequest("GET", "/id/org/helsinki-elinkeino-osasto", skip_host=True)
        conn.putheader("Host", FORGED)
        conn.endheaders()
        response = conn.getresponse()
        response.read()
        conn.close()
    assert response.status == 303
    assert response.getheader("Location") == f"{server.url}/doc/org/helsinki-elinkeino-osasto"
    assert response.getheader("Content-Security-Policy")


@pytest.mark.parametrize("bad", ["javascript:alert(1)//", "ftp://example.org/", "/relative/", "example.org"])
def test_public_base_must_be_an_http_url(bad: str) -> None:
    with pytest.raises(InputError, match="public base"):
        Settings(public_base=bad)
