"""The one place URLs are made: this server's root, a document's URL in each format, the ``Link``
alternates, and the :class:`~.view.Linker` pages link with. The Flask app and the static site
exporter (:mod:`kgpub.site`) both build their links here, so a link on a page and the file it names
never disagree.

The formats a document (``/doc/…``) and a source text (``/source/…``) come in live here too, with
their order of preference: Turtle when a client does not say (``*/*``), HTML for browsers, the exact
text first for sources.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import Graph
from rdflib.namespace import RDF

from ..formats import BY_NAME, Format, by_kind
from ..namespaces import Local, bind_prefixes
from .view import Linker

HTML = BY_NAME["html"]
GRAPH_FORMATS = by_kind("graph")
#: Documents: Turtle when the client does not say (``*/*``, curl, most RDF libraries), HTML for browsers.
DOC_FORMATS: tuple[Format, ...] = (*GRAPH_FORMATS, HTML)
TEXT = Format("text", ("text/plain",), ".txt", None, "page")
#: Source texts: the exact text first (what ``#char=a,b`` points into), then a page, then RDF.
SOURCE_FORMATS: tuple[Format, ...] = (TEXT, HTML, *GRAPH_FORMATS)
FORMAT_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples", "rdfxml": "RDF/XML", "html": "HTML"}
#: What ``quote`` keeps in a path: every character an IRI path may hold as it is.
PATH_SAFE = "/:@!$&'()*+,;=-._~"


def public_root() -> str:
    """Where this server is reached, ending in '/' (``Settings.public_root``: ``public_base`` behind a
    proxy, else ``base_iri``; never the request's ``Host``)."""
    from . import current_settings

    return current_settings().public_root


def quote_path(path: str) -> str:
    return quote(path, safe=PATH_SAFE)


def url(root: str, path: str) -> str:
    """The absolute URL of a path relative to the root."""
    return root + quote_path(path)


def format_url(root: str, doc: str, fmt: Format) -> str:
    """A document in one format: the suffix URL (``?format=`` for a path ending in '/')."""
    base = url(root, doc)
    return base + fmt.suffix if not doc.endswith("/") else f"{base}?format={fmt.name}"


def alternates(root: str, doc: str, formats: tuple[Format, ...]) -> str:
    """The ``Link`` header value: one ``rel="alternate"`` per format (suffix URLs)."""
    return ", ".join(f'<{format_url(root, doc, f)}>; rel="alternate"; type="{f.media_type}"' for f in formats)


def alternate_links(root: str, doc: str, formats: tuple[Format, ...] = DOC_FORMATS) -> list[dict[str, str]]:
    """The same alternates for a page's "other formats" links."""
    return [
        {"href": format_url(root, doc, f), "type": f.media_type, "name": FORMAT_NAMES.get(f.name, f.name)}
        for f in formats
    ]


def linker(base_iri: str, root: str) -> Linker:
    """Links from a page: local IRIs to their pages under ``root``, CURIEs with kgpub's prefixes."""
    graph = bind_prefixes(Graph(bind_namespaces="none"), Local(base_iri))
    graph.bind("rdf", RDF)
    graph.bind("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
    graph.bind("owl", "http://www.w3.org/2002/07/owl#")
    graph.bind("sh", "http://www.w3.org/ns/shacl#")
    prefixes = sorted(((p, str(ns)) for p, ns in graph.namespaces() if p), key=lambda x: -len(x[1]))
    return Linker(base_iri, root, tuple(prefixes))
