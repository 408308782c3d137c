"""The SPARQL store: pyoxigraph (RocksDB), persisted in each build folder, read-only when served.

Chosen over rdflib's engine by measurement (docs/benchmarks.md, ``make bench``).

- ``prepare(build_dir)`` loads ``build_dir/dataset.trig`` into ``build_dir/store/`` before the
  pipeline's atomic swap, so a published build always has a complete store next to its data.
- ``open_store(published)`` opens it for reading. Queries run in worker processes
  (:mod:`kgpub.store.pool`) that are killed at the deadline: pyoxigraph has no timeout of its own.
  Each worker serves the build's ``dataset.trig`` from RAM when it is at most
  ``MEMORY_LIMIT_BYTES`` (measured several times faster on path and join queries than RocksDB,
  docs/benchmarks.md), else the RocksDB store read-only. Either way nothing can write to it: updates
  are refused before they reach the engine, and the engine is only ever asked to ``query``.
- **Default graph.** Unless the request names a dataset (protocol ``default-graph-uri`` /
  ``named-graph-uri``, or ``FROM`` / ``FROM NAMED`` in the query), the default graph is the *union*
  of every named graph, and ``GRAPH ?g`` ranges over the named graphs (one per source, curation,
  ontology, inferred, build). A dataset may name only those graphs: ``FROM <http://elsewhere/…>``
  (nothing would be fetched) or an unknown ``default-graph-uri`` is refused with a QueryError (400).
- **Refused**: SPARQL Update (the store is opened read-only, and updates never reach it),
  ``SERVICE`` (pyoxigraph would fetch it over HTTP) → :class:`~kgpub.errors.QueryError` (400).
- **Limits**: past ``timeout_s`` or with more than ``max_rows`` rows (or triples) the query is
  refused with :class:`~kgpub.errors.QueryRefused` (503 + Retry-After); results are never silently
  truncated.
"""

from __future__ import annotations

import gc
import logging
import shutil
import threading
from pathlib import Path
from typing import Literal, Protocol

import pyoxigraph as ox
from rdflib import Graph

from ..config import Settings
from ..delta import Delta
from ..errors import (
    KgpubError,
    NotFoundError,
    PublishError,
    QueryError,
    QueryRefused,
    QueryTooLarge,
    Unavailable,
)
from ..publish import DATASET, Published, current, verify
from .pool import WorkerPool, default_pool_size
from .results import FORMATS_BY_KIND, QueryResult
from .scan import QueryInfo, analyse, check_allowed, check_dataset
from .worker import Job, WorkerConfig

__all__ = [
    "FORMATS_BY_KIND",
    "QueryInfo",
    "QueryResult",
    "QueryStore",
    "Store",
    "Stores",
    "analyse",
    "open_store",
    "prepare",
]

log = logging.getLogger(__name__)
STORE_DIR = "store"
#: Which workers a query runs on: the site's own (pages, /id, /doc) or the public endpoint's.
Lane = Literal["site", "sparql"]
#: Datasets up to this size (TriG bytes, ≈ 1.3 M triples) are served from RAM, larger ones from RocksDB.
MEMORY_LIMIT_BYTES = 200_000_000
_ERRORS: dict[str, type[KgpubError]] = {
    "QueryError": QueryError,
    "QueryRefused": QueryRefused,
    "PublishError": PublishError,
    "KgpubError": KgpubError,
}


def prepare(build_dir: Path, base_iri: str | None = None, delta: Delta | None = None) -> None:
    """Load ``build_dir/dataset.trig`` into a new store at ``build_dir/store`` (PublishError if it fails).

    With a ``delta`` (:mod:`kgpub.delta`), the published build's store is copied instead — a RocksDB
    checkpoint: hard links to its table files, which RocksDB never rewrites, so the published store is
    left byte for byte as it was — and the delta's quads are removed from and added to the copy. The
    store holds the same quads as a load of ``dataset.trig`` would (``tests/store/test_prepare.py``)."""
    target = build_dir / STORE_DIR
    base_iri = base_iri or _manifest_base(build_dir)
    if target.exists():
        raise PublishError(f"{target} exists already: a build folder is prepared once")
    if delta is not None:
        try:
            ox.Store.read_only(str(delta.previous / STORE_DIR)).backup(str(target))
        except OSError as exc:
            log.warning("could not copy the published store (%s); loading %s instead", exc, DATASET)
            shutil.rmtree(target, ignore_errors=True)
            delta = None
    store = ox.Store(str(target))
    try:
        if delta is None:
            # parsed, then loaded: bulk_load(path=…) would give the blank nodes new random labels,
            # and a later build's delta names them by the labels of dataset.trig (kgpub.quads)
            parsed = ox.parse(path=build_dir / DATASET, format=ox.RdfFormat.TRIG, base_iri=base_iri)
            store.bulk_extend(parsed)
            store.flush()
            store.optimize()
        else:
            for quad in delta.removed:
                store.remove(quad)
            store.extend(delta.added | delta.restore)
            store.flush()
    except (OSError, SyntaxError, ValueError) as exc:
        raise PublishError(f"could not load {build_dir / DATASET} into the store: {exc}") from exc
    finally:
        del store
        gc.collect()  # pyoxigraph releases the RocksDB lock only when the Store object is freed


