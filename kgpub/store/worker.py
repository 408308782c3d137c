"""The query worker: a child process that owns one read-only pyoxigraph store and runs queries.

pyoxigraph has no query timeout (oxigraph#1926) and a query may compute everything before it yields a
single row (``ORDER BY``, aggregates), so neither a thread nor a deadline check while iterating can stop
it. A process can be killed: :mod:`kgpub.store.pool` does that at the deadline and starts a fresh one.

Started by the pool as ``python -c "…worker.main(sys.argv)" '<WorkerConfig as JSON>'``. Before it opens
the store it leaves the network, caps its memory and arranges to die with the server
(:mod:`kgpub.store.sandbox`). Messages are length-prefixed pickles on stdin/stdout: a :class:`Job` in, a
:class:`Reply` out. Only this process and its parent speak them.
"""

from __future__ import annotations

import json
import pickle
import struct
import sys
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any, Literal

import pyoxigraph as ox

from . import sandbox

ResultKind = Literal["bindings", "boolean", "graph"]
_HEADER = struct.Struct(">I")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Job:
    """One query with its dataset; ``union`` makes the default graph the union of all graphs."""

    sparql: str
    base_iri: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    protocol_dataset: bool
    union: bool
    max_rows: int


@dataclass(frozen=True)
class Reply:
    """``data`` is SPARQL JSON results (bindings, boolean) or N-Triples (graph); or an error."""

    kind: ResultKind | None
    data: bytes
    rows: int
    error: str | None = None  # the kgpub error class name
    message: str = ""


