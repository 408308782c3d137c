"""Errors become HTTP: the status from the error tree, the body in the representation asked for."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.exceptions import NotAcceptable

from kgpub.config import Settings
from kgpub.errors import (
    CurationError,
    KgpubError,
    NotFoundError,
    PublishError,
    QueryError,
    QueryRefused,
    QueryTooLarge,
)
from kgpub.web import create_app

RAISED: dict[str, Exception] = {
    "query": QueryError("malformed query: error at 1:6"),
    "large": QueryTooLarge("the query is longer than 10 bytes"),
    "refused": QueryRefused("the query ran longer than 10 s"),
    "missing": NotFoundError("no such thing: id/org/x"),
    "curation": CurationError("bad curation file"),
    "publish": PublishError("the store swap failed"),
    "bug": ZeroDivisionError("division by zero in a view"),
    "406": NotAcceptable("only Turtle here"),
    "xss": QueryError("<script>alert(1)</script>"),
}
STATUS = {
    "query": 400,
    "large": 413,
    "refused": 503,
    "missing": 404,
    "curation": 400,
    "publish": 500,
    "bug": 500,
}


@pytest.fixture(scope="module")
def app(published: Settings) -> Iterator[Flask]:
    application = create_app(published)

    @application.route("/raise/<name>")
    def raise_it(name: str) -> str:
        raise RAISED[name]

    yield application
    application.extensions["kgpub"]["stores"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.mark.parametrize("name", sorted(STATUS))
def test_status_comes_from_the_error_tree(client: FlaskClient, name: str) -> None:
    response = client.get(f"/raise/{name}")
    assert response.status_code == STATUS[name]
    assert response.mimetype == "text/plain"  # no Accept: plain text, what SPARQL clients show
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_kgpub_errors_carry_their_message(client: FlaskClient) -> None:
    body = client.get("/raise/query").get_data(as_text=True)
    assert body.startswith("400 Bad Request")
    assert "malformed query: error at 1:6" in body


def test_bugs_answer_500_without_a_traceback(client: FlaskClient, app: Flask) -> None:
    assert not app.testing  # as in production: the error is handled, not re-raised into the test
    response = client.get("/raise/bug", headers={"Accept": "text/html"})
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and "ZeroDivisionError" not in text and "division by zero" not in text


def test_query_refused_says_when_to_retry(client: FlaskClient) -> None:
    response = client.get("/raise/refused")
    assert response.headers["Retry-After"] == str(QueryRefused.retry_after)


@pytest.mark.parametrize(
    ("accept", "mimetype"),
    [
        ("application/json", "application/json"),
        ("text/html", "text/html"),
        ("text/plain", "text/plain"),
        ("*/*", "text/plain"),
        ("image/png", "text/plain"),  # nothing acceptable: still a readable error, not a 406 on a 404
        ("text/html;q=0.5, application/json", "application/json"),
    ],
)
def test_body_follows_accept(client: FlaskClient, accept: str, mimetype: str) -> None:
    response = client.get("/raise/missing", headers={"Accept": accept})
    assert response.status_code == 404
    assert response.mimetype == mimetype
    assert "Accept" in response.headers.get("Vary", "")


def test_json_errors_are_structured(client: FlaskClient) -> None:
    response = client.get("/raise/large", headers={"Accept": "application/json"})
    assert json.loads(response.data) == {
        "status": 413,
        "error": "Request Entity Too Large",
        "message": "the query is longer than 10 bytes",
    }


def test_html_errors_escape_the_message(client: FlaskClient) -> None:
    response = client.get("/raise/xss", headers={"Accept": "text/html"})
    assert response.status_code == 400
    assert b"<script>alert(1)</script>" not in response.data
    assert b"&lt;script&gt;" in response.data


def test_routing_errors_use_werkzeug_exceptions(client: FlaskClient) -> None:
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/raise/406").status_code == 406
    response = client.delete("/sparql")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_every_error_class_has_a_status() -> None:
    def leaves(cls: type[KgpubError]) -> list[type[KgpubError]]:
        return [cls, *(c for sub in cls.__subclasses__() for c in leaves(sub))]

    for cls in leaves(KgpubError):
        assert 400 <= cls.http_status < 600, cls
