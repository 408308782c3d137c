"""The build's named graphs as pyoxigraph quads, and the files written from them (``dataset.trig``, dumps).

rdflib is where the pipeline makes and checks its graphs; it is not where a large graph should be
written. Measured on a synthetic 1 M-quad build (issue 12): rdflib took 145 s for ``dataset.trig``
and 421 s for the four dumps, pyoxigraph under 6 s for all of them. So the graphs are converted once,
term by term (terms repeat: they are converted once each, through a cache), into a list of
pyoxigraph quads, and every file is serialised from that list. Byte layouts differ from rdflib's
(prefixes, order, JSON-LD in expanded form); the triples are the same, which ``tests/test_quads.py``
checks by parsing each file back with rdflib and comparing graphs for isomorphism.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

#: pyoxigraph's term types, as it returns them from a store.
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


class Converter:
    """rdflib terms → pyoxigraph terms, each distinct term converted once. Blank nodes keep their
    rdflib identity: the same ``BNode`` in two graphs is the same pyoxigraph blank node."""

    def __init__(self) -> None:
        self._terms: dict[Node, OxTerm] = {}

    def term(self, node: Node) -> OxTerm:
        found = self._terms.get(node)
        if found is not None:
            return found
        made: OxTerm
        if isinstance(node, URIRef):
            made = ox.NamedNode(str(node))
        elif isinstance(node, BNode):
            made = ox.BlankNode()
        elif isinstance(node, Literal):
            if node.language:
                made = ox.Literal(str(node), language=node.language)
            elif node.datatype is not None:
                made = ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
            else:
                made = ox.Literal(str(node))
        else:
            raise TypeError(f"cannot write {node!r} ({type(node).__name__}) as RDF 1.1")
        self._terms[node] = made
        return made

    def items(self) -> Iterable[tuple[Node, OxTerm]]:
        """Every term converted so far, with what it became (to map query results back)."""
        return self._terms.items()

    def triples(self, graph: Graph) -> Iterable[ox.Triple]:
        term = self.term
        for s, p, o in graph:
            yield ox.Triple(term(s), term(p), term(o))  # type: ignore[arg-type]

    def quads(self, graph: Graph, name: URIRef) -> Iterable[ox.Quad]:
        g = ox.NamedNode(str(name))
        term = self.term
        for s, p, o in graph:
            yield ox.Quad(term(s), term(p), term(o), g)  # type: ignore[arg-type]


def quads_of(graphs: Mapping[URIRef, Graph]) -> list[ox.Quad]:
    """Each graph's triples as quads in the named graph it is keyed by, graph after graph.

    A list, not a ``pyoxigraph.Store``: the store canonicalises typed literals as it encodes them
    (``"0"^^xsd:nonNegativeInteger`` comes back as ``"0"^^xsd:integer``, ``"1.50"`` as ``"1.5"``),
    which would change the published triples; serialising the quads themselves does not."""
    convert = Converter()
    return [quad for name, graph in graphs.items() for quad in convert.quads(graph, name)]


def quads_of_dataset(dataset: Dataset) -> list[ox.Quad]:
    """The quads of an rdflib ``Dataset`` (its default graph, if any, stays the default)."""
    convert = Converter()
    quads = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        graph_name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph
        if name is None or name == DATASET_DEFAULT_GRAPH_ID:
            graph_name = ox.DefaultGraph()
        else:
            graph_name = convert.term(name)  # type: ignore[assignment]
        quads.append(ox.Quad(convert.term(s), convert.term(p), convert.term(o), graph_name))  # type: ignore[arg-type]
    quads.sort(key=lambda q: str(q.graph_name))  # TriG writes one block per run of a graph
    return quads


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """Every triple of every graph once (what a graph serialisation can carry), in the quads' order."""
    seen: set[ox.Triple] = set()
    out: list[ox.Triple] = []
    for quad in quads:
        triple = quad.triple
        if triple not in seen:
            seen.add(triple)
            out.append(triple)
    return out


def write_quads(quads: list[ox.Quad], output: Path | IO[bytes], prefixes: Mapping[str, str]) -> None:
    """Every quad as TriG (a graph's quads are expected together, as :func:`quads_of` gives them)."""
    ox.serialize(quads, output, ox.RdfFormat.TRIG, prefixes=dict(prefixes))


def graph_bytes(triples: list[ox.Triple], fmt: ox.RdfFormat, prefixes: Mapping[str, str]) -> bytes:
    """Triples in a graph format (Turtle, N-Triples, JSON-LD)."""
    data = ox.serialize(triples, None, fmt, prefixes=dict(prefixes) if fmt == ox.RdfFormat.TURTLE else None)
    assert data is not None
    return data
