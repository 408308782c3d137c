"""The ``/doc`` fast path (kgpub.web.hits) answers exactly as the Flask route does, or leaves it to it.

Every request is sent twice after a warm-up: to the app as served (``DocumentHits`` in front of
Flask) and to Flask's own ``wsgi_app`` behind it. Status, every header in order and the body must be
equal, and for the requests the layer may answer, Flask must not have been called at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.test import EnvironBuilder, run_wsgi_app

from kgpub.config import Settings
from kgpub.web import create_app
from kgpub.web.hits import DocumentHits
from tests.web.conftest import SEED_TRIG, make_published

DOC = "/doc/org/helsinki-kaupunginkanslia"
Answer = tuple[str, list[tuple[str, str]], bytes]


class Counting:
    """Flask's ``wsgi_app``, counting the requests that reach it."""

    def __init__(self, wsgi: Any) -> None:
        self.wsgi = wsgi
        self.calls = 0

    def __call__(self, environ: Any, start_response: Any) -> Any:
        self.calls += 1
        return self.wsgi(environ, start_response)


def layer(app: Flask) -> tuple[DocumentHits, Counting]:
    hits = app.wsgi_app
    assert isinstance(hits, DocumentHits)
    if not isinstance(hits.wrapped, Counting):
        hits.wrapped = Counting(hits.wrapped)
    assert isinstance(hits.wrapped, Counting)
    return hits, hits.wrapped


def send(wsgi: Any, path: str, method: str = "GET", **headers: str) -> Answer:
    environ = EnvironBuilder(path=path, method=method, headers=list(headers.items())).get_environ()
    body, status, sent = run_wsgi_app(wsgi, environ, buffered=True)
    return status, list(sent.items()), b"".join(body)


@pytest.fixture(scope="module")
def app(published: Settings) -> Iterator[Flask]:
    application = create_app(published)  # its own rendered-answer cache
    yield application
    application.extensions["kgpub"]["stores"].close()


