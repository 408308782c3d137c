"""A document whose data RDF/XML cannot carry (a form feed in an evidence quote, as PDF-to-text pages
have) answers 406 with a message for RDF/XML — never a 200 with XML no parser reads — and the other
formats still serve the exact text."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kgpub.web import create_app
from tests.web.conftest import BASE, make_published

QUOTE = "Hallinto-osasto huolehtii hankkeiden\fkoordinoinnista"
TRIG = r"""
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix oa:   <http://www.w3.org/ns/oa#> .
@prefix graph: <http://127.0.0.1:5000/graph/> .
@prefix body: <http://127.0.0.1:5000/id/org/> .

graph:source\/x {
  body:x-hallinto-osasto a org:OrganizationalUnit ;
      skos:prefLabel "hallinto-osasto"@fi ;
      skos:definition "Hallinto-osasto huolehtii hankkeiden\fkoordinoinnista"@fi .
}
"""


def test_rdfxml_of_a_form_feed_is_406_and_turtle_keeps_it(tmp_path: Path) -> None:
    settings = make_published(tmp_path / "var", TRIG)
    client = create_app(settings).test_client()
    doc = "/doc/org/x-hallinto-osasto"
    refused = client.get(doc + ".rdf")
    assert refused.status_code == 406
    assert "RDF/XML" in refused.get_data(as_text=True)
    ok = client.get(doc + ".ttl")
    assert ok.status_code == 200
    graph = Graph().parse(data=ok.data, format="turtle")
    assert Literal(QUOTE, lang="fi") in set(graph.objects(URIRef(BASE + "id/org/x-hallinto-osasto")))
