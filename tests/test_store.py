"""The store: loading a build, dataset semantics, refusals, limits and result formats.

The store runs the real engine (pyoxigraph in worker processes) over the Helsinki seed snippet that
the web tests publish too.
"""

from __future__ import annotations

import io
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result

from kgpub import publish
from kgpub.config import PROJECT_ROOT, Settings
from kgpub.errors import InputError, NotFoundError, PublishError, QueryError, QueryRefused, QueryTooLarge
from kgpub.formats import BY_NAME
from kgpub.store import FORMATS_BY_KIND, Store, Stores, analyse, open_store, prepare
from kgpub.store.load import load
from tests.engines import OxigraphServer
from tests.web.conftest import BASE, SEED_TRIG, make_published

ID = BASE + "id/org/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
W3C_QUERIES = sorted((PROJECT_ROOT.parent / "shared/testsuites/w3c-rdf-tests/sparql/sparql11").rglob("*.rq"))


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_published(tmp_path_factory.mktemp("var"), SEED_TRIG).var_dir


@pytest.fixture(
    scope="module",
    params=[True, False, pytest.param(None, marks=pytest.mark.slow)],
    ids=["memory", "rocksdb", "remote"],
)
def store(
    var_dir: Path, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """Both ways a worker can serve a build: its dataset in RAM, or its RocksDB store read-only; and
    the remote backend: the build loaded (`kgpub load`) into a real Oxigraph server on loopback."""
    published = publish.Published(var_dir / "published")
    if request.param is None:
        with OxigraphServer(tmp_path_factory.mktemp("oxigraph")) as engine:
            limits = {
                "query_timeout_s": 5.0,
                "max_result_rows": 20,
                "max_query_bytes": 2000,
                "sparql_workers": 2,
            }
            settings = engine.settings(Settings(base_iri=BASE, var_dir=var_dir, **limits))  # type: ignore[arg-type]
            load(published, settings)
            with open_store(published, settings) as remote:
                yield remote  # type: ignore[misc]
        return
    path, memory = published.store_path, request.param
    with Store(path, BASE, timeout_s=5, max_rows=20, max_query_bytes=2000, workers=2, in_memory=memory) as s:
        assert s.in_memory is memory
        yield s


def select(store: Store, sparql: str, **kw: object) -> list[dict[str, object]]:
    return store.query(sparql, **kw).bindings()  # type: ignore[arg-type]


# -- loading -------------------------------------------------------------------------------------------


def test_prepare_loads_every_named_graph(store: Store) -> None:
    # the data graphs, and the schema graphs SPARQL users query with it: the ontology (kinds, duty
    # concepts) and the COFOG scheme with its broadMatch links
    assert store.named_graphs() == [
        BASE + "graph/cofog",
        BASE + "graph/curation",
        BASE + "graph/inferred",
        BASE + "graph/ontology",
        BASE + "graph/source/helsinki-kaupunginkanslia",
    ]


def test_prepare_refuses_a_broken_dataset_and_a_second_load(tmp_path: Path) -> None:
    (tmp_path / publish.DATASET).write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(PublishError, match="could not load"):
        prepare(tmp_path)
    (tmp_path / publish.DATASET).write_text(SEED_TRIG, encoding="utf-8")
    with pytest.raises(PublishError, match="exists already"):
        prepare(tmp_path)


def test_open_store_needs_a_prepared_build(tmp_path: Path) -> None:
    (tmp_path / publish.MANIFEST).write_text(json.dumps({"base_iri": BASE}), encoding="utf-8")
    with pytest.raises(NotFoundError, match="not prepared"):
        open_store(publish.Published(tmp_path))


# -- dataset semantics ---------------------------------------------------------------------------------


def test_default_graph_is_the_union_of_the_named_graphs(store: Store) -> None:
    # The municipality's label is in the curation graph, the link to it in a source graph.
    rows = select(
        store,
        "PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?name WHERE { ?unit org:subOrganizationOf ?m . ?m skos:prefLabel ?name "
        "FILTER(lang(?name)='sv') }",
    )
    assert {r["name"] for r in rows} == {Literal("Helsingfors stad", lang="sv")}


def test_from_in_the_query_names_a_graph_of_the_store(store: Store) -> None:
    query = f"ASK FROM <{BASE}graph/curation> {{ ?s <http://www.w3.org/ns/org#subOrganizationOf> ?o }}"
    assert store.query(query).boolean is False
    query = f"ASK FROM <{BASE}graph/inferred> {{ ?s <http://www.w3.org/ns/org#hasSubOrganization> ?o }}"
    assert store.query(query).boolean is True


def test_protocol_dataset_overrides_the_union(store: Store) -> None:
    ask = "ASK { ?s <http://www.w3.org/ns/org#hasSubOrganization> ?o }"
    assert store.query(ask, default_graph_uris=[BASE + "graph/inferred"]).boolean is True
    assert store.query(ask, default_graph_uris=[BASE + "graph/curation"]).boolean is False
    # Only named graphs given: the default graph is empty, GRAPH sees just those.
    assert store.query(ask, named_graph_uris=[BASE + "graph/inferred"]).boolean is False
    graphs = select(store, "SELECT DISTINCT ?g { GRAPH ?g { } }", named_graph_uris=[BASE + "graph/inferred"])
    assert graphs == [{"g": URIRef(BASE + "graph/inferred")}]


def test_relative_iris_resolve_against_the_data_base(store: Store) -> None:
    rows = select(store, "PREFIX kgp: <def/> SELECT ?s WHERE { ?s a kgp:DutyStatement }")
    assert rows == [{"s": URIRef(BASE + "id/duty/helsinki-elinkeino-osasto-1")}]


def test_describe_gives_the_triples_about_a_thing(store: Store) -> None:
    graph = store.describe(ID + "helsinki-elinkeino-osasto")
    assert (
        URIRef(ID + "helsinki-elinkeino-osasto"),
        ORG.subOrganizationOf,
        URIRef(ID + "helsinki-kaupunginkanslia"),
    ) in graph
    with pytest.raises(QueryError, match="not an IRI"):
        store.describe("x> } DELETE { ?s ?p ?o")


# -- refusals and limits -------------------------------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP port that records whatever connects to it: the store must never call it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            seen.append(conn.recv(1000))
            conn.close()

    thread = threading.Thread(target=accept)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ service silent <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE<http://127.0.0.1:{port}/>{{?s ?p ?x}} }} }}",
        "SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ],
)
def test_service_is_refused_and_nothing_is_fetched(
    store: Store, listener: tuple[int, list[bytes]], template: str
) -> None:
    port, seen = listener
    with pytest.raises(QueryError, match="SERVICE is not supported"):
        store.query(template.format(port=port))
    assert seen == []


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "CLEAR ALL",
        "LOAD <http://example.org/x.ttl>",
        "DROP DEFAULT",
    ],
)
def test_updates_are_refused_and_change_nothing(store: Store, update: str) -> None:
    before = store.query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").bindings()
    with pytest.raises(QueryError, match="read-only"):
        store.query(update)
    assert store.query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").bindings() == before


