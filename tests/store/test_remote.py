"""The remote backend against real engines on loopback — Oxigraph server and Virtuoso, every test on
each: `kgpub load`, the same answers as the embedded store, the same refusals and limits, 503 +
Retry-After while the engine is down, service back without a restart, and a load that dies halfway
leaving the previous build served. Virtuoso's own limits (its silent row cut, its time limit) last."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from flask import Flask

from kgpub import publish
from kgpub.config import Settings
from kgpub.errors import QueryError, QueryRefused
from kgpub.store import Store, open_store
from kgpub.store.load import load
from kgpub.store.remote import POINTER_GRAPH, RESULTS_JSON, STAGING_PREFIX, RemoteStore
from kgpub.web import create_app
from tests.engines import ENGINES, OxigraphServer, VirtuosoServer, engine_at
from tests.web.conftest import BASE, SEED_TRIG, make_published

pytestmark = pytest.mark.slow

ID = BASE + "id/org/"
EXTRA = f'<{BASE}graph/extra> {{ <{ID}new-body> <http://www.w3.org/2004/02/skos/core#prefLabel> "uusi" . }}'


@pytest.fixture(scope="module", params=ENGINES)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OxigraphServer | VirtuosoServer]:
    with engine_at(request.param, tmp_path_factory.mktemp(request.param)) as server:
        yield server


@pytest.fixture(scope="module")
def settings(engine: OxigraphServer | VirtuosoServer, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The seed snippet published locally and loaded into the engine with `kgpub load`."""
    local = make_published(tmp_path_factory.mktemp("var"), SEED_TRIG, max_result_rows=20)
    remote = engine.settings(local).with_(remote_pointer_ttl_s=0.01, query_timeout_s=3.0)
    load(publish.current(remote), remote)
    return remote


@pytest.fixture(scope="module")
def remote(settings: Settings) -> Iterator[RemoteStore]:
    store = open_store(publish.current(settings), settings)
    assert isinstance(store, RemoteStore)
    with store:
        yield store


@pytest.fixture(scope="module")
def embedded(settings: Settings) -> Iterator[Store]:
    local = settings.with_(backend="embedded")
    store = open_store(publish.current(local), local, workers=1)
    assert isinstance(store, Store)
    with store:
        yield store


