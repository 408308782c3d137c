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

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

#: pyoxigraph's term types, as it returns them from a store.
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
#: Rounds of :func:`stable_labels` at most (a list of n cells needs about n to tell its cells apart).
MAX_ROUNDS = 64


class Converter:
    """rdflib terms → pyoxigraph terms, each distinct term converted once. Blank nodes keep their
    rdflib identity: the same ``BNode`` in two graphs is the same pyoxigraph blank node. With
    ``stable``, a blank node is labelled from what it is (:func:`stable_labels`), so the same graph
    converted twice gives the same quads — rdflib's own labels are random for every parse."""

    def __init__(self, *, stable: bool = False) -> None:
        self._terms: dict[Node, OxTerm] = {}
        self._stable = stable
        self._labels: set[str] = set()
        self.merged = False
        self._labelled: set[URIRef] = set()

    def label_blank_nodes(self, graph: Graph, name: URIRef) -> None:
        """Give ``graph``'s blank nodes not converted yet their stable labels (``stable`` only)."""
        if not self._stable or name in self._labelled:
            return
        self._labelled.add(name)
        for node, label in stable_labels(graph, name).items():
            if node in self._terms:
                continue
            self.merged |= label in self._labels  # alike all the way: one node (see stable_labels)
            self._labels.add(label)
            self._terms[node] = ox.BlankNode(label)

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
        self.label_blank_nodes(graph, name)
        term = self.term
        for s, p, o in graph:
            yield ox.Quad(term(s), term(p), term(o), g)  # type: ignore[arg-type]


def stable_labels(graph: Graph, name: URIRef) -> dict[BNode, str]:
    """A label for each blank node of ``graph`` made from what it is, not from when it was made: a
    hash of the graph's name, its own triples and the triples that point at it, with the blank nodes
    among them known by their label of the round before, round after round until no round tells two
    more nodes apart (colour refinement, as graph isomorphism tests do). An evidence selector is then
    labelled by its claim and offsets, a shape's property node by its shape and path, in every build.

    Why (:mod:`kgpub.delta`): a rebuild compares its quads with the published build's, and a random
    label would make every blank node — every evidence selector, 1 quad in 8 — a change.

    Two blank nodes that no round tells apart (two identical property shapes under one shape, the same
    selector twice on one claim) get one label, i.e. become one node: the graph written is the same
    graph with a redundant copy left out (each entails the other), where numbering the copies would
    pair their parts differently from build to build."""
    nodes = {t for triple in graph for t in (triple[0], triple[2]) if isinstance(t, BNode)}
    if not nodes:
        return {}
    prefix = str(name).encode() + b"\0"
    known: dict[BNode, str] = {}
    classes = 1
    for _round in range(MAX_ROUNDS):

        def sig(node: Node, known: dict[BNode, str] = known) -> str:
            return "_:" + known.get(node, "") if isinstance(node, BNode) else node.n3()

        labels = {}
        for node in nodes:
            parts = sorted(f">{p.n3()} {sig(o)}" for p, o in graph.predicate_objects(node))
            parts += sorted(f"<{sig(s)} {p.n3()}" for s, p in graph.subject_predicates(node))
            parts.append(known.get(node, ""))
            labels[node] = "b" + hashlib.sha256(prefix + "\n".join(parts).encode()).hexdigest()[:32]
        known, before, classes = labels, classes, len(set(labels.values()))
        if classes == before or classes == len(nodes):  # no node told apart any more, or every one
            break
    return known


def quads_of(graphs: Mapping[URIRef, Graph], convert: Converter | None = None) -> list[ox.Quad]:
    """Each graph's triples as quads in the named graph it is keyed by, graph after graph, blank
    nodes labelled from what they are (:func:`stable_labels`: the same graphs give the same quads).

    A list, not a ``pyoxigraph.Store``: the store canonicalises typed literals as it encodes them
    (``"0"^^xsd:nonNegativeInteger`` comes back as ``"0"^^xsd:integer``, ``"1.50"`` as ``"1.5"``),
    which would change the published triples; serialising the quads themselves does not."""
    convert = convert or Converter(stable=True)
    quads = [quad for name, graph in graphs.items() for quad in convert.quads(graph, name)]
    return list(dict.fromkeys(quads)) if convert.merged else quads


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
