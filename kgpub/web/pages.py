"""A document's answer in the negotiated format: RDF (:mod:`.rdf_doc`) or the page (:mod:`.html_doc`).

Both representations read the same description (:mod:`.describe`), from whatever ``store`` is given:
the build's store, or the answers recorded at build time (:class:`kgpub.documents.Replay`).
"""

from __future__ import annotations

from pathlib import Path

from flask import Response, render_template

from ..config import Settings
from ..documents import max_incoming
from ..formats import Format
from . import describe as d
from . import html_doc, rdf_doc, urls
from .caching import Build
from .i18n import gettext as _
from .paths import DOC


def not_found(fmt: Format, message: str) -> Response:
    """404 in the negotiated format: an empty graph (with the reason where the syntax allows it),
    the HTML error page, or plain text."""
    text = f"404 Not Found: {message}"
    body = rdf_doc.not_found_body(fmt, text)
    if body is None and fmt.name == "html":
        body = render_template("error.html", status=404, title=_("Not Found"), message=message)
    return Response(body if body is not None else text + "\n", status=404, mimetype=fmt.media_type)


def document(
    store: d.Queryable, build: Build, settings: Settings, thing: str, doc: str, fmt: Format
) -> Response:
    description = d.describe(store, thing, max_incoming(settings.max_result_rows))
    if fmt.rdflib_format is not None:
        graph = rdf_doc.document_graph(description, build.base_iri + doc, build.created)
        return Response(rdf_doc.serialize(graph, fmt, build.base_iri), mimetype=fmt.media_type)
    return Response(html_doc.document(store, build, description, doc), mimetype="text/html")


def source(
    store: d.Queryable, build: Build, settings: Settings, iri: str, text_path: Path, rel: str, fmt: Format
) -> Response:
    description = d.describe(store, iri, max_incoming(settings.max_result_rows))
    if fmt.rdflib_format is not None:
        return Response(rdf_doc.serialize(description.graph, fmt, build.base_iri), mimetype=fmt.media_type)
    return Response(html_doc.source(build, description, text_path, rel), mimetype="text/html")


__all__ = ["DOC", "document", "not_found", "source", "urls"]