SAME = [
    "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?s ?label",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?x WHERE { ?x <http://www.w3.org/ns/org#subOrganizationOf>+ <" + ID + "helsinki> } ORDER BY ?x",
    "SELECT ?n WHERE { GRAPH <" + BASE + "graph/inferred> { ?s ?p ?o } BIND(1 AS ?n) } LIMIT 1",
    "ASK { <" + ID + "helsinki> a <http://www.w3.org/ns/org#FormalOrganization> }",
    "SELECT ?sel WHERE { ?r <http://www.w3.org/ns/oa#hasSelector> ?sel . ?sel a ?t } ORDER BY ?t",
]


@pytest.mark.parametrize("sparql", SAME)
def test_the_remote_store_answers_as_the_embedded_one(
    remote: RemoteStore, embedded: Store, sparql: str
) -> None:
    mine, theirs = remote.query(sparql), embedded.query(sparql)
    assert mine.kind == theirs.kind and mine.rows == theirs.rows
    if mine.kind == "boolean":
        assert mine.boolean is theirs.boolean is True
        return
    same_rows = [{k: v for k, v in r.items() if k != "sel"} for r in mine.bindings()]
    their_rows = [{k: v for k, v in r.items() if k != "sel"} for r in theirs.bindings()]
    # the same rows; in the same order where SPARQL defines one (ORDER BY on IRIs and numbers — the
    # order of literals in different languages is the engine's: Virtuoso sorts them otherwise)
    assert sorted(map(repr, same_rows)) == sorted(map(repr, their_rows))
    first = next(iter(same_rows[0]), "") if same_rows else ""
    assert [r.get(first) for r in same_rows] == [r.get(first) for r in their_rows]
    assert mine.rows > 0


def test_describe_and_construct_give_the_same_graph(remote: RemoteStore, embedded: Store) -> None:
    from rdflib.compare import isomorphic

    for iri in (ID + "helsinki-elinkeino-osasto", BASE + "id/claim/c1"):
        assert len(remote.describe(iri)) > 3
        assert isomorphic(remote.describe(iri), embedded.describe(iri))


def test_readers_see_the_builds_graphs_only(remote: RemoteStore, embedded: Store) -> None:
    graphs = [
        str(r["g"]) for r in remote.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").bindings()
    ]
    assert sorted(graphs) == embedded.named_graphs() == remote.named_graphs()
    assert POINTER_GRAPH not in graphs and not any(g.startswith(STAGING_PREFIX) for g in graphs)


def test_a_protocol_dataset_and_from_are_passed_through(remote: RemoteStore, embedded: Store) -> None:
    inferred = BASE + "graph/inferred"
    for store in (remote, embedded):
        assert store.query("SELECT ?s WHERE { ?s ?p ?o }", default_graph_uris=[inferred]).rows == 4
        assert store.query(f"SELECT ?s FROM <{inferred}> WHERE {{ ?s ?p ?o }}").rows == 4


def test_a_dataset_from_elsewhere_or_the_engines_own_graphs_is_refused(remote: RemoteStore) -> None:
    """The same variants as the embedded store's, against a listener that must receive nothing; and
    the engine's pointer and staging graphs are out of reach through FROM and the protocol too."""
    from tests.store.test_no_outbound import Listener, from_variants

    listener = Listener()
    try:
        for query, dataset in from_variants(listener.port):
            with pytest.raises(QueryError, match="is not a graph IRI of this dataset"):
                remote.query(query, **dataset)  # type: ignore[arg-type]
        for hidden in (POINTER_GRAPH, STAGING_PREFIX + "x"):
            with pytest.raises(QueryError, match="is not a graph IRI of this dataset"):
                remote.query(f"SELECT * FROM <{hidden}> WHERE {{ ?s ?p ?o }}")
            with pytest.raises(QueryError, match="is not a graph IRI of this dataset"):
                remote.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", named_graph_uris=[hidden])
        assert listener.connections == 0
    finally:
        listener.close()
    assert remote.query("SELECT * FROM <graph/inferred> WHERE { ?s ?p ?o }").rows == 4


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "SELECT * WHERE " + "{" * 100 + "}" * 100,
    ],
)
def test_service_updates_and_deep_nesting_are_refused_before_sending(
    remote: RemoteStore, sparql: str
) -> None:
    with pytest.raises(QueryError):
        remote.query(sparql)
    assert remote.query("ASK { <urn:a> <urn:b> <urn:c> }").boolean is False


def test_engine_extensions_that_fetch_are_refused_before_sending(remote: RemoteStore) -> None:
    """Virtuoso's ``bif:http_get`` fetches a URL for an anonymous client (measured: the listener got the
    request when asked directly); through kgpub neither it nor ``define get:soft`` reaches the engine."""
    import http.server
    import threading

    hits: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        for sparql in (
            f"SELECT (bif:http_get('{url}/a') AS ?x) {{}}",
            f"SELECT (BIF:http_get('{url}/b') AS ?x) {{}}",
            f"SELECT (<bif:http_get>('{url}/c') AS ?x) {{}}",
            f"SELECT (<\\u0062if:http_get>('{url}/d') AS ?x) {{}}",
            f"SELECT (sql:anything('{url}/e') AS ?x) {{}}",
            f'define get:soft "replace" SELECT * FROM <{url}/f> WHERE {{ ?s ?p ?o }}',
            f'DEFINE get:soft "replace" SELECT * WHERE {{ GRAPH <{url}/g> {{ ?s ?p ?o }} }}',
        ):
            with pytest.raises(QueryError, match="not SPARQL"):
                remote.query(sparql)
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []
    # a string or a variable that merely says so is no call
    assert remote.query('ASK { BIND("bif:http_get define" AS ?define) }').boolean is True


