"""VoID/DCAT of the part dumps: municipality and named-graph subsets with their dumps, the schema
documents as what the dataset conforms to (read back from Turtle with rdflib)."""

from __future__ import annotations

from datetime import UTC, datetime

from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

from kgpub.namespaces import SD
from kgpub.web.void import DumpFile, Statistics, void_graph

BASE = "http://example.org/"
ROOT = "http://public.example.org/"
HELSINKI = BASE + "id/org/helsinki"
SOURCE_GRAPH = BASE + "graph/source/helsinki-kaupunginkanslia"
DUMPS = [
    DumpFile("dataset.ttl", "text/turtle", None, 10),
    DumpFile("shapes.ttl", "text/turtle", None, 5, "schema", BASE + "graph/shapes", "The shapes"),
    DumpFile("municipality-helsinki.ttl", "text/turtle", None, 7, "municipality", HELSINKI, "Helsinki"),
    DumpFile("municipality-helsinki.tree.jsonld", "application/ld+json", None, 3, "tree", HELSINKI, "Tree"),
    DumpFile(
        "graph-source-helsinki-kaupunginkanslia.trig", "application/trig", None, 4, "graph", SOURCE_GRAPH
    ),
]


def _described() -> Graph:
    stats = Statistics(triples=100, graphs=[(SOURCE_GRAPH, 40), (BASE + "graph/curation", 10)])
    graph = void_graph(stats, DUMPS, base=BASE, root=ROOT, modified=datetime(2026, 12, 5, tzinfo=UTC))
    return Graph().parse(data=graph.serialize(format="turtle"), format="turtle")


def test_municipality_and_graph_subsets_carry_their_dumps() -> None:
    g = _described()
    ds = URIRef(BASE + "dataset#dataset")
    municipality = URIRef(BASE + "dataset#municipality-helsinki")
    assert (ds, VOID.subset, municipality) in g and (municipality, RDF.type, VOID.Dataset) in g
    assert (municipality, DCTERMS.spatial, URIRef(HELSINKI)) in g
    assert (municipality, VOID.dataDump, URIRef(ROOT + "dumps/municipality-helsinki.ttl")) in g
    tree = URIRef(BASE + "dataset#dump-municipality-helsinki.tree.jsonld")
    assert (municipality, DCAT.distribution, tree) in g
    assert (tree, DCAT.downloadURL, URIRef(ROOT + "dumps/municipality-helsinki.tree.jsonld")) in g
    subset = next(g.subjects(SD.name, URIRef(SOURCE_GRAPH)))
    assert (ds, VOID.subset, subset) in g and (subset, VOID.triples, None) in g
    assert (subset, VOID.dataDump, URIRef(ROOT + "dumps/graph-source-helsinki-kaupunginkanslia.trig")) in g
    assert len(set(g.subjects(SD.name, None))) == 2  # one subset per graph, dumps attached to it


def test_schema_documents_are_not_data_dumps_of_the_dataset() -> None:
    g = _described()
    ds = URIRef(BASE + "dataset#dataset")
    shapes = URIRef(ROOT + "dumps/shapes.ttl")
    assert (ds, DCTERMS.conformsTo, shapes) in g and (ds, VOID.dataDump, shapes) not in g
    assert set(g.objects(ds, VOID.dataDump)) == {URIRef(ROOT + "dumps/dataset.ttl")}
