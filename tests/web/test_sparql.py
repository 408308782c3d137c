"""The SPARQL endpoint as its users meet it: SPARQLWrapper and plain HTTP against a live server.

Results are parsed back (rdflib's result parsers, rdflib graphs) and compared as data, not as text.
"""

from __future__ import annotations

import io
import json
import re
import socket
import urllib.parse
from email.message import Message
from http.client import HTTPConnection
from typing import TYPE_CHECKING, Any

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, ORG, RDF
from rdflib.query import Result
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML
from SPARQLWrapper import SPARQLWrapper as Client
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgpub.config import PROJECT_ROOT
from kgpub.namespaces import SD
from kgpub.queries import load_queries

from .conftest import BASE, LiveServer

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

ID = BASE + "id/"
HEADS = """PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?person ?name ?body WHERE { ?person org:headOf ?body ; foaf:name ?name }"""
EXPECTED_HEAD = {
    "person": URIRef(ID + "person/marja-leena-rinkineva"),
    "name": Literal("Marja-Leena Rinkineva"),
    "body": URIRef(ID + "org/helsinki-elinkeino-osasto"),
}
UNIT = f"<{ID}org/helsinki-elinkeino-osasto>"
CONSTRUCT_UNIT = f"CONSTRUCT {{ {UNIT} ?p ?o }} WHERE {{ {UNIT} ?p ?o }}"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def client_for(server: LiveServer, query: str, fmt: str = JSON, method: str = GET) -> Client:
    sparql = Client(server.url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method == GET:
        sparql.setMethod(GET)
    else:
        sparql.setMethod(POST)
        sparql.setRequestMethod(method)
    return sparql


def http(
    server: LiveServer,
    path: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, Message, bytes]:
    """A plain HTTP request (http.client adds no headers of its own, e.g. no Content-Type)."""
    conn = HTTPConnection("127.0.0.1", server.server.server_port, timeout=30)
    try:
        conn.request(method or ("GET" if data is None else "POST"), path, body=data, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def q(query: str, **params: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query, **params})


# -- SPARQLWrapper: every query form, method and result format ----------------------------------------


@pytest.mark.parametrize("method", [GET, URLENCODED, POSTDIRECTLY])
def test_select_json_by_every_protocol_method(live_server: LiveServer, method: str) -> None:
    data = client_for(live_server, HEADS, JSON, method).queryAndConvert()
    result = Result.parse(io.BytesIO(json.dumps(data).encode()), format="json")
    assert [{str(k): v for k, v in row.items()} for row in result.bindings] == [EXPECTED_HEAD]


@pytest.mark.parametrize(("fmt", "parser"), [(XML, "xml"), (CSV, "csv"), (TSV, "tsv")])
def test_select_in_xml_csv_tsv(live_server: LiveServer, fmt: str, parser: str) -> None:
    response = client_for(live_server, HEADS, fmt).query().response.read()
    parsed = Result.parse(io.BytesIO(response), format=parser)
    rows = [{str(k): v for k, v in row.items()} for row in parsed.bindings]
    if parser == "csv":  # CSV has no term types: compare the values
        assert [{k: str(v) for k, v in row.items()} for row in rows] == [
            {k: str(v) for k, v in EXPECTED_HEAD.items()}
        ]
    else:
        assert rows == [EXPECTED_HEAD]


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask(live_server: LiveServer, fmt: str) -> None:
    yes = client_for(live_server, f"ASK {{ {UNIT} a <http://www.w3.org/ns/org#OrganizationalUnit> }}", fmt)
    no = client_for(live_server, f"ASK {{ {UNIT} a <http://xmlns.com/foaf/0.1/Person> }}", fmt)
    for sparql, expected in ((yes, True), (no, False)):
        body = sparql.query().response.read()
        assert Result.parse(io.BytesIO(body), format="json" if fmt == JSON else "xml").askAnswer is expected


def reference_graph(live_server: LiveServer) -> Graph:
    """The CONSTRUCT result read from N-Triples: the simplest format, the reference for the others."""
    sparql = client_for(live_server, CONSTRUCT_UNIT, N3)
    sparql.setOnlyConneg(True)
    sparql.addCustomHttpHeader("Accept", "application/n-triples")
    response = sparql.query().response
    assert response.headers["Content-Type"].startswith("application/n-triples")
    return Graph().parse(data=response.read(), format="nt")


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "media_type"),
    [
        (TURTLE, "turtle", "text/turtle"),
        (N3, "turtle", "text/turtle"),
        (JSONLD, "json-ld", "application/ld+json"),
        (RDFXML, "xml", "application/rdf+xml"),
        (XML, "xml", "application/rdf+xml"),
    ],
)
def test_construct_in_every_graph_format(
    live_server: LiveServer, fmt: str, rdflib_format: str, media_type: str
) -> None:
    reference = reference_graph(live_server)
    assert (URIRef(ID + "org/helsinki-elinkeino-osasto"), ORG.subOrganizationOf, None) in reference
    assert len(reference) == 8
    response = client_for(live_server, CONSTRUCT_UNIT, fmt).query().response
    assert response.headers["Content-Type"].startswith(media_type)
    assert isomorphic(Graph().parse(data=response.read(), format=rdflib_format), reference)