def test_row_and_triple_limits_refuse_rather_than_truncate(remote: RemoteStore) -> None:
    with pytest.raises(QueryRefused, match="more than 20 rows"):
        remote.query("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryRefused, match="more than 20 triples"):
        remote.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert remote.query("SELECT * WHERE { ?s ?p ?o } LIMIT 20").rows == 20


def test_a_malformed_query_reports_the_engines_message(remote: RemoteStore, embedded: Store) -> None:
    with pytest.raises(QueryError, match=r"malformed query: error at 2:\d+"):
        embedded.query("SELECT ?x\nWHERE { ?x ")
    # the line in the query as written (kgpub's BASE line not counted), in each engine's words
    where = r"error at 2:\d+" if "/query" in remote.engine.query_url else r"line [23]: syntax error"
    with pytest.raises(QueryError, match=rf"malformed query: {where}"):
        remote.query("SELECT ?x\nWHERE { ?x ")
    with pytest.raises(QueryError, match=r"malformed query: .*(1:|line 1)"):
        remote.query("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(QueryError, match=r"cannot be evaluated: .*urn:no-such-function"):
        remote.query("SELECT (<urn:no-such-function>(1) AS ?x) {}")
    assert remote.query("ASK {}").boolean is True


def test_a_query_past_the_deadline_is_refused_in_time(remote: RemoteStore) -> None:
    import time

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
    started = time.monotonic()
    with pytest.raises(QueryRefused):
        remote.query(slow, timeout_s=1.0)
    assert time.monotonic() - started < 2.5
    assert remote.query("ASK { ?s ?p ?o }").boolean is True


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    application = create_app(settings)
    yield application
    application.extensions["kgpub"]["stores"].close()


def test_the_site_and_endpoint_work_on_the_remote_backend(app: Flask) -> None:
    client = app.test_client()
    answer = client.get(
        "/sparql",
        query_string={"query": "ASK { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert answer.status_code == 200 and answer.get_json()["boolean"] is True
    assert client.get("/id/org/helsinki-elinkeino-osasto").status_code == 303
    doc = client.get("/doc/org/helsinki-elinkeino-osasto", headers={"Accept": "text/turtle"})
    assert doc.status_code == 200 and "elinkeinojohtaja" in doc.get_data(as_text=True)


def test_engine_down_is_503_with_retry_after_and_service_resumes(
    app: Flask, engine: OxigraphServer | VirtuosoServer
) -> None:
    client = app.test_client()
    query = {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}
    assert client.get("/sparql", query_string=query).status_code == 200
    engine.kill()
    try:
        for path, args, accept in (
            ("/sparql", query, "application/sparql-results+json"),
            ("/doc/org/helsinki-elinkeino-osasto", None, "text/turtle"),
        ):
            down = client.get(path, query_string=args, headers={"Accept": accept})
            assert down.status_code == 503, path
            assert int(down.headers["Retry-After"]) > 0
            assert "Traceback" not in down.get_data(as_text=True)
    finally:
        engine.start()
    assert client.get("/sparql", query_string=query).status_code == 200


def test_an_engine_that_hangs_is_503_in_time_and_service_resumes(tmp_path: Path) -> None:
    """The engine stopped (SIGSTOP: the kernel still accepts connections, nothing answers) is the
    slow-backend case: 503 + Retry-After once the query time limit (3 s) is up, never a hang.
    (Oxigraph only: once, in a full run, a stopped Virtuoso still answered — not understood yet.)"""
    import signal
    import time

    with OxigraphServer(tmp_path / "oxigraph") as engine:
        local = make_published(tmp_path / "var", SEED_TRIG)
        remote = engine.settings(local).with_(remote_pointer_ttl_s=0.01, query_timeout_s=3.0)
        load(publish.current(remote), remote)
        application = create_app(remote)
        try:
            client = application.test_client()
            query = {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}
            assert client.get("/sparql", query_string=query).status_code == 200
            assert engine.proc is not None
            engine.proc.send_signal(signal.SIGSTOP)
            try:
                started = time.monotonic()
                stalled = client.get("/sparql", query_string=query)
                waited = time.monotonic() - started
            finally:
                engine.proc.send_signal(signal.SIGCONT)
            assert stalled.status_code == 503 and int(stalled.headers["Retry-After"]) > 0
            assert "Traceback" not in stalled.get_data(as_text=True)
            assert 2.5 < waited < 20  # the 3 s limit, not forever
            assert client.get("/sparql", query_string=query).status_code == 200
        finally:
            application.extensions["kgpub"]["stores"].close()


def _pointer_build(store: RemoteStore) -> str:
    return store.published()[0]


def test_a_load_that_dies_halfway_leaves_the_previous_build_served(
    settings: Settings, engine: OxigraphServer | VirtuosoServer, remote: RemoteStore, tmp_path: Path
) -> None:
    served = _pointer_build(remote)
    ask_new = f"ASK {{ <{ID}new-body> ?p ?o }}"
    before = remote.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").bindings()[0]["n"]
    nxt = make_published(tmp_path / "var", SEED_TRIG + EXTRA, max_result_rows=20)
    nxt = engine.settings(nxt).with_(remote_load_chunk_triples=5, remote_pointer_ttl_s=0.01)
    steps: list[str] = []

    def die(text: str) -> None:  # the engine is killed after the first chunk has been uploaded
        steps.append(text)
        engine.kill()

    with pytest.raises(QueryRefused):
        load(publish.current(nxt), nxt, progress=die)
    assert steps
    engine.start()
    assert _pointer_build(remote) == served
    assert remote.query(ask_new).boolean is False
    assert remote.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").bindings()[0]["n"] == before

    report = load(publish.current(nxt), nxt)  # the next load cleans up and switches
    assert report.dropped_leftovers >= 1 and report.requests > 1
    assert _pointer_build(remote) == report.build_id != served
    assert remote.query(ask_new).boolean is True
    staging = f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{STAGING_PREFIX}")) }}'
    assert settings.remote_query_url
    direct = httpx.post(settings.remote_query_url, data={"query": staging}, headers={"Accept": RESULTS_JSON})
    assert direct.json()["boolean"] is False  # asked of the engine itself: no staging graph is left
    load(publish.current(settings), settings)  # back to the module's build for the other tests
    assert remote.query(ask_new).boolean is False


SHARED_BLANK = f"""
<{BASE}graph/extra-a> {{ <{ID}helsinki> <http://www.w3.org/ns/prov#wasAttributedTo> _:agent . }}
<{BASE}graph/extra-b> {{ _:agent <http://xmlns.com/foaf/0.1/name> "maintainers" .
                         _:other <http://xmlns.com/foaf/0.1/name> "others" . }}
"""


def test_a_blank_node_in_two_graphs_stays_one_node(
    settings: Settings, remote: RemoteStore, tmp_path: Path
) -> None:
    """The build's blank nodes keep their identity across graphs on both engines (Virtuoso refuses
    blank nodes in INSERT DATA and fails on templates naming two graphs: measured, worked around)."""
    nxt = make_published(tmp_path / "var", SEED_TRIG + SHARED_BLANK, max_result_rows=20)
    assert settings.remote_query_url
    nxt = nxt.with_(**{k: getattr(settings, k) for k in vars(settings) if k.startswith("remote_")})
    nxt = nxt.with_(backend="remote")
    try:
        load(publish.current(nxt), nxt)
        joined = (
            f"SELECT ?name WHERE {{ GRAPH <{BASE}graph/extra-a> {{ <{ID}helsinki> ?p ?agent }} "
            f"GRAPH <{BASE}graph/extra-b> {{ ?agent ?q ?name }} }}"
        )
        assert [str(r["name"]) for r in remote.query(joined).bindings()] == ["maintainers"]
        blanks = "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b ?p ?o FILTER(isBlank(?b)) }"
        with_extra = int(str(remote.query(blanks).bindings()[0]["n"]))
    finally:
        load(publish.current(settings), settings)  # back to the module's build for the other tests
    assert with_extra == int(str(remote.query(blanks).bindings()[0]["n"])) + 2


def test_a_graph_larger_than_the_engines_parser_takes_in_one_block_loads(
    settings: Settings, remote: RemoteStore, tmp_path: Path
) -> None:
    """6,000 triples in one graph, one upload request: Virtuoso's parser gives up at ~5,000 triples in
    one GRAPH block ("memory exhausted"), so kgpub writes blocks of 2,000."""
    many = "\n".join(f'<{ID}n{i}> <http://www.w3.org/2000/01/rdf-schema#label> "n{i}" .' for i in range(6000))
    nxt = make_published(tmp_path / "var", SEED_TRIG + f"<{BASE}graph/many> {{\n{many}\n}}\n")
    nxt = nxt.with_(**{k: getattr(settings, k) for k in vars(settings) if k.startswith("remote_")})
    try:
        report = load(publish.current(nxt.with_(backend="remote")), nxt.with_(backend="remote"))
        count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}graph/many> {{ ?s ?p ?o }} }}"
        assert int(str(remote.query(count).bindings()[0]["n"])) == 6000
        assert report.requests <= 2  # one chunk (and the blank-node request)
    finally:
        load(publish.current(settings), settings)


def test_kgpub_load_command_publishes_and_reports(
    settings: Settings, engine: OxigraphServer | VirtuosoServer
) -> None:
    import subprocess
    import sys

    env = {
        "KGPUB_VAR_DIR": str(settings.var_dir),
        "KGPUB_BASE_IRI": settings.base_iri,
        "KGPUB_BACKEND": "remote",
        "PATH": "/usr/bin:/bin",
    }
    for name in ("query_url", "update_url", "user", "password", "auth"):
        value = getattr(settings, f"remote_{name}")
        if value is not None:
            env[f"KGPUB_REMOTE_{name.upper()}"] = str(value)
    done = subprocess.run(
        [sys.executable, "-m", "kgpub", "load"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert f"loaded build {publish.current(settings).path.name}:" in done.stdout
    env.pop("KGPUB_REMOTE_UPDATE_URL")
    refused = subprocess.run([sys.executable, "-m", "kgpub", "load"], env=env, capture_output=True, text=True)
    assert refused.returncode == 3 and "remote_update_url" in refused.stderr


@pytest.mark.parametrize(
    "changes",
    [
        {"backend": "cloud"},
        {"backend": "remote"},
        {"remote_query_url": "ftp://example.org/sparql"},
        {"remote_connect_timeout_s": 0},
        {"remote_max_response_mb": 0},
        {"remote_load_chunk_triples": -1},
        {"remote_auth": "ntlm"},
        {"remote_load_blank_triples": 0},
    ],
)
def test_bad_backend_settings_are_refused(changes: dict[str, object]) -> None:
    from kgpub.errors import InputError

    with pytest.raises(InputError):
        Settings(**changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def small_virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Virtuoso with its own limits below kgpub's: ResultSetMaxRows 15 (kgpub's max_result_rows is
    20) and MaxQueryExecutionTime 1 s (kgpub's query_timeout_s is 30 s)."""
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso-small"), timeout_s=1, max_rows=15) as server:
        local = make_published(tmp_path_factory.mktemp("var"), SEED_TRIG, max_result_rows=20)
        remote = server.settings(local).with_(query_timeout_s=30.0)
        load(publish.current(remote), remote)
        yield remote


def test_virtuoso_row_cut_is_found_and_refused_never_served(small_virtuoso: Settings) -> None:
    """Virtuoso answers 200 with the first 15 rows (or triples) of a longer answer: kgpub finds the cut
    when it first asks for the published build, and refuses every answer that reaches it."""
    with open_store(publish.current(small_virtuoso), small_virtuoso) as store:
        assert isinstance(store, RemoteStore)
        assert store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 14").rows == 14
        assert store.engine_cap == 15  # found by the probe, before any real answer was cut
        for cut in ("SELECT * WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }"):
            with pytest.raises(QueryRefused, match="cuts answers at 15 rows"):
                store.query(cut)
    assert small_virtuoso.remote_query_url
    direct = httpx.post(  # what Virtuoso itself answers: a cut result, marked only by a header
        small_virtuoso.remote_query_url,
        data={"query": "SELECT * WHERE { ?s ?p ?o }"},
        headers={"Accept": RESULTS_JSON},
    )
    assert direct.status_code == 200 and direct.headers["X-SPARQL-MaxRows"] == "15"
    assert len(direct.json()["results"]["bindings"]) == 15


def test_virtuoso_time_limit_is_503_not_a_query_error(small_virtuoso: Settings) -> None:
    import time

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
    with open_store(publish.current(small_virtuoso), small_virtuoso) as store:
        started = time.monotonic()
        with pytest.raises(QueryRefused, match="longer than the SPARQL engine's time limit"):
            store.query(slow)
        assert time.monotonic() - started < 25  # the engine's 1 s (~2 s measured), not kgpub's 30 s
        assert store.query("ASK { ?s ?p ?o }").boolean is True
