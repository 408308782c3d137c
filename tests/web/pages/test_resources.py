"""Dereferencing with the Flask test client: 303s, negotiation, headers, conditional GET, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, ORG, RDF, SKOS

from kgpub.config import Settings
from kgpub.formats import BY_NAME

BASE = "http://127.0.0.1:5000/"
BODY = "org/helsinki-kaupunginkanslia-elinkeino-osasto"
BODY_IRI = URIRef(BASE + "id/" + BODY)
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
RDF_FORMATS = ["ttl", "jsonld", "nt", "rdfxml"]


def test_thing_iri_answers_303_to_its_document(pages_client: FlaskClient) -> None:
    r = pages_client.get("/id/" + BODY, headers={"Accept": "text/turtle"})
    assert r.status_code == 303
    assert r.headers["Location"] == "http://127.0.0.1:5000/doc/" + BODY


def test_303_keeps_the_format_parameter(pages_client: FlaskClient) -> None:
    r = pages_client.get("/id/" + BODY + "?format=jsonld")
    assert r.status_code == 303
    assert r.headers["Location"].endswith("/doc/" + BODY + "?format=jsonld")


def test_suffix_on_a_thing_iri_redirects_to_that_format(pages_client: FlaskClient) -> None:
    r = pages_client.get("/id/" + BODY + ".ttl")
    assert r.status_code == 303
    assert r.headers["Location"].endswith("/doc/" + BODY + ".ttl")


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_document_negotiates_every_rdf_format_on_accept(pages_client: FlaskClient, name: str) -> None:
    fmt = BY_NAME[name]
    r = pages_client.get("/doc/" + BODY, headers={"Accept": fmt.media_type})
    assert r.status_code == 200
    assert r.mimetype == fmt.media_type
    graph = Graph().parse(data=r.data, format=fmt.rdflib_format)
    assert (BODY_IRI, RDF.type, ORG.OrganizationalUnit) in graph
    assert (BODY_IRI, SKOS.prefLabel, None) in graph
    assert "Accept" in r.headers["Vary"]


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_document_suffix_picks_the_format(pages_client: FlaskClient, name: str) -> None:
    fmt = BY_NAME[name]
    r = pages_client.get(f"/doc/{BODY}{fmt.suffix}", headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert r.mimetype == fmt.media_type


def test_format_parameter_overrides_accept(pages_client: FlaskClient) -> None:
    r = pages_client.get(f"/doc/{BODY}?format=nt", headers={"Accept": "text/turtle"})
    assert r.mimetype == "application/n-triples"


def test_browsers_get_html_and_others_turtle(pages_client: FlaskClient) -> None:
    assert pages_client.get("/doc/" + BODY, headers={"Accept": BROWSER}).mimetype == "text/html"
    assert pages_client.get("/doc/" + BODY, headers={"Accept": "*/*"}).mimetype == "text/turtle"
    assert pages_client.get("/doc/" + BODY).mimetype == "text/turtle"
    q = "application/ld+json;q=0.9, text/turtle;q=0.5"
    assert pages_client.get("/doc/" + BODY, headers={"Accept": q}).mimetype == "application/ld+json"


def test_unsupported_accept_is_406(pages_client: FlaskClient) -> None:
    r = pages_client.get("/doc/" + BODY, headers={"Accept": "image/png"})
    assert r.status_code == 406
    assert pages_client.get(f"/doc/{BODY}?format=csv").status_code == 406


def test_link_header_lists_every_format(pages_client: FlaskClient) -> None:
    r = pages_client.get("/doc/" + BODY)
    link = r.headers["Link"]
    for name in [*RDF_FORMATS, "html"]:
        fmt = BY_NAME[name]
        assert (
            f'<http://127.0.0.1:5000/doc/{BODY}{fmt.suffix}>; rel="alternate"; type="{fmt.media_type}"'
            in link
        )


def test_description_holds_cbd_incoming_links_and_labels(pages_client: FlaskClient) -> None:
    g = Graph().parse(data=pages_client.get(f"/doc/{BODY}.ttl").data, format="turtle")
    kanslia = URIRef(BASE + "id/org/helsinki-kaupunginkanslia")
    assert (BODY_IRI, ORG.subOrganizationOf, kanslia) in g  # its own triples
    assert (kanslia, SKOS.prefLabel, None) in g  # the label of a linked thing
    person = next(g.subjects(ORG.headOf, BODY_IRI))  # an incoming link
    assert (person, FOAF.name, None) in g  # with its label
    assert (URIRef(BASE + "doc/" + BODY), FOAF.primaryTopic, BODY_IRI) in g


def test_blank_node_closure_and_hash_iris_are_in_the_description(pages_client: FlaskClient) -> None:
    """Curation files carry blank-node agents; sites have #location/#address/#phone IRIs."""
    g = Graph().parse(data=pages_client.get("/doc/curation/helsinki.ttl").data, format="turtle")
    agent = next(
        g.objects(URIRef(BASE + "curation/helsinki"), URIRef("http://www.w3.org/ns/prov#wasAttributedTo"))
    )
    assert (agent, FOAF.name, None) in g
    site_doc = pages_client.get("/doc/site/helsinki-porkkalankatu-13-g.ttl")
    g = Graph().parse(data=site_doc.data, format="turtle")
    site = URIRef(BASE + "id/site/helsinki-porkkalankatu-13-g")
    for part in ("#location", "#address", "#phone"):
        assert (URIRef(str(site) + part), RDF.type, None) in g


