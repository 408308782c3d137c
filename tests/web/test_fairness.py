"""The public endpoint's fairness and hostile-input answers, through the real app and store.

- a client with ``sparql_per_client`` queries in flight gets 429 + Retry-After for the next one,
  while another client address is still served and pages still answer;
- hostile inputs are 4xx with a message, never 500: unknown function, bad graph IRIs, deep nesting,
  and SERVICE hidden behind a local-name escape (the case that once passed the check).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from kgpub.config import Settings
from kgpub.web import create_app
from tests.web.conftest import SEED_TRIG, make_published

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_published(
        Path(tmp_path_factory.mktemp("var")),
        SEED_TRIG,
        query_timeout_s=3.0,
        sparql_per_client=1,
        sparql_workers=2,
        site_workers=1,
    )


@pytest.fixture(scope="module")
def app(settings: Settings) -> Iterator[Flask]:
    application = create_app(settings)
    yield application
    application.extensions["kgpub"]["stores"].close(kill_busy=True)


@pytest.mark.slow
def test_one_client_gets_429_for_a_second_query_while_others_are_served(app: Flask) -> None:
    statuses: list[int] = []

    def hog() -> None:
        response = app.test_client().get("/sparql", query_string={"query": SLOW}, headers=JSON)
        statuses.append(response.status_code)

    thread = threading.Thread(target=hog)
    thread.start()
    try:
        time.sleep(0.7)
        mine = app.test_client().get("/sparql", query_string={"query": "ASK {}"}, headers=JSON)
        assert mine.status_code == 429
        assert int(mine.headers["Retry-After"]) > 0
        assert "per client" in mine.get_data(as_text=True)
        other = app.test_client().get(
            "/sparql",
            query_string={"query": "ASK {}"},
            headers=JSON,
            environ_base={"REMOTE_ADDR": "127.0.0.9"},
        )
        assert other.status_code == 200
        page = app.test_client().get("/doc/org/helsinki-kaupunginkanslia", headers={"Accept": "text/turtle"})
        assert page.status_code == 200
        assert statuses == []  # all of the above while the hog still ran
    finally:
        thread.join()
    assert statuses == [503]
    again = app.test_client().get("/sparql", query_string={"query": "ASK {}"}, headers=JSON)
    assert again.status_code == 200  # the client's place was given back


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"query": "SELECT (<http://example.org/nofn>(1) AS ?x) {}"}, 400, "cannot be evaluated"),
        ({"query": "SELECT * { ?s ?p ?o } LIMIT 1", "default-graph-uri": "not an iri"}, 400, "graph IRI"),
        ({"query": "SELECT * { ?s ?p ?o } LIMIT 1", "named-graph-uri": "http://a b/"}, 400, "graph IRI"),
        ({"query": "SELECT * WHERE " + "{" * 3000 + "}" * 3000}, 400, "levels deep"),
        ({"query": "SELECT * FROM <http://127.0.0.1:9/d.ttl> { ?s ?p ?o }"}, 400, "not a graph IRI of this"),
        ({"query": "ASK {}", "named-graph-uri": "http://127.0.0.1:9/d.ttl"}, 400, "not a graph IRI of this"),
        (
            {
                "query": "PREFIX e: <urn:e:> SELECT * { { ?s ?p e:a\\# } "
                "UNION { SERVICE <http://127.0.0.1:9/> {} } }"
            },
            400,
            "SERVICE",
        ),
    ],
)
def test_hostile_inputs_are_4xx_with_a_message(
    app: Flask, params: dict[str, str], status: int, message: str
) -> None:
    response = app.test_client().get("/sparql", query_string=params, headers=JSON)
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
