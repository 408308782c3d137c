"""Dumps and ``dataset.trig`` are written by pyoxigraph (``kgpub.quads``): the bytes differ from
rdflib's, the triples must not. Each file is parsed back with rdflib and compared, graph by graph, for
isomorphism with what the build made (blank nodes included)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from kgpub.config import Settings
from kgpub.export import write_dumps
from kgpub.namespaces import Local
from kgpub.pipeline import check
from kgpub.publish import current
from kgpub.quads import quads_of

BASE = "http://127.0.0.1:5000/"
EX = "http://127.0.0.1:5000/id/"


def _tricky() -> dict[URIRef, Graph]:
    """Two graphs sharing a blank node, with every kind of literal the pipeline makes and a few it
    could: language tags, datatypes, empty strings, quotes, newlines, a form feed, non-BMP text."""
    shared = BNode()
    a, b = Graph(), Graph()
    s = URIRef(EX + "org/a")
    a.add((s, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")))
    a.add((s, URIRef(EX + "p"), Literal("Sivistystoimiala", lang="fi")))
    a.add((s, URIRef(EX + "p"), Literal("")))
    a.add((s, URIRef(EX + "p"), Literal('lainaus "x"\nrivi\x0crivi 𝄞')))
    a.add((s, URIRef(EX + "n"), Literal("0.9", datatype=XSD.decimal)))
    a.add((s, URIRef(EX + "n"), Literal("0", datatype=XSD.nonNegativeInteger)))
    a.add((s, URIRef(EX + "sel"), shared))
    a.add((shared, URIRef(EX + "start"), Literal(3)))
    b.add((shared, URIRef(EX + "end"), Literal(7)))
    b.add((s, URIRef(EX + "p"), Literal("Sivistystoimiala", lang="fi")))  # in both graphs
    b.add((BNode(), URIRef(EX + "q"), BNode()))
    return {URIRef(BASE + "graph/a"): a, URIRef(BASE + "graph/b"): b}


def _union(graphs: dict[URIRef, Graph]) -> Graph:
    out = Graph()
    for graph in graphs.values():
        for triple in graph:
            out.add(triple)
    return out


def _named(dataset: Dataset) -> dict[URIRef, Graph]:
    out: dict[URIRef, Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        assert isinstance(name, URIRef)
        out.setdefault(name, Graph()).add((s, p, o))
    return out


def _check_dumps(dumps: Path, graphs: dict[URIRef, Graph]) -> None:
    union = _union(graphs)
    for name, fmt in (("dataset.ttl", "turtle"), ("dataset.jsonld", "json-ld")):
        parsed = Graph().parse(dumps / name, format=fmt)
        assert len(parsed) == len(union), name
        assert isomorphic(parsed, union), name
    nt = Graph().parse(data=gzip.decompress((dumps / "dataset.nt.gz").read_bytes()).decode(), format="nt")
    assert isomorphic(nt, union)
    trig = Dataset()
    trig.parse(dumps / "dataset.trig", format="trig")
    _same_graphs(_named(trig), graphs)


def _same_graphs(parsed: dict[URIRef, Graph], graphs: dict[URIRef, Graph]) -> None:
    """Graph by graph: the same triples (isomorphic where there are blank nodes; a plain set
    comparison otherwise, since rdflib's canonicalisation is slow on thousands of triples)."""
    assert sorted(parsed) == sorted(iri for iri, g in graphs.items() if len(g))
    for iri, graph in parsed.items():
        mine = graphs[iri]
        if any(isinstance(term, BNode) for triple in mine for term in triple):
            assert isomorphic(graph, mine), iri
        else:
            assert set(graph) == set(mine), iri


def test_dumps_of_tricky_graphs_hold_the_same_triples(tmp_path: Path) -> None:
    graphs = _tricky()
    write_dumps(tmp_path, quads_of(graphs), Local(BASE))
    _check_dumps(tmp_path / "dumps", graphs)


def test_dumps_from_an_rdflib_dataset_hold_the_same_triples(tmp_path: Path) -> None:
    """The web fixtures hand ``write_dumps`` an rdflib ``Dataset``: same result."""
    graphs = _tricky()
    dataset = Dataset()
    for iri, graph in graphs.items():
        for triple in graph:
            dataset.graph(iri).add(triple)
    write_dumps(tmp_path, dataset, Local(BASE))
    _check_dumps(tmp_path / "dumps", graphs)


def test_seed_build_files_are_isomorphic_to_the_graphs_it_made(seed_build: Settings) -> None:
    """``dataset.trig`` and every dump of a real build hold exactly the graphs the pipeline assembled
    and inferred (the build's own provenance graph, with its time stamps, is compared by size)."""
    assembled, ontology, inferred, _report = check(seed_build)
    local = Local(seed_build.base_iri)
    from kgpub.ontology import load_shapes

    graphs = {
        **assembled.graphs,
        local.GRAPH["ontology"]: ontology,
        local.GRAPH["shapes"]: load_shapes(seed_build),
        local.GRAPH["inferred"]: inferred,
    }
    published = current(seed_build)
    trig = Dataset()
    trig.parse(published.dataset_path, format="trig")
    parsed = _named(trig)
    build_graph = parsed.pop(local.GRAPH["build"])
    generated = {s for s, p, _ in build_graph if p == URIRef("http://www.w3.org/ns/prov#wasGeneratedBy")}
    assert generated == {iri for iri, g in graphs.items() if len(g)}
    _same_graphs(parsed, graphs)
    # the dumps: the graphs of the TriG dump (which graphs a dump holds is the exporter's choice), and
    # every graph format holds exactly their union
    dumps = published.dumps_path
    dumped = Dataset()
    dumped.parse(dumps / "dataset.trig", format="trig")
    in_dump = _named(dumped)
    assert local.GRAPH["inferred"] in in_dump
    _same_graphs(in_dump, {iri: parsed.get(iri, build_graph) for iri in in_dump})
    _check_dumps(dumps, in_dump)


_SELECTORS = """
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
<http://127.0.0.1:5000/id/claim/a> oa:hasSelector [ a oa:TextPositionSelector ; oa:start 3 ; oa:end 7 ] .
<http://127.0.0.1:5000/id/claim/b> oa:hasSelector [ a oa:TextPositionSelector ; oa:start 3 ; oa:end 7 ] ,
    [ a oa:TextPositionSelector ; oa:start 9 ; oa:end 12 ] .
<http://127.0.0.1:5000/shape> sh:property [ sh:path <http://ex/p> ; sh:in ( "x" "y" ) ] ,
    [ sh:path <http://ex/p> ; sh:in ( "x" "y" ) ] .
"""


def test_blank_nodes_get_the_same_labels_in_every_build() -> None:
    """rdflib labels blank nodes at random on every parse; the build's quads must not change with
    that (kgpub.delta compares a rebuild's quads with the published ones)."""
    name = URIRef(BASE + "graph/a")
    first = quads_of({name: Graph().parse(data=_SELECTORS, format="turtle")})
    again = quads_of({name: Graph().parse(data=_SELECTORS, format="turtle")})
    assert set(first) == set(again)
    blank = {t for q in first for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)}
    # three selectors (two alike in all but their claim); the two identical property nodes, with their
    # lists of two cells, are one node: written once (the same graph without its redundant copy)
    assert len(blank) == 3 + 1 + 2
    # 3 selectors × (hasSelector, type, start, end); sh:property, sh:path, sh:in; 2 cells × (first, rest)
    assert len(first) == len(set(first)) == 3 * 4 + 3 + 2 * 2
    # the same selector under another graph name is another blank node
    other = quads_of({URIRef(BASE + "graph/b"): Graph().parse(data=_SELECTORS, format="turtle")})
    assert not {q.subject for q in other} & blank
