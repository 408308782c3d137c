"""The remote backend: the same read-only, limited store, answered by a SPARQL engine over HTTP.

:class:`RemoteStore` has the interface of the embedded :class:`~kgpub.store.Store` (the
:class:`~kgpub.store.QueryStore` protocol), so the web layer and ``Stores`` do not know which one they
hold; ``Settings.backend`` decides, in ``open_store``. Queries go out through the SPARQL 1.1 Protocol
(a form-encoded POST: Virtuoso hangs on direct ``application/sparql-query`` bodies), with httpx.

The same policing as the embedded store, done *before* anything is sent: the query size, SERVICE,
SPARQL Update and nesting depth (:mod:`kgpub.store.scan`). The same limits: a query past
``timeout_s`` (the whole exchange, not httpx's per-read timeout) or with more than ``max_rows`` rows
or triples is refused with :class:`~kgpub.errors.QueryRefused` — rows are counted on the engine's
answer, never silently cut. The same lanes: at most ``site_workers`` page queries and
``sparql_workers`` endpoint queries in flight, and at most ``sparql_queue`` endpoint queries waiting.

**Dataset.** A load (:mod:`kgpub.store.load`) stages the next build under ``urn:kgpub:staging:…``
graph names and switches in one SPARQL Update; the *pointer graph* ``urn:kgpub:published`` lists the
graphs of the build being served. Readers must never see the staging graphs or the pointer, so the
engine's own default graph (union or not) is never used: a query that names no dataset is sent with
``default-graph-uri`` and ``named-graph-uri`` = the published graphs — the union of the named graphs
as default graph, ``GRAPH ?g`` over them, exactly as the embedded store. A protocol dataset or a
query's own ``FROM`` is passed through as it is once :func:`~kgpub.store.scan.check_dataset` has
checked that it names published graphs only (never the pointer, a staging graph or another server).

**The engine's errors**: a 400 (a syntax error, with its position in the query as written) or a 500
with a message (Oxigraph's answer to a query it cannot evaluate, e.g. an unknown function) is a
:class:`~kgpub.errors.QueryError` (400), as the embedded store reports the same queries.

**An engine that is down or slow** (refused connection, timeout, another status, a reset) gives
:class:`EngineUnavailable` — 503 with ``Retry-After`` — and the next query tries again: nothing is
cached about the failure, so service resumes when the engine is back, without a restart.
"""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from time import monotonic
from typing import Any, ClassVar

import httpx
import pyoxigraph as ox
from rdflib import Graph

from ..config import Settings
from ..errors import QueryError, QueryRefused, QueryTooLarge, Unavailable
from . import Lane, _check_iri
from .results import QueryResult
from .scan import analyse, check_allowed, check_dataset
from .worker import Reply, _collect

log = logging.getLogger(__name__)

KGPUB = "urn:kgpub:"
POINTER_GRAPH = "urn:kgpub:published"
BUILD_PREDICATE = "urn:kgpub:build"
GRAPH_PREDICATE = "urn:kgpub:graph"
DEFAULT_PREDICATE = "urn:kgpub:defaultGraph"
#: Where a build's default-graph triples live remotely: in the default graph, not among the named ones.
DEFAULT_GRAPH = "urn:kgpub:default"
STAGING_PREFIX = "urn:kgpub:staging:"
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


#: Oxigraph's syntax error: "Error at 2:25: expected …".
_SYNTAX_ERROR = re.compile(r"(?i)error at (\d+):(\d+)")


class EngineUnavailable(QueryRefused):
    """The SPARQL engine is down, unreachable, overloaded or answered nonsense: retry shortly."""

    retry_after: ClassVar[int] = 5


class _Lane:
    """At most ``size`` queries in flight; at most ``max_waiting`` waiting (None: no bound)."""

    def __init__(self, size: int, max_waiting: int | None) -> None:
        self._slots = threading.Semaphore(size)
        self._lock = threading.Lock()
        self._waiting = 0
        self._max_waiting = max_waiting

    def acquire(self, timeout_s: float) -> None:
        if self._slots.acquire(blocking=False):
            return
        with self._lock:
            if self._max_waiting is not None and self._waiting >= self._max_waiting:
                raise QueryRefused("the endpoint is busy with other queries; try again shortly")
            self._waiting += 1
        try:
            if not self._slots.acquire(timeout=timeout_s):
                raise QueryRefused("the endpoint is busy with other queries; try again shortly")
        finally:
            with self._lock:
                self._waiting -= 1

    def release(self) -> None:
        self._slots.release()


