"""Documents recorded at build time (``kgpub.documents``) say exactly what the store says.

Every document of a build is described twice — by the queries the web layer sends to the real store
(query workers), and from the answers recorded at build time with no store at all — and the graphs
must be isomorphic, with the same incoming-link counts, claims, named graphs, neighbourhood and
chart. Over HTTP, an app serving the recorded documents and one serving a build without them answer
every document in every format with the same triples, and pages with the same links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from rdflib import BNode, Graph
from rdflib.compare import isomorphic
from rdflib.term import Node

from kgpub import publish
from kgpub.config import Settings
from kgpub.documents import FILE, Replay, documents_of, open_documents
from kgpub.store import QueryResult, open_store
from kgpub.web import create_app
from kgpub.web import describe as d
from kgpub.web.body import is_body

from .fixture import publish_fixture

FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}


class NoStore:
    """Stands where the store would be: a page that still asks it a query fails the test."""

    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult:
        raise AssertionError(f"a recorded document sent a query to the store:\n{sparql[:300]}")


def _links(html: bytes) -> list[str]:
    return sorted(re.findall(r'href="([^"]*)"', html.decode("utf-8")))


def _sorted(graphs: dict[tuple[Node, Node], list[str]]) -> list[tuple[str, str, list[str]]]:
    """Which graphs hold a statement, comparable: the engine lists them in no particular order, and a
    blank node is a new one in each parsed answer."""
    return sorted(
        (str(p), "[]" if isinstance(o, BNode) else o.n3(), sorted(g)) for (p, o), g in graphs.items()
    )


def mismatches(settings: Settings) -> tuple[int, int, list[str]]:
    """(documents, bodies, one line per difference) between queried and recorded descriptions."""
    published = publish.current(settings)
    recorded = open_documents(published.path, settings.base_iri)
    assert recorded is not None, f"no {FILE} in {published.path}"
    limit, base = recorded.max_incoming, settings.base_iri
    problems: list[str] = []
    count = bodies = 0
    with open_store(published, settings) as live:
        store = d.Structural(live)
        for rest, thing in recorded.paths():
            found = recorded.document(rest)
            assert found is not None and found.thing == base + thing
            iri, replay = found.thing, found.replay(NoStore())
            queried, replayed = d.describe(store, iri, limit), d.describe(replay, iri, limit)
            count += 1
            if not isomorphic(queried.graph, replayed.graph):
                problems.append(f"{rest}: description differs")
            if (queried.incoming_total, queried.incoming_shown) != (
                replayed.incoming_total,
                replayed.incoming_shown,
            ):
                problems.append(f"{rest}: incoming counts differ")
            if d.claims(store, iri, base) != d.claims(replay, iri, base):
                problems.append(f"{rest}: claims differ")
            if _sorted(d.graphs_of(store, iri)) != _sorted(d.graphs_of(replay, iri)):
                problems.append(f"{rest}: named graphs differ")
            if is_body(queried.graph, queried.iri):
                bodies += 1
                if not isomorphic(d.neighbourhood(store, iri, base), d.neighbourhood(replay, iri, base)):
                    problems.append(f"{rest}: neighbourhood differs")
                if not isomorphic(d.chart(store, iri), d.chart(replay, iri)):
                    problems.append(f"{rest}: chart differs")
                if d.municipality_language(store, iri) != d.municipality_language(replay, iri):
                    problems.append(f"{rest}: language differs")
    return count, bodies, problems


def test_every_recorded_document_equals_what_the_store_answers(pages_settings: Settings) -> None:
    count, bodies, problems = mismatches(pages_settings)
    assert count > 50 and bodies > 5
    assert problems == []


@pytest.mark.slow
def test_every_document_of_the_seed_build_equals_what_the_store_answers(seed_build: Settings) -> None:
    _count, bodies, problems = mismatches(seed_build)
    assert bodies > 20, "the seed build describes its bodies"
    assert problems == []


def test_documents_are_every_thing_the_data_names() -> None:
    rels = {
        "id/org/a",
        "id/org/a#site",
        "def/kind/x",
        "id/def/kind/x",
        "def/y",
        "source/s",
        "doc/z",
        "graph/g",
    }
    assert documents_of(rels) == {
        "org/a": "id/org/a",
        "def/kind/x": "id/def/kind/x",  # /doc/def/kind/x reads id/def/kind/x first, as the app does
        "def/y": "def/y",
        "graph/g": "graph/g",
    }


@pytest.fixture(scope="module")
def queried_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The same fixture build, published without recorded documents (as a build by an older kgpub)."""
    app = create_app(publish_fixture(tmp_path_factory.mktemp("queried"), precompute=False))
    yield app
    app.extensions["kgpub"]["stores"].close()


