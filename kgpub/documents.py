"""Every document's description, computed once per build: ``/doc`` then needs no query worker.

A build never changes once published, so what the pages ask the store about a thing (its description,
the named graphs of its statements, its claims, a body's neighbourhood and chart) can be asked at build
time and kept. :func:`write` runs, for every document of the build, the very queries the web layer
sends (:mod:`kgpub.web.describe`) against the build's own store, in process, and keeps each answer
under the text of its query in ``documents.sqlite`` (one row per document path, zlib-compressed JSON).
At request time :class:`Replay` answers those queries from the row; a query it has no answer for (a
page changed by a newer kgpub, a limit changed since the build) goes to the real store, so an answer
is never wrong, only slower. The row count and sizes are in ``build.json`` like every file.

Cost grows with the description, not the graph: the one query whose cost grew with the graph (the
incoming links' string filter over every subject, ~0.5 s per document at 1 M triples) is evaluated
here with the document's hash IRIs listed once for the whole graph (``describe.neighbours_query``
with ``hashes``) and recorded under the text the web layer sends.

Recording costs ~10 ms of one core a document (the pages' queries, parsed as the pages parse them),
so a build of more than ``Settings.documents_recorded_max`` documents (a 1 M-triple graph has ~100,000)
records only the index: every document's path, its thing, and the list of its hash IRIs. Its pages
are then rendered on first request (and kept in the rendered-answer cache, per build), with the
neighbours query still a lookup of the listed hash IRIs, never the scan — the build stays seconds,
a first request costs its queries.

Builds loaded elsewhere (a remote SPARQL engine, ``kgpub.store.remote``) or made by an older kgpub
have no ``documents.sqlite``: the web layer then queries as before.

**Incremental rebuilds** (issue 12). With the :class:`kgpub.delta.Delta` between the published build
and this one, a document whose answers cannot have changed keeps the published build's row, and only
the others are recorded again. Each row lists what its answers *watch*, read from the answers at
record time (:func:`watches`), as keys a changed quad may *touch* (:func:`touched`):

- ``s X`` — a quad with subject ``X`` (or ``X#…``: a hash IRI counts as the IRI it is a fragment of,
  as the description's hash IRIs and the neighbours query's list do) changed. Watched for the thing
  ``T`` itself, every subject its description, neighbourhood and claims describe (hash IRIs, posts,
  heads, claims, evidence, an evidence selector that is an IRI), and the neighbourhood's roots that
  have no triples yet (holders, sites, duty statements);
- ``o T`` — a quad with object ``T`` changed (incoming links and their count, claims, the posts and
  heads of the neighbourhood); watched for the thing only, so a hub (a class, a kind, a municipality)
  that gains a link is recorded again itself, without everything that links to it;
- ``l X`` — a label of ``X`` (``describe.LABELS``) changed: every IRI an answer shows or could show a
  label of (the neighbours, what the thing's hash IRIs link to, the chart's bodies and kinds), so
  renaming a person reaches the pages that name them;
- ``sp X P`` / ``op X P`` — a quad ``X P ?`` / ``? P X`` changed: the chart's
  ``org:subOrganizationOf`` edges (up the chain of ancestors, down to children and grandchildren,
  across to siblings), its bodies' ``org:classification``, and the ``dct:language`` of the
  municipalities a body is part of;
- ``languages`` — which languages organisations are named in changed (the filter of
  ``describe.municipality_language``): every body watches it.

A blank node has no IRI to watch, so a changed quad with a blank node counts as a change of every
quad of its blank-node component, in both builds (a selector's offsets reach its evidence, a CBD's
nested node the thing described). A document is recorded again when a key it watches is touched,
or it watches everything (a chart cut at its limit, answers over a limit, an index-only row). The
build graph's new time stamp touches only the ``graph/…`` documents (``prov:wasGeneratedBy`` is
their own statement, and they show the new activity's label) and the activities' own documents: a
graph IRI elsewhere is a ``graphs_of`` answer's name, not a thing described or labelled. The
``iris`` table is the published one with the IRIs of the changed quads added or removed as the new
store mentions them. ``tests/test_documents_incremental.py`` proves the rule on page and curation
changes (the rows of an incremental write equal those of a full one) and shows each kind of key
needed. At 100 k triples, one page changed records ~220 of ~10,000 documents again (~190 of them
the graph documents): the stage takes 1.3 s instead of 22.5 s (``kgpub.build_bench``'s rebuild).
"""

