"""The dumps of parts of a build, next to the full data dumps in ``dumps/``:

- ``ontology.ttl``, ``shapes.ttl`` — the schema graphs, each a document of its own (the data dumps
  leave them out);
- ``municipality-<slug>.ttl`` and ``.jsonld`` — one municipality's part (:mod:`kgpub.subsets`), the
  JSON-LD compacted with the short-name context, node by node (:mod:`kgpub.jsonld_dump`);
- ``municipality-<slug>.tree.jsonld`` — its organisation tree (:func:`kgpub.jsonld.org_tree`);
- ``graph-<name>.trig`` — one data graph, its name kept (``/`` in a graph name becomes ``-``:
  ``graph-source-helsinki-kaupunginkanslia.trig``).

Names are flat, so ``/dumps/<name>`` serves them like the full dumps. Each is listed in
``dumps/dumps.json`` with what it covers (``scope``: ``schema``, ``municipality``, ``tree`` or
``graph``; ``about``: the municipality's or the graph's IRI), which the dataset description turns
into ``void:subset``\\ s and ``dcat:distribution``\\ s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from . import jsonld, subsets
from .export import jsonld_context
from .jsonld_dump import compact_bytes
from .namespaces import Local, bind_prefixes
from .publish import write_bytes, writing
from .quads import Converter
from .store.results import prefixes as dump_prefixes

TURTLE, TRIG = "text/turtle", "application/trig"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class PartDump:
    """One file of ``dumps/`` that holds a part of the build, and what part."""

    name: str
    media_type: str
    encoding: str | None
    size: int
    scope: str
    about: str | None
    title: str


def file_name(name: str) -> str:
    """A flat, URL-safe file name from a graph's short name (``source/x`` → ``source-x``)."""
    return _UNSAFE.sub("-", name).strip("-") or "graph"


def _graph(quads: list[subsets.Quad], local: Local) -> Graph:
    graph = bind_prefixes(Graph(), local)
    for s, p, o, _g in quads:
        graph.add((s, p, o))
    return graph


def _serialized(quads: list[ox.Quad] | list[ox.Triple], local: Local, fmt: ox.RdfFormat) -> bytes:
    """Written by pyoxigraph (as the full dumps are): every literal keeps its lexical form — rdflib's
    Turtle writer respells ``"1"^^xsd:decimal`` as ``1.0``, another term."""
    return bytes(ox.serialize(quads, format=fmt, prefixes=dump_prefixes(local.base)) or b"")


def write_part_dumps(build_dir: Path, named: Mapping[URIRef, Graph], local: Local) -> list[PartDump]:
    """Write every part dump into ``build_dir/dumps`` and add them to ``dumps.json``."""
    out_dir = build_dir / "dumps"
    with writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
    written: list[PartDump] = []

    def write(name: str, data: bytes, media_type: str, scope: str, about: str | None, title: str) -> None:
        write_bytes(out_dir / name, data)  # a full disk: a PublishError naming the file
        written.append(PartDump(name, media_type, None, len(data), scope, about, title))

    terms = Converter()  # rdflib terms to pyoxigraph's once, no N-Triples round trip per file
    context = jsonld_context(local)
    for schema in subsets.SCHEMA_GRAPHS:
        iri = local.GRAPH[schema]
        if iri in named and len(named[iri]):
            data = _serialized(list(terms.triples(named[iri])), local, ox.RdfFormat.TURTLE)
            write(f"{schema}.ttl", data, TURTLE, "schema", str(iri), f"The {schema} (not in the data dumps)")
    index = subsets.Index(named, local)
    for slug, municipality in index.municipalities().items():
        quads = index.municipality(slug)
        graph = _graph(quads, local)
        part = list(terms.triples(graph))  # the graph holds a triple of two source graphs once
        about = str(municipality)
        stem = f"municipality-{file_name(slug)}"
        write(
            f"{stem}.ttl",
            _serialized(part, local, ox.RdfFormat.TURTLE),
            TURTLE,
            "municipality",
            about,
            f"Municipality {slug}: its bodies, posts, persons, duties and claims",
        )
        data = compact_bytes(part, context)  # node by node: rdflib's compaction was a third of the stage
        write(
            f"{stem}.jsonld",
            data,
            jsonld.MEDIA_TYPE,
            "municipality",
            about,
            f"Municipality {slug} (JSON-LD, short names)",
        )
        bodies = {s for s in graph.subjects(RDF.type, None) if _is_body(graph, s)}
        tree = jsonld.tree_bytes(jsonld.org_tree(graph, local, municipality, bodies))
        write(
            f"{stem}.tree.jsonld",
            tree,
            jsonld.MEDIA_TYPE,
            "tree",
            about,
            f"Municipality {slug}: organisation tree (framed JSON-LD)",
        )
    for g in subsets.graph_names(subsets.data_only(named, local), local):
        write(
            f"graph-{file_name(g.name)}.trig",
            _serialized(list(terms.quads(named[g.iri], g.iri)), local, ox.RdfFormat.TRIG),
            TRIG,
            "graph",
            str(g.iri),
            f"Named graph {g.name}",
        )
    _list(out_dir, written)
    return written


def _is_body(graph: Graph, node: Node) -> bool:
    return any((node, RDF.type, t) in graph for t in subsets.BODY_TYPES)


def _list(out_dir: Path, written: list[PartDump]) -> None:
    """Add the part dumps to ``dumps.json`` (written by ``export.write_dumps`` before them)."""
    listing = out_dir / "dumps.json"
    try:
        entries = json.loads(listing.read_text(encoding="utf-8"))
    except FileNotFoundError:
        entries = []
    names = {d.name for d in written}
    entries = [e for e in entries if e.get("name") not in names] + [asdict(d) for d in written]
    write_bytes(listing, json.dumps(entries, indent=1).encode("utf-8"))


__all__ = ["PartDump", "write_part_dumps"]
