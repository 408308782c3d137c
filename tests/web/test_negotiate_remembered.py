"""Negotiation answers are remembered per (candidates, Accept): the same header must still get the
same format, another candidate list its own answer, and a 406 every time."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from werkzeug.exceptions import NotAcceptable

from kgpub.formats import BY_NAME
from kgpub.web.negotiate import ACCEPT_CACHE_CHARS, by_accept

BINDINGS = tuple(BY_NAME[n] for n in ("json", "xml", "csv", "tsv"))
GRAPH = tuple(BY_NAME[n] for n in ("ttl", "jsonld", "nt", "rdfxml"))


def test_the_same_header_is_answered_per_candidate_list() -> None:
    accept = "text/csv, text/turtle;q=0.5, */*;q=0.1"
    for _ in range(2):
        assert by_accept(BINDINGS, accept).name == "csv"
        assert by_accept(GRAPH, accept).name == "ttl"
        assert by_accept(list(GRAPH), accept).name == "ttl"  # a list of the same candidates


def test_a_refusal_is_not_remembered_as_an_answer() -> None:
    for _ in range(2):
        with pytest.raises(NotAcceptable):
            by_accept(BINDINGS, "image/png")


def test_a_long_header_is_negotiated_alike() -> None:
    accept = (
        ", ".join(f"application/x-{i}" for i in range(ACCEPT_CACHE_CHARS // 10))
        + ", text/tab-separated-values"
    )
    assert len(accept) > ACCEPT_CACHE_CHARS
    assert by_accept(BINDINGS, accept).name == "tsv"


def test_the_endpoint_answers_each_accept_header_in_its_own_format_every_time(client: FlaskClient) -> None:
    query = {"query": "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3"}
    bodies: dict[str, bytes] = {}
    for _ in range(2):
        for accept, media_type in (
            ("application/sparql-results+json", "application/sparql-results+json"),
            ("text/csv", "text/csv"),
            ("text/tab-separated-values", "text/tab-separated-values"),
        ):
            answer = client.get("/sparql", query_string=query, headers={"Accept": accept})
            assert answer.status_code == 200
            assert answer.mimetype == media_type
            assert bodies.setdefault(accept, answer.data) == answer.data
        assert client.get("/sparql", query_string=query, headers={"Accept": "image/png"}).status_code == 406
    assert bodies["text/csv"].splitlines()[0].strip() == b"s"
    assert len(bodies["text/csv"].splitlines()) == 4  # the header and three rows