from __future__ import annotations

import inspect
import json
import logging
import multiprocessing
import os
import re
import sqlite3
import threading
import zlib
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import KgpubError
from .namespaces import Local
from .publish import writing
from .store.results import QueryResult
from .store.worker import _collect
from .web import describe as d
from .web.paths import DOC, SOURCE, doc_to_things, is_plausible, thing_to_doc

if TYPE_CHECKING:
    from .delta import Delta

log = logging.getLogger(__name__)

FILE = "documents.sqlite"
#: Bumped when the layout of a row changes: a reader ignores files of another version.
VERSION = "4"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    path TEXT PRIMARY KEY, thing TEXT NOT NULL, answers BLOB NOT NULL, hashes TEXT NOT NULL,
    watches BLOB
);
CREATE TABLE iris (rel TEXT PRIMARY KEY);
"""
#: ``watches`` of a row recorded again whatever changed (see the module doc); else the keys, as
#: zlib-compressed JSON (:func:`_pack_keys`).
EVERYTHING = None
#: A row of ``documents``: path, thing, answers, hashes, watches.
_Row = tuple[str, str, bytes, str, bytes | None]
_ORG = "http://www.w3.org/ns/org#"
_SUB = _ORG + "subOrganizationOf"
_TRANSITIVE = _ORG + "transitiveSubOrganizationOf"
_CLASSIFICATION = _ORG + "classification"
_HELD_BY = _ORG + "heldBy"
_HAS_SITE = _ORG + "hasSite"
_FORMAL = _ORG + "FormalOrganization"
_LANGUAGE = "http://purl.org/dc/terms/language"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SELECTOR = "http://www.w3.org/ns/oa#hasSelector"
_LABELS = frozenset(re.findall(r"<([^>]+)>", d.LABELS))
#: The chart's row limit (``describe.chart``): a chart that reaches it is cut where the engine stops.
_CHART_LIMIT: int = inspect.signature(d.chart).parameters["limit"].default
#: Blank nodes a delta's blank-node components may hold before every document is recorded again.
MAX_BLANK_NODES = 50_000


def max_incoming(max_result_rows: int) -> int:
    """How many incoming links a document lists (the pages' rule; a document is no user query)."""
    return max(10, min(500, max_result_rows // 8))


class InProcess:
    """A build's store queried in this process (build time only: no deadline, nothing untrusted).

    The default graph is the union of the named graphs, as for the workers; results come back in the
    workers' own lossless form (:func:`kgpub.store.worker._collect`)."""

    def __init__(self, store: ox.Store, base_iri: str) -> None:
        self.store = store
        self.base_iri = base_iri
        self.rewrites: dict[str, str] = {}

    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult:
        run = self.rewrites.get(sparql, sparql)
        result = self.store.query(run, use_default_graph_as_union=True, base_iri=self.base_iri)
        reply = _collect(result, max_rows or d.MAX_DESCRIPTION)
        if reply.kind is None:
            raise KgpubError(reply.message)
        return QueryResult(reply.kind, reply.data, reply.rows, self.base_iri)


class Recorder:
    """Passes queries on and keeps each answer under the query's text, and which of the pages'
    questions it answered (``kinds``, for :func:`watches`)."""

    def __init__(self, inner: InProcess) -> None:
        self.inner = inner
        self.answers: dict[str, QueryResult] = {}
        self.kinds: dict[str, str] = {}
        self.kind = ""

    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult:
        result = self.inner.query(sparql, max_rows=max_rows)
        self.answers[sparql] = result
        self.kinds[sparql] = self.kind
        return result


def record(store: InProcess, iri: str, base: str, limit: int, hashes: list[str]) -> dict[str, QueryResult]:
    """Every query a document's representations send about ``iri`` (the RDF and the HTML page, see
    ``web.pages``), with its answer."""
    return _record(store, iri, base, limit, hashes).answers


def _record(store: InProcess, iri: str, base: str, limit: int, hashes: list[str]) -> Recorder:
    from .web.body import is_body  # the page module imports this one (through web.caching)

    store.rewrites = {d.neighbours_query(iri, limit): d.neighbours_query(iri, limit, hashes)}
    recorder = Recorder(store)
    recorder.kind = "describe"
    description = d.describe(recorder, iri, limit)
    body = is_body(description.graph, description.iri)
    if body:
        recorder.kind = "language"
        d.municipality_language(recorder, iri)
    recorder.kind = "claims"
    d.claims(recorder, iri, base)
    recorder.kind = "graphs"
    d.graphs_of(recorder, iri)
    if body:
        recorder.kind = "neighbourhood"
        d.neighbourhood(recorder, iri, base)
        recorder.kind = "chart"
        d.chart(recorder, iri)
    return recorder


def _triples(result: QueryResult) -> list[ox.Triple]:
    return list(ox.parse(result.data, format=ox.RdfFormat.N_TRIPLES)) if result.data else []


def watches(
    recorder: Recorder, store: ox.Store, iri: str, base: str, limit: int, hashes: list[str]
) -> list[str] | None:
    """The keys the answers ``recorder`` holds for ``iri`` depend on (see the module doc), or None:
    record the document again whatever changed. ``store``: the build's, for what the answers do not
    show — the IRIs ``hashes`` (the document's hash IRIs) link to, whose labels the neighbours query
    would show, and the evidence selectors the claims query reads if one is not a blank node."""
    keys = {f"s {iri}", f"o {iri}"}
    labelled = {o.value for h in hashes for o in _objects(store, h, None)}
    family, neighbours = d.family_query(iri), d.neighbours_query(iri, limit)
    for text, result in recorder.answers.items():
        kind = recorder.kinds[text]
        if kind == "describe" and text == family:  # the CBDs of the thing and its hash IRIs
            _family_keys(_triples(result), iri, str(Local(base).KGP.dutyStatement), keys, labelled)
        elif kind == "describe" and text == neighbours:  # incoming links, labels of the neighbours
            labelled.update(t.subject.value for t in _triples(result) if isinstance(t.subject, ox.NamedNode))
        elif kind == "language":
            keys.add("languages")
        elif kind == "claims":
            for row in json.loads(result.data)["results"]["bindings"]:
                for name in ("c", "ev"):  # each claim's statement and its evidence
                    if row.get(name, {}).get("type") == "uri":
                        keys.add(f"s {row[name]['value']}")
                if row.get("ev", {}).get("type") == "uri":
                    keys.update(f"s {o.value}" for o in _objects(store, row["ev"]["value"], _SELECTOR))
        elif kind == "neighbourhood":  # posts, holders, heads, sites, duty statements
            for t in _triples(result):
                if isinstance(t.subject, ox.NamedNode):
                    keys.add(f"s {t.subject.value}")
                if t.predicate.value == _HELD_BY and isinstance(t.object, ox.NamedNode):
                    keys.add(f"s {t.object.value}")  # a holder is a root even with no triples
        elif kind == "chart" and not _chart_keys(_triples(result), iri, keys, labelled):
            return None
    keys.update(f"l {x}" for x in labelled)
    return sorted(keys)


def _objects(store: ox.Store, subject: str, predicate: str | None) -> Iterator[ox.NamedNode]:
    """The IRIs ``<subject> <predicate> ?o`` names (any predicate: None)."""
    p = None if predicate is None else ox.NamedNode(predicate)
    for quad in store.quads_for_pattern(ox.NamedNode(subject), p, None):
        if isinstance(quad.object, ox.NamedNode):
            yield quad.object


def _family_keys(triples: list[ox.Triple], iri: str, duty: str, keys: set[str], labelled: set[str]) -> None:
    thing = ox.NamedNode(iri)
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if isinstance(s, ox.NamedNode):
            keys.add(f"s {s.value}")
        if isinstance(o, ox.NamedNode):
            labelled.add(o.value)  # the neighbours query shows its labels
            if s == thing and p in (_HAS_SITE, duty):
                keys.add(f"s {o.value}")  # a root of the neighbourhood, maybe with no triples yet
            elif s == thing and p == _TRANSITIVE:
                keys.add(f"sp {o.value} {_LANGUAGE}")  # the municipality's language


def _chart_keys(triples: list[ox.Triple], iri: str, keys: set[str], labelled: set[str]) -> bool:
    """Add what the chart around ``iri`` watches, and the IRIs whose labels it shows; False when it
    is cut at its limit (which edges it holds then depends on more than the edges it holds)."""
    edges = [(t.subject, t.object) for t in triples if t.predicate.value == _SUB]
    if len(edges) >= _CHART_LIMIT:
        return False
    thing = ox.NamedNode(iri)
    keys.add(f"op {iri} {_SUB}")  # children
    for t in triples:
        labelled.update(x.value for x in (t.subject, t.object) if isinstance(x, ox.NamedNode))
        if isinstance(t.subject, ox.NamedNode):
            keys.add(f"sp {t.subject.value} {_CLASSIFICATION}")
    parents: dict[object, list[object]] = defaultdict(list)
    for child, parent in edges:
        parents[child].append(parent)
        if parent == thing and isinstance(child, ox.NamedNode):
            keys.add(f"op {child.value} {_SUB}")  # grandchildren
        if child == thing and isinstance(parent, ox.NamedNode):
            keys.add(f"op {parent.value} {_SUB}")  # siblings
    up: list[object] = [thing]
    seen = set(up)
    while up:  # the chain of ancestors
        node = up.pop()
        if isinstance(node, ox.NamedNode):
            keys.add(f"sp {node.value} {_SUB}")
        for above in parents.get(node, []):
            if above not in seen:
                seen.add(above)
                up.append(above)
    return True


def touched(delta: Delta, store: ox.Store, previous: ox.Store) -> set[str] | None:
    """The keys the quads ``delta`` changes touch (see the module doc); None when its blank-node
    components hold more than ``MAX_BLANK_NODES`` nodes. ``store``/``previous``: the new and the
    published build's stores."""
    changed = set(delta.added | delta.removed | delta.restore)
    todo = [t for q in changed for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)]
    seen = set(todo)
    while todo:  # every quad of a changed blank node's component, in either build, counts as changed
        node = todo.pop()
        for source in (store, previous):
            for quad in (
                *source.quads_for_pattern(node, None, None),
                *source.quads_for_pattern(None, None, node),
            ):
                changed.add(quad)
                for t in (quad.subject, quad.object):
                    if isinstance(t, ox.BlankNode) and t not in seen:
                        seen.add(t)
                        todo.append(t)
        if len(seen) > MAX_BLANK_NODES:
            return None
    keys: set[str] = set()
    for quad in changed:
        s, p, o = quad.subject, quad.predicate.value, quad.object
        if isinstance(s, ox.NamedNode):
            keys.update((f"s {s.value}", f"sp {s.value} {p}"))
            if p in _LABELS:
                keys.add(f"l {s.value}")
            start = s.value.find("#")
            while start >= 0:  # T#x is described and listed by T's document
                keys.add(f"s {s.value[:start]}")
                start = s.value.find("#", start + 1)
        if isinstance(o, ox.NamedNode):
            keys.update((f"o {o.value}", f"op {o.value} {p}"))
        if _names_a_language(quad, store, previous):
            keys.add("languages")
    return keys


def _names_a_language(quad: ox.Quad, store: ox.Store, previous: ox.Store) -> bool:
    """Does ``quad`` make or unmake ``?x dct:language ?lang ; a org:FormalOrganization`` in either build?"""
    s, p, o = quad.subject, quad.predicate.value, quad.object
    if p == _LANGUAGE:
        formal = ox.NamedNode(_FORMAL)
        return any(next(x.quads_for_pattern(s, ox.NamedNode(_TYPE), formal), None) for x in (store, previous))
    if p == _TYPE and o == ox.NamedNode(_FORMAL):
        return any(
            next(x.quads_for_pattern(s, ox.NamedNode(_LANGUAGE), None), None) for x in (store, previous)
        )
    return False


def _pack(answers: dict[str, QueryResult]) -> bytes:
    data = {text: [r.kind, r.rows, r.data.decode("utf-8")] for text, r in answers.items()}
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


def _pack_keys(keys: list[str] | None) -> bytes | None:
    return None if keys is None else zlib.compress("\n".join(keys).encode("utf-8"), 6)


def unpack_keys(blob: bytes) -> list[str]:
    """The keys a row watches (``watches``, not :data:`EVERYTHING`)."""
    return zlib.decompress(blob).decode("utf-8").split("\n")


def _unpack(blob: bytes, base: str) -> dict[str, QueryResult]:
    data: dict[str, list[Any]] = json.loads(zlib.decompress(blob))
    return {text: QueryResult(k, body.encode("utf-8"), rows, base) for text, (k, rows, body) in data.items()}


def _iris(store: ox.Store, base: str) -> set[str]:
    """Every IRI under ``base`` the data mentions (subject, predicate or object), relative."""
    found: set[str] = set()
    for s, p, o, _g in store.quads_for_pattern(None, None, None, None):
        for term in (s, p, o):
            if isinstance(term, ox.NamedNode) and term.value.startswith(base):
                found.add(term.value[len(base) :])
    return found


def _hashes(store: ox.Store) -> dict[str, list[str]]:
    """For each IRI ``T``: the subject IRIs that start with ``T#`` (one pass over the subjects)."""
    by_prefix: dict[str, set[str]] = defaultdict(set)
    rows = store.query(
        'SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && CONTAINS(STR(?s), "#")) }',
        use_default_graph_as_union=True,
    )
    assert isinstance(rows, ox.QuerySolutions)
    for row in rows:
        value = row["s"].value
        start = value.find("#")
        while start >= 0:
            by_prefix[value[:start]].add(value)
            start = value.find("#", start + 1)
    return {k: sorted(v) for k, v in by_prefix.items()}


def documents_of(rels: set[str]) -> dict[str, str]:
    """``{document path (after doc/): thing path}`` as the web layer resolves them (the ``id/``
    reading first, see ``paths.doc_to_things``)."""
    out: dict[str, str] = {}
    for rel in rels:
        if "#" in rel or not rel or rel.split("/", 1)[0] in (DOC, SOURCE) or not is_plausible(rel):
            continue
        rest = thing_to_doc(rel)[len(DOC) + 1 :]
        if rest in out:
            continue
        thing = next((t for t in doc_to_things(rest) if t in rels), None)
        if thing is not None:
            out[rest] = thing
    return out


def write(
    build_dir: Path,
    base_iri: str,
    max_result_rows: int,
    *,
    processes: int | None = None,
    record_max: int | None = None,
    delta: Delta | None = None,
) -> int:
    """Record every document of the build in ``build_dir/documents.sqlite``; the number of documents.

    Reads the build's store (``build_dir/store``, read-only), so it runs after ``store.prepare``. The
    documents are recorded by ``processes`` processes (default: one per core), each with the store
    open read-only; a document whose queries fail here (over a limit) is kept with no answers, so the
    web layer queries for it, as before. With more than ``record_max`` documents only the index is
    written (no answers: rendered on first request, see the module doc). With ``delta`` (this build
    against the published one), a document none of whose watched keys the delta touches keeps the
    published build's row (see the module doc)."""
    target = build_dir / FILE
    limit = max_incoming(max_result_rows)
    rels, hashes, todo, index_only, kept = _survey(build_dir, base_iri, limit, record_max, delta)
    items = [(r, t, hashes.get(base_iri + t, [])) for r, t in todo if r not in kept]
    jobs = 1 if index_only else max(1, min(processes or os.cpu_count() or 1, len(items) // 200 or 1))
    chunks = [items[k::jobs] for k in range(jobs)]
    with writing(target):
        db = sqlite3.connect(target)
        try:
            db.executescript(_SCHEMA)
            meta = {"version": VERSION, "base_iri": base_iri, "max_incoming": str(limit)}
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.executemany("INSERT INTO iris VALUES (?)", ((r,) for r in sorted(rels) if "#" not in r))
            rows: list[list[_Row]]
            if index_only:
                empty = _pack({})
                rows = [[(r, t, empty, json.dumps(h), EVERYTHING) for r, t, h in chunks[0]]]
            elif jobs == 1:
                rows = [_record_chunk(str(build_dir), base_iri, limit, chunks[0])]
            else:
                context = multiprocessing.get_context("spawn")  # no store handle crosses a fork
                with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                    futures = [pool.submit(_record_chunk, str(build_dir), base_iri, limit, c) for c in chunks]
                    rows = [f.result() for f in futures]
            rows.append(
                [
                    (r, t, answers, json.dumps(hashes.get(base_iri + t, [])), w)
                    for r, (t, answers, w) in kept.items()
                ]
            )
            count = 0
            for chunk in rows:
                db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?)", chunk)
                count += len(chunk)
            db.commit()
        finally:
            db.close()
    return count


def _survey(
    build_dir: Path, base_iri: str, limit: int, record_max: int | None, delta: Delta | None
) -> tuple[set[str], dict[str, list[str]], list[tuple[str, str]], bool, dict[str, tuple[str, bytes, bytes]]]:
    """What :func:`write` writes from: the IRIs, the hash IRIs, the documents (sorted), whether only
    the index is written, and the published rows kept."""
    store = ox.Store.read_only(str(build_dir / "store"))
    published = None if delta is None else _published(delta.previous / FILE, base_iri, limit)
    try:
        if delta is None or published is None:
            rels = _iris(store, base_iri)
        else:
            rels = _iris_since(published, delta, store, base_iri)
        hashes = _hashes(store)
        todo = sorted(documents_of(rels).items())
        index_only = record_max is not None and len(todo) > record_max
        kept: dict[str, tuple[str, bytes, bytes]] = {}
        if delta is not None and published is not None and not index_only:
            kept = _unchanged(published, delta, store, dict(todo))
            log.info("documents: %d of %d kept from %s", len(kept), len(todo), delta.previous.name)
    finally:
        if published is not None:
            published.close()
    return rels, hashes, todo, index_only, kept


def _published(path: Path, base_iri: str, limit: int) -> sqlite3.Connection | None:
    """The published build's ``documents.sqlite`` if it is of this layout, base and limit."""
    try:
        db = _connect(path)
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error as exc:
        log.info("documents: all recorded again (%s: %s)", path, exc)
        return None
    if meta == {"version": VERSION, "base_iri": base_iri, "max_incoming": str(limit)}:
        return db
    db.close()
    log.info("documents: all recorded again (%s is of another layout, base or limit)", path)
    return None


def _iris_since(published: sqlite3.Connection, delta: Delta, store: ox.Store, base_iri: str) -> set[str]:
    """:func:`_iris` (less the hash IRIs, which no document or ``iris`` row is) from the published
    build's ``iris`` table: an IRI of a changed quad is added if ``store`` mentions it, else removed."""
    rels = {rel for (rel,) in published.execute("SELECT rel FROM iris")}
    terms = {t for q in delta.changed() | delta.restore for t in (q.subject, q.predicate, q.object)}
    for term in terms:
        if isinstance(term, ox.NamedNode) and term.value.startswith(base_iri) and "#" not in term.value:
            rel = term.value[len(base_iri) :]
            if any(next(iter(store.quads_for_pattern(*pattern)), None) for pattern in _mentions(term)):
                rels.add(rel)
            else:
                rels.discard(rel)
    return rels


def _mentions(
    term: ox.NamedNode,
) -> list[tuple[ox.NamedNode | None, ox.NamedNode | None, ox.NamedNode | None]]:
    return [(term, None, None), (None, term, None), (None, None, term)]


def _unchanged(
    published: sqlite3.Connection, delta: Delta, store: ox.Store, todo: dict[str, str]
) -> dict[str, tuple[str, bytes, bytes]]:
    """``{path: (thing, answers, watches)}``: the rows of the ``published`` build this build can keep
    — the same document of the same thing, watching no key ``delta`` touches."""
    try:
        previous = ox.Store.read_only(str(delta.previous / "store"))
    except OSError as exc:
        log.info("documents: all recorded again (%s)", exc)
        return {}
    keys = touched(delta, store, previous)
    if keys is None:
        return {}
    kept = {}
    for rest, thing, answers, watched in published.execute(
        "SELECT path, thing, answers, watches FROM documents"
    ):
        if todo.get(rest) == thing and watched is not EVERYTHING and keys.isdisjoint(unpack_keys(watched)):
            kept[rest] = (thing, answers, watched)
    return kept


def _record_chunk(
    build_dir: str, base_iri: str, limit: int, items: list[tuple[str, str, list[str]]]
) -> list[_Row]:
    """Record some documents (in a process of its own, see :func:`write`)."""
    inproc = InProcess(ox.Store.read_only(str(Path(build_dir) / "store")), base_iri)
    rows: list[_Row] = []
    for rest, thing, hashes in items:
        iri = base_iri + thing
        try:
            recorder = _record(inproc, iri, base_iri, limit, hashes)
        except (KgpubError, ValueError):  # over a limit, or no IRI a query can hold: query at request time
            rows.append((rest, thing, _pack({}), json.dumps(hashes), EVERYTHING))
            continue
        watched = watches(recorder, inproc.store, iri, base_iri, limit, hashes)
        rows.append((rest, thing, _pack(recorder.answers), json.dumps(hashes), _pack_keys(watched)))
    return rows


@dataclass(frozen=True)
class Found:
    """A precomputed document: the thing it describes, the answers to its queries (none when only the
    index was written) and its hash IRIs, for the neighbours query of a document not recorded."""

    thing: str
    answers: dict[str, QueryResult]
    hashes: list[str]
    max_incoming: int

    def replay(self, fallback: d.Queryable) -> Replay:
        """The store its pages ask: the recorded answers, else ``fallback`` — with the neighbours
        query as the lookup of this document's hash IRIs, never the scan over every subject."""
        plain = d.neighbours_query(self.thing, self.max_incoming)
        rewrites = {plain: d.neighbours_query(self.thing, self.max_incoming, self.hashes)}
        return Replay(self.answers, fallback, rewrites)


class Documents:
    """The reader of a build's ``documents.sqlite`` (read-only, one connection per thread)."""

    def __init__(self, path: Path, base_iri: str, meta: dict[str, str]) -> None:
        self.path = path
        self.base_iri = base_iri
        self.max_incoming = int(meta["max_incoming"])
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = _connect(self.path)
            self._local.db = db
        return db

    def document(self, rest: str) -> Found | None:
        """The document at ``doc/<rest>`` (None: this build has no such document)."""
        row = (
            self._db()
            .execute("SELECT thing, answers, hashes FROM documents WHERE path = ?", (rest,))
            .fetchone()
        )
        if row is None:
            return None
        answers, hashes = _unpack(row[1], self.base_iri), json.loads(row[2])
        return Found(self.base_iri + row[0], answers, hashes, self.max_incoming)

    def exists(self, rel: str) -> bool:
        """Does the data mention ``<base>rel``? (``describe.exists`` without a query)."""
        return self._db().execute("SELECT 1 FROM iris WHERE rel = ?", (rel,)).fetchone() is not None

    def paths(self) -> Iterator[tuple[str, str]]:
        """Every ``(document path after doc/, thing path)``, sorted."""
        yield from _connect(self.path).execute("SELECT path, thing FROM documents ORDER BY path")


def _connect(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def open_documents(build_dir: Path, base_iri: str) -> Documents | None:
    """The precomputed documents of a build, or None (none recorded, another base, another layout)."""
    path = build_dir / FILE
    if not path.is_file():
        return None
    try:
        meta = dict(_connect(path).execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return None
    if meta.get("version") != VERSION or meta.get("base_iri") != base_iri:
        return None
    return Documents(path, base_iri, meta)


class Replay:
    """A store for the pages that answers recorded queries from the record and sends any other query
    to ``fallback`` (the real store)."""

    def __init__(
        self,
        answers: dict[str, QueryResult],
        fallback: d.Queryable,
        rewrites: dict[str, str] | None = None,
    ) -> None:
        self._answers = answers
        self._fallback = fallback
        self._rewrites = rewrites or {}
        self.missed = 0

    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult:
        found = self._answers.get(sparql)
        if found is not None and found.rows <= (max_rows or d.MAX_DESCRIPTION):
            return found
        self.missed += 1
        return self._fallback.query(self._rewrites.get(sparql, sparql), max_rows=max_rows)