def write_message(stream: IO[bytes], obj: object) -> None:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def read_exact(stream: IO[bytes], size: int) -> bytes:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            raise EOFError("the other end closed the pipe")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_message(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(read_exact(stream, _HEADER.size))
    return pickle.loads(read_exact(stream, size))


def term_json(term: Any) -> dict[str, Any]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format (plus RDF-star triple terms).

    Dispatches on the exact type first: this runs once per cell, and large results have millions.
    """
    kind = type(term)
    if kind is ox.NamedNode:
        return {"type": "uri", "value": term.value}
    if kind is ox.Literal:
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        datatype = term.datatype.value
        if datatype in (XSD_STRING, RDF_LANG_STRING):
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": datatype}
    if kind is ox.BlankNode:
        return {"type": "bnode", "value": term.value}
    return {
        "type": "triple",
        "value": {k: term_json(getattr(term, k)) for k in ("subject", "predicate", "object")},
    }


def bindings_json(names: list[str], rows: list[Any]) -> bytes:
    """SELECT rows as SPARQL JSON (unbound variables left out of their row)."""
    columns = list(enumerate(names))
    bindings = []
    for row in rows:
        binding = {}
        for i, name in columns:
            term = row[i]
            if term is not None:
                binding[name] = term_json(term)
        bindings.append(binding)
    body = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False).encode()


def run(store: Any, job: Job) -> Reply:
    """Run one job; every failure becomes an error reply, so one bad query never ends the worker."""
    try:
        kwargs = _dataset(job)
    except ValueError as exc:  # default-graph-uri / named-graph-uri that is no IRI
        return Reply(None, b"", 0, "QueryError", f"not a graph IRI: {exc}")
    try:
        result = store.query(job.sparql, **kwargs)
        return _collect(result, job.max_rows)
    except SyntaxError as exc:
        return Reply(None, b"", 0, "QueryError", f"malformed query: {exc}")
    except ValueError as exc:  # e.g. an invalid IRI built by the query
        return Reply(None, b"", 0, "QueryError", str(exc))
    except RuntimeError as exc:  # the engine's word for a query it cannot run (an unknown function …)
        return Reply(None, b"", 0, "QueryError", f"the query cannot be evaluated: {exc}")
    except OSError as exc:  # only a SERVICE call reaches the engine's HTTP client, and it has no network
        return Reply(None, b"", 0, "QueryError", f"{SERVICE_REFUSED} (the engine reported: {exc})")
    except MemoryError:
        return Reply(None, b"", 0, "QueryRefused", "the query needed more memory than this endpoint allows")
    except Exception as exc:  # the process boundary: report, never die (the parent maps it to 500)
        return Reply(None, b"", 0, "KgpubError", f"query evaluation failed: {type(exc).__name__}: {exc}")


SERVICE_REFUSED = (
    "SERVICE is not supported: this endpoint never makes requests to other servers "
    "(federated queries would turn it into a proxy)"
)


def _dataset(job: Job) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"base_iri": job.base_iri}
    if job.protocol_dataset:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    elif job.union:
        kwargs["use_default_graph_as_union"] = True
    return kwargs


def _collect(result: Any, max_rows: int) -> Reply:
    if isinstance(result, ox.QueryBoolean):
        return Reply("boolean", json.dumps({"head": {}, "boolean": bool(result)}).encode(), 1)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = list(islice(result, max_rows + 1))
        if len(rows) > max_rows:
            return _too_many(max_rows, "rows")
        return Reply("bindings", bindings_json(names, rows), len(rows))
    triples = list(islice(result, max_rows + 1))
    if len(triples) > max_rows:
        return _too_many(max_rows, "triples")
    return Reply("graph", ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(triples))


def _too_many(limit: int, what: str) -> Reply:
    return Reply(
        None,
        b"",
        0,
        "QueryRefused",
        f"the result has more than {limit} {what}, the limit of this endpoint: "
        "add LIMIT and OFFSET to the query to fetch it in pages",
    )


def open_engine(mode: str, path: str, base_iri: str) -> Any:
    """``disk``: the build's RocksDB store, read-only. ``memory``: its dataset.trig loaded into RAM
    (several times faster on path and join queries; see docs/benchmarks.md)."""
    if mode == "disk":
        return ox.Store.read_only(path)
    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.TRIG, base_iri=base_iri or None)
    return store


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker opens and how it confines itself (sent as JSON on its command line)."""

    mode: Literal["disk", "memory"]
    path: str
    base_iri: str
    memory_bytes: int = 0  # address space allowed beyond the loaded data; 0: no limit
    network: Literal["isolated", "unisolated"] = "isolated"

    def argv(self) -> list[str]:
        return [json.dumps(self.__dict__)]

    @classmethod
    def from_argv(cls, argv: list[str]) -> WorkerConfig:
        return cls(**json.loads(argv[1]))


def main(argv: list[str]) -> int:
    """``argv``: program, then the :class:`WorkerConfig` as JSON.

    Order matters: leave the network and arrange to die with the server *before* anything else
    (the store is opened with no way out), cap memory *after* the data is loaded (the cap is a budget
    per query, not for the data).
    """
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but messages may reach the parent's pipe
    config = WorkerConfig.from_argv(argv)
    sandbox.die_with_parent()
    isolation = "none"
    if config.network == "isolated":
        try:
            isolation = sandbox.isolate_network()
        except sandbox.IsolationUnavailable as exc:
            message = f"the query worker cannot leave the network ({exc.strerror}); {NO_ISOLATION_HINT}"
            write_message(stdout, Reply(None, b"", 0, "PublishError", message))
            return 1
    try:
        store = open_engine(config.mode, config.path, config.base_iri)
    except (OSError, SyntaxError, ValueError) as exc:
        write_message(stdout, Reply(None, b"", 0, "PublishError", f"cannot open {config.path}: {exc}"))
        return 1
    cap = sandbox.limit_memory(config.memory_bytes)
    write_message(stdout, Reply(None, b"ready", 0, message=f"network={isolation} address-space-cap={cap}"))
    while True:
        try:
            job = read_message(stdin)
        except EOFError:
            return 0
        write_message(stdout, run(store, job))


NO_ISOLATION_HINT = (
    "set KGPUB_WORKER_NETWORK=unisolated to serve anyway, with the parsed-query check as the only "
    "protection against SERVICE (see docs/reliability.md)"
)
