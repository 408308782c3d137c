"""The RDF representations of a document (Turtle, JSON-LD, N-Triples, RDF/XML).

A document's RDF is its thing's description (:mod:`.describe`) plus three triples about the document
itself (``foaf:primaryTopic``, ``dct:modified``, ``a foaf:Document``), written with kgpub's prefixes.
"""

from __future__ import annotations

from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from ..export import check_representable, jsonld_bytes
from ..formats import Format
from ..namespaces import Local, bind_prefixes
from .describe import Description


def serialize(graph: Graph, fmt: Format, base: str) -> bytes:
    """``graph`` in ``fmt`` (NotAcceptable for RDF/XML of a value XML 1.0 cannot carry)."""
    local = Local(base)
    bind_prefixes(graph, local)
    check_representable(graph, fmt)  # RDF/XML of a quote holding a form feed: 406, not broken XML
    if fmt.name == "jsonld":
        return jsonld_bytes(graph, local)
    assert fmt.rdflib_format is not None
    return graph.serialize(format=fmt.rdflib_format, encoding="utf-8")


def document_graph(description: Description, doc_iri: str, modified: datetime) -> Graph:
    """The description plus what the document says about itself."""
    graph = Graph()
    graph += description.graph
    doc = URIRef(doc_iri)
    graph.add((doc, RDF.type, FOAF.Document))
    graph.add((doc, FOAF.primaryTopic, description.iri))
    graph.add((doc, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.dateTime)))
    return graph


def not_found_body(fmt: Format, text: str) -> str | None:
    """A 404 in an RDF format: an empty graph, with the reason where the syntax allows a comment."""
    if fmt.name in ("ttl", "nt"):
        return f"# {text}\n"
    if fmt.name == "jsonld":
        return '{"@graph": []}\n'
    if fmt.name == "rdfxml":
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<!-- 404 Not Found -->\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
        )
    return None
