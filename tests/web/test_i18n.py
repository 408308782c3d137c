"""The interface in fi/sv/en on a real mixed build (tests/mixed_build.py): how a request's language
is chosen, what it changes (chrome, <html lang>, hreflang, names and kinds of the data, validators),
a Swedish-majority town's default, and catalogues that are complete in every language."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

from kgpub.config import Settings
from kgpub.web import create_app
from kgpub.web.i18n import LANGUAGES, TRANSLATIONS_DIR

pytestmark = pytest.mark.slow  # the mixed build (~10 s, shared with the other mixed tests)
HTML = {"Accept": "text/html"}
NARPES_BOARD = "/doc/org/narpes-stadsstyrelsen"
KANSLIA = "/doc/org/helsinki-kaupunginkanslia"


@pytest.fixture(scope="module")
def app_settings(mixed_build: Settings) -> Settings:
    return mixed_build


@pytest.fixture
def client(app_settings: Settings) -> Iterator[FlaskClient]:
    app = create_app(app_settings)
    yield app.test_client()
    app.extensions["kgpub"]["stores"].close()


def get(client: FlaskClient, path: str, **headers: str) -> tuple[str, dict[str, str]]:
    r = client.get(path, headers={**HTML, **headers})
    assert r.status_code == 200, path
    return r.get_data(as_text=True), dict(r.headers)


def html_lang(page: str) -> str:
    found = re.search(r'<html lang="([a-z]+)">', page)
    assert found
    return found.group(1)


def h1(page: str) -> str:
    found = re.search(r"<h1(?: lang=\"[a-z]+\")?>(.*?)</h1>", page)
    assert found
    return found.group(1)


@pytest.mark.parametrize(
    ("headers", "lang", "title"),
    [
        ({}, "fi", "Kuntien toimielimet linkitettynä datana"),  # nothing asked: Finnish
        ({"Accept-Language": "sv-FI,sv;q=0.9,en;q=0.5"}, "sv", "Kommunala organ som länkade data"),
        ({"Accept-Language": "en-GB"}, "en", "Municipal bodies as linked data"),
        ({"Accept-Language": "de, fr;q=0.5"}, "fi", "Kuntien toimielimet linkitettynä datana"),
    ],
)
def test_accept_language_else_finnish(
    client: FlaskClient, headers: dict[str, str], lang: str, title: str
) -> None:
    page, response_headers = get(client, "/", **headers)
    assert html_lang(page) == lang and h1(page) == title
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response_headers["Vary"].split(",")}


def test_the_switch_wins_and_is_remembered_in_a_cookie(client: FlaskClient) -> None:
    page, headers = get(client, "/?lang=sv", **{"Accept-Language": "en"})
    assert html_lang(page) == "sv" and "kgpub_lang=sv" in headers["Set-Cookie"]
    page, _ = get(client, "/dataset", **{"Accept-Language": "en"})  # the cookie, not the header
    assert html_lang(page) == "sv" and h1(page) == "Beskrivning av datamängden"
    page, _ = get(client, "/?lang=xx")  # an unknown language is ignored, the cookie still holds
    assert html_lang(page) == "sv"


def test_hreflang_alternates_link_the_same_page_in_each_language(client: FlaskClient) -> None:
    page, _ = get(client, KANSLIA + "?lang=en")
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]+)">', page))
    assert set(alternates) == set(LANGUAGES)
    for lang, href in alternates.items():
        assert href.endswith(f"{KANSLIA}?lang={lang}") and href.startswith("http")
        other, _ = get(client, "/" + href.split("://", 1)[1].split("/", 1)[1])
        assert html_lang(other) == lang


def test_names_and_kinds_follow_the_language_with_finnish_fallback(client: FlaskClient) -> None:
    sv, _ = get(client, KANSLIA + "?lang=sv")
    assert h1(sv) == "stadskansliet" and "<dt>Typ</dt>" in sv
    assert '<h1 lang="sv">' in sv  # the name's own language, for screen readers
    assert 'class="kind">avdelning<' in sv  # its departments' kind, from the concept scheme in Swedish
    en, _ = get(client, KANSLIA + "?lang=en")
    assert h1(en) == "City Executive Office" and 'class="kind">department<' in en
    fi, _ = get(client, KANSLIA + "?lang=fi")
    assert h1(fi) == "kaupunginkanslia" and 'class="kind">osasto<' in fi
    # elinkeino-osasto has only a Finnish name: every language shows it
    assert all("elinkeino-osasto" in page for page in (sv, en, fi))


def test_a_swedish_town_s_body_is_named_in_swedish_by_default(client: FlaskClient) -> None:
    page, _ = get(client, NARPES_BOARD)  # a Finnish interface, no choice made
    assert html_lang(page) == "fi" and "<dt>Tyyppi</dt>" in page
    assert ">styrelse</a>" in page and "Närpes</a>" in page  # the kind and the town in Swedish
    assert "Närpiö</a>" not in page
    home, _ = get(client, "/")
    assert ">Närpes</a>" in home and 'class="kind">styrelse<' in home
    chosen, _ = get(client, NARPES_BOARD + "?lang=fi")  # an explicit choice is obeyed
    assert ">hallitus</a>" in chosen


def test_each_language_is_its_own_representation(client: FlaskClient) -> None:
    _, fi = get(client, KANSLIA, **{"Accept-Language": "fi"})
    _, sv = get(client, KANSLIA, **{"Accept-Language": "sv"})
    assert fi["ETag"] != sv["ETag"]
    again = client.get(KANSLIA, headers={**HTML, "Accept-Language": "sv", "If-None-Match": fi["ETag"]})
    assert again.status_code == 200  # a cached Finnish page is never served to a Swedish reader


def test_error_pages_and_the_query_page_are_translated(client: FlaskClient) -> None:
    r = client.get("/doc/org/no-such-body", headers={**HTML, "Accept-Language": "sv"})
    page = r.get_data(as_text=True)
    assert r.status_code == 404 and html_lang(page) == "sv" and "Hittades inte" in page
    page, _ = get(client, "/sparql?lang=fi")
    assert h1(page) == "SPARQL-kysely" and "Suorita kysely" in page and "<def/>" not in page


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    with (TRANSLATIONS_DIR / "messages.pot").open("rb") as pot:
        template = read_po(pot)
    with (TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po)
    placeholder = re.compile(r"%\((\w+)\)[sd]")
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id)
        assert found is not None and found.string, f"{lang}: {message.id!r} is not translated"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        wanted = set(placeholder.findall(ids[-1]))
        for s in strings:
            assert s and set(placeholder.findall(s)) == wanted, f"{lang}: {message.id!r} → {s!r}"