def test_formats_rdflib_writes_in_process_order_get_a_weak_etag(pages_client: FlaskClient) -> None:
    """Turtle and HTML bytes are the same in every process (strong ETag); JSON-LD, N-Triples and
    RDF/XML are the same graph in another order (weak ETag), and a weak tag still revalidates."""
    assert pages_client.get(f"/doc/{BODY}.ttl").headers["ETag"].startswith('"')
    assert pages_client.get(f"/doc/{BODY}.html").headers["ETag"].startswith('"')
    for suffix in (".jsonld", ".nt", ".rdf"):
        tag = pages_client.get(f"/doc/{BODY}{suffix}").headers["ETag"]
        assert tag.startswith('W/"'), (suffix, tag)
        again = pages_client.get(f"/doc/{BODY}{suffix}", headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.headers["ETag"] == tag


def test_validators_and_conditional_get(pages_client: FlaskClient) -> None:
    r = pages_client.get(f"/doc/{BODY}.ttl")
    etag, modified = r.headers["ETag"], r.headers["Last-Modified"]
    assert modified == "Sun, 22 Nov 2026 10:00:00 GMT"
    assert pages_client.get(f"/doc/{BODY}.ttl", headers={"If-None-Match": etag}).status_code == 304
    assert pages_client.get(f"/doc/{BODY}.ttl", headers={"If-Modified-Since": modified}).status_code == 304
    other = pages_client.get(f"/doc/{BODY}.jsonld").headers["ETag"]
    assert other != etag
    assert pages_client.get(f"/doc/{BODY}.ttl", headers={"If-None-Match": other}).status_code == 200
    old = "Sat, 21 Nov 2026 10:00:00 GMT"
    assert pages_client.get(f"/doc/{BODY}.ttl", headers={"If-Modified-Since": old}).status_code == 200


def test_head_has_the_headers_and_no_body(pages_client: FlaskClient) -> None:
    r = pages_client.head(f"/doc/{BODY}", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert r.data == b""
    assert r.headers["ETag"] and r.headers["Link"] and r.mimetype == "text/turtle"


@pytest.mark.parametrize(
    ("accept", "mimetype", "parse"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_unknown_document_is_404_in_the_negotiated_format(
    pages_client: FlaskClient, accept: str, mimetype: str, parse: str
) -> None:
    r = pages_client.get("/doc/org/no-such-body", headers={"Accept": accept})
    assert r.status_code == 404
    assert r.mimetype == mimetype
    assert len(Graph().parse(data=r.data, format=parse)) == 0


def test_unknown_thing_is_404_and_html_for_browsers(pages_client: FlaskClient) -> None:
    r = pages_client.get("/id/org/no-such-body", headers={"Accept": BROWSER})
    assert r.status_code == 404
    assert r.mimetype == "text/html"
    assert b"not an IRI of this dataset" in r.data


@pytest.mark.parametrize(
    "path",
    [
        "/id/org/helsinki-kaupunginkanslia-sisäinen-tarkastus",
        "/id/org/helsinki-kaupunginkanslia-sis%C3%A4inen-tarkastus",
        "/id/org/helsinki-kaupunginkanslia-SISÄINEN-tarkastus",
    ],
)
def test_non_ascii_slugs_redirect_301_to_the_ascii_iri(pages_client: FlaskClient, path: str) -> None:
    r = pages_client.get(path)
    assert r.status_code == 301
    assert (
        r.headers["Location"] == "http://127.0.0.1:5000/id/org/helsinki-kaupunginkanslia-sisainen-tarkastus"
    )
    assert pages_client.get(r.headers["Location"]).status_code == 303


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/id/org/../../etc/passwd", 400),
        ("/id/%2e%2e/x", 400),
        ("/id/org/%C3", 400),
        ("/id/org/a%00b", 400),
        ("/doc/org/%FF%FE", 400),
        ("/id/" + "a" * 5000, 404),
        ("/doc/" + "a/" * 400 + "b", 404),
        ("/id/org/<script>", 404),
        ("/id/org/%3Cscript%3E", 404),
        ('/doc/org/a"b', 404),
        ("/source/../build.json", 400),
        ("/source/%2e%2e%2fbuild.json", 400),
        ("/source/no-such-source", 404),
        ("/source/helsinki-kaupunginkanslia/x", 404),
        ("/dumps/..%2fbuild.json", 400),
        ("/dumps/dumps.json.bak", 404),
    ],
)
def test_odd_paths_are_4xx_never_500(pages_client: FlaskClient, path: str, status: int) -> None:
    assert pages_client.get(path).status_code == status


def test_ontology_terms_and_shapes_dereference(pages_client: FlaskClient) -> None:
    for term in ("def/DutyStatement", "def/kind/agency", "def/shape/LabelShape", "def/"):
        r = pages_client.get("/" + term)
        assert r.status_code == 303, term
        doc = pages_client.get(r.headers["Location"], headers={"Accept": "text/turtle"})
        assert doc.status_code == 200, term
        assert (URIRef(BASE + term), None, None) in Graph().parse(data=doc.data, format="turtle")


def test_source_text_is_served_exactly_as_stored(pages_client: FlaskClient, published_dir: Path) -> None:
    stored = (published_dir / "sources" / "helsinki-kaupunginkanslia.txt").read_bytes()
    for path, headers in [
        ("/source/helsinki-kaupunginkanslia", {}),
        ("/source/helsinki-kaupunginkanslia", {"Accept": "text/plain"}),
        ("/source/helsinki-kaupunginkanslia.txt", {"Accept": "text/html"}),
    ]:
        r = pages_client.get(path, headers=headers)
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert r.data == stored


def test_evidence_spans_resolve_in_the_source_text(pages_client: FlaskClient) -> None:
    """Every #char=a,b evidence IRI slices its own quote out of the served text (RFC 5147)."""
    g = Graph().parse(data=pages_client.get("/source/helsinki-kaupunginkanslia.ttl").data, format="turtle")
    text = pages_client.get("/source/helsinki-kaupunginkanslia.txt").data.decode("utf-8")
    oa = "http://www.w3.org/ns/oa#"
    evidence = list(g.subjects(RDF.type, URIRef(oa + "SpecificResource")))
    assert len(evidence) >= 5
    for ev in evidence:
        start, end = (int(x) for x in str(ev).split("#char=")[1].split(","))
        quotes = [
            str(q)
            for sel in g.objects(ev, URIRef(oa + "hasSelector"))
            for q in g.objects(sel, URIRef(oa + "exact"))
        ]
        assert quotes == [text[start:end]]


def test_source_page_in_html_anchors_every_span(pages_client: FlaskClient) -> None:
    r = pages_client.get("/source/helsinki-kaupunginkanslia", headers={"Accept": BROWSER})
    assert r.mimetype == "text/html"
    assert b'id="char=1355,1409"' in r.data


def test_public_base_moves_every_link_without_a_rebuild(pages_settings: Settings) -> None:
    from kgpub.web import create_app

    app = create_app(pages_settings.with_(public_base="https://data.example.org/kg/"))
    try:
        client = app.test_client()
        r = client.get("/id/" + BODY)
        assert r.headers["Location"] == "https://data.example.org/kg/doc/" + BODY
        page = client.get("/doc/" + BODY, headers={"Accept": "text/html"}).data.decode()
        assert 'href="https://data.example.org/kg/doc/org/helsinki-kaupunginkanslia"' in page
        ttl = client.get(f"/doc/{BODY}.ttl").data.decode()
        assert "data.example.org" not in ttl  # the data keeps its own IRIs
    finally:
        app.extensions["kgpub"]["stores"].close()


def test_negotiated_documents_say_which_representation_they_are(pages_client: FlaskClient) -> None:
    r = pages_client.get("/doc/" + BODY, headers={"Accept": "application/ld+json"})
    assert r.headers["Content-Location"] == f"http://127.0.0.1:5000/doc/{BODY}.jsonld"
    assert "Content-Location" not in pages_client.get(f"/doc/{BODY}.ttl").headers


WEIRD = [
    "%25",
    "%2525",
    ";x=1",
    "a%2Fb",
    "%E2%80%AE",
    "😀",
    "a\u0308",
    "%C0%AF",
    "x?format=../../",
    "%0d%0aX: y",
    "org/" + "%C3%A4" * 300,
    "org/a.ttl.ttl",
    "org/.jsonld",
    "~",
    "*",
    "org/helsinki#frag",
]


@pytest.mark.parametrize("prefix", ["/id/", "/doc/", "/source/", "/def/", "/", "/doc/def/"])
def test_weird_paths_never_fail_the_server(pages_client: FlaskClient, prefix: str) -> None:
    for weird in WEIRD:
        for accept in ("text/turtle", "text/html", "application/ld+json", "*/*"):
            r = pages_client.get(prefix + weird, headers={"Accept": accept})
            assert r.status_code < 500, (prefix + weird, accept, r.status_code)
            assert "\n" not in r.headers.get("Location", "")


def test_a_new_build_changes_every_etag_without_a_restart(tmp_path: Path) -> None:
    from kgpub.web import create_app

    from .fixture import publish_fixture

    settings = publish_fixture(tmp_path / "var")
    app = create_app(settings)
    try:
        client = app.test_client()
        first = client.get(f"/doc/{BODY}.ttl").headers["ETag"]
        assert client.get(f"/doc/{BODY}.ttl", headers={"If-None-Match": first}).status_code == 304
        publish_fixture(tmp_path / "var")
        again = client.get(f"/doc/{BODY}.ttl", headers={"If-None-Match": first})
        assert again.status_code == 200
        assert again.headers["ETag"] != first
    finally:
        app.extensions["kgpub"]["stores"].close()


def test_pages_do_not_depend_on_the_endpoint_row_cap(pages_settings: Settings) -> None:
    """Users' queries are capped (here at 5 rows); the pages' own bounded queries are not."""
    from kgpub.web import create_app

    app = create_app(pages_settings.with_(max_result_rows=5))
    try:
        client = app.test_client()
        for path in ("/", "/dataset", "/sitemap.xml", f"/doc/{BODY}", "/source/helsinki-kaupunginkanslia"):
            assert client.get(path, headers={"Accept": "text/html"}).status_code == 200, path
        assert client.get(f"/doc/{BODY}.ttl").status_code == 200
        big = "SELECT * WHERE { ?s ?p ?o }"
        assert client.get("/sparql", query_string={"query": big}).status_code == 503
    finally:
        app.extensions["kgpub"]["stores"].close()
