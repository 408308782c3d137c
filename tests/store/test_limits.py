"""The store's own limits: lanes that never share a worker, a bounded queue, a memory cap per worker,
a nesting limit, and a crashed worker replaced — each with the real engine in real worker processes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgpub import publish
from kgpub.errors import QueryError, QueryRefused
from kgpub.store import Store
from kgpub.store.pool import WorkerCrashed, WorkerPool
from kgpub.store.worker import Job, WorkerConfig
from tests.web.conftest import BASE, SEED_TRIG, make_published

#: Runs until the deadline on the seed build (a 6-way cross join of ~5k triples).
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
#: Doubles a string 31 times: 2 GiB if nothing stops it (the attack of issue 9, in 300 bytes).
DOUBLING = (
    'SELECT (STRLEN(?x31) AS ?n) WHERE { BIND("ab" AS ?x0) '
    + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(31))
    + " }"
)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    var_dir = make_published(tmp_path_factory.mktemp("var"), SEED_TRIG).var_dir
    return publish.Published(var_dir / "published").store_path


@pytest.fixture(scope="module")
def store(store_path: Path) -> Iterator[Store]:
    with Store(
        store_path, BASE, timeout_s=4, max_rows=100, workers=1, site_workers=1, sparql_queue=0, memory_mb=256
    ) as s:
        yield s


@pytest.mark.slow
def test_pages_never_wait_behind_sparql(store: Store) -> None:
    """While the one SPARQL worker runs a query to its deadline, the site's lane answers at once,
    and a second SPARQL query is refused at once (no queue place) instead of holding a thread."""
    done: list[str] = []

    def hog() -> None:
        with pytest.raises(QueryRefused, match="longer than"):
            store.query(SLOW, lane="sparql")
        done.append("hog")

    thread = threading.Thread(target=hog)
    thread.start()
    try:
        threading.Event().wait(0.5)  # the hog holds the SPARQL worker now
        with pytest.raises(QueryRefused, match="busy"):
            store.query("ASK { ?s ?p ?o }", lane="sparql")
        for _ in range(5):
            assert store.query("ASK { ?s ?p ?o }").boolean is True  # the site lane
        assert done == []  # … all answered while the hog was still running
    finally:
        thread.join()
    assert done == ["hog"]


def test_a_query_that_grows_past_the_memory_cap_is_refused_and_the_store_goes_on(store: Store) -> None:
    with pytest.raises(WorkerCrashed, match="more memory"):
        store.query(DOUBLING, lane="sparql")
    assert store.query("ASK { ?s ?p ?o }", lane="sparql").boolean is True


def test_workers_report_their_confinement(store: Store) -> None:
    assert "network=netns" in store.confinement or "network=userns+netns" in store.confinement
    cap = int(store.confinement.split("address-space-cap=")[1])
    assert 256 * 2**20 < cap < 1024 * 2**20


def test_deep_nesting_is_refused_before_the_engine_sees_it(store: Store) -> None:
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    with pytest.raises(QueryError, match="3000 levels deep"):
        store.query(deep, lane="sparql")
    nested = "SELECT * WHERE " + "{" * 20 + " ?s ?p ?o " + "}" * 20 + " LIMIT 1"
    assert len(store.query(nested, lane="sparql").bindings()) == 1


def test_a_worker_that_crashes_is_replaced(store_path: Path) -> None:
    """Past every check (straight to the pool), a parser stack overflow ends the worker: the client
    gets 503 (WorkerCrashed), the next query gets a fresh worker."""
    config = WorkerConfig("disk", str(store_path), "", 0, "isolated")
    pool = WorkerPool(config, 1)
    try:
        deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
        first = pool.pids()
        with pytest.raises(WorkerCrashed):
            pool.run(Job(deep, BASE, (), (), False, True, 10), 10)
        reply = pool.run(Job("ASK { ?s ?p ?o }", BASE, (), (), False, True, 10), 10)
        assert reply.error is None and reply.kind == "boolean"
        assert pool.pids() and pool.pids() != first
    finally:
        pool.close(kill_busy=True)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"default_graph_uris": ["not an iri"]}, "not a graph IRI"),
        ({"named_graph_uris": ["http://x/ y"]}, "not a graph IRI"),
    ],
)
def test_bad_protocol_parameters_are_400(store: Store, kwargs: dict[str, list[str]], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        store.query("SELECT * { ?s ?p ?o } LIMIT 1", lane="sparql", **kwargs)  # type: ignore[arg-type]


def test_an_unknown_function_is_400(store: Store) -> None:
    with pytest.raises(QueryError, match="cannot be evaluated"):
        store.query("SELECT (<http://example.org/no-such-function>(1) AS ?x) {}", lane="sparql")


def test_workers_do_not_inherit_rust_backtrace(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With RUST_BACKTRACE set for the server, a worker's environment still lacks it (a crash is one
    log line, not a Rust backtrace), and keeps the rest of the server's environment."""
    monkeypatch.setenv("RUST_BACKTRACE", "full")
    monkeypatch.setenv("KGPUB_TEST_MARKER", "kept")
    pool = WorkerPool(WorkerConfig("disk", str(store_path), "", 0, "isolated"), 1)
    try:
        pool.start()
        (pid,) = pool.pids()
        with open(f"/proc/{pid}/environ", "rb") as environ:
            names = {entry.split(b"=", 1)[0] for entry in environ.read().split(b"\0") if entry}
        assert b"KGPUB_TEST_MARKER" in names and b"RUST_BACKTRACE" not in names
    finally:
        pool.close(kill_busy=True)
