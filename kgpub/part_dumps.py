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
import sqlite3
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
#: At the build's root: each part dump's digest and each municipality part's terms, for the next build.
INPUTS = "parts.sqlite"
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
    converted terms). With ``change`` (:mod:`kgpub.delta`), a part the change cannot reach is the
    published build's file, hard-linked, without being computed: a graph's when no quad of it changed;
    a municipality's when no changed quad can reach its published part by the rules of the walk that
    made it (:func:`_previous`). A part that is computed and comes out the same (by digest) is linked
    too. ``parts.sqlite`` at the build's root
    keeps each part's digest and each municipality part's terms (hashed) for the next build; it is
    sealed with the build like every file."""
    writer = _Writer(build_dir, change, local)
    terms = terms or Converter(stable=True)
    context = jsonld_context(local)
    for iri, graph in named.items():  # a blank node is known by its label in the graph it is in
        terms.label_blank_nodes(graph, iri)
    for schema in subsets.SCHEMA_GRAPHS:
        iri = local.GRAPH[schema]
        if iri in named and len(named[iri]):
            writer.graph_part(
                iri,
                f"{schema}.ttl",
                lambda iri=iri: _serialized(list(terms.triples(named[iri])), local, ox.RdfFormat.TURTLE),  # type: ignore[misc]
                TURTLE,
                "schema",
                f"The {schema} (not in the data dumps)",
            )
    index = subsets.Index(named, local)
    for slug, municipality in index.municipalities().items():
        stem = f"municipality-{file_name(slug)}"
        names = [f"{stem}.ttl", f"{stem}.jsonld", f"{stem}.tree.jsonld"]
        about = str(municipality)
        titles = [
            f"Municipality {slug}: its bodies, posts, persons, duties and claims",
            f"Municipality {slug} (JSON-LD, short names)",
            f"Municipality {slug}: organisation tree (framed JSON-LD)",
        ]
        digest = writer.untouched(slug, names)
        if digest is None:
            quads = index.municipality(slug, ordered=False)
            part, digest = _ordered(quads, terms)
            writer.record_terms(slug, part)
            if not writer.reused(names, digest):
                writer.write(names[0], _serialized(part, local, ox.RdfFormat.TURTLE))
                # node by node: rdflib's compaction was a third of the stage
                writer.write(names[1], compact_bytes(part, context))
                graph = _graph(quads, local)
                bodies = {s for s in graph.subjects(RDF.type, None) if _is_body(graph, s)}
                tree = jsonld.org_tree(graph, local, municipality, bodies)
                writer.write(names[2], jsonld.tree_bytes(tree))
        for name, media_type, scope, title in zip(
            names,
            (TURTLE, jsonld.MEDIA_TYPE, jsonld.MEDIA_TYPE),
            ("municipality", "municipality", "tree"),
            titles,
            strict=True,
        ):
            writer.add(name, media_type, scope, about, title, digest)
    for g in subsets.graph_names(subsets.data_only(named, local), local):
        writer.graph_part(
            g.iri,
            f"graph-{file_name(g.name)}.trig",
            lambda g=g: _serialized(list(terms.quads(named[g.iri], g.iri)), local, ox.RdfFormat.TRIG),  # type: ignore[misc]
            TRIG,
            "graph",
            f"Named graph {g.name}",
        )
    return writer.finish()


_SCHEMA = """
CREATE TABLE parts (name TEXT PRIMARY KEY, digest TEXT NOT NULL);
CREATE TABLE terms (h INTEGER NOT NULL, part TEXT NOT NULL, subject INTEGER NOT NULL);
CREATE INDEX terms_h ON terms (h);
CREATE INDEX terms_part ON terms (part);
"""


def _term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "big", signed=True)


def _part_terms(part: list[ox.Triple]) -> dict[str, bool]:
    """The subjects and objects of a part (IRIs and blank nodes, as ``str`` of pyoxigraph writes them),
    each with whether it is a subject there (described) or only an object (named)."""
    found = {str(t.object): False for t in part if not isinstance(t.object, ox.Literal)}
    found.update((str(t.subject), True) for t in part)
    return found


class _Writer:
    """The part dumps of one build: writes or links each file, and keeps ``parts.sqlite``."""

    def __init__(self, build_dir: Path, change: Delta | None, local: Local) -> None:
        self.build_dir = build_dir
        self.out_dir = build_dir / "dumps"
        with writing(self.out_dir):
            self.out_dir.mkdir(parents=True, exist_ok=True)
        self.change = change
        self.written: list[PartDump] = []
        self.digests: dict[str, str] = {}
        self.rows: list[tuple[int, str, int]] = []
        self.kept: list[str] = []  # municipality parts whose term rows are copied from the last build
        self.before: dict[str, str] = {}
        self.touched: set[str] = set()  # municipality parts a changed quad reaches
        self.previous: Path | None = None
        if change is not None:
            self.previous = change.previous / INPUTS
            self.before, self.touched = _previous(self.previous, change, local)
        self.changed_graphs = change.graphs() if change is not None else frozenset()

    def write(self, name: str, data: bytes) -> None:
        write_bytes(self.out_dir / name, data)  # a full disk: a PublishError naming the file

    def reused(self, names: list[str], digest: str | None) -> bool:
        """Link the published build's files for ``names`` if they were made from ``digest``."""
        if self.change is None or digest is None or any(self.before.get(n) != digest for n in names):
            return False
        for name in names:
            _link(self.change.previous / "dumps" / name, self.out_dir / name)
        return True

    def untouched(self, slug: str, names: list[str]) -> str | None:
        """The digest of a municipality's part that no changed quad reaches, its files linked; else None."""
        digest = self.before.get(names[0])
        if self.change is None or slug in self.touched or digest is None or not self.reused(names, digest):
            return None
        self.kept.append(slug)
        return digest

    def record_terms(self, slug: str, part: list[ox.Triple]) -> None:
        self.rows.extend((_term_hash(t), slug, int(subject)) for t, subject in _part_terms(part).items())

    def add(self, name: str, media_type: str, scope: str, about: str | None, title: str, digest: str) -> None:
        self.digests[name] = digest
        size = (self.out_dir / name).stat().st_size
        self.written.append(PartDump(name, media_type, None, size, scope, about, title))

    def graph_part(
        self, iri: URIRef, name: str, make: Callable[[], bytes], media_type: str, scope: str, title: str
    ) -> None:
        digest = self.before.get(name) if str(iri) not in self.changed_graphs else None
        if not self.reused([name], digest):
            data = make()
            self.write(name, data)
            digest = hashlib.sha256(data).hexdigest()
        assert digest is not None
        self.add(name, media_type, scope, str(iri), title, digest)

    def finish(self) -> list[PartDump]:
        """List the parts in ``dumps.json`` and write ``parts.sqlite``."""
        _list(self.out_dir, self.written)
        target = self.build_dir / INPUTS
        with writing(target):
            db = sqlite3.connect(target)
            try:
                db.executescript(_SCHEMA)
                db.executemany("INSERT INTO parts VALUES (?, ?)", sorted(self.digests.items()))
                db.executemany("INSERT INTO terms VALUES (?, ?, ?)", self.rows)
                if self.kept and self.previous is not None:
                    db.execute(
                        "ATTACH DATABASE ? AS before", (f"{self.previous.resolve().as_uri()}?mode=ro",)
                    )
                    db.execute("CREATE TEMP TABLE kept (part TEXT PRIMARY KEY)")
                    db.executemany("INSERT INTO kept VALUES (?)", ((k,) for k in self.kept))
                    copy = (
                        "INSERT INTO terms SELECT h, part, subject FROM before.terms JOIN kept USING (part)"
                    )
                    db.execute(copy)
                db.commit()
            finally:
                db.close()
        return self.written


