"""Sessions are opened only for requests that carry the session cookie: the public site (no cookie)
skips Flask's per-request signer and gets the empty session Flask would have given; a signed cookie
is read exactly as Flask reads it, and a forged one is not."""

from __future__ import annotations

import pytest
from flask import Flask, request

from kgpub.web.auth import CookieOnlySessionInterface


def test_a_request_without_the_cookie_builds_no_signer_and_sets_no_cookie(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(app.session_interface, CookieOnlySessionInterface)

    def no_signer(self: CookieOnlySessionInterface, app: Flask) -> None:
        raise AssertionError("a signer was built for a request without a session cookie")

    monkeypatch.setattr(CookieOnlySessionInterface, "get_signing_serializer", no_signer)
    answer = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
    assert answer.status_code == 200
    assert "Set-Cookie" not in answer.headers
    with app.test_request_context("/"):
        session = app.session_interface.open_session(app, request)
        assert session is not None and dict(session) == {} and not session.modified


def test_a_signed_cookie_is_read_and_a_forged_one_is_not(app: Flask) -> None:
    interface = app.session_interface
    assert isinstance(interface, CookieOnlySessionInterface)
    signer = interface.get_signing_serializer(app)
    assert signer is not None
    name = interface.get_cookie_name(app)
    good = signer.dumps({"curator": "ann"})
    with app.test_request_context("/", headers={"Cookie": f"{name}={good}"}):
        assert dict(interface.open_session(app, request) or {}) == {"curator": "ann"}
    with app.test_request_context("/", headers={"Cookie": f"{name}={good[:-2]}xx"}):
        assert dict(interface.open_session(app, request) or {}) == {}
