"""No query ever makes the server contact another one: a corpus of SERVICE-hiding queries against a
loopback listener that must receive nothing.

Two independent walls are tested separately, so that each one alone is shown to hold:

- the parsed-query check refuses every variant with 400 (QueryError) before a worker sees it;
- a dataset (``FROM``, ``FROM NAMED``, ``default-graph-uri``) that names anything but the build's own
  graphs is refused with 400 (QueryError), whatever engine runs the query (tests/store/test_remote.py
  fires the same variants at the remote backend);
- a worker has no network at all: a job sent to it *directly* (past every check) that asks for SERVICE
  reaches nothing — while the same job on a worker that was allowed the network does reach the
  listener (the control: it shows the listener and the variants would catch a leak).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgpub import publish
from kgpub.errors import QueryError
from kgpub.store import Store
from kgpub.store.pool import WorkerPool
from kgpub.store.worker import Job, WorkerConfig
from tests.web.conftest import BASE, SEED_TRIG, make_published


class Listener:
    """A TCP server on 127.0.0.1 that counts connections and answers like a SPARQL endpoint would."""

    BODY = b'{"head":{"vars":["leak"]},"results":{"bindings":[{"leak":{"type":"literal","value":"LEAKED"}}]}}'

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(1.0)
                try:
                    conn.recv(65536)
                    head = (
                        "HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                        f"Content-Length: {len(self.BODY)}\r\nConnection: close\r\n\r\n"
                    )
                    conn.sendall(head.encode() + self.BODY)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self.sock.close()
        self._thread.join(timeout=2)


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_published(tmp_path_factory.mktemp("var"), SEED_TRIG).var_dir


@pytest.fixture(scope="module")
def store(var_dir: Path) -> Iterator[Store]:
    path = publish.Published(var_dir / "published").store_path
    with Store(path, BASE, timeout_s=5, max_rows=100, workers=1, network="isolated") as s:
        yield s


def variants(port: int) -> list[str]:
    """Ways to write a SERVICE call that a naive check might miss; each names the listener."""
    url = f"http://127.0.0.1:{port}/sparql"
    pattern = "{ ?s ?p ?o }"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {pattern} }}",
        f"select * where {{ service <{url}> {pattern} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {pattern} }}",
        f"SELECT * WHERE {{ SERVI\\u0043E <{url}> {pattern} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {pattern} }}",
        f"SELECT * WHERE {{ \\U00000053ERVICE <{url}> {pattern} }}",
        # a local-name escape ``\#`` that a lexer may read as the start of a comment
        f"PREFIX ex: <urn:x:>\nSELECT * {{ {{ ?s ?p ex:a\\# }} UNION {{ SERVICE <{url}> {pattern} }} }}",
        # an IRI with a \u escape followed by '#': not a comment either
        f"SELECT * {{ {{ <urn:a\\u0041#> ?p ?o }} UNION {{ SERVICE <{url}> {pattern} }} }}",
        f"SELECT * {{ {{ {{ {{ SERVICE <{url}> {pattern} }} }} }} }}",
        f"SELECT * {{ ?a ?b ?c OPTIONAL {{ SERVICE <{url}> {pattern} }} }}",
        f"SELECT * {{ ?a ?b ?c FILTER EXISTS {{ SERVICE <{url}> {pattern} }} }}",
        f"SELECT * {{ ?a ?b ?c MINUS {{ SERVICE <{url}> {pattern} }} }}",
        f"SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {pattern} }} }} }}",
        f"SELECT * {{ VALUES ?e {{ <{url}> }} SERVICE ?e {pattern} }}",
        f"SELECT * {{ BIND(<{url}> AS ?e) SERVICE ?e {pattern} }}",
        f"SELECT * {{ SERVICE # a comment between\n <{url}> {pattern} }}",
        f'SELECT * {{ ?s ?p "a \\" # not a comment" . SERVICE <{url}> {pattern} }}',
        f"SELECT * {{ ?s ?p '''x''' . SERVICE <{url}> {pattern} }}",
        f"BASE <http://127.0.0.1:{port}/>\nSELECT * {{ SERVICE <sparql> {pattern} }}",
        f"PREFIX e: <http://127.0.0.1:{port}/>\nSELECT * {{ SERVICE e:sparql {pattern} }}",
        f"SELECT * {{ SERVICE <https://127.0.0.1:{port}/sparql> {pattern} }}",
        f"SELECT * {{ SERVICE <http://localhost:{port}/sparql> {pattern} }}",
        f"ASK {{ SERVICE <{url}> {pattern} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {pattern} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}> {pattern} }}",
        f"SELECT * {{ ?s ?p ?o }} # harmless\r SELECT * {{ SERVICE <{url}> {pattern} }}",
    ]


def test_the_check_refuses_every_variant_and_nothing_leaves(store: Store, listener: Listener) -> None:
    before = listener.connections
    for query in variants(listener.port):
        with pytest.raises(QueryError, match="SERVICE"):
            store.query(query)
    assert listener.connections == before


def from_variants(port: int) -> list[tuple[str, dict[str, list[str]]]]:
    """Ways to name the listener as (part of) a query's dataset: FROM, FROM NAMED, hidden by prefixes,
    BASE, code-point escapes and comments, and the protocol's own parameters."""
    url = f"http://127.0.0.1:{port}/data.ttl"
    where = "WHERE { ?s ?p ?o }"
    return [
        (f"SELECT * FROM <{url}> {where}", {}),
        (f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}),
        (f"ASK FROM <{BASE}graph/curation> FROM <{url}> {{ ?s ?p ?o }}", {}),  # one own, one not
        (f"PREFIX e: <http://127.0.0.1:{port}/>\nSELECT * FROM e:data.ttl {where}", {}),
        (f"BASE <http://127.0.0.1:{port}/>\nCONSTRUCT {{ ?s ?p ?o }} FROM <data.ttl> {where}", {}),
        (f"SELECT * \\u0046ROM <{url}> {where}", {}),
        (f"SELECT * FROM # a comment\n <{url}> {where}", {}),
        (f"DESCRIBE ?s FROM <http://localhost:{port}/> {where}", {}),
        (f"SELECT * {where}", {"default_graph_uris": [url]}),
        (f"SELECT * {where}", {"named_graph_uris": [url]}),
    ]