def _manifest_base(build_dir: Path) -> str | None:
    try:
        base = Published(build_dir).manifest().get("base_iri")
    except (OSError, ValueError):
        return None
    return str(base) if base else None


class QueryStore(Protocol):
    """What the web layer and ``Stores`` use of a store: the embedded :class:`Store` and the remote
    :class:`~kgpub.store.remote.RemoteStore` both are one; ``Settings.backend`` picks, in
    :func:`open_store` only. ``path.parent`` is the local build folder (manifest, dumps, sources)."""

    path: Path
    base_iri: str
    timeout_s: float
    max_rows: int

    @property
    def confinement(self) -> str: ...

    def worker_pids(self) -> list[int]: ...

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: tuple[str, ...] | list[str] = (),
        named_graph_uris: tuple[str, ...] | list[str] = (),
        timeout_s: float | None = None,
        max_rows: int | None = None,
        base_iri: str | None = None,
        lane: Lane = "site",
    ) -> QueryResult: ...

    def describe(self, iri: str) -> Graph: ...

    def named_graphs(self) -> list[str]: ...

    def close(self, *, kill_busy: bool = False) -> None: ...

    def __enter__(self) -> QueryStore: ...

    def __exit__(self, *exc: object) -> None: ...


class Store:
    """A read-only SPARQL store with a time and result limit on every query."""

    def __init__(
        self,
        path: Path,
        base_iri: str,
        *,
        timeout_s: float = 10.0,
        max_rows: int = 10000,
        max_query_bytes: int = 65536,
        workers: int | None = None,
        in_memory: bool | None = None,
        site_workers: int | None = None,
        sparql_queue: int | None = None,
        memory_mb: int = 0,
        max_depth: int = 64,
        network: Literal["isolated", "unisolated"] = "isolated",
    ) -> None:
        """``workers``: size of the public SPARQL lane; ``site_workers``: of the lane that pages use
        (default: the same). The two lanes never share a worker, so no query starves a page."""
        if not (path / "CURRENT").is_file():
            raise NotFoundError(f"no SPARQL store at {path}: the build was not prepared")
        self.path = path
        self.base_iri = base_iri
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self.max_query_bytes = max_query_bytes
        self.max_depth = max_depth
        self._graphs: frozenset[str] | None = None
        self.in_memory = _fits_in_memory(path.parent / DATASET) if in_memory is None else in_memory
        config = WorkerConfig(
            mode="memory" if self.in_memory else "disk",
            path=str(path.parent / DATASET) if self.in_memory else str(path),
            base_iri=base_iri if self.in_memory else "",
            memory_bytes=memory_mb * 2**20,
            network=network,
        )
        size = workers or default_pool_size()
        self._pools: dict[Lane, WorkerPool] = {
            "site": WorkerPool(config, site_workers or size, name="site"),
            "sparql": WorkerPool(config, size, max_waiting=sparql_queue, name="sparql"),
        }
        self._pools["site"].start()  # a broken store, or a platform that cannot isolate, fails here

    @property
    def confinement(self) -> str:
        """How the workers confined themselves (``network=netns address-space-cap=…``)."""
        return self._pools["site"].confinement

    def worker_pids(self) -> list[int]:
        """The process ids of every query worker alive now."""
        return [pid for pool in self._pools.values() for pid in pool.pids()]

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: tuple[str, ...] | list[str] = (),
        named_graph_uris: tuple[str, ...] | list[str] = (),
        timeout_s: float | None = None,
        max_rows: int | None = None,
        base_iri: str | None = None,
        lane: Lane = "site",
    ) -> QueryResult:
        """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query; relative IRIs resolve against the data's base.

        ``lane``: ``"sparql"`` for queries from the public endpoint, ``"site"`` (default) for the
        queries the site itself makes to render pages.
        """
        if len(sparql.encode("utf-8")) > self.max_query_bytes:
            raise QueryTooLarge(f"the query is longer than {self.max_query_bytes} bytes, the limit")
        base = base_iri or self.base_iri
        info = analyse(sparql, base)
        check_allowed(info, self.max_depth)
        if info.dataset_iris or default_graph_uris or named_graph_uris:
            check_dataset(info, self._own_graphs(), default_graph_uris, named_graph_uris)
        job = Job(
            sparql=sparql,
            base_iri=base,
            default_graphs=tuple(default_graph_uris),
            named_graphs=tuple(named_graph_uris),
            protocol_dataset=bool(default_graph_uris or named_graph_uris),
            union=not info.has_dataset,
            max_rows=max_rows or self.max_rows,
        )
        reply = self._pools[lane].run(job, timeout_s or self.timeout_s)
        if reply.error is not None or reply.kind is None:
            raise _ERRORS.get(reply.error or "", KgpubError)(reply.message)
        return QueryResult(reply.kind, reply.data, reply.rows, base)

    def describe(self, iri: str) -> Graph:
        """The triples about ``iri`` (its concise bounded description, from every graph)."""
        return self.query(f"DESCRIBE <{_check_iri(iri)}>").graph()

    def named_graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g")
        return [str(row["g"]) for row in result.bindings()]

    def _own_graphs(self) -> frozenset[str]:
        """The graphs a query's dataset may name (asked once: a published build never changes)."""
        if self._graphs is None:
            self._graphs = frozenset(self.named_graphs())
        return self._graphs

    def close(self, *, kill_busy: bool = False) -> None:
        """Stop the workers (busy ones too with ``kill_busy``: a server that shuts down leaves none)."""
        for pool in self._pools.values():
            pool.close(kill_busy=kill_busy)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fits_in_memory(dataset: Path) -> bool:
    try:
        return dataset.stat().st_size <= MEMORY_LIMIT_BYTES
    except OSError:
        return False


