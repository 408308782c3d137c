"""``dataset.jsonld`` is compact JSON-LD written node by node (``kgpub.jsonld_dump``): the short names
of the context where a value fits their definition, full IRIs where it does not — and three JSON-LD
processors (rdflib, pyld, pyoxigraph) read back exactly the triples written."""

from __future__ import annotations

import io
import json
from typing import Any

import pyoxigraph as ox
from pyld import jsonld
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, RDF, SKOS, XSD

from kgpub.export import jsonld_context
from kgpub.jsonld_dump import write_compact
from kgpub.namespaces import Local
from kgpub.quads import quads_of, union_triples

BASE = "http://127.0.0.1:5000/"
ID = BASE + "id/org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"


def _graph() -> Graph:
    """Values that fit their short name and values that do not (which must keep the full IRI)."""
    g = Graph()
    body, city, ev = URIRef(ID + "kaupunki-osasto"), URIRef(ID + "kaupunki"), BNode()
    g.add((body, RDF.type, ORG.OrganizationalUnit))
    g.add((body, RDF.type, ORG.Organization))
    g.add((body, SKOS.prefLabel, Literal("elinkeino-osasto", lang="fi")))
    g.add((body, SKOS.prefLabel, Literal("näringsavdelningen", lang="sv")))
    g.add((body, SKOS.altLabel, Literal("osasto", lang="fi")))
    g.add((body, SKOS.altLabel, Literal("elinkeinot", lang="fi")))  # two in one language: a list
    g.add((body, SKOS.altLabel, Literal("ilman kieltä")))  # no language: not for a language map
    g.add((body, ORG.subOrganizationOf, city))
    g.add((body, ORG.classification, Literal("not an IRI")))  # a literal where `kind` wants an IRI
    g.add((body, URIRef(PROV + "wasDerivedFrom"), ev))  # a blank node under an @id term
    g.add((ev, URIRef(OA + "start"), Literal(0)))  # a falsy number
    g.add((ev, URIRef(OA + "exact"), Literal("")))  # an empty string
    g.add((ev, URIRef(OA + "exact"), Literal('"lainaus"\nrivi 𝄞', lang="fi")))
    g.add((ev, RDF.type, BNode()))  # a blank node type cannot go into @type
    g.add((city, URIRef(BASE + "def/confidence"), Literal("0.9", datatype=XSD.decimal)))
    return g


def _written(graph: Graph) -> bytes:
    triples = union_triples(quads_of({URIRef(BASE + "graph/x"): graph}))
    out = io.BytesIO()
    write_compact(triples, jsonld_context(Local(BASE)), out)
    return out.getvalue()


def test_short_names_where_the_value_fits_full_iris_where_it_does_not() -> None:
    doc = json.loads(_written(_graph()))
    assert doc["@context"]["name"] == {"@id": "skos:prefLabel", "@container": "@language"}
    nodes = {n["@id"]: n for n in doc["@graph"]}
    body = nodes[ID + "kaupunki-osasto"]
    assert body["name"] == {"fi": "elinkeino-osasto", "sv": "näringsavdelningen"}
    assert sorted(body["altName"]["fi"]) == ["elinkeinot", "osasto"]
    assert body[str(SKOS.altLabel)] == "ilman kieltä"
    assert body["partOf"] == ID + "kaupunki"
    assert body[str(ORG.classification)] == "not an IRI" and "kind" not in body
    assert sorted(body["@type"]) == [str(ORG.Organization), str(ORG.OrganizationalUnit)]
    assert body["evidence"].startswith("_:")
    evidence = nodes[body["evidence"]]
    assert evidence["start"] == {"@value": "0", "@type": str(XSD.integer)}
    assert str(RDF.type) in evidence


def _parsed_by_pyld(data: bytes) -> Graph:
    nquads: Any = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    return Graph().parse(data=nquads, format="nquads")


def _parsed_by_oxigraph(data: bytes) -> Graph:
    nt = ox.serialize(ox.parse(data, ox.RdfFormat.JSON_LD), format=ox.RdfFormat.N_TRIPLES)
    assert nt is not None
    return Graph().parse(data=nt.decode("utf-8"), format="nt")


def test_three_processors_read_back_exactly_the_triples_written() -> None:
    graph = _graph()
    data = _written(graph)
    for name, parsed in (
        ("rdflib", Graph().parse(data=data, format="json-ld")),
        ("pyld", _parsed_by_pyld(data)),
        ("pyoxigraph", _parsed_by_oxigraph(data)),
    ):
        assert len(parsed) == len(graph), name
        assert isomorphic(parsed, graph), name