def test_recorded_and_queried_apps_answer_alike(
    pages_app: Flask, queried_app: Flask, published_dir: Path
) -> None:
    assert (published_dir / FILE).is_file()
    assert not (publish.current(queried_app.extensions["kgpub"]["settings"]).path / FILE).exists()
    recorded = open_documents(published_dir, pages_app.extensions["kgpub"]["settings"].base_iri)
    assert recorded is not None
    fast, slow = pages_app.test_client(), queried_app.test_client()
    checked = 0
    for rest, _thing in recorded.paths():
        if rest.endswith("/"):
            continue
        for suffix, parser in FORMATS.items():
            a, b = fast.get(f"/doc/{rest}.{suffix}"), slow.get(f"/doc/{rest}.{suffix}")
            assert (a.status_code, a.mimetype) == (b.status_code, b.mimetype), rest
            if a.status_code == 200:
                assert isomorphic(
                    Graph().parse(data=a.data, format=parser), Graph().parse(data=b.data, format=parser)
                )
        a, b = fast.get(f"/doc/{rest}.html"), slow.get(f"/doc/{rest}.html")
        assert a.status_code == b.status_code == 200
        # the same links (the order of blank nodes, and which of two kinds a chart shows, is arbitrary
        # on either side: it follows random blank node labels and the engine's order)
        assert _links(a.data) == _links(b.data), f"/doc/{rest}.html differs"
        checked += 1
    assert checked > 50


class Spy:
    """The real store, keeping the text of every query the pages send it."""

    def __init__(self, inner: d.Queryable) -> None:
        self.inner, self.sent = inner, []

    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult:
        self.sent.append(sparql)
        return self.inner.query(sparql, max_rows=max_rows)


