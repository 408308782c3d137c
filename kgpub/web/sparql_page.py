"""What ``/sparql`` shows when it is not answering a query for a program.

- The SPARQL 1.1 Service Description (``sd:``) in any graph format: endpoint, language, result
  formats, the union default graph, the named graphs, and the limits in words.
- The query page for browsers: the YASGUI editor (vendored, see :mod:`kgpub.web.assets`) with the
  named queries of ``queries/`` as examples, over a plain HTML form that works without JavaScript;
  and the same page with a result table when that form is submitted.
"""

from __future__ import annotations

from typing import Any

from flask import Response, render_template, url_for
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import Node

from ..errors import NotFoundError, QueryError, QueryRefused, Unavailable
from ..export import jsonld_bytes
from ..formats import BY_NAME, Format
from ..namespaces import SD, Local, bind_prefixes
from ..queries import load_queries
from ..store import QueryStore
from . import assets, current_settings, current_store
from .i18n import N_, gettext
from .limits import public_query
from .security import web_link

FORMATS_NS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "JSON-LD",
    "N-Triples",
    "RDF_XML",
)


def endpoint_iri() -> str:
    """The endpoint's public address (``public_base`` when the server sits behind a proxy, else under
    ``base_iri``; never the request's ``Host``)."""
    return current_settings().public_root + "sparql"


LIMITS = N_(
    "Read-only SPARQL 1.1 Query endpoint; no SERVICE, no updates. Queries up to %(bytes)s "
    "bytes; each runs at most %(seconds)s s and may return at most %(rows)s "
    "rows or triples, otherwise it is refused with 503 and Retry-After (never truncated). "
    "Without a dataset in the request, the default graph is the union of all named graphs."
)


def limits_text(*, translated: bool = False) -> str:
    """The endpoint's limits: in English for the service description, in the reader's language on
    the query page (``translated``)."""
    s = current_settings()
    values = {"bytes": s.max_query_bytes, "seconds": f"{s.query_timeout_s:g}", "rows": s.max_result_rows}
    return gettext(LIMITS, **values) if translated else LIMITS % values


def service_description(fmt: Format) -> Response:
    graph = sd_graph(endpoint_iri(), _store_or_none())
    local = Local(current_settings().base_iri)
    bind_prefixes(graph, local).bind("sd", SD)
    assert fmt.rdflib_format is not None
    if fmt.name == "jsonld":
        body = jsonld_bytes(graph, local, {"sd": str(SD)})
    else:
        body = graph.serialize(format=fmt.rdflib_format, encoding="utf-8")
    return Response(body, mimetype=fmt.media_type)


def sd_graph(endpoint: str, store: QueryStore | None) -> Graph:
    """The service description as a graph (the endpoint IRI is the service's own IRI)."""
    graph = Graph()
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, URIRef(FORMATS_NS + name)))
    graph.add((service, DCTERMS.description, Literal(limits_text(), lang="en")))
    if store is not None:
        dataset, default = BNode(), BNode()
        graph.add((service, SD.defaultDataset, dataset))
        graph.add((dataset, RDF.type, SD.Dataset))
        graph.add((dataset, SD.defaultGraph, default))
        graph.add((default, RDF.type, SD.Graph))
        for iri in store.named_graphs():
            named = BNode()
            graph.add((dataset, SD.namedGraph, named))
            graph.add((named, RDF.type, SD.NamedGraph))
            graph.add((named, SD.name, URIRef(iri)))
    return graph


def _store_or_none() -> QueryStore | None:
    """The store, or None when nothing (intact) is published: the form still renders."""
    try:
        return current_store()
    except (NotFoundError, Unavailable):
        return None


def render_page(status: int = 200, **context: Any) -> Response:
    """The query page; ``context`` adds the query, its result or its error."""
    settings = current_settings()
    html = render_template(
        "sparql.html",
        endpoint=url_for("sparql.endpoint"),
        examples=load_queries(settings.queries_dir, settings.base_iri),  # absolute prefixes
        yasgui=assets.available(),
        limits=limits_text(translated=True),
        **context,
    )
    response = Response(html, status=status, mimetype="text/html")
    response.vary.add("Accept")
    return response


def render_results(query: str, default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]) -> Response:
    """Run a query from the HTML form and show its result, or its error next to the query."""
    try:
        result = public_query(query, default_graphs, named_graphs)
    except (QueryError, QueryRefused) as exc:  # TooManyQueries (429) is a QueryRefused
        response = render_page(exc.http_status, query=query, error=str(exc))
        if isinstance(exc, QueryRefused):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    shown: dict[str, Any] = {"kind": result.kind, "rows": result.rows}
    if result.kind == "bindings":
        shown["vars"] = result.variables
        shown["table"] = [[_cell(row.get(v)) for v in result.variables] for row in result.bindings()]
    elif result.kind == "boolean":
        shown["boolean"] = result.boolean
    else:
        shown["turtle"] = result.serialize(BY_NAME["ttl"]).decode("utf-8")
    return render_page(query=query, result=shown)


def _cell(term: Node | None) -> dict[str, str | None]:
    """A term for display: its text, a link for IRIs, and a language tag or datatype."""
    if term is None:
        return {"text": "", "href": None, "note": None}
    if isinstance(term, URIRef):  # only http(s) IRIs become links (see security.web_link)
        return {"text": str(term), "href": web_link(str(term)), "note": None}
    if isinstance(term, Literal):
        datatype = str(term.datatype).rsplit("#", 1)[-1] if term.datatype else None
        note = f"@{term.language}" if term.language else datatype
        return {"text": str(term), "href": None, "note": note}
    return {"text": term.n3(), "href": None, "note": None}
