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

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from . import jsonld, subsets
from .delta import Delta
from .export import jsonld_context
from .jsonld_dump import compact_bytes
from .namespaces import Local, bind_prefixes
from .publish import write_bytes, writing
from .quads import Converter
from .store.results import prefixes as dump_prefixes

TURTLE, TRIG = "text/turtle", "application/trig"
#: At the build's root: each part dump's input digest (what a later build compares to reuse it).
INPUTS = "parts.json"
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


def write_part_dumps(
    build_dir: Path,
    named: Mapping[URIRef, Graph],
    local: Local,
    *,
    terms: Converter | None = None,
    change: Delta | None = None,
) -> list[PartDump]:
    """Write every part dump into ``build_dir/dumps`` and add them to ``dumps.json``.

    ``terms``: the converter the build's quads were made with (its blank-node labels and its cache of
    converted terms). With ``change`` (:mod:`kgpub.delta`), a part made from exactly the input it was
    made from in the published build is that build's file, hard-linked (a municipality's part: the
    same triples, by digest; a graph's: no quad of it changed). ``parts.json`` at the build's root keeps
    each part's input digest for the next build; it is sealed with the build like every file."""
    out_dir = build_dir / "dumps"
    with writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
    written: list[PartDump] = []
    inputs: dict[str, str] = {}
    before = _inputs(change.previous) if change is not None else {}
    changed_graphs = change.graphs() if change is not None else frozenset()

    def reused(names: list[str], digest: str | None) -> bool:
        """Link the published build's files for ``names`` if they were made from ``digest``."""
        if change is None or digest is None or any(before.get(n) != digest for n in names):
            return False
        for name in names:
            _link(change.previous / "dumps" / name, out_dir / name)
        return True

    def add(name: str, media_type: str, scope: str, about: str | None, title: str, digest: str) -> None:
        inputs[name] = digest
        written.append(PartDump(name, media_type, None, (out_dir / name).stat().st_size, scope, about, title))

    def graph_part(
        iri: URIRef, name: str, make: Callable[[], bytes], media_type: str, scope: str, title: str
    ) -> None:
        digest = before.get(name) if str(iri) not in changed_graphs else None
        if not reused([name], digest):
            data = make()
            write_bytes(out_dir / name, data)  # a full disk: a PublishError naming the file
            digest = hashlib.sha256(data).hexdigest()
        assert digest is not None
        add(name, media_type, scope, str(iri), title, digest)

    terms = terms or Converter(stable=True)
    context = jsonld_context(local)
    for schema in subsets.SCHEMA_GRAPHS:
        iri = local.GRAPH[schema]
        if iri in named and len(named[iri]):
            terms.label_blank_nodes(named[iri], iri)
            graph_part(
                iri,
                f"{schema}.ttl",
                lambda iri=iri: _serialized(list(terms.triples(named[iri])), local, ox.RdfFormat.TURTLE),  # type: ignore[misc]
                TURTLE,
                "schema",
                f"The {schema} (not in the data dumps)",
            )
    for iri, graph in named.items():  # a blank node is known by its label in the graph it is in
        terms.label_blank_nodes(graph, iri)
    index = subsets.Index(named, local)
    for slug, municipality in index.municipalities().items():
        quads = index.municipality(slug, ordered=False)
        part, digest = _ordered(quads, terms)
        about = str(municipality)
        stem = f"municipality-{file_name(slug)}"
        names = [f"{stem}.ttl", f"{stem}.jsonld", f"{stem}.tree.jsonld"]
        if not reused(names, digest):
            write_bytes(out_dir / names[0], _serialized(part, local, ox.RdfFormat.TURTLE))
            # node by node: rdflib's compaction was a third of the stage
            write_bytes(out_dir / names[1], compact_bytes(part, context))
            graph = _graph(quads, local)
            bodies = {s for s in graph.subjects(RDF.type, None) if _is_body(graph, s)}
            write_bytes(
                out_dir / names[2], jsonld.tree_bytes(jsonld.org_tree(graph, local, municipality, bodies))
            )
        add(
            names[0],
            TURTLE,
            "municipality",
            about,
            f"Municipality {slug}: its bodies, posts, persons, duties and claims",
            digest,
        )
        add(
            names[1],
            jsonld.MEDIA_TYPE,
            "municipality",
            about,
            f"Municipality {slug} (JSON-LD, short names)",
            digest,
        )
        add(
            names[2],
            jsonld.MEDIA_TYPE,
            "tree",
            about,
            f"Municipality {slug}: organisation tree (framed JSON-LD)",
            digest,
        )
    for g in subsets.graph_names(subsets.data_only(named, local), local):
        graph_part(
            g.iri,
            f"graph-{file_name(g.name)}.trig",
            lambda g=g: _serialized(list(terms.quads(named[g.iri], g.iri)), local, ox.RdfFormat.TRIG),  # type: ignore[misc]
            TRIG,
            "graph",
            f"Named graph {g.name}",
        )
    _list(out_dir, written)
    write_bytes(build_dir / INPUTS, json.dumps(inputs, indent=0, sort_keys=True).encode("utf-8"))
    return written


def _ordered(quads: list[subsets.Quad], terms: Converter) -> tuple[list[ox.Triple], str]:
    """A part's triples in order (equal parts, equal files) and their digest; a triple of two source
    graphs is in the part once."""
    term = terms.term
    triples = {ox.Triple(term(s), term(p), term(o)) for s, p, o, _g in quads}  # type: ignore[arg-type]
    lines = sorted((str(t), t) for t in triples)
    digest = hashlib.sha256("\n".join(line for line, _t in lines).encode()).hexdigest()
    return [t for _line, t in lines], digest


def _inputs(build: Path) -> dict[str, str]:
    """A build's ``parts.json`` (nothing when it has none: every part is made again)."""
    try:
        found = json.loads((build / INPUTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _link(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (a published file never changes), else a copy."""
    with writing(target):
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


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