#: Requests the layer answers once warm: each format by suffix, by Accept and by default, with and
#: without a language.
ANSWERED = [
    (DOC + ".ttl", {}),
    (DOC + ".html", {}),
    (DOC + ".html", {"Accept-Language": "sv"}),
    (DOC + ".html", {"Accept-Language": "en-GB,en;q=0.9,fi;q=0.5"}),
    (DOC + ".html", {"Accept-Language": "de"}),
    (DOC + ".jsonld", {}),
    (DOC + ".nt", {}),
    (DOC + ".rdf", {}),
    (DOC, {}),
    (DOC, {"Accept": "text/turtle"}),
    (DOC, {"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "Accept-Language": "fi"}),
    (DOC, {"Accept": "application/ld+json"}),
    (DOC, {"Accept": "text/turtle;charset=utf-8;q=0.9, application/n-triples"}),
    ("/doc/org/helsinki-elinkeino-osasto.ttl", {}),
]


@pytest.mark.parametrize(("path", "headers"), ANSWERED)
def test_a_hit_is_what_flask_sends(app: Flask, path: str, headers: dict[str, str]) -> None:
    hits, flask = layer(app)
    first = send(hits, path, **headers)  # rendered by Flask, kept with its headers
    assert first[0] == "200 OK"
    calls = flask.calls
    fast = send(hits, path, **headers)
    assert flask.calls == calls, "the layer sent the request to Flask although it was kept"
    assert fast == send(flask, path, **headers) == first
    head = send(hits, path, "HEAD", **headers)
    assert flask.calls == calls + 1  # the comparison above, not the HEAD
    assert head == send(flask, path, "HEAD", **headers)
    assert head[2] == b"" and ("Content-Length", str(len(fast[2]))) in head[1]


def test_the_headers_of_a_hit(app: Flask) -> None:
    hits, _ = layer(app)
    send(hits, DOC + ".html")
    status, headers, body = send(hits, DOC + ".html", **{"Accept-Language": "sv"})
    send(hits, DOC + ".html", **{"Accept-Language": "sv"})
    named = dict(headers)
    assert status == "200 OK" and body.lower().startswith(b"<!doctype html>")
    assert named["Content-Type"] == "text/html; charset=utf-8"
    assert named["Cache-Control"] == "public, no-cache"
    assert named["Vary"] == "Accept, Accept-Language, Cookie"
    assert named["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in named["Content-Security-Policy"]
    assert named["Access-Control-Allow-Origin"] == "*"
    assert 'rel="alternate"; type="text/turtle"' in named["Link"]
    assert 'lang="sv"' in body.decode("utf-8")
    # the same page in another language is another representation, with its own ETag
    other = dict(send(hits, DOC + ".html", **{"Accept-Language": "en"})[1])
    assert other["ETag"] != named["ETag"]
    weak = dict(send(hits, DOC + ".jsonld")[1])
    assert weak["ETag"].startswith('W/"')


def test_conditional_requests(app: Flask) -> None:
    hits, flask = layer(app)
    _, headers, _ = send(hits, DOC + ".ttl")
    etag, modified = dict(headers)["ETag"], dict(headers)["Last-Modified"]
    conditions = ({"If-None-Match": etag}, {"If-Modified-Since": modified}, {"If-None-Match": f"x, {etag}"})
    for condition in conditions:
        first = send(hits, DOC + ".ttl", **condition)  # Flask's 304, kept
        assert first[0] == "304 NOT MODIFIED" and first[2] == b""
        calls = flask.calls
        for method in ("GET", "HEAD"):
            assert send(hits, DOC + ".ttl", method, **condition) == first
        assert flask.calls == calls
        assert first == send(flask, DOC + ".ttl", **condition)
    # an ETag of another representation, or an old date, is not a match: the whole answer
    changed = send(hits, DOC + ".ttl", **{"If-None-Match": '"0123"'})
    assert changed == send(hits, DOC + ".ttl") and changed[0] == "200 OK"
    html_etag = dict(send(hits, DOC + ".html")[1])["ETag"]
    assert send(hits, DOC + ".ttl", **{"If-None-Match": html_etag})[0] == "200 OK"
    old = send(hits, DOC + ".ttl", **{"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert old[0] == "200 OK"


#: Requests the layer leaves to Flask, every time: what it answers must still be Flask's answer.
LEFT_TO_FLASK = [
    (DOC + "?format=html", "GET", {}),
    (DOC + ".html?lang=sv", "GET", {}),
    (DOC + ".html", "GET", {"Cookie": "kgpub_lang=sv"}),
    (DOC + ".ttl", "GET", {"Cookie": "kgpub_session=x"}),
    (DOC, "GET", {"Accept": "image/png"}),
    ("/doc/org/helsingin-ykä", "GET", {}),
    ("/doc/org/../org/helsinki-kaupunginkanslia", "GET", {}),
    ("/doc/org//helsinki-kaupunginkanslia", "GET", {}),
    ("/doc/org/nothing-here.ttl", "GET", {}),
    ("/doc/", "GET", {}),
    (DOC + ".ttl", "POST", {}),
    (DOC + ".ttl", "OPTIONS", {"Access-Control-Request-Method": "GET", "Origin": "http://x.example"}),
    ("/id/org/nothing-here", "GET", {}),
    ("/id/org/helsinki-kaupunginkanslia", "GET", {"Cookie": "kgpub_lang=sv"}),
    ("/id/org/helsinki-kaupunginkanslia?format=ttl", "GET", {}),
    ("/source/helsinki-kaupunginkanslia", "GET", {}),
]


@pytest.mark.parametrize(("path", "method", "headers"), LEFT_TO_FLASK)
def test_other_requests_go_to_flask(app: Flask, path: str, method: str, headers: dict[str, str]) -> None:
    hits, flask = layer(app)
    first = send(hits, path, method, **headers)
    calls = flask.calls
    again = send(hits, path, method, **headers)
    assert flask.calls == calls + 1
    assert again == first == send(flask, path, method, **headers)


@pytest.mark.parametrize(
    ("suffix", "headers"),
    [("", {}), ("", {"Accept": "text/html"}), ("", {"Accept": "image/png"}), (".ttl", {})],
)
def test_a_see_other_is_what_flask_sends(app: Flask, suffix: str, headers: dict[str, str]) -> None:
    hits, flask = layer(app)
    thing = "/id/org/helsinki-kaupunginkanslia" + suffix
    first = send(hits, thing, **headers)
    assert first[0] == "303 SEE OTHER"
    assert dict(first[1])["Location"] == "http://127.0.0.1:5000" + DOC + suffix
    calls = flask.calls
    for method in ("GET", "HEAD"):
        fast = send(hits, thing, method, **headers)
        assert flask.calls == calls
        assert fast == send(flask, thing, method, **headers)
        calls += 1
    assert send(hits, thing, "HEAD")[2] == b""


def test_a_cookie_answer_is_not_replayed_to_a_request_without_one(app: Flask) -> None:
    hits, _ = layer(app)
    swedish = send(hits, DOC + ".html", **{"Cookie": "kgpub_lang=sv", "Accept-Language": "en"})
    english = send(hits, DOC + ".html", **{"Accept-Language": "en"})
    assert dict(swedish[1])["ETag"] != dict(english[1])["ETag"]
    assert b'lang="sv"' in swedish[2] and b'lang="en"' in english[2]


def test_a_new_build_is_answered_at_once(tmp_path: Path) -> None:
    """Publishing another build while serving: the next request gets the new build's answer, never
    the one kept for the old build."""
    settings = make_published(tmp_path, SEED_TRIG)
    app = create_app(settings)
    try:
        hits, flask = layer(app)
        old = send(hits, DOC + ".ttl")
        assert send(hits, DOC + ".ttl") == old
        calls = flask.calls
        assert send(hits, DOC + ".ttl") == old and flask.calls == calls  # answered by the layer
        gone = "/id/org/helsinki-sisainen-tarkastus"
        see_other = send(hits, gone)
        assert see_other[0] == "303 SEE OTHER" and send(hits, gone) == see_other
        renamed = SEED_TRIG.replace('skos:prefLabel "kaupunginkanslia"@fi', 'skos:prefLabel "kanslia"@fi')
        make_published(tmp_path, renamed.replace("helsinki-sisainen-tarkastus", "helsinki-tarkastus"))
        assert send(hits, gone)[0] == "404 NOT FOUND"  # not the old build's 303
        assert send(hits, "/id/org/helsinki-tarkastus")[0] == "303 SEE OTHER"
        calls = flask.calls
        new = send(hits, DOC + ".ttl")
        assert flask.calls == calls + 1  # a new build is a miss
        assert dict(new[1])["ETag"] != dict(old[1])["ETag"]
        assert b'"kanslia"@fi' in new[2] and b'"kaupunginkanslia"@fi' not in new[2]
        assert send(hits, DOC + ".ttl") == new == send(flask, DOC + ".ttl")
        # the client's copy of the old build is not fresh any more
        assert send(hits, DOC + ".ttl", **{"If-None-Match": dict(old[1])["ETag"]})[0] == "200 OK"
    finally:
        app.extensions["kgpub"]["stores"].close()


def test_nothing_is_kept_without_a_cache(tmp_path: Path) -> None:
    settings = make_published(tmp_path, SEED_TRIG, document_cache_mb=0)
    app = create_app(settings)
    try:
        hits, flask = layer(app)
        first = send(hits, DOC + ".ttl")
        for _ in range(3):
            assert send(hits, DOC + ".ttl") == first
        assert flask.calls == 4
    finally:
        app.extensions["kgpub"]["stores"].close()