def test_a_dataset_from_elsewhere_is_refused_and_nothing_leaves(store: Store, listener: Listener) -> None:
    before = listener.connections
    for query, dataset in from_variants(listener.port):
        with pytest.raises(QueryError, match="is not a graph IRI of this dataset"):
            store.query(query, **dataset)  # type: ignore[arg-type]
    with pytest.raises(QueryError, match="read-only"):
        store.query(f"LOAD <http://127.0.0.1:{listener.port}/data.ttl>")
    assert listener.connections == before


def test_a_dataset_of_the_builds_own_graphs_is_answered(store: Store) -> None:
    """The fixture's inferred graph has 4 triples; named absolutely, relatively to the data's base,
    by a prefixed name with a local escape, or by the protocol: the same 4."""
    inferred = f"{BASE}graph/inferred"
    source = "PREFIX g: <http://127.0.0.1:5000/graph/>\nSELECT * FROM g:source\\/helsinki-kaupunginkanslia"
    assert store.query(f"SELECT * FROM <{inferred}> WHERE {{ ?s ?p ?o }}").rows == 4
    assert store.query("SELECT * FROM <graph/inferred> WHERE { ?s ?p ?o }").rows == 4
    assert store.query("SELECT * WHERE { ?s ?p ?o }", default_graph_uris=[inferred]).rows == 4
    assert store.query(f"{source} WHERE {{ ?s ?p ?o }}").rows > 4


def _job(sparql: str) -> Job:
    return Job(sparql, BASE, (), (), False, True, 100)


def _pool(var_dir: Path, network: str) -> WorkerPool:
    dataset = publish.Published(var_dir / "published").path / publish.DATASET
    config = WorkerConfig("memory", str(dataset), BASE, 0, network)  # type: ignore[arg-type]
    return WorkerPool(config, 1)


def test_an_isolated_worker_reaches_nothing_even_past_every_check(var_dir: Path, listener: Listener) -> None:
    pool = _pool(var_dir, "isolated")
    try:
        pool.start()
        assert "network=netns" in pool.confinement or "network=userns+netns" in pool.confinement
        before = listener.connections
        for query in variants(listener.port):
            reply = pool.run(_job(query), 10)
            assert b"LEAKED" not in reply.data, query
        assert listener.connections == before
    finally:
        pool.close(kill_busy=True)


def test_control_an_unisolated_worker_does_reach_the_listener(var_dir: Path, listener: Listener) -> None:
    """Without the namespace the engine federates: this is what the two walls above prevent."""
    pool = _pool(var_dir, "unisolated")
    try:
        before = listener.connections
        reply = pool.run(_job(variants(listener.port)[0]), 10)
        assert listener.connections > before
        assert reply.error is None and reply.rows == 1  # the one row came from the listener
    finally:
        pool.close(kill_busy=True)
