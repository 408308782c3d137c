"""The human review layer: ``data/curation/*.ttl`` → one graph (``<base>graph/curation``).

Curation files hold what no source text states: the municipalities as legal persons (labels in
Finnish, Swedish and English, business ID, municipality number), translations of body names, and
links to external identifiers — always ``skos:exactMatch``/``skos:closeMatch``, never ``owl:sameAs``
(which would copy our triples onto Wikidata's IRIs). Each file describes itself as
``<curation/<stem>> a kgp:CurationFile`` with its curator (``prov:wasAttributedTo``) and date
(``dct:modified``), and every fact it states about a kgpub thing gets a ``kgp:Claim`` derived from
that file — so the evidence rule "every asserted fact has a claim" holds for curated facts too.

Files use relative IRIs (``<id/org/helsinki>``, ``kgp:`` = ``<def/>``) and are parsed with the base
IRI as their document base. A syntax error is a :class:`CurationError` naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from .errors import CurationError
from .iris import is_slug
from .namespaces import DCTERMS, PROV, RDF, Local, bind_prefixes
from .ontology import parse_turtle
from .rdf import add_claim

CURATION_RULE = "curation"


def curation_file_iri(local: Local, path: Path) -> URIRef:
    return URIRef(f"{local.base}curation/{path.stem}")


def load_curation(directory: Path, local: Local) -> Graph:
    """Every ``*.ttl`` under ``directory`` (sorted), checked and with claims; none → empty graph."""
    graph = bind_prefixes(Graph(), local)
    if not directory.is_dir():
        return graph
    for path in sorted(directory.glob("*.ttl")):
        graph += load_curation_file(path, local)
    return graph


def load_curation_file(path: Path, local: Local) -> Graph:
    """One curation file: parsed, its self-description checked, every fact about an ``id/`` thing claimed."""
    if not is_slug(path.stem):
        raise CurationError(f"{path}: a curation file name must be lowercase ASCII letters, digits and '-'")
    graph = parse_turtle(path, local.base, CurationError)
    file_iri = curation_file_iri(local, path)
    _check(graph, path, file_iri, local)
    for s, p, o in list(graph):
        if (
            isinstance(s, URIRef)
            and str(s).startswith(str(local.ID))
            and isinstance(p, URIRef)
            and isinstance(o, URIRef | Literal)
        ):
            add_claim(
                graph,
                local,
                (s, p, o),
                file_iri,
                scope=f"curation-{path.stem}",
                rule=CURATION_RULE,
                confidence=1.0,
            )
    return graph


def _check(graph: Graph, path: Path, file_iri: URIRef, local: Local) -> None:
    """What a curation file must say about itself, and the mistakes it must not make."""
    rel = f"<curation/{path.stem}>"
    if (file_iri, RDF.type, local.KGP.CurationFile) not in graph:
        raise CurationError(f"{path}: the file must describe itself: {rel} a kgp:CurationFile")
    for prop, what in ((PROV.wasAttributedTo, "curator"), (DCTERMS.modified, "date")):
        if graph.value(file_iri, prop) is None:
            raise CurationError(f"{path}: {rel} needs its {what} ({prop.n3(graph.namespace_manager)})")
    for s, o in graph.subject_objects(OWL.sameAs):
        raise CurationError(
            f"{path}: owl:sameAs {o} on {s}: link external identifiers with skos:exactMatch or "
            "skos:closeMatch (owl:sameAs would merge our triples into theirs)"
        )
    for s, p, _o in graph:
        if isinstance(s, URIRef) and str(s).startswith(local.base) and s != file_iri:
            area = str(s)[len(local.base) :].split("/", 1)[0]
            if area not in ("id", "def", "source", "curation"):
                raise CurationError(f"{path}: {s} is not a kgpub IRI (id/, def/, source/ or curation/)")
        if p == RDF.subject:
            raise CurationError(f"{path}: write facts, not claims: kgpub adds the claims itself")
