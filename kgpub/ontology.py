"""Load the ontology (``ontology/kgpub.ttl`` + the vendored W3C/EU vocabularies) and the SHACL shapes.

Both are Turtle written with relative IRIs for the local terms (``<def/…>``) and parsed with the
deployment's base IRI as the document base, so one set of files serves any deployment. Nothing is
fetched: the vendored vocabularies are files under ``ontology/vendor/`` (see its README for sources
and checksums). A file that does not parse is a :class:`ShapesError` naming the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.plugins.parsers.notation3 import BadSyntax

from .config import Settings
from .errors import KgpubError, ShapesError
from .namespaces import SH, Local, bind_prefixes

LOCAL_ONTOLOGY = "kgpub.ttl"
COFOG_SCHEME = "cofog.ttl"
VENDOR_DIR = "vendor"
#: Placeholder in shape literals (sh:pattern, sh:select, sh:ask) for the deployment's base IRI:
#: SHACL-SPARQL queries and patterns are strings, which relative IRIs cannot reach.
BASE_PLACEHOLDER = "{BASE}"


def parse_turtle(path: Path, base: str, error: type[KgpubError] = ShapesError) -> Graph:
    """Parse one Turtle file with ``base`` as its document base; errors name ``file:line``."""
    graph = Graph()
    try:
        data = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from exc
    try:
        graph.parse(data=data, format="turtle", publicID=base)
    except BadSyntax as exc:
        line = int(getattr(exc, "lines", 0)) + 1
        why = getattr(exc, "_why", str(exc))
        raise error(f"{path}:{line}: Turtle syntax error: {why}") from exc
    except (ValueError, SyntaxError) as exc:  # rdflib raises these for bad IRIs, literals, prefixes
        raise error(f"{path}: Turtle error: {exc}") from exc
    return graph


def ontology_files(settings: Settings) -> list[Path]:
    """The local ontology first (with the COFOG scheme), then every vendored vocabulary, in name order."""
    local = local_files(settings)
    vendor = settings.ontology_dir / VENDOR_DIR
    return [*local, *sorted(vendor.glob("*.ttl"))]


def local_files(settings: Settings) -> list[Path]:
    """``kgpub.ttl`` and ``cofog.ttl``: the terms served under ``/def/`` (the COFOG scheme is
    ``def/cofog/…``, what duty concepts are mapped to, see ``duties.py``)."""
    files = [settings.ontology_dir / LOCAL_ONTOLOGY, settings.ontology_dir / COFOG_SCHEME]
    for path in files:
        if not path.is_file():
            raise ShapesError(f"{path}: the local ontology is missing")
    return files


def load_ontology(settings: Settings) -> Graph:
    """The local ontology plus the vendored ORG and CPOV, as one graph (for reasoning and SHACL)."""
    graph = Graph()
    for path in ontology_files(settings):
        graph += parse_turtle(path, settings.base_iri)
    return bind_prefixes(graph, Local(settings.base_iri))


def load_local_ontology(settings: Settings) -> Graph:
    """Only ``kgpub.ttl`` and ``cofog.ttl`` — the terms served under ``/def/``."""
    graph = Graph()
    for path in local_files(settings):
        graph += parse_turtle(path, settings.base_iri)
    return bind_prefixes(graph, Local(settings.base_iri))


def load_shapes(settings: Settings) -> Graph:
    """Every ``shapes/*.ttl``, parsed against the base, with ``{BASE}`` filled in where IRIs can't go."""
    files = sorted(settings.shapes_dir.glob("*.ttl"))
    if not files:
        raise ShapesError(f"{settings.shapes_dir}: no shapes (*.ttl) found")
    graph = Graph()
    for path in files:
        graph += parse_turtle(path, settings.base_iri)
    fill_base(graph, settings.base_iri)
    return bind_prefixes(graph, Local(settings.base_iri))


def fill_base(graph: Graph, base: str) -> None:
    """Replace ``{BASE}`` in patterns (regex-escaped), SPARQL text and prefix namespaces (verbatim)."""
    fills = ((SH.pattern, re.escape(base)), (SH.select, base), (SH.ask, base), (SH.namespace, base))
    for predicate, value in fills:
        for subject, obj in list(graph.subject_objects(predicate)):
            if isinstance(obj, Literal) and BASE_PLACEHOLDER in str(obj):
                graph.remove((subject, predicate, obj))
                filled = str(obj).replace(BASE_PLACEHOLDER, value)
                graph.add((subject, predicate, Literal(filled, datatype=obj.datatype, lang=obj.language)))
