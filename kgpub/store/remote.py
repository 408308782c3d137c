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
import json
import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from time import monotonic
from typing import Any, ClassVar, NamedTuple

import httpx
import pyoxigraph as ox
from rdflib import Graph

from ..config import Settings
from ..errors import QueryError, QueryRefused, QueryTooLarge, Unavailable
from . import Lane, _check_iri
from .results import QueryResult
from .scan import _TOKEN, analyse, check_allowed, check_dataset, decode_codepoints
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
#: Virtuoso's: "Virtuoso 37000 Error SP030: SPARQL compiler, line 3: syntax error at '}'".
_VIRTUOSO_SYNTAX_ERROR = re.compile(r"Error SP030: SPARQL compiler, line (\d+): (.*)", re.DOTALL)
#: Virtuoso past its ``MaxQueryExecutionTime``: "Virtuoso S1T00 Error SR171: Transaction timed out".
_VIRTUOSO_TIMEOUT = "S1T00 Error SR171"
#: Virtuoso's pragma for the DESCRIBE of the embedded store (pyoxigraph): the concise bounded
#: description — the IRI's own triples and, recursively, those of the blank nodes they reach.
_VIRTUOSO_CBD = 'define sql:describe-mode "CBD"'
#: Virtuoso's blank nodes in JSON results ("nodeID://b10001"): not blank node labels for a parser.
_VIRTUOSO_BLANK = b'"nodeID://'


#: Virtuoso's built-in namespaces: ``bif:`` calls any SQL built-in the SPARQL user may run — measured:
#: ``bif:http_get('http://…')`` fetches the URL for an anonymous ``/sparql`` client — and ``sql:``
#: calls stored procedures. Written as a prefixed name or an IRI (``<bif:http_get>``).
_ENGINE_NAMESPACES = ("bif:", "sql:")


def check_no_engine_extensions(sparql: str) -> None:
    """Refuse (QueryError, 400) what is not SPARQL but an engine's door to more than the query: Virtuoso's
    ``DEFINE`` pragmas (``define get:soft`` makes it fetch ``FROM`` IRIs) and its ``bif:``/``sql:``
    functions (``bif:http_get`` fetches any URL). Nothing standard uses them, so they are refused on
    every remote engine, in the text as written and with code-point escapes decoded."""
    for text in {sparql, decode_codepoints(sparql)}:
        for match in _TOKEN.finditer(text):
            kind, token = match.lastgroup, match.group().lower()
            if kind == "word" and token == "define":
                raise QueryError("DEFINE pragmas are not SPARQL; this endpoint does not accept them")
            if (kind == "pname" and token.startswith(_ENGINE_NAMESPACES)) or (
                kind == "iri" and token[1:].startswith(_ENGINE_NAMESPACES)
            ):
                raise QueryError(
                    f"{match.group()} is an engine's built-in, not SPARQL; this endpoint does not call it"
                )


def _prologue_lines(sparql: str) -> int:
    """How many lines kgpub put before the client's query (``BASE``, Virtuoso's ``define``)."""
    lines = sparql.split("\n", 2)
    return sum(1 for line in lines[:2] if line.startswith(("BASE <", _VIRTUOSO_CBD)))


def _plain_blank_ids(body: bytes) -> bytes:
    """Virtuoso's JSON results with its ``nodeID://b1`` blank-node values made plain labels (``b1``)."""
    results = json.loads(body)
    for row in results.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode" and term.get("value", "").startswith("nodeID://"):
                term["value"] = term["value"][len("nodeID://") :]
    return json.dumps(results).encode("utf-8")


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


class Answer(NamedTuple):
    """An engine's answer, read whole."""

    status: int
    ctype: str
    body: bytes
    headers: httpx.Headers