def test_a_malformed_query_reports_the_parser_message(store: Store) -> None:
    with pytest.raises(QueryError, match=r"malformed query: error at 1:\d+"):
        store.query("SELECT * WHERE { ?s ?p }")


def test_a_query_past_the_deadline_is_stopped_and_the_store_keeps_answering(store: Store) -> None:
    with pytest.raises(QueryRefused, match=r"longer than 0\.5 s"):
        store.query(SLOW, timeout_s=0.5)
    assert store.query("ASK { ?s ?p ?o }").boolean is True


def test_row_and_triple_limits_refuse_rather_than_truncate(store: Store) -> None:
    assert store.query("SELECT * { ?s ?p ?o } LIMIT 20").rows == 20
    with pytest.raises(QueryRefused, match="more than 20 rows"):
        store.query("SELECT * { ?s ?p ?o }")
    with pytest.raises(QueryRefused, match="more than 3 triples"):
        store.query("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=3)


def test_query_size_limit(store: Store) -> None:
    with pytest.raises(QueryTooLarge):
        store.query("ASK {}" + " " * 2000)


def test_concurrent_queries_beyond_the_pool_wait_their_turn(store: Store) -> None:
    results: list[bool] = []
    threads = [
        threading.Thread(target=lambda: results.append(store.query("ASK {}").boolean)) for _ in range(6)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 6


# -- result formats ------------------------------------------------------------------------------------

SELECT_HEADS = (
    "PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
    "SELECT ?person ?name ?body WHERE { ?person org:headOf ?body ; foaf:name ?name }"
)


@pytest.mark.parametrize("name", FORMATS_BY_KIND["bindings"])
def test_select_results_read_back_in_every_format(store: Store, name: str) -> None:
    result = store.query(SELECT_HEADS)
    data = result.serialize(BY_NAME[name])
    parsed = Result.parse(io.BytesIO(data), format=name)  # rdflib's own result parsers
    if name == "csv":  # CSV carries no term types: compare the lexical values
        assert [{str(k): str(v) for k, v in row.items()} for row in parsed.bindings] == [
            {k: str(v) for k, v in row.items()} for row in result.bindings()
        ]
    else:
        assert [{str(k): v for k, v in row.items()} for row in parsed.bindings] == result.bindings()


@pytest.mark.parametrize("name", FORMATS_BY_KIND["boolean"])
def test_ask_results_read_back(store: Store, name: str) -> None:
    data = store.query("ASK { ?s a <http://xmlns.com/foaf/0.1/Person> }").serialize(BY_NAME[name])
    assert Result.parse(io.BytesIO(data), format=name).askAnswer is True


@pytest.mark.parametrize("name", FORMATS_BY_KIND["graph"])
def test_construct_results_are_isomorphic_in_every_format(store: Store, name: str) -> None:
    graph = f"<{BASE}graph/source/helsinki-kaupunginkanslia>"
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    result = store.query(query, max_rows=100)
    parsed = Graph().parse(data=result.serialize(BY_NAME[name]), format=BY_NAME[name].rdflib_format)
    assert len(parsed) == result.rows > 30
    assert isomorphic(parsed, result.graph())


def test_a_format_that_cannot_carry_the_result_is_an_error(store: Store) -> None:
    with pytest.raises(InputError, match="cannot be written as ttl"):
        store.query("ASK {}").serialize(BY_NAME["ttl"])


# -- following the published build ---------------------------------------------------------------------


def test_stores_follow_the_published_build(tmp_path: Path) -> None:
    settings = make_published(tmp_path, SEED_TRIG)
    stores = Stores(settings)
    try:
        first = stores.get()
        assert stores.get() is first
        make_published(tmp_path, "<urn:x> <urn:y> <urn:z> .")
        second = stores.get()
        assert second is not first
        assert second.query("ASK { <urn:x> ?p ?o }").boolean is True
        with pytest.raises(QueryRefused, match="replaced by a new build"):
            first.query("ASK {}")  # a request that still holds the old store gets a 503, not stale data
    finally:
        stores.close()


def test_nothing_published_is_unavailable_not_not_found(tmp_path: Path) -> None:
    """503 (come back later), not 404 (crawlers drop the page), and still saying what to run."""
    from kgpub.config import Settings
    from kgpub.errors import Unavailable

    with pytest.raises(Unavailable, match="kgpub build") as caught:
        Stores(Settings(var_dir=tmp_path)).get()
    assert caught.value.http_status == 503 and caught.value.retry_after > 0


# -- the lexer that polices queries --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "form", "dataset", "service", "update"),
    [
        ("PREFIX service: <urn:> SELECT * { ?s service:x ?service }", "SELECT", False, False, None),
        ('SELECT * { ?s ?p "SERVICE <http://x/> {}" }', "SELECT", False, False, None),
        ("SELECT * { ?s ?p 'from' } # SERVICE <http://x/> {}", "SELECT", False, False, None),
        ('SELECT * { ?s ?p """a\n SERVICE <x> {}"""@service }', "SELECT", False, False, None),
        ("SELECT * { ?s <http://x/#service> ?o }", "SELECT", False, False, None),
        ("select * from <urn:g> { ?s ?p ?o }", "SELECT", True, False, None),
        ("ASK FROM NAMED <urn:g> { GRAPH ?g {} }", "ASK", True, False, None),
        ("DESCRIBE <urn:a>", "DESCRIBE", False, False, None),
        ("CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <urn:s> { ?s ?p ?o } }", "CONSTRUCT", False, True, None),
        (
            "PREFIX : <urn:> SELECT * { ?a :p ?b FILTER(?a<3&&?b>2) SERVICE<urn:x>{?s ?p ?o} }",
            "SELECT",
            False,
            True,
            None,
        ),
        ("PREFIX ex: <urn:> INSERT DATA { ex:a ex:b ex:c }", None, False, False, "INSERT"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", None, False, False, "WITH"),
    ],
)
def test_analyse(query: str, form: str | None, dataset: bool, service: bool, update: str | None) -> None:
    info = analyse(query)
    assert (info.form, info.has_dataset, info.uses_service, info.update_keyword) == (
        form,
        dataset,
        service,
        update,
    )


def _parts(node: object) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _parts(value)
    elif isinstance(node, list | tuple) or hasattr(node, "asList"):
        for value in node:  # type: ignore[attr-defined]
            yield from _parts(value)


FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}


def test_analyse_agrees_with_rdflibs_parser_on_the_w3c_queries() -> None:
    """On every W3C SPARQL 1.1 query rdflib's full parser accepts: same form, dataset clause, SERVICE."""
    assert len(W3C_QUERIES) == 334
    compared = 0
    for path in W3C_QUERIES:
        text = path.read_text(encoding="utf-8")
        try:
            parsed = parseQuery(text)
        except Exception:  # negative syntax tests and what rdflib cannot parse: nothing to compare
            continue
        parts = list(_parts(parsed))
        expected = (
            FORMS[parsed[1].name],
            any("datasetClause" in p for p in parts if p.name in FORMS),
            any(p.name == "ServiceGraphPattern" for p in parts),
        )
        info = analyse(text)
        assert (info.form, info.has_dataset, info.uses_service) == expected, path.name
        compared += 1
    assert compared == 302


FROM_QUERIES = [
    "SELECT * FROM <http://a.example/g> FROM NAMED <http://b.example/n> { ?s ?p ?o }",
    "BASE <http://a.example/x/y>\nSELECT * FROM <../g> FROM NAMED <#n> { ?s ?p ?o }",
    "SELECT * FROM <g1> FROM <//other.example/g2> { ?s ?p ?o }",
    "PREFIX e: <http://a.example/>\nPREFIX : <http://b.example/>\nASK FROM e:g.x FROM NAMED :n {}",
    "BASE <http://a.example/>\nPREFIX r: <rel/>\nSELECT * FROM r:g { ?s ?p ?o }",
    "SELECT * # FROM <http://hidden.example/>\nFROM <http://a.example/g> { ?s ?p 'FROM <x:no>' }",
    "select * from\n# between\nnamed <http://a.example/g> { graph ?g { ?s ?p ?o } }",
    "SELECT * \\u0046ROM <http://a.example/\\u0067> { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM <http://a.example/g> WHERE { ?s ?p ?o }",
    "DESCRIBE ?s FROM NAMED <http://a.example/g> WHERE { ?s ?p ?o }",
]


def test_dataset_iris_agree_with_rdflibs_algebra() -> None:
    """The FROM / FROM NAMED IRIs the check refuses or allows are the ones rdflib's parser and
    algebra resolve (prefixes, BASE, relative IRIs, local escapes), on every W3C query with a
    dataset clause and on tricky hand-written ones."""
    from rdflib.plugins.sparql.algebra import translateQuery

    from kgpub.store.scan import dataset_iris

    base = "http://base.example/dir/file"
    corpus = [p.read_text(encoding="utf-8") for p in W3C_QUERIES if "FROM" in p.read_text().upper()]
    compared = 0
    for text in corpus + FROM_QUERIES:
        try:
            algebra = translateQuery(parseQuery(text), base=base).algebra
        except Exception:  # what rdflib cannot parse: nothing to compare
            continue
        expected = [str(d.default or d.named) for d in algebra.datasetClause or []]
        assert list(dataset_iris(text, base)) == expected, text
        compared += len(expected) > 0
    assert compared >= len(FROM_QUERIES) + 2


@pytest.mark.parametrize(
    "head",
    [
        "PREFIX e: <http://a.example/>\nASK FROM e:g\\/x\\#y",  # local escapes (rdflib keeps the \\)
        "PREFIX e: <http://a.example/>\nASK FROM e:g%2Fx",
        "BASE <http://a.example/x/>\nASK FROM <../g\\u0041>",
        "ASK FROM <rel/\\u0067>",
        "BASE <http://a.example/>\nPREFIX r: <rel/>\nBASE <http://b.example/>\nASK FROM r:g",
    ],
)
def test_dataset_iris_are_the_graphs_the_engine_reads(head: str) -> None:
    """The engine is the oracle: with one triple in the graph the check found, the engine's own
    reading of the same FROM must see that triple."""
    import pyoxigraph as ox

    from kgpub.store.scan import dataset_iris

    base = "http://base.example/dir/file"
    (iri,) = dataset_iris(head, base)
    engine = ox.Store()
    engine.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"), ox.NamedNode(iri)))
    assert engine.query(head + " { ?s ?p ?o }", base_iri=base)


def test_construct_jsonld_keeps_falsy_values_and_rdfxml_refuses_a_form_feed(store: Store) -> None:
    """JSON-LD of a CONSTRUCT keeps "", 0 and false next to other values (rdflib's compacting
    serializer drops them); RDF/XML of a literal holding a form feed is NotRepresentable (406)."""
    from kgpub.errors import NotRepresentable

    s = f"<{ID}x>"
    subjects = " ".join(f"<{ID}x-{i}>" for i in range(20))
    template = f'?s <{BASE}def/p> 0, 5, "", "x", false, true ; <{BASE}def/q> true, "x", 5, false, "", 0'
    query = f"CONSTRUCT {{ {template} }} WHERE {{ VALUES ?s {{ {subjects} }} }}"
    result = store.query(query, max_rows=300)
    parsed = Graph().parse(data=result.serialize(BY_NAME["jsonld"]), format="json-ld")
    assert len(parsed) == result.rows == 240
    assert isomorphic(parsed, result.graph())
    form_feed = store.query(f'CONSTRUCT {{ {s} <{BASE}def/p> "sivu 1\\fsivu 2" }} WHERE {{}}', max_rows=10)
    with pytest.raises(NotRepresentable):
        form_feed.serialize(BY_NAME["rdfxml"])
    turtle = Graph().parse(data=form_feed.serialize(BY_NAME["ttl"]), format="turtle")
    assert Literal("sivu 1\fsivu 2") in set(turtle.objects())


def test_select_as_xml_refuses_a_form_feed_and_json_keeps_it(store: Store) -> None:
    """SPARQL XML results cannot carry U+000C: 406 NotRepresentable; JSON and CSV still answer."""
    from kgpub.errors import NotRepresentable

    result = store.query('SELECT ?x WHERE { BIND("sivu 1\\fsivu 2" AS ?x) }')
    with pytest.raises(NotRepresentable) as info:
        result.serialize(BY_NAME["xml"])
    assert info.value.http_status == 406 and "U+000C" in str(info.value)
    rows = json.loads(result.serialize(BY_NAME["json"]))["results"]["bindings"]
    assert rows == [{"x": {"type": "literal", "value": "sivu 1\fsivu 2"}}]
    plain = store.query('SELECT ?x WHERE { BIND("sivu 1" AS ?x) }')
    assert b"<literal>sivu 1</literal>" in plain.serialize(BY_NAME["xml"])
