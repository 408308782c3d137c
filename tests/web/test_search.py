"""/search (the results page, no JavaScript) and /search.json (suggestions) on a small fi/sv/en build,
with small limits the tests can reach."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgpub import publish, search
from kgpub.web import create_app
from tests.search_fixture import SEARCH_TRIG
from tests.web.conftest import make_published

DOC = "http://127.0.0.1:5000/doc/"
HOSTILE = [
    '"',
    "*",
    "-",
    "NEAR",
    "NEAR(a b)",
    "a OR b",
    "kaup*",
    '"x',
    "()",
    ":",
    "^",
    "\x00",
    "' --",
    "<script>",
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    settings = make_published(
        tmp_path_factory.mktemp("search-web"),
        SEARCH_TRIG,
        search_max_query_chars=40,
        search_max_results=3,
        search_suggestions=2,
    )
    application = create_app(settings)
    yield application
    application.extensions["kgpub"]["stores"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_every_page_has_the_search_box(client: FlaskClient) -> None:
    for path in ("/", "/dataset", "/search", "/doc/org/jarvenpaa"):
        html = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert '<form class="site-search" role="search" action="/search"' in html, path
        assert 'data-suggest="/search.json"' in html and 'maxlength="40"' in html, path
        assert "/static/search.js" in html and "<script>" not in html, path


def test_results_page_lists_bodies_with_kind_municipality_and_links(client: FlaskClient) -> None:
    response = client.get("/search?q=bildningsnamnd&lang=sv")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    results = html[html.index('<ol class="results">') :]
    assert f'<a href="{DOC}org/narpes-bildningsnamnden">bildningsnämnden</a>' in results
    assert '<span class="result-type">nämnd</span>' in results  # its kind, in Swedish
    assert f'<a href="{DOC}org/narpes">Närpes stad</a>' in results  # its municipality
    assert 'value="bildningsnamnd"' in html  # the box keeps the query


def test_jarvenpaa_without_accents_finds_the_town_first(client: FlaskClient) -> None:
    html = client.get("/search?q=jarvenpaa").get_data(as_text=True)
    first = re.search(
        r'<li class="result result-(\w+)">\s*<span class="result-name"[^>]*><a href="([^"]+)"', html
    )
    assert first is not None and first.groups() == ("body", DOC + "org/jarvenpaa")


def test_a_person_result_shows_the_body_and_municipality(client: FlaskClient) -> None:
    html = client.get("/search?q=%C3%85ke").get_data(as_text=True)
    assert f'<a href="{DOC}person/ake-osterlund">Åke Österlund</a>' in html
    assert f'<a href="{DOC}org/narpes-bildningsnamnden">' in html and f'<a href="{DOC}org/narpes">' in html


def test_a_result_whose_iri_is_not_a_web_address_is_text_not_a_link(client: FlaskClient) -> None:
    html = client.get("/search?q=hostile").get_data(as_text=True)
    assert "javascript:" not in html
    assert "Hostile &lt;script&gt;alert(1)&lt;/script&gt; nämnd" in html
    body = client.get("/search.json?q=hostile").get_json()
    assert body["results"][0]["href"] is None


def test_json_suggestions(client: FlaskClient) -> None:
    response = client.get("/search.json?q=traskanda")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "Accept-Language" in response.headers["Vary"]
    first = response.get_json()["results"][0]
    assert first["iri"] == "http://127.0.0.1:5000/id/org/jarvenpaa"
    assert first["href"] == DOC + "org/jarvenpaa"
    assert first["type"] == "body" and first["kind"] == "kunta"  # labels in the default language, Finnish
    assert first["label"] == "Järvenpään kaupunki" and first["matched"] == "Träskända"


def test_json_labels_follow_the_language(client: FlaskClient) -> None:
    first = client.get("/search.json?q=traskanda&lang=en").get_json()["results"][0]
    assert first["label"] == "City of Järvenpää" and first["kind"] == "municipality"


def test_search_with_accept_json_is_the_suggestions(client: FlaskClient) -> None:
    response = client.get("/search?q=kyto", headers={"Accept": "application/json"})
    assert response.mimetype == "application/json"
    assert [r["label"] for r in response.get_json()["results"]] == ["Kimmo Kytö"]


def test_limits_default_cap_and_refuse(client: FlaskClient) -> None:
    assert len(client.get("/search.json?q=k").get_json()["results"]) == 2  # search_suggestions
    assert len(client.get("/search.json?q=k&limit=100").get_json()["results"]) == 3  # capped
    html = client.get("/search?q=k").get_data(as_text=True)
    assert html.count('<li class="result ') == 3  # search_max_results
    for bad in ("0", "-1", "x", "1e3"):
        response = client.get(f"/search.json?q=k&limit={bad}", headers={"Accept": "application/json"})
        assert response.status_code == 400 and "limit" in response.get_json()["message"]
    long = client.get("/search?q=" + "a" * 41, headers={"Accept": "text/html"})
    assert long.status_code == 400 and "40 characters" in long.get_data(as_text=True)
    assert client.get("/search.json?q=" + "a" * 40).status_code == 200


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(client: FlaskClient, query: str) -> None:
    for path in ("/search", "/search.json"):
        response = client.get(path, query_string={"q": query})
        assert response.status_code == 200, (path, query)


def test_empty_query_shows_the_hint_and_finds_nothing(client: FlaskClient) -> None:
    assert client.get("/search").status_code == 200
    assert client.get("/search.json?q=").get_json() == {"query": "", "results": []}


def test_results_are_cacheable_and_revalidate(client: FlaskClient) -> None:
    first = client.get("/search.json?q=kyto")
    etag = first.headers["ETag"]
    again = client.get("/search.json?q=kyto", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert client.get("/search.json?q=kyt").headers["ETag"] != etag


def test_a_build_without_an_index_answers_503(client: FlaskClient, app: Flask) -> None:
    settings = app.extensions["kgpub"]["settings"]
    index = publish.current(settings).path / search.INDEX
    moved = index.with_name("moved-away")
    index.rename(moved)
    try:
        response = client.get("/search.json?q=kyto&x=1")
        assert response.status_code == 503 and "Retry-After" in response.headers
    finally:
        moved.rename(index)


def test_search_follows_a_newly_published_build(tmp_path: Path) -> None:
    settings = make_published(tmp_path, SEARCH_TRIG)
    application = create_app(settings)
    try:
        client = application.test_client()
        assert client.get("/search.json?q=kyto").get_json()["results"]
        make_published(tmp_path, SEARCH_TRIG.replace("Kimmo Kytö", "Kaisa Kallio"))
        found = client.get("/search.json?q=kallio").get_json()["results"]
        assert [r["label"] for r in found] == ["Kaisa Kallio"]
        assert client.get("/search.json?q=kyto").get_json()["results"] == []
    finally:
        application.extensions["kgpub"]["stores"].close()