class Engine:
    """The HTTP side: one pooled httpx client for the query (and, when loading, update/store) URLs."""

    def __init__(self, settings: Settings, timeout_s: float | None = None) -> None:
        assert settings.remote_query_url is not None
        self.settings = settings
        self.query_url = settings.remote_query_url
        auth = None
        if settings.remote_user is not None:
            auth = httpx.BasicAuth(settings.remote_user, settings.remote_password or "")
        self.max_bytes = settings.remote_max_response_mb * 2**20
        timeout = httpx.Timeout(
            timeout_s or settings.query_timeout_s, connect=settings.remote_connect_timeout_s
        )
        self.client = httpx.Client(auth=auth, timeout=timeout, trust_env=False)

    def post(
        self,
        url: str,
        *,
        timeout_s: float,
        accept: str | None = None,
        data: dict[str, Any] | None = None,
        content: bytes | Iterable[bytes] | None = None,
        content_type: str | None = None,
        params: dict[str, str] | None = None,
        limit_s: float | None = None,
    ) -> tuple[int, str, bytes]:
        """POST and read the whole answer within ``timeout_s``: (status, content type, body).

        Every transport failure becomes :class:`EngineUnavailable`, a deadline :class:`QueryRefused`."""
        headers = {}
        if accept:
            headers["Accept"] = accept
        if content_type:
            headers["Content-Type"] = content_type
        deadline = monotonic() + timeout_s
        timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, self.settings.remote_connect_timeout_s))
        try:
            with self.client.stream(
                "POST", url, data=data, content=content, headers=headers, params=params, timeout=timeout
            ) as response:
                body = io.BytesIO()
                for chunk in response.iter_bytes():
                    body.write(chunk)
                    if body.tell() > self.max_bytes:
                        raise QueryRefused(
                            f"the engine's answer is larger than {self.settings.remote_max_response_mb} MiB, "
                            "the limit of this endpoint: add LIMIT and OFFSET to the query"
                        )
                    if monotonic() > deadline:
                        raise httpx.ReadTimeout("deadline")
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                return response.status_code, ctype, body.getvalue()
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
                raise EngineUnavailable(_down(url, "it did not accept a connection in time")) from exc
            raise QueryRefused(
                f"the query ran longer than {limit_s or timeout_s:g} s, the limit of this endpoint"
            ) from exc
        except httpx.TransportError as exc:
            raise EngineUnavailable(_down(url, type(exc).__name__)) from exc

    def close(self) -> None:
        self.client.close()


def _down(url: str, why: str) -> str:
    log.warning("SPARQL engine at %s unavailable: %s", url, why)
    return "the SPARQL engine is unavailable (down, restarting or overloaded); retry shortly"


