"""The whole site on the remote backend answers exactly as on the embedded store.

One build, published locally and loaded (``kgpub load``) into a real engine — Oxigraph server, then
Virtuoso; two apps, one per backend; every page, document, format, the SPARQL endpoint, VoID, sitemap
and search compared response by response: status, content type, ETag, ``Location``, and the body —
the same graph (isomorphic: blank node labels and triple order are the engine's), the same result
bytes, the same links on a page.
The engine-specific behaviour (503 while it is down, recovery, failed loads): tests/store/test_remote.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from rdflib import Graph
from rdflib.compare import isomorphic

from kgpub import publish
from kgpub.config import Settings
from kgpub.store.load import load
from kgpub.web import create_app
from tests.engines import ENGINES, engine_at

pytestmark = pytest.mark.slow

ORG = "/doc/org/helsinki-elinkeino-osasto"
SELECT = "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } ORDER BY ?s ?o"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <http://127.0.0.1:5000/graph/inferred> { ?s ?p ?o } }"

RDF = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
REQUESTS: list[tuple[str, str]] = [
    ("/", "text/html"),
    ("/dataset", "text/html"),
    ("/id/org/helsinki-elinkeino-osasto", "text/turtle"),
    ("/id/org/helsinki", "text/html"),
    (ORG, "text/turtle"),
    (ORG, "application/n-triples"),
    (ORG, "application/ld+json"),
    (ORG, "application/rdf+xml"),
    (ORG, "text/html"),
    ("/doc/org/helsinki", "text/html"),
    ("/doc/org/helsinki-kaupunginkanslia", "text/turtle"),
    ("/doc/person/marja-leena-rinkineva", "text/html"),
    ("/doc/claim/c1", "text/turtle"),
    ("/doc/org/no-such-body", "text/html"),
    ("/.well-known/void", "text/turtle"),
    ("/sitemap.xml", "application/xml"),
    ("/search?q=elinkeino", "text/html"),
    ("/search.json?q=kaupungin", "application/json"),
    ("/sparql?query=" + SELECT, "application/sparql-results+json"),
    ("/sparql?query=" + SELECT, "text/csv"),
    ("/sparql?query=" + CONSTRUCT, "application/n-triples"),
    ("/sparql?query=ASK%7B%7D", "application/sparql-results+xml"),
    ("/sparql?query=SELECT%20*%20WHERE%20%7B%20?s%20?p%20?o%20%7D", "application/sparql-results+json"),
    ("/sparql?query=SELECT%20*%20WHERE%20%7B", "application/sparql-results+json"),
]


@pytest.fixture(scope="module", params=ENGINES)
def apps(
    published: Settings, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Flask, Flask]]:
    """The session's published seed build, served embedded and (after `kgpub load`) remotely."""
    with engine_at(request.param, tmp_path_factory.mktemp(request.param)) as engine:
        remote = engine.settings(published)
        load(publish.current(remote), remote)
        embedded_app, remote_app = create_app(published), create_app(remote)
        yield embedded_app, remote_app
        for app in (embedded_app, remote_app):
            app.extensions["kgpub"]["stores"].close()


@pytest.mark.parametrize(("path", "accept"), REQUESTS)
def test_every_response_is_the_same_on_both_backends(
    apps: tuple[Flask, Flask], path: str, accept: str
) -> None:
    embedded, remote = (app.test_client().get(path, headers={"Accept": accept}) for app in apps)
    assert remote.status_code == embedded.status_code, remote.get_data(as_text=True)[:500]
    assert remote.headers.get("Content-Type") == embedded.headers.get("Content-Type")
    assert remote.headers.get("ETag") == embedded.headers.get("ETag")
    assert remote.headers.get("Location") == embedded.headers.get("Location")
    if embedded.status_code == 200 and accept in RDF:
        mine, theirs = (Graph().parse(data=r.get_data(), format=RDF[accept]) for r in (remote, embedded))
        assert len(mine) > 0 and isomorphic(mine, theirs)
    elif embedded.status_code == 200 and "html" not in accept:
        assert remote.get_data() == embedded.get_data()
    if embedded.status_code == 200 and "html" in accept:
        # the same things named and linked (pages may list equal items in engine order)
        links = re.compile(rb'href="([^"]+)"')
        assert sorted(links.findall(remote.get_data())) == sorted(links.findall(embedded.get_data()))
