"""/review with Flask's test client: nothing is reachable or writable anonymously, sign-in (wrong
password, lockout, expiry, proxy header), CSRF, and each verdict landing in data/curation/ with who."""

from __future__ import annotations

import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal
from rdflib.namespace import FOAF, PROV

from kgpub import curators
from kgpub.config import Settings
from kgpub.errors import InputError
from kgpub.extract import extract
from kgpub.review import numbered_facts, review_path
from kgpub.sources import load_source
from kgpub.web import create_app
from kgpub.web.review_ui import fingerprint
from tests.conftest import copy_project

SOURCE = "kalajoki-hallintopalvelut"
PASSWORD = "correct horse battery"
GET_ROUTES = ("/review", f"/review/{SOURCE}", "/review/no-such-source")
POST_ROUTES = tuple(f"/review/{SOURCE}/{action}" for action in ("decide", "correct", "add", "undo"))


def _settings(root: Path, **changes: object) -> Settings:
    settings = copy_project(root).with_(**changes)
    curators.add(settings.curators_path, "alice", PASSWORD, min_length=settings.curator_min_password)
    return settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return _settings(tmp_path)


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    application = create_app(settings)
    application.config["TESTING"] = True
    yield application
    application.extensions["kgpub"]["stores"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # these tests read the English interface
    return client


def _token(client: FlaskClient, path: str = "/login") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def _login(client: FlaskClient, name: str = "alice", password: str = PASSWORD) -> int:
    token = _token(client)
    return client.post("/login", data={"csrf_token": token, "name": name, "password": password}).status_code


def _review_file(settings: Settings) -> Path:
    return review_path(settings.data_dir / "curation", SOURCE)


def _fact_form(settings: Settings, number: int) -> dict[str, str]:
    facts = numbered_facts(extract(load_source(settings.data_dir / "sources" / SOURCE)))
    return {"number": str(number), "fingerprint": fingerprint(facts[number - 1])}


@pytest.mark.parametrize("path", GET_ROUTES)
def test_anonymous_get_of_a_review_page_is_sent_to_sign_in(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/login?next=")
    assert "alice" not in response.get_data(as_text=True)


@pytest.mark.parametrize("path", POST_ROUTES)
def test_anonymous_post_is_refused_and_writes_nothing(
    client: FlaskClient, settings: Settings, path: str
) -> None:
    token = _token(client)  # even with a valid CSRF token of an anonymous session
    data = {"csrf_token": token, **_fact_form(settings, 1), "verdict": "reject", "entry": "session-1"}
    assert client.post(path, data=data).status_code == 403
    assert not _review_file(settings).exists()


def test_public_pages_set_no_cookie(client: FlaskClient) -> None:
    response = client.get("/robots.txt")
    assert "Set-Cookie" not in response.headers


def test_wrong_password_or_unknown_name_does_not_sign_in(client: FlaskClient) -> None:
    assert _login(client, password="wrong password!") == 401
    assert _login(client, name="mallory") == 401
    assert client.get("/review").status_code == 303
    assert _login(client) == 303
    assert client.get("/review").status_code == 200


def test_the_session_cookie_is_httponly_and_samesite(client: FlaskClient) -> None:
    token = _token(client)
    response = client.post("/login", data={"csrf_token": token, "name": "alice", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # the base IRI is http
    assert response.headers["Cache-Control"] == "no-store"


def test_an_https_base_makes_the_cookie_secure(tmp_path: Path) -> None:
    settings = _settings(tmp_path, base_iri="https://data.example.fi/")
    client = create_app(settings).test_client()
    token = _token(client)
    response = client.post("/login", data={"csrf_token": token, "name": "alice", "password": PASSWORD})
    assert "Secure" in response.headers["Set-Cookie"]


def test_login_without_or_with_a_wrong_csrf_token_is_400(client: FlaskClient) -> None:
    _token(client)
    assert client.post("/login", data={"name": "alice", "password": PASSWORD}).status_code == 400
    data = {"csrf_token": "forged", "name": "alice", "password": PASSWORD}
    assert client.post("/login", data=data).status_code == 400
    assert client.get("/review").status_code == 303


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_signed_in_post_without_the_right_csrf_token_is_400(
    client: FlaskClient, settings: Settings, token: str | None
) -> None:
    assert _login(client) == 303
    data = {**_fact_form(settings, 1), "verdict": "reject"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post(f"/review/{SOURCE}/decide", data=data)
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    assert not _review_file(settings).exists()


def test_a_session_older_than_its_lifetime_is_signed_out(client: FlaskClient, settings: Settings) -> None:
    assert _login(client) == 303
    with client.session_transaction() as session:
        session["since"] = int(time.time()) - settings.session_lifetime_s - 5
    assert client.get("/review").status_code == 303
    token = _token(client, f"/login?next=/review/{SOURCE}")
    data = {"csrf_token": token, **_fact_form(settings, 1), "verdict": "reject"}
    assert client.post(f"/review/{SOURCE}/decide", data=data).status_code == 403


@pytest.mark.slow
def test_a_session_expires_by_the_clock(tmp_path: Path) -> None:
    client = create_app(_settings(tmp_path, session_lifetime_s=1)).test_client()
    assert _login(client) == 303
    assert client.get("/review").status_code == 200
    time.sleep(2.1)
    assert client.get("/review").status_code == 303


def test_a_removed_curator_is_signed_out(client: FlaskClient, settings: Settings) -> None:
    assert _login(client) == 303
    curators.remove(settings.curators_path, "alice")
    assert client.get("/review").status_code == 303


def test_repeated_wrong_passwords_lock_the_name_out(tmp_path: Path) -> None:
    client = create_app(_settings(tmp_path, login_max_failures=3, login_lockout_s=60)).test_client()
    for _ in range(3):
        assert _login(client, password="not the password") == 401
    token = _token(client)
    response = client.post("/login", data={"csrf_token": token, "name": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 61


def test_trusted_proxy_header_mode(tmp_path: Path) -> None:
    client = create_app(_settings(tmp_path, trusted_user_header="X-Remote-User")).test_client()
    assert client.get("/review").status_code == 303
    assert client.get("/login").status_code == 403  # no password sign-in in this mode
    page = client.get("/review", headers={"X-Remote-User": "bob"})
    assert page.status_code == 200 and "bob" in page.get_data(as_text=True)


def test_the_secret_key_is_generated_once_with_mode_0600(settings: Settings) -> None:
    create_app(settings)
    key_file = settings.var_dir / "secret-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text()
    assert create_app(settings).config["SECRET_KEY"] == key.strip()


def test_the_source_page_shows_facts_least_confident_first(client: FlaskClient) -> None:
    assert _login(client) == 303
    html = client.get(f"/review/{SOURCE}").get_data(as_text=True)
    shown = [float(c) for c in re.findall(r"confidence (\d\.\d\d)", html)]
    assert len(shown) == 41 and shown == sorted(shown) and shown[0] < shown[-1]
    assert '<mark data-start="' in html and "Kaupunginkanslia vastaa keskusarkistosta" in html


def test_verdicts_are_recorded_with_who_shown_and_undone(client: FlaskClient, settings: Settings) -> None:
    assert _login(client) == 303
    token = _token(client, f"/review/{SOURCE}")
    data = {"csrf_token": token, **_fact_form(settings, 10), "verdict": "reject"}
    response = client.post(f"/review/{SOURCE}/decide", data=data)
    assert response.status_code == 303 and response.headers["Location"].endswith("#fact-10")
    graph = Graph().parse(_review_file(settings), format="turtle")
    assert (None, FOAF.name, Literal("alice")) in graph
    page = client.get(f"/review/{SOURCE}").get_data(as_text=True)
    assert re.search(r'id="fact-10" class="fact rejected"', page)
    entry = re.search(r'name="entry" value="([^"]+)"', page)
    assert entry is not None
    assert (
        client.post(f"/review/{SOURCE}/undo", data={"csrf_token": token, "entry": entry.group(1)}).status_code
        == 303
    )
    page = client.get(f"/review/{SOURCE}").get_data(as_text=True)
    assert 'id="fact-10" class="fact"' in page and "(undone)" in page
    graph = Graph().parse(_review_file(settings), format="turtle")
    assert len(list(graph.subject_objects(PROV.wasInvalidatedBy))) == 1


def test_a_fact_that_changed_since_the_page_was_shown_is_409(client: FlaskClient, settings: Settings) -> None:
    assert _login(client) == 303
    token = _token(client, f"/review/{SOURCE}")
    data = {"csrf_token": token, "number": "10", "fingerprint": "0123456789abcdef", "verdict": "reject"}
    assert client.post(f"/review/{SOURCE}/decide", data=data).status_code == 409
    assert not _review_file(settings).exists()


def test_an_added_span_must_read_its_quote(client: FlaskClient, settings: Settings) -> None:
    assert _login(client) == 303
    token = _token(client, f"/review/{SOURCE}")
    text = load_source(settings.data_dir / "sources" / SOURCE).text
    start = text.index("keskusarkistosta")
    end = start + len("keskusarkistosta")
    form = {"csrf_token": token, "name": "keskusarkisto", "kind": "unit", "parent": "kaupunginkanslia"}
    wrong = client.post(
        f"/review/{SOURCE}/add", data={**form, "start": start + 1, "end": end, "quote": "keskusarkistosta"}
    )
    assert wrong.status_code == 400 and "select again" in wrong.get_data(as_text=True)
    assert not _review_file(settings).exists()
    right = client.post(
        f"/review/{SOURCE}/add", data={**form, "start": start, "end": end, "quote": "keskusarkistosta"}
    )
    assert right.status_code == 303
    assert "keskusarkisto (unit)" in client.get(f"/review/{SOURCE}").get_data(as_text=True)


def test_a_correction_needs_a_body_fact(client: FlaskClient, settings: Settings) -> None:
    assert _login(client) == 303
    token = _token(client, f"/review/{SOURCE}")
    duty = {"csrf_token": token, **_fact_form(settings, 22), "name": "x", "kind": "unit"}
    assert client.post(f"/review/{SOURCE}/correct", data=duty).status_code == 400
    body = {"csrf_token": token, **_fact_form(settings, 5), "name": "tietohallinto", "kind": "unit"}
    assert client.post(f"/review/{SOURCE}/correct", data=body).status_code == 303
    assert "tietohallintopalvelut (service_area) → tietohallinto (unit)" in client.get(
        f"/review/{SOURCE}"
    ).get_data(as_text=True)


def test_a_configured_secret_key_is_used_and_a_short_one_refused(tmp_path: Path) -> None:
    settings = _settings(tmp_path, secret_key="s" * 40)
    assert create_app(settings).config["SECRET_KEY"] == "s" * 40
    assert not (settings.var_dir / "secret-key").exists()
    with pytest.raises(InputError, match="secret_key"):
        settings.with_(secret_key="short")


def test_a_carriage_return_reaches_the_page_as_a_character_reference(
    client: FlaskClient, settings: Settings
) -> None:
    text = settings.data_dir / "sources" / SOURCE / "text.txt"
    text.write_bytes(text.read_bytes().replace(b"\n", b"\r\n"))
    assert _login(client) == 303
    html = client.get(f"/review/{SOURCE}").get_data(as_text=True)
    assert "\r" not in html.split('id="source-text"', 1)[1].split("</pre>", 1)[0]
    assert "&#13;\n" in html  # an HTML parser keeps it, so the page's offsets stay code points of text.txt


def test_the_lockout_counts_the_client_address_a_proxy_forwards(tmp_path: Path) -> None:
    settings = _settings(tmp_path, login_max_failures=2, client_address_header="X-Forwarded-For")
    client = create_app(settings).test_client()

    def attempt(address: str, name: str, password: str) -> int:
        token = _token(client)
        data = {"csrf_token": token, "name": name, "password": password}
        return client.post("/login", data=data, headers={"X-Forwarded-For": address}).status_code

    assert attempt("192.0.2.7", "ville", "guess number one") == 401
    assert attempt("192.0.2.7", "sanna", "guess number two") == 401
    assert attempt("192.0.2.7", "alice", PASSWORD) == 429  # that address is locked out, whatever the name
    assert attempt("198.51.100.3", "alice", PASSWORD) == 303  # another client is not


@pytest.mark.parametrize(
    "change",
    [
        {"session_lifetime_s": 0},
        {"login_max_failures": 0},
        {"login_lockout_s": -1},
        {"curator_min_password": 0},
    ],
)
def test_review_limits_must_be_positive(change: dict[str, int]) -> None:
    with pytest.raises(InputError):
        Settings(**change)  # type: ignore[arg-type]