def test_describe(live_server: LiveServer) -> None:
    sparql = client_for(live_server, f"DESCRIBE <{ID}person/marja-leena-rinkineva>", TURTLE)
    body = sparql.query().response.read()
    graph = Graph().parse(data=body, format="turtle")
    person = URIRef(ID + "person/marja-leena-rinkineva")
    assert (person, RDF.type, FOAF.Person) in graph
    assert set(graph.objects(person, ORG.headOf)) == {URIRef(ID + "org/helsinki-elinkeino-osasto")}


def test_protocol_dataset_parameters(live_server: LiveServer) -> None:
    ask = "ASK { ?s <http://www.w3.org/ns/org#hasSubOrganization> ?o }"
    sparql = client_for(live_server, ask)
    sparql.addDefaultGraph(BASE + "graph/inferred")
    assert sparql.queryAndConvert()["boolean"] is True
    sparql = client_for(live_server, ask, JSON, POSTDIRECTLY)
    sparql.addDefaultGraph(BASE + "graph/curation")
    assert sparql.queryAndConvert()["boolean"] is False
    sparql = client_for(live_server, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", JSON, URLENCODED)
    sparql.addNamedGraph(BASE + "graph/curation")
    rows = sparql.queryAndConvert()["results"]["bindings"]
    assert rows == [{"g": {"type": "uri", "value": BASE + "graph/curation"}}]


@pytest.mark.parametrize("named", load_queries(PROJECT_ROOT / "queries"), ids=lambda n: n.name)
def test_every_named_query_runs_and_finds_the_seed_facts(live_server: LiveServer, named: Any) -> None:
    rows = client_for(live_server, named.text).queryAndConvert()["results"]["bindings"]
    assert rows, f"{named.name} found nothing in the Helsinki snippet"


def test_malformed_query_is_400_with_the_parser_message(live_server: LiveServer) -> None:
    with pytest.raises(QueryBadFormed, match=r"error at 1:\d+"):
        client_for(live_server, "SELECT * WHERE { ?s ?p }").query()


# -- plain HTTP: status codes, headers, limits -------------------------------------------------------


def test_result_format_by_accept_and_by_parameter(live_server: LiveServer) -> None:
    status, headers, _ = http(live_server, q(HEADS), headers={"Accept": "text/csv"})
    assert (status, headers.get_content_type()) == (200, "text/csv")
    status, headers, _ = http(live_server, q(HEADS, format="tsv"), headers={"Accept": "text/csv"})
    assert (status, headers.get_content_type()) == (200, "text/tab-separated-values")
    status, headers, _ = http(live_server, q(HEADS, output="xml"))
    assert (status, headers.get_content_type()) == (200, "application/sparql-results+xml")
    status, headers, _ = http(live_server, q(HEADS))  # no Accept: JSON
    assert (status, headers.get_content_type()) == (200, "application/sparql-results+json")
    assert "Accept" in headers["Vary"]


@pytest.mark.parametrize(
    ("query", "accept"),
    [(HEADS, "text/turtle"), (HEADS, "image/png"), (CONSTRUCT_UNIT, "text/csv"), ("ASK {}", "text/csv")],
)
def test_unavailable_result_format_is_406(live_server: LiveServer, query: str, accept: str) -> None:
    status, _, body = http(live_server, q(query), headers={"Accept": accept})
    assert status == 406
    assert b"available" in body


@pytest.mark.parametrize(
    ("path", "data", "content_type"),
    [
        ("/sparql?update=CLEAR%20ALL", None, None),
        ("/sparql", b"update=CLEAR%20ALL", "application/x-www-form-urlencoded"),
        ("/sparql", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    ],
)
def test_updates_are_refused(
    live_server: LiveServer, path: str, data: bytes | None, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, body = http(live_server, path, data=data, headers=headers)
    assert status == 403
    assert b"read-only" in body
    assert http(live_server, q("ASK { <urn:a> ?p ?o }"))[2] == b'{"head": {}, "boolean": false}'


def test_update_sent_as_a_query_is_400(live_server: LiveServer) -> None:
    status, _, body = http(live_server, q("DELETE WHERE { ?s ?p ?o }"))
    assert status == 400
    assert b"read-only" in body


def test_service_is_refused_and_never_called(live_server: LiveServer) -> None:
    with socket.create_server(("127.0.0.1", 0)) as tripwire:
        tripwire.settimeout(0.5)
        port = tripwire.getsockname()[1]
        query = f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"
        status, _, body = http(live_server, q(query))
        assert status == 400
        assert b"SERVICE is not supported" in body
        with pytest.raises(TimeoutError):
            tripwire.accept()


def test_too_large_queries_are_413(live_server: LiveServer) -> None:
    big = "ASK {}" + " " * 5000
    assert http(live_server, q(big))[0] == 413
    headers = {"Content-Type": "application/sparql-query"}
    assert http(live_server, "/sparql", data=big.encode(), headers=headers)[0] == 413
    form = urllib.parse.urlencode({"query": big}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    assert http(live_server, "/sparql", data=form, headers=headers)[0] == 413


def test_slow_query_is_503_with_retry_after_and_the_server_keeps_answering(live_server: LiveServer) -> None:
    status, headers, body = http(live_server, q(SLOW))
    assert status == 503
    assert headers["Retry-After"].isdigit()
    assert b"longer than 3 s" in body
    assert http(live_server, q("ASK {}"))[0] == 200


def test_too_many_rows_is_503_never_a_silent_truncation(live_server: LiveServer) -> None:
    status, headers, body = http(live_server, q("SELECT * { ?s ?p ?o }"))
    assert status == 503
    assert "Retry-After" in headers
    assert b"more than 50 rows" in body and b"LIMIT" in body
    status, _, body = http(live_server, q("SELECT * { ?s ?p ?o } LIMIT 50"))
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 50


@pytest.mark.parametrize(
    ("data", "headers", "status"),
    [
        (b"query=ASK%20%7B%7D", {}, 415),  # form body without its media type
        (b"ASK {}", {"Content-Type": "text/plain"}, 415),
        ("ASK {}".encode("utf-16"), {"Content-Type": "application/sparql-query; charset=UTF-16"}, 415),
        (b"ASK { \xff }", {"Content-Type": "application/sparql-query"}, 400),
        (b"query=%ff", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
        (b"query=ASK%7B%7D&query=ASK%7B%7D", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
        (b"format=json", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
        (b"", {"Content-Type": "application/sparql-query"}, 400),
        (b"\x00\x01\x02", {"Content-Type": "application/sparql-query"}, 400),
    ],
)
def test_bad_requests_are_4xx_never_500(
    live_server: LiveServer, data: bytes, headers: dict[str, str], status: int
) -> None:
    assert http(live_server, "/sparql", data=data, headers=headers)[0] == status


def test_cors_simple_and_preflight(live_server: LiveServer) -> None:
    _, headers, _ = http(live_server, q("ASK {}"), headers={"Origin": "https://example.org"})
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in headers
    status, headers, _ = http(
        live_server,
        "/sparql",
        method="OPTIONS",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert status in (200, 204)
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
    _, headers, _ = http(live_server, q("SELECT"), headers={"Origin": "https://example.org"})
    assert headers["Access-Control-Allow-Origin"] == "*"  # errors are readable cross-origin too


# -- without a query: service description for machines, the query page for people ---------------------


@pytest.mark.parametrize(
    ("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/rdf+xml", "xml")]
)
def test_service_description(live_server: LiveServer, accept: str, rdflib_format: str) -> None:
    status, headers, body = http(live_server, "/sparql", headers={"Accept": accept})
    assert (status, headers.get_content_type()) == (200, accept)
    graph = Graph().parse(data=body, format=rdflib_format)
    endpoint = URIRef(live_server.url + "/sparql")
    assert (endpoint, RDF.type, SD.Service) in graph
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert len(set(graph.objects(endpoint, SD.resultFormat))) == 8
    names = set(graph.objects(None, SD.name))
    assert URIRef(BASE + "graph/source/helsinki-kaupunginkanslia") in names
    assert (endpoint, SD.feature, SD.UnionDefaultGraph) in graph


def test_service_description_is_the_default_for_machines(live_server: LiveServer) -> None:
    status, headers, _ = http(live_server, "/sparql", headers={"Accept": "*/*"})
    assert (status, headers.get_content_type()) == (200, "text/turtle")


def test_query_page_for_browsers(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": BROWSER})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<form method="get" action="/sparql">' in page and 'name="query"' in page
    for named in load_queries(PROJECT_ROOT / "queries"):
        assert named.title in page
    # Every script, stylesheet, image or frame comes from this server (no CDN).
    page = re.sub(r'<link rel="alternate" hreflang="[^"]*" href="[^"]*">', "", page)  # links, not assets
    assets = re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]*)"|<link[^>]*\shref="([^"]*)"', page)
    assert assets
    assert all(not url.startswith(("http:", "https:", "//")) for pair in assets for url in pair)


def test_query_page_assets_are_served_locally_when_vendored(client: FlaskClient) -> None:
    from kgpub.web import assets

    page = client.get("/sparql", headers={"Accept": BROWSER}).get_data(as_text=True)
    if not assets.available():
        pytest.fail("YASGUI is not vendored: run `make install` (npm ci + python -m kgpub.web.assets)")
    assert "/static/vendor/yasgui/yasgui.min.js" in page
    with client.get("/static/vendor/yasgui/yasgui.min.js") as script:
        assert script.status_code == 200 and len(script.data) > 100_000


def test_html_form_results_without_javascript(client: FlaskClient) -> None:
    response = client.get(q(HEADS), headers={"Accept": BROWSER})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<td>Marja-Leena Rinkineva</td>" in page
    assert f'<a href="{ID}org/helsinki-elinkeino-osasto">' in page


def test_html_form_keeps_the_query_when_it_is_wrong(client: FlaskClient) -> None:
    response = client.get(q("SELECT * WHERE { ?s ?p }", format="html"))
    assert response.status_code == 400 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "SELECT * WHERE { ?s ?p }" in page and "error at 1:" in page


# -- the editor in a real browser ----------------------------------------------------------------------


@pytest.mark.browser
def test_yasgui_runs_an_example_query_without_leaving_the_site(
    live_server: LiveServer, playwright: Playwright
) -> None:
    """Headless Chromium: the vendored YASGUI loads, an example runs, and no request leaves the server."""
    from playwright.sync_api import Route, expect

    outside: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
    try:
        page = browser.new_page()
        page.route("**/*", guard)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(live_server.url + "/sparql")
        page.wait_for_selector(".yasqe .CodeMirror")
        assert page.locator("#plain-form").is_hidden()
        page.locator("#example-heads button.load-example").click()
        assert "org:headOf" in page.evaluate("window.kgpubYasgui.getTab().getQuery()")
        page.locator(".yasqe_queryButton").click()
        # expect() polls without evaluating strings in the page (the CSP forbids eval)
        expect(page.locator(".yasr")).to_contain_text("Marja-Leena Rinkineva", timeout=20000)
    finally:
        browser.close()
    assert outside == []
    assert errors == []


def test_the_production_server_answers(published: Any) -> None:
    """``kgpub serve`` runs waitress: the same app answers a SPARQL query through it."""
    import threading

    from kgpub.web import make_server

    server = make_server(published, port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        conn = HTTPConnection("127.0.0.1", server.effective_port, timeout=30)
        conn.request("GET", q("ASK { ?s ?p ?o }"), headers={"Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        assert response.status == 200
        assert response.getheader("Server") == "kgpub"
        assert json.loads(response.read())["boolean"] is True
        conn.close()
    finally:
        server.close()
        thread.join(timeout=10)  # its store's workers are stopped at exit (create_app registers that)
