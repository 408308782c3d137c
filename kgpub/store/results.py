"""Query results as they come back from a worker, converted on demand into any registered format.

A worker sends SPARQL JSON results (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE); those two are
lossless, and pyoxigraph converts them to XML/CSV/TSV, Turtle and RDF/XML in Rust. JSON-LD is made
by rdflib, compacted with kgpub's own context (never a remote one).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.query import Result
from rdflib.term import Node

from ..errors import InputError
from ..export import check_representable, jsonld_bytes, refuse_xml_unsafe
from ..formats import Format
from ..namespaces import Local, bind_prefixes
from .worker import ResultKind

_RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "rdfxml": ox.RdfFormat.RDF_XML}

#: The formats each kind of result can be written in (the first is the default).
FORMATS_BY_KIND: dict[ResultKind, tuple[str, ...]] = {
    "bindings": ("json", "xml", "csv", "tsv"),
    "boolean": ("json", "xml"),
    "graph": ("ttl", "jsonld", "nt", "rdfxml"),
}


@dataclass(frozen=True)
class QueryResult:
    """The result of one query: its kind, its lossless data and its size (rows or triples)."""

    kind: ResultKind
    data: bytes
    rows: int
    base_iri: str

    @property
    def boolean(self) -> bool:
        if self.kind != "boolean":
            raise TypeError(f"a {self.kind} result has no boolean")
        return bool(json.loads(self.data)["boolean"])

    @property
    def variables(self) -> list[str]:
        names: list[str] = json.loads(self.data)["head"].get("vars", []) if self.kind == "bindings" else []
        return names

    def bindings(self) -> list[dict[str, Node]]:
        """SELECT rows as rdflib terms (unbound variables are absent from a row)."""
        if self.kind != "bindings":
            raise TypeError(f"a {self.kind} result has no bindings")
        result = Result.parse(io.BytesIO(self.data), format="json")
        return [{str(k): v for k, v in row.items()} for row in result.bindings]

    def graph(self) -> Graph:
        """CONSTRUCT/DESCRIBE triples as an rdflib graph with kgpub's prefixes bound."""
        if self.kind != "graph":
            raise TypeError(f"a {self.kind} result is not a graph")
        graph = bind_prefixes(Graph(), Local(self.base_iri))
        graph.parse(data=self.data, format="nt")
        return graph

    def serialize(self, fmt: Format) -> bytes:
        """The result in ``fmt``; InputError if that format cannot carry this kind of result."""
        if fmt.name not in FORMATS_BY_KIND[self.kind]:
            raise InputError(f"a {self.kind} result cannot be written as {fmt.name}")
        if self.kind != "graph":
            if fmt.name == "json":
                return self.data
            if fmt.name == "xml":  # a value XML 1.0 cannot carry: 406, not a document no parser reads
                refuse_xml_unsafe(_result_texts(json.loads(self.data)), "SPARQL XML results", "JSON or CSV")
            parsed = ox.parse_query_results(self.data, format=ox.QueryResultsFormat.JSON)
            return bytes(parsed.serialize(format=_RESULTS_FORMATS[fmt.name]) or b"")
        if fmt.name == "nt":
            return self.data
        if fmt.name == "jsonld":
            return jsonld_bytes(self.graph(), Local(self.base_iri))
        if fmt.name == "rdfxml":
            check_representable(self.graph(), fmt)  # a literal XML 1.0 cannot carry: 406, not bad XML
        triples = ox.parse(self.data, format=ox.RdfFormat.N_TRIPLES)
        out = ox.serialize(triples, format=_GRAPH_FORMATS[fmt.name], prefixes=prefixes(self.base_iri))
        return bytes(out or b"")


def _result_texts(results: dict[str, Any]) -> Iterator[str]:
    """Every value, datatype and language tag of SPARQL JSON results (what an XML writer must write)."""
    for row in results.get("results", {}).get("bindings", []):
        for term in row.values():
            yield from (str(v) for k, v in term.items() if k != "type")


def prefixes(base_iri: str) -> dict[str, str]:
    """The prefixes kgpub binds everywhere, as a plain mapping (for pyoxigraph's serialisers)."""
    graph = bind_prefixes(Graph(bind_namespaces="none"), Local(base_iri))
    return {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}


def to_json(result: QueryResult) -> Any:
    """The parsed SPARQL JSON of a SELECT/ASK result (for templates)."""
    return json.loads(result.data)