def _previous(path: Path, change: Delta, local: Local) -> tuple[dict[str, str], set[str]]:
    """The published build's part digests, and the municipality parts ``change`` reaches (nothing
    known when it has no ``parts.sqlite``: every part is computed again).

    A changed quad ``s p o`` (in graph ``g``) reaches a part (:meth:`subsets.Index.describe` walks from
    the municipality's members along the quads of what it describes) when ``s`` is described there;
    when ``s`` is only named there but the quad may make the walk follow it (its type decides whether
    it is described; a node under the base outside the vocabulary and graph names is followed); when
    ``p`` is a link the walk follows backwards and ``o`` is in the part; or when ``g`` is the graph of
    a source the part describes (a body new in a page belongs to the page's town). A term named by
    every part (a class, a kind, ``org:purpose`` as a claim's predicate) then reaches none by itself."""
    if not path.is_file():
        return {}, set()
    base, skip = local.base, (str(local.KGP), str(local.GRAPH))
    graphs, backwards = str(local.GRAPH), {str(p) for p in subsets.BACKWARDS}
    wanted: dict[str, bool] = {}  # term → must it be described in the part (True), or only be in it?

    def want(term: str, described: bool) -> None:
        wanted[term] = wanted.get(term, True) and described

    for q in change.changed():
        s, p = q.subject, q.predicate.value
        followed = p == str(RDF.type) or isinstance(s, ox.BlankNode)
        followed |= isinstance(s, ox.NamedNode) and s.value.startswith(base) and not s.value.startswith(skip)
        want(str(s), not followed)
        if p in backwards and not isinstance(q.object, ox.Literal):
            want(str(q.object), False)
        g = q.graph_name
        if isinstance(g, ox.NamedNode) and g.value.startswith(graphs):
            want(f"<{base}{g.value[len(graphs) :]}>", True)
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            digests = dict(db.execute("SELECT name, digest FROM parts").fetchall())
            touched: set[str] = set()
            for term, described in wanted.items():
                query = "SELECT part FROM terms WHERE h = ?" + (" AND subject = 1" if described else "")
                touched.update(r[0] for r in db.execute(query, (_term_hash(term),)))
        finally:
            db.close()
    except sqlite3.Error:
        return {}, set()
    return digests, touched


def _ordered(quads: list[subsets.Quad], terms: Converter) -> tuple[list[ox.Triple], str]:
    """A part's triples in order (equal parts, equal files) and their digest; a triple of two source
    graphs is in the part once."""
    term = terms.term
    triples = {ox.Triple(term(s), term(p), term(o)) for s, p, o, _g in quads}  # type: ignore[arg-type]
    lines = sorted((str(t), t) for t in triples)
    digest = hashlib.sha256("\n".join(line for line, _t in lines).encode()).hexdigest()
    return [t for _line, t in lines], digest


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