def _check_iri(iri: str) -> str:
    if any(c in iri for c in '<>"{}|^`\\ \n\t'):
        raise QueryError(f"not an IRI: {iri!r}")
    return iri


def open_store(
    published: Published, settings: Settings | None = None, *, workers: int | None = None
) -> QueryStore:
    """Open a published build's store read-only, with the limits from ``settings``: the build's own
    (embedded) store, or the remote engine ``kgpub load`` published it to (``backend = "remote"``)."""
    settings = settings or Settings()
    manifest = published.manifest()
    base = str(manifest.get("base_iri") or settings.base_iri)
    if settings.backend == "remote":
        from .remote import RemoteStore

        build_id = str(manifest.get("build") or published.path.name)
        return RemoteStore(settings, published.store_path, base, build_id=build_id, workers=workers)
    return Store(
        published.store_path,
        base,
        timeout_s=settings.query_timeout_s,
        max_rows=settings.max_result_rows,
        max_query_bytes=settings.max_query_bytes,
        workers=workers or settings.sparql_workers,
        site_workers=settings.site_workers,
        sparql_queue=settings.sparql_queue,
        memory_mb=settings.query_memory_mb,
        max_depth=settings.max_query_depth,
        network="unisolated" if settings.worker_network == "unisolated" else "isolated",
    )


class Stores:
    """The store of whatever build is published now: reopened when ``var/published`` moves.

    Each build is checked against its ``build.json`` (``publish.verify``: every file's size and
    SHA-256) the first time it is seen, before its store is opened. Nothing published, a damaged
    build or a store that does not open raise :class:`~kgpub.errors.Unavailable` — 503 with
    ``Retry-After``, not 404, so crawlers keep the pages — until a good build is swapped in. The
    problem is logged once per build, not per request."""

    def __init__(self, settings: Settings, fixed: QueryStore | None = None) -> None:
        self.settings = settings
        self._fixed = fixed
        self._open: QueryStore | None = None
        self._lock = threading.Lock()
        self._broken: dict[Path, str] = {}
        self._final = False

    def get(self) -> QueryStore:
        if self._fixed is not None:
            return self._fixed
        if self._final:  # the server is stopping: never start workers that would outlive it
            raise Unavailable("this server is shutting down; retry shortly")
        try:
            published = current(self.settings)
        except NotFoundError as exc:
            # The public message says what to run, not where the server keeps its files.
            raise Unavailable("no dataset is published yet (run `kgpub build`); retry later") from exc
        with self._lock:
            if self._open is None or self._open.path != published.store_path:
                old, self._open = self._open, self._open_checked(published)
                if old is not None:
                    old.close()
            return self._open

    def _open_checked(self, published: Published) -> QueryStore:
        problem = self._broken.get(published.path)
        if problem is None:
            problems = verify(published)
            if problems:
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                problem = f"{problems[0]}{more}"
            else:
                try:
                    return open_store(published, self.settings)
                except (KgpubError, OSError, ValueError) as exc:
                    problem = f"the store does not open: {exc}"
            self._broken[published.path] = problem
            log.error("published build %s is damaged: %s", published.path, problem)
        raise Unavailable(
            f"the published build {published.path.name} is damaged ({problem}); it is being rebuilt "
            "(`kgpub build --if-stale`), retry later"
        )

    def close(self, *, kill_busy: bool = False, final: bool = False) -> None:
        """Stop the open store's workers; ``final`` (a server stopping): open none again."""
        with self._lock:
            self._final = self._final or final
            if self._open is not None:
                self._open.close(kill_busy=kill_busy)
                self._open = None
