"""Representations of documents: RDF in any graph format, or the HTML page (generic or a body's).

The RDF of a document is its thing's description (:mod:`.describe`) plus three triples about the
document itself (``foaf:primaryTopic``, ``dct:modified``, ``a foaf:Document``). The HTML page shows
the same description — names, every property (blank nodes nested, inferred values marked), what
links here — and for bodies the breadcrumbs, kind, units, posts and heads, duties, sites, the chart
of the neighbourhood, and each claim's source sentence with its span highlighted.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import Response, render_template, url_for
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from ..config import Settings
from ..export import check_representable, jsonld_bytes
from ..formats import Format
from ..namespaces import Local, bind_prefixes
from . import body as body_view
from . import describe as d
from .caching import Build
from .i18n import gettext as _
from .i18n import prefer_data_language
from .paths import DOC
from .view import Linker, best_label, hash_subjects, incoming, label, names, properties, term

FORMAT_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples", "rdfxml": "RDF/XML", "html": "HTML"}


def public_root() -> str:
    """Where this server is reached, ending in '/' (``Settings.public_root``: ``public_base`` behind a
    proxy, else ``base_iri``; never the request's ``Host``)."""
    from . import current_settings

    return current_settings().public_root


def linker(build: Build) -> Linker:
    graph = bind_prefixes(Graph(bind_namespaces="none"), Local(build.base_iri))
    graph.bind("rdf", RDF)
    graph.bind("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
    graph.bind("owl", "http://www.w3.org/2002/07/owl#")
    graph.bind("sh", "http://www.w3.org/ns/shacl#")
    prefixes = sorted(((p, str(ns)) for p, ns in graph.namespaces() if p), key=lambda x: -len(x[1]))
    return Linker(build.base_iri, public_root(), tuple(prefixes))


def serialize(graph: Graph, fmt: Format, base: str) -> bytes:
    local = Local(base)
    bind_prefixes(graph, local)
    check_representable(graph, fmt)  # RDF/XML of a quote holding a form feed: 406, not broken XML
    if fmt.name == "jsonld":
        return jsonld_bytes(graph, local)
    assert fmt.rdflib_format is not None
    return graph.serialize(format=fmt.rdflib_format, encoding="utf-8")


def not_found(fmt: Format, message: str) -> Response:
    """404 in the negotiated format: an empty graph (with the reason where the syntax allows it),
    the HTML error page, or plain text."""
    text = f"404 Not Found: {message}"
    if fmt.name in ("ttl", "nt"):
        body = f"# {text}\n"
    elif fmt.name == "jsonld":
        body = '{"@graph": []}\n'
    elif fmt.name == "rdfxml":
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n<!-- 404 Not Found -->\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
        )
    elif fmt.name == "html":
        body = render_template("error.html", status=404, title=_("Not Found"), message=message)
    else:
        body = text + "\n"
    return Response(body, status=404, mimetype=fmt.media_type)


def _document_graph(description: d.Description, doc_iri: str, build: Build) -> Graph:
    graph = Graph()
    graph += description.graph
    doc = URIRef(doc_iri)
    graph.add((doc, RDF.type, FOAF.Document))
    graph.add((doc, FOAF.primaryTopic, description.iri))
    graph.add((doc, DCTERMS.modified, Literal(build.created.isoformat(), datatype=XSD.dateTime)))
    return graph


def document(store: Any, build: Build, settings: Settings, thing: str, doc: str, fmt: Format) -> Response:
    max_incoming = max(10, min(500, settings.max_result_rows // 8))
    description = d.describe(store, thing, max_incoming)
    if fmt.rdflib_format is not None:
        graph = _document_graph(description, build.base_iri + doc, build)
        return Response(serialize(graph, fmt, build.base_iri), mimetype=fmt.media_type)
    html = render_template("resource.html", **page_context(store, build, description, doc))
    return Response(html, mimetype="text/html")


def page_context(store: Any, build: Build, description: d.Description, doc: str) -> dict[str, Any]:
    link = linker(build)
    iri = description.iri
    graph = description.graph
    if body_view.is_body(graph, iri):  # a Swedish-majority town's bodies: Swedish names by default
        prefer_data_language(d.municipality_language(store, str(iri)))
    claims = d.claims(store, str(iri), build.base_iri)
    context: dict[str, Any] = {
        "iri": str(iri),
        "title": label(graph, iri) or link.curie(str(iri)),
        "title_lang": getattr(best_label(graph, iri), "language", None),  # a Swedish name in a Finnish page
        "names": names(graph, iri),
        "types": [term(t, graph, link) for t in sorted(graph.objects(iri, RDF.type), key=str)],
        "properties": properties(graph, iri, link, d.graphs_of(store, str(iri))),
        "fragments": [
            {
                "id": str(h).split("#", 1)[1],
                "term": term(h, graph, link),
                "properties": properties(graph, h, link),
            }
            for h in hash_subjects(graph, iri)
        ],
        "incoming": incoming(graph, iri, link),
        "incoming_total": description.incoming_total,
        "incoming_shown": description.incoming_shown,
        "evidence": body_view.evidence(claims, graph, link, build),
        "alternates": alternate_links(doc),
        "body": None,
        "inferred_graph": str(Local(build.base_iri).GRAPH["inferred"]),
        "graph_query": graph_query(str(iri), build.base_iri),
    }
    if body_view.is_body(graph, iri):
        context["body"] = body_view.body_context(store, build, graph, iri, link)
    return context


def graph_query(iri: str, base: str) -> str | None:
    """For a named graph's IRI: a link to the query page showing the triples in it."""
    if not iri.startswith(base + "graph/"):
        return None
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }} LIMIT 500"
    return url_for("sparql.endpoint", query=query, format="html")


def alternate_links(doc: str) -> list[dict[str, str]]:
    from .resources import DOC_FORMATS

    root = public_root()
    out = []
    for fmt in DOC_FORMATS:
        href = f"{root}{doc}{fmt.suffix}" if not doc.endswith("/") else f"{root}{doc}?format={fmt.name}"
        out.append({"href": href, "type": fmt.media_type, "name": FORMAT_NAMES.get(fmt.name, fmt.name)})
    return out


def source(
    store: Any, build: Build, settings: Settings, iri: str, text_path: Path, rel: str, fmt: Format
) -> Response:
    description = d.describe(store, iri, max(10, min(500, settings.max_result_rows // 8)))
    if fmt.rdflib_format is not None:
        return Response(serialize(description.graph, fmt, build.base_iri), mimetype=fmt.media_type)
    text = source_text(text_path)
    link = linker(build)
    graph = description.graph
    spans = body_view.evidence_spans(graph, iri)
    html = render_template(
        "source.html",
        iri=iri,
        title=label(graph, URIRef(iri)) or rel,
        lang=str(graph.value(URIRef(iri), DCTERMS.language) or "") or None,
        properties=properties(graph, URIRef(iri), link),
        segments=body_view.marked(text, spans),
        spans=len(spans),
        text_href=f"{public_root()}{rel}.txt",
        alternates=[
            {"href": f"{public_root()}{rel}{f.suffix}", "type": f.media_type, "name": FORMAT_NAMES[f.name]}
            for f in (*_graph_formats(),)
        ],
    )
    return Response(html, mimetype="text/html")


def _graph_formats() -> tuple[Format, ...]:
    from .resources import GRAPH_FORMATS

    return GRAPH_FORMATS


@lru_cache(maxsize=64)
def _read(path: Path, mtime: float) -> str:
    return path.read_text(encoding="utf-8")


def source_text(path: Path) -> str:
    """A published source text (cached; a build's files never change once published)."""
    return _read(path, path.stat().st_mtime)


__all__ = ["DOC", "document", "not_found", "public_root", "source"]
