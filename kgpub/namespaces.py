"""Namespaces: the W3C and EU vocabularies, and the local ones, which hang off the base IRI."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, VOID, XSD

CPOV = Namespace("http://data.europa.eu/m8g/")
OA = Namespace("http://www.w3.org/ns/oa#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SH = Namespace("http://www.w3.org/ns/shacl#")

__all__ = [
    "CPOV",
    "DCAT",
    "DCTERMS",
    "FOAF",
    "OA",
    "ORG",
    "PROV",
    "RDF",
    "RDFS",
    "SD",
    "SDO",
    "SH",
    "SKOS",
    "VCARD",
    "VOID",
    "XSD",
    "Local",
    "bind_prefixes",
]


@dataclass(frozen=True)
class Local:
    """The project's own namespaces under one base IRI (configuration, see ``Settings.base_iri``).

    ``ontology/*.ttl`` and ``shapes/*.ttl`` write these as relative IRIs (``<def/…>``) and are parsed
    with the base IRI as their document base, so the same files serve any deployment.
    """

    base: str

    @property
    def KGP(self) -> Namespace:
        return Namespace(self.base + "def/")

    @property
    def KIND(self) -> Namespace:
        return Namespace(self.base + "def/kind/")

    @property
    def DUTY(self) -> Namespace:
        return Namespace(self.base + "def/duty/")

    @property
    def ID(self) -> Namespace:
        return Namespace(self.base + "id/")

    @property
    def SOURCE(self) -> Namespace:
        return Namespace(self.base + "source/")

    @property
    def GRAPH(self) -> Namespace:
        return Namespace(self.base + "graph/")


def bind_prefixes(graph: Graph, local: Local | None = None) -> Graph:
    """Bind the prefixes every serialisation should show; returns the graph for chaining."""
    for prefix, ns in {
        "org": ORG,
        "cpov": CPOV,
        "skos": SKOS,
        "foaf": FOAF,
        "prov": PROV,
        "oa": OA,
        "vcard": VCARD,
        "schema": SDO,
        "dct": DCTERMS,
        "dcat": DCAT,
        "void": VOID,
        "xsd": XSD,
    }.items():
        graph.bind(prefix, ns, override=True, replace=True)
    if local is not None:
        graph.bind("kgp", local.KGP, override=True, replace=True)
        graph.bind("kind", local.KIND, override=True, replace=True)
        graph.bind("duty", local.DUTY, override=True, replace=True)
    return graph
