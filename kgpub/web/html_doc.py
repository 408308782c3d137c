"""The HTML representation of a document and of a source text.

A document's page shows the same description as its RDF — names, every property (blank nodes nested,
inferred values marked), what links here — and for bodies the breadcrumbs, kind, units, posts and
heads, duties, sites, the chart of the neighbourhood, and each claim's source sentence with its span
highlighted. A source's page marks every evidence span with an element whose ``id`` is ``char=a,b``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import render_template, url_for
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF

from ..namespaces import Local
from . import body as body_view
from . import describe as d
from . import urls
from .caching import Build
from .i18n import prefer_data_language
from .texts import source_text
from .view import best_label, hash_subjects, incoming, label, names, properties, term


def document(store: d.Queryable, build: Build, description: d.Description, doc: str) -> str:
    """The page of a document (``doc`` is its path, ``doc/…``)."""
    return render_template("resource.html", **page_context(store, build, description, doc))


def page_context(store: d.Queryable, build: Build, description: d.Description, doc: str) -> dict[str, Any]:
    root = urls.public_root()
    link = urls.linker(build.base_iri, root)
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
        "alternates": urls.alternate_links(root, doc),
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


def source(build: Build, description: d.Description, text_path: Path, rel: str) -> str:
    """The page of a source text (``rel`` is its path, ``source/<id>``)."""
    root = urls.public_root()
    link = urls.linker(build.base_iri, root)
    iri = str(description.iri)
    graph = description.graph
    spans = body_view.evidence_spans(graph, iri)
    return render_template(
        "source.html",
        iri=iri,
        title=label(graph, URIRef(iri)) or rel,
        lang=str(graph.value(URIRef(iri), DCTERMS.language) or "") or None,
        properties=properties(graph, URIRef(iri), link),
        segments=body_view.marked(source_text(text_path), spans),
        spans=len(spans),
        text_href=f"{root}{rel}.txt",
        alternates=urls.alternate_links(root, rel, urls.GRAPH_FORMATS),
    )