class RemoteStore:
    """A read-only SPARQL store answered by a remote engine, with the embedded store's limits."""

    in_memory = False

    def __init__(
        self,
        settings: Settings,
        path: Path,
        base_iri: str,
        *,
        build_id: str = "",
        workers: int | None = None,
    ) -> None:
        """``path``: the local build's ``store`` path (``path.parent`` is the build folder the web layer
        reads dumps and the manifest from); ``build_id``: that build, compared with what is loaded."""
        self.settings = settings
        self.path = path
        self.base_iri = base_iri
        self.build_id = build_id
        self.timeout_s = settings.query_timeout_s
        self.max_rows = settings.max_result_rows
        self.max_query_bytes = settings.max_query_bytes
        self.max_depth = settings.max_query_depth
        self.engine = Engine(settings)
        self._lanes: dict[Lane, _Lane] = {
            "site": _Lane(settings.site_workers, None),
            "sparql": _Lane(workers or settings.sparql_workers, settings.sparql_queue),
        }
        self._pointer: tuple[float, str, tuple[str, ...], tuple[str, ...]] | None = None
        self._pointer_lock = threading.Lock()
        self._warned: str | None = None

    @property
    def confinement(self) -> str:
        return f"remote engine {self.engine.query_url} (no local query workers)"

    def worker_pids(self) -> list[int]:
        """No local workers: the engine runs elsewhere."""
        return []

    def published(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """(build id, default graphs, named graphs) of what the engine serves, from the pointer graph
        (cached ``remote_pointer_ttl_s``). Unavailable (503) when nothing was loaded."""
        with self._pointer_lock:
            cached = self._pointer
            if cached is not None and monotonic() - cached[0] < self.settings.remote_pointer_ttl_s:
                return cached[1:]
        sparql = f"SELECT ?p ?o WHERE {{ GRAPH <{POINTER_GRAPH}> {{ <{POINTER_GRAPH}> ?p ?o }} }}"
        reply = self._send(sparql, {}, RESULTS_JSON, 10_000, self.timeout_s)
        rows = QueryResult(reply.kind or "bindings", reply.data, reply.rows, self.base_iri).bindings()
        build = next((str(r["o"]) for r in rows if str(r["p"]) == BUILD_PREDICATE), None)
        if build is None:
            raise Unavailable("no build is loaded into the SPARQL engine yet (run `kgpub load`); retry later")
        named = tuple(sorted(str(r["o"]) for r in rows if str(r["p"]) == GRAPH_PREDICATE))
        default = named + tuple(str(r["o"]) for r in rows if str(r["p"]) == DEFAULT_PREDICATE)
        if self.build_id and build != self.build_id and self._warned != build:
            self._warned = build
            log.warning("the engine serves build %s, the local published build is %s", build, self.build_id)
        with self._pointer_lock:
            self._pointer = (monotonic(), build, default, named)
        return build, default, named

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
        """As :meth:`kgpub.store.Store.query`, answered by the engine."""
        if len(sparql.encode("utf-8")) > self.max_query_bytes:
            raise QueryTooLarge(f"the query is longer than {self.max_query_bytes} bytes, the limit")
        base = base_iri or self.base_iri
        info = analyse(sparql, base)
        check_allowed(info, self.max_depth)
        if info.dataset_iris or default_graph_uris or named_graph_uris:
            check_dataset(info, self.published()[2], default_graph_uris, named_graph_uris)
        limit = max_rows or self.max_rows
        timeout = timeout_s or self.timeout_s
        dataset: dict[str, list[str]] = {}
        if default_graph_uris or named_graph_uris:
            dataset = {
                "default-graph-uri": list(default_graph_uris),
                "named-graph-uri": list(named_graph_uris),
            }
        elif not info.has_dataset:
            _, default, named = self.published()
            dataset = {"default-graph-uri": list(default), "named-graph-uri": list(named)}
        if info.form in ("SELECT", "ASK"):
            accept = RESULTS_JSON
        elif info.form in ("CONSTRUCT", "DESCRIBE"):
            accept = N_TRIPLES
        else:  # malformed: the engine says why
            accept = f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"
        lanes = self._lanes[lane]
        started = monotonic()
        lanes.acquire(timeout)
        try:
            remaining = max(0.05, timeout - (monotonic() - started))
            reply = self._send(f"BASE <{base}>\n{sparql}", dataset, accept, limit, remaining, timeout)
        finally:
            lanes.release()
        assert reply.kind is not None
        return QueryResult(reply.kind, reply.data, reply.rows, base)

    def _send(
        self,
        sparql: str,
        dataset: dict[str, list[str]],
        accept: str,
        limit: int,
        timeout_s: float,
        limit_s: float | None = None,
    ) -> Reply:
        form: dict[str, Any] = {"query": sparql, **{k: v for k, v in dataset.items() if v}}
        status, ctype, body = self.engine.post(
            self.engine.query_url, timeout_s=timeout_s, accept=accept, data=form, limit_s=limit_s
        )
        if status in (400, 404, 500) and body:  # the engine's word about this query (500: evaluation)
            message = body.decode("utf-8", "replace").strip()[:1000]
            where = _SYNTAX_ERROR.match(message)
            if status == 400 and where:  # the line as the client wrote it (BASE was put before it)
                line = max(1, int(where.group(1)) - (1 if sparql.startswith("BASE <") else 0))
                raise QueryError(f"malformed query: error at {line}:{where.group(2)}{message[where.end() :]}")
            raise QueryError(f"the query cannot be evaluated: {message}")
        if status != 200:
            raise EngineUnavailable(_down(self.engine.query_url, f"HTTP {status}: {body[:300]!r}"))
        try:
            if ctype == RESULTS_JSON:
                parsed: Any = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            elif ctype == N_TRIPLES:
                parsed = (
                    ox.Triple(q.subject, q.predicate, q.object)
                    for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
                )
            else:
                raise EngineUnavailable(_down(self.engine.query_url, f"unexpected content type {ctype!r}"))
            reply = _collect(parsed, limit)
        except (SyntaxError, ValueError) as exc:
            raise EngineUnavailable(_down(self.engine.query_url, f"unreadable answer: {exc}")) from exc
        if reply.error is not None:
            raise QueryRefused(reply.message)
        return reply

    def describe(self, iri: str) -> Graph:
        """The triples about ``iri`` (the engine's DESCRIBE, over the published graphs)."""
        return self.query(f"DESCRIBE <{_check_iri(iri)}>").graph()

    def named_graphs(self) -> list[str]:
        """The IRIs of the published named graphs, sorted."""
        return list(self.published()[2])

    def close(self, *, kill_busy: bool = False) -> None:
        self.engine.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