class Engine:
    """The HTTP side: one pooled httpx client for the query (and, when loading, update/store) URLs."""

    def __init__(self, settings: Settings, timeout_s: float | None = None) -> None:
        assert settings.remote_query_url is not None
        self.settings = settings
        self.query_url = settings.remote_query_url
        auth: httpx.Auth | None = None
        if settings.remote_user is not None:
            scheme = httpx.DigestAuth if settings.remote_auth == "digest" else httpx.BasicAuth
            auth = scheme(settings.remote_user, settings.remote_password or "")
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
        answer = self.exchange(
            url,
            timeout_s=timeout_s,
            accept=accept,
            data=data,
            content=content,
            content_type=content_type,
            params=params,
            limit_s=limit_s,
        )
        return answer.status, answer.ctype, answer.body

    def exchange(
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
    ) -> Answer:
        """As :meth:`post`, with the answer's headers (where an engine says it cut the result)."""
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
                return Answer(response.status_code, ctype, body.getvalue(), response.headers)
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
        #: The engine's own cap on answer rows, when it is at or below ``max_rows`` (else None).
        self.engine_cap: int | None = None
        #: Whether the engine is Virtuoso (its ``Server`` header): DESCRIBE is then asked for the CBD.
        self.virtuoso = False
        self._probed = False

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
        if not self._probed:
            self._probe_cap()
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
        check_no_engine_extensions(sparql)
        if not self._probed:
            self._probe_cap()
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
        prologue = f"BASE <{base}>\n"
        if info.form == "DESCRIBE" and self.virtuoso:  # Virtuoso's default adds the triples *to* the IRI
            prologue = f"{_VIRTUOSO_CBD}\n{prologue}"
        lanes.acquire(timeout)
        try:
            remaining = max(0.05, timeout - (monotonic() - started))
            reply = self._send(prologue + sparql, dataset, accept, limit, remaining, timeout)
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
        answer = self.engine.exchange(
            self.engine.query_url, timeout_s=timeout_s, accept=accept, data=form, limit_s=limit_s
        )
        status, ctype, body = answer.status, answer.ctype, answer.body
        if status in (400, 404, 500) and body:  # the engine's word about this query (500: evaluation)
            # Virtuoso echoes the query (with the BASE line kgpub put before it) after its message
            message = body.decode("utf-8", "replace").split("\n\nSPARQL query:")[0].strip()[:1000]
            shift = _prologue_lines(sparql)  # the line as the client wrote it
            where = _SYNTAX_ERROR.match(message)
            if status == 400 and where:
                line = max(1, int(where.group(1)) - shift)
                raise QueryError(f"malformed query: error at {line}:{where.group(2)}{message[where.end() :]}")
            if _VIRTUOSO_TIMEOUT in message:
                raise QueryRefused(f"the query ran longer than the SPARQL engine's time limit: {message}")
            where = _VIRTUOSO_SYNTAX_ERROR.search(message)
            if where:
                line = max(1, int(where.group(1)) - shift)
                raise QueryError(f"malformed query: line {line}: {where.group(2)}")
            raise QueryError(f"the query cannot be evaluated: {message}")
        if status != 200:
            raise EngineUnavailable(_down(self.engine.query_url, f"HTTP {status}: {body[:300]!r}"))
        try:
            if ctype == RESULTS_JSON:
                if _VIRTUOSO_BLANK in body:
                    body = _plain_blank_ids(body)
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
        self._check_whole(answer.headers, reply.rows)
        return reply

    def _check_whole(self, headers: httpx.Headers, rows: int) -> None:
        """Refuse an answer the engine may have cut short: one that reaches the engine's own row cap,
        declared in this answer (``X-SPARQL-MaxRows``: Virtuoso's ``ResultSetMaxRows``), on an earlier
        one, or found by :meth:`_probe_cap`. Virtuoso cuts CONSTRUCT and DESCRIBE answers at the same
        cap *without* the header: the cap learned from a SELECT answer is what catches them. (Its other
        partial answers, "anytime" queries, happen only when a request sends its ``timeout``
        parameter, which kgpub never does: past ``MaxQueryExecutionTime`` it answers an error.)"""
        if not self._probed:
            self.virtuoso = headers.get("server", "").lower().startswith("virtuoso")
        declared = headers.get("x-sparql-maxrows", "")
        if declared.isdigit():
            self.engine_cap = min(self.engine_cap or int(declared), int(declared))
        if self.engine_cap is not None and rows >= self.engine_cap:
            raise QueryRefused(
                f"the SPARQL engine cuts answers at {self.engine_cap} rows (its own limit) and this answer "
                "reached it, so it may be incomplete: add LIMIT to the query"
            )

    def _probe_cap(self) -> None:
        """Ask the engine for ``max_rows + 1`` rows once (no data needed: a product of VALUES), to find a
        cap on answers at or below kgpub's own limit before it silently cuts a real answer (Virtuoso's
        default ``ResultSetMaxRows`` is 10,000, kgpub's ``max_result_rows`` too). A cap above
        ``max_rows`` does not matter: kgpub refuses those answers first."""
        wanted = self.max_rows + 1
        values = " ".join(f"VALUES ?d{i} {{ 0 1 2 3 4 5 6 7 8 9 }}" for i in range(len(str(wanted))))
        try:
            probe = f"SELECT ?d0 WHERE {{ {values} }} LIMIT {wanted}"
            reply = self._send(probe, {}, RESULTS_JSON, wanted, self.timeout_s)
            if reply.rows < wanted:
                self.engine_cap = reply.rows
        except QueryRefused:
            if self.engine_cap is None:
                raise
        self._probed = True
        if self.engine_cap is not None:
            log.error(
                "the SPARQL engine at %s cuts answers at %d rows, not above max_result_rows (%d): answers "
                "that reach it are refused (503); raise the engine's limit (Virtuoso: [SPARQL] "
                "ResultSetMaxRows) above %d",
                self.engine.query_url,
                self.engine_cap,
                self.max_rows,
                self.max_rows,
            )

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
