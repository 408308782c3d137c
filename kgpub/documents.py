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
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import threading
import zlib
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import KgpubError
from .publish import writing
from .store.results import QueryResult
from .store.worker import _collect
from .web import describe as d
from .web.paths import DOC, SOURCE, doc_to_things, is_plausible, thing_to_doc

FILE = "documents.sqlite"
#: Bumped when the layout of a row changes: a reader ignores files of another version.
VERSION = "2"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    path TEXT PRIMARY KEY, thing TEXT NOT NULL, answers BLOB NOT NULL, hashes TEXT NOT NULL
);
CREATE TABLE iris (rel TEXT PRIMARY KEY);
"""


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
    """Passes queries on and keeps each answer under the query's text."""

    def __init__(self, inner: InProcess) -> None:
        self.inner = inner
        self.answers: dict[str, QueryResult] = {}

    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult:
        result = self.inner.query(sparql, max_rows=max_rows)
        self.answers[sparql] = result
        return result


def record(store: InProcess, iri: str, base: str, limit: int, hashes: list[str]) -> dict[str, QueryResult]:
    """Every query a document's representations send about ``iri`` (the RDF and the HTML page, see
    ``web.pages``), with its answer."""
    from .web.body import is_body  # the page module imports this one (through web.caching)

    store.rewrites = {d.neighbours_query(iri, limit): d.neighbours_query(iri, limit, hashes)}
    recorder = Recorder(store)
    description = d.describe(recorder, iri, limit)
    body = is_body(description.graph, description.iri)
    if body:
        d.municipality_language(recorder, iri)
    d.claims(recorder, iri, base)
    d.graphs_of(recorder, iri)
    if body:
        d.neighbourhood(recorder, iri, base)
        d.chart(recorder, iri)
    return recorder.answers


def _pack(answers: dict[str, QueryResult]) -> bytes:
    data = {text: [r.kind, r.rows, r.data.decode("utf-8")] for text, r in answers.items()}
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


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
) -> int:
    """Record every document of the build in ``build_dir/documents.sqlite``; the number of documents.

    Reads the build's store (``build_dir/store``, read-only), so it runs after ``store.prepare``. The
    documents are recorded by ``processes`` processes (default: one per core), each with the store
    open read-only; a document whose queries fail here (over a limit) is kept with no answers, so the
    web layer queries for it, as before. With more than ``record_max`` documents only the index is
    written (no answers: rendered on first request, see the module doc)."""
    target = build_dir / FILE
    limit = max_incoming(max_result_rows)
    store = ox.Store.read_only(str(build_dir / "store"))
    rels = _iris(store, base_iri)
    hashes = _hashes(store)
    del store
    todo = sorted(documents_of(rels).items())
    index_only = record_max is not None and len(todo) > record_max
    jobs = 1 if index_only else max(1, min(processes or os.cpu_count() or 1, len(todo) // 200 or 1))
    chunks = [[(r, t, hashes.get(base_iri + t, [])) for r, t in todo[k::jobs]] for k in range(jobs)]
    with writing(target):
        db = sqlite3.connect(target)
        try:
            db.executescript(_SCHEMA)
            meta = {"version": VERSION, "base_iri": base_iri, "max_incoming": str(limit)}
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.executemany("INSERT INTO iris VALUES (?)", ((r,) for r in sorted(rels) if "#" not in r))
            if index_only:
                empty = _pack({})
                rows = [[(r, t, empty, json.dumps(h)) for r, t, h in chunks[0]]]
            elif jobs == 1:
                rows = [_record_chunk(str(build_dir), base_iri, limit, chunks[0])]
            else:
                context = multiprocessing.get_context("spawn")  # no store handle crosses a fork
                with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                    futures = [pool.submit(_record_chunk, str(build_dir), base_iri, limit, c) for c in chunks]
                    rows = [f.result() for f in futures]
            count = 0
            for chunk in rows:
                db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?)", chunk)
                count += len(chunk)
            db.commit()
        finally:
            db.close()
    return count


def _record_chunk(
    build_dir: str, base_iri: str, limit: int, items: list[tuple[str, str, list[str]]]
) -> list[tuple[str, str, bytes, str]]:
    """Record some documents (in a process of its own, see :func:`write`)."""
    inproc = InProcess(ox.Store.read_only(str(Path(build_dir) / "store")), base_iri)
    rows = []
    for rest, thing, hashes in items:
        try:
            answers = record(inproc, base_iri + thing, base_iri, limit, hashes)
        except (KgpubError, ValueError):  # over a limit, or no IRI a query can hold: query at request time
            answers = {}
        rows.append((rest, thing, _pack(answers), json.dumps(hashes)))
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