@pytest.fixture(scope="module")
def index_only_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The fixture build with more documents than ``documents_recorded_max`` (0): the index only."""
    settings = publish_fixture(tmp_path_factory.mktemp("index-only"), documents_recorded_max=0)
    app = create_app(settings)
    yield app
    app.extensions["kgpub"]["stores"].close()


def test_over_the_recording_limit_only_the_index_is_written_and_pages_answer_alike(
    pages_app: Flask, index_only_app: Flask
) -> None:
    settings: Settings = index_only_app.extensions["kgpub"]["settings"]
    published = publish.current(settings)
    index = open_documents(published.path, settings.base_iri)
    full = open_documents(publish.current(pages_app.extensions["kgpub"]["settings"]).path, settings.base_iri)
    assert index is not None and full is not None
    assert list(index.paths()) == list(full.paths())  # every document is known: 404s stay 404s
    with_hashes = 0
    for rest, _thing in index.paths():
        found, recorded = index.document(rest), full.document(rest)
        assert found is not None and recorded is not None
        assert found.answers == {} and recorded.answers  # nothing recorded, but the same hash IRIs
        assert found.hashes == recorded.hashes
        with_hashes += bool(found.hashes)
    assert with_hashes >= 1  # a thing with "#" IRIs under it (a body's site) is in the fixture
    lazy, fast = index_only_app.test_client(), pages_app.test_client()
    for rest, _thing in list(index.paths())[:40]:
        for suffix in ("ttl", "html"):
            a, b = lazy.get(f"/doc/{rest}.{suffix}"), fast.get(f"/doc/{rest}.{suffix}")
            assert a.status_code == b.status_code == 200, rest
            if suffix == "ttl":
                assert isomorphic(Graph().parse(data=a.data, format="turtle"), Graph().parse(data=b.data))
            else:
                assert _links(a.data) == _links(b.data), rest
    assert lazy.get("/doc/org/no-such-body").status_code == 404


def test_a_document_rendered_on_request_looks_up_its_hash_iris_and_never_scans(
    index_only_app: Flask,
) -> None:
    settings: Settings = index_only_app.extensions["kgpub"]["settings"]
    published = publish.current(settings)
    index = open_documents(published.path, settings.base_iri)
    assert index is not None
    rest = next(r for r, _t in index.paths() if (f := index.document(r)) is not None and f.hashes)
    found = index.document(rest)
    assert found is not None
    with open_store(published, settings) as live:
        spy = Spy(d.Structural(live))
        description = d.describe(found.replay(spy), found.thing, index.max_incoming)
        plain = d.describe(d.Structural(live), found.thing, index.max_incoming)
    assert isomorphic(description.graph, plain.graph)
    assert len(spy.sent) >= 3  # nothing recorded: every query went to the store
    scan = "STRSTARTS(STR(?h), CONCAT("
    assert not any(scan in q for q in spy.sent)
    assert any(f"VALUES ?h {{ <{found.hashes[0]}>" in q for q in spy.sent)


def test_the_recording_limit_is_a_setting() -> None:
    from kgpub.errors import InputError

    assert Settings().documents_recorded_max == 20000
    assert Settings.from_env({"KGPUB_DOCUMENTS_RECORDED_MAX": "5"}).documents_recorded_max == 5
    with pytest.raises(InputError, match="documents_recorded_max"):
        Settings(documents_recorded_max=-1)


def test_a_recorded_document_needs_no_store(pages_app: Flask, published_dir: Path) -> None:
    """RDF and HTML of every body rendered with no store behind the recorded answers."""
    from kgpub.formats import BY_NAME
    from kgpub.web import pages
    from kgpub.web.caching import current

    settings: Settings = pages_app.extensions["kgpub"]["settings"]
    recorded = open_documents(published_dir, settings.base_iri)
    assert recorded is not None
    rendered = 0
    for rest, _thing in recorded.paths():
        found = recorded.document(rest)
        assert found is not None
        with pages_app.test_request_context(f"/doc/{rest}"):
            _store, build, _ = current()
            for name in ("ttl", "html"):
                response = pages.document(
                    Replay(found.answers, NoStore()),
                    build,
                    settings,
                    found.thing,
                    f"doc/{rest}",
                    BY_NAME[name],
                )
                assert response.status_code == 200
                rendered += 1
    assert rendered > 100


def test_the_rendered_cache_keeps_to_its_budget() -> None:
    from kgpub.errors import InputError
    from kgpub.web.caching import Kept, _Lru

    with pytest.raises(InputError, match="document_cache_mb"):
        Settings(document_cache_mb=-1)
    cache = _Lru()
    page = Kept(b"x" * (400 << 10), "text/turtle")
    for key in "abc":
        cache.put(key, page, budget_mb=1)
    assert cache.get("a") is None and cache.get("c") == page  # 3 × 400 KiB > 1 MiB
    cache.put("d", page, budget_mb=0)
    assert cache.get("d") is None  # 0: nothing kept
    # the headers kept with an answer (kgpub.web.hits) count too: 2 × (400 KiB + 150 KiB) > 1 MiB
    sent = ("200 OK", (("Link", "x" * (150 << 10)),))
    cache.put("e", page._replace(sent=sent), budget_mb=1)
    cache.put("f", page._replace(sent=sent), budget_mb=1)
    assert cache.get("e") is None and cache.get("f") is not None


def test_a_rendered_answer_is_served_without_reading_the_record_again(
    pages_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kgpub.documents import Documents

    app = create_app(pages_app.extensions["kgpub"]["settings"])  # its own, empty, rendered-answer cache
    client = app.test_client()
    first = client.get("/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto.ttl")
    assert first.status_code == 200

    def unreadable(self: Documents, rest: str) -> None:
        raise AssertionError(f"the record of {rest} was read for an answer already rendered")

    monkeypatch.setattr(Documents, "document", unreadable)
    again = client.get("/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto.ttl")
    assert (again.status_code, again.data) == (200, first.data)
    assert again.headers["ETag"] == first.headers["ETag"]
    # a format not rendered yet does read it (the app answers the patched error with a 500)
    assert client.get("/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto.nt").status_code == 500
    app.extensions["kgpub"]["stores"].close()
