"""Against a real HTTP server, as users do: rdflib dereferences IRIs (following the 303) and plain
urllib checks headers, 304s and status codes. ``ld_target`` runs each test against the app and
against the same build exported as a static site served by nginx (``kgpub export --site``).

The data's base IRI (``http://127.0.0.1:5000/``) differs from the server's address (a free port), so
these tests also prove the path ↔ IRI mapping: ``<base>X`` is fetched at ``<server>/X``.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import ORG, SKOS

from tests.web.conftest import LiveServer

from .conftest import Site

Target = LiveServer | Site

BASE = "http://127.0.0.1:5000/"
BODY = "id/org/helsinki-kaupunginkanslia-elinkeino-osasto"


def _fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One request, no redirects followed: (status, headers, body)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_rdflib_dereferences_a_thing_following_the_303(ld_target: Target, fmt: str) -> None:
    g = Graph().parse(f"{ld_target.url}/{BODY}", format=fmt)
    body = URIRef(BASE + BODY)
    assert (body, ORG.subOrganizationOf, URIRef(BASE + "id/org/helsinki-kaupunginkanslia")) in g
    assert {str(label) for label in g.objects(body, SKOS.prefLabel)} == {"elinkeino-osasto"}


def test_rdflib_without_a_format_reads_the_content_type(ld_target: Target) -> None:
    g = Graph().parse(f"{ld_target.url}/{BODY}")
    assert (URIRef(BASE + BODY), SKOS.prefLabel, None) in g


def subjects_under(published_dir: Path, base: str) -> list[str]:
    """Every subject IRI of a published dataset that lies under its base."""
    ds = Dataset()
    ds.parse(published_dir / "dataset.trig", format="trig")
    found = {str(s) for s, _p, _o, _g in ds.quads((None, None, None, None))}
    return sorted(s for s in found if s.startswith(base))


def dereference_failures(server: str, base: str, subjects: list[str], *, html: bool = False) -> list[str]:
    """Each IRI fetched at ``server`` (303 or 200) must be described by the Turtle it leads to, and,
    with ``html``, also answer a browser; one line per failure."""
    failures: list[str] = []
    documents: dict[str, Graph] = {}
    for iri in subjects:
        url = server + "/" + iri[len(base) :].split("#")[0]
        if url not in documents:
            status = _fetch(url, Accept="text/turtle")[0]
            if status not in (200, 303):
                failures.append(f"{iri}: {status}")
                continue
            documents[url] = Graph().parse(url, format="turtle")
        if (URIRef(iri), None, None) not in documents[url]:
            failures.append(f"{iri}: not described by {url}")
        if html and (status := _fetch(url, Accept="text/html")[0]) not in (200, 303):
            failures.append(f"{iri}: HTML {status}")
    return failures


def test_every_subject_iri_dereferences(ld_target: Target, published_dir: Path) -> None:
    """For each subject IRI under the base: GET → 303/200 → Turtle that describes it."""
    subjects = subjects_under(published_dir, BASE)
    assert len(subjects) > 100
    kinds = {s[len(BASE) :].split("/")[0] for s in subjects}
    assert {"id", "def", "source", "curation", "graph"} <= kinds
    assert dereference_failures(ld_target.url, BASE, subjects, html=True) == []


def test_headers_over_http(ld_target: Target) -> None:
    status, headers, _ = _fetch(f"{ld_target.url}/{BODY}", Accept="text/turtle")
    assert status == 303
    doc = headers["Location"]
    assert doc == f"{ld_target.url}/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto"
    status, headers, body = _fetch(doc, Accept="application/ld+json")
    assert status == 200
    assert headers["Content-Type"].startswith("application/ld+json")
    assert "Accept" in headers["Vary"]
    assert headers["Link"].count('rel="alternate"') == 5
    status, again, body = _fetch(doc, **{"Accept": "application/ld+json", "If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")
    assert again["ETag"] == headers["ETag"]
    status, _, _ = _fetch(
        doc, **{"Accept": "application/ld+json", "If-Modified-Since": headers["Last-Modified"]}
    )
    assert status == 304


def test_errors_over_http(ld_target: Target) -> None:
    assert _fetch(f"{ld_target.url}/doc/org/helsinki-kaupunginkanslia", Accept="image/png")[0] == 406
    assert _fetch(f"{ld_target.url}/id/org/nope", Accept="text/turtle")[0] == 404
    status, headers, _ = _fetch(f"{ld_target.url}/doc/org/nope", Accept="application/ld+json")
    assert (status, headers["Content-Type"].split(";")[0]) == (404, "application/ld+json")
    assert "Accept" in headers["Vary"]


def test_odd_paths_over_http(pages_live: LiveServer) -> None:
    """The app only: nginx cannot fold ä/ö/å as slugs are minted, nor tell broken UTF-8 (kgpub.site)."""
    assert _fetch(f"{pages_live.url}/id/org/%C3%28", Accept="text/turtle")[0] == 400
    status, headers, _ = _fetch(f"{pages_live.url}/id/org/helsinki-kaupunginkanslia-sis%C3%A4inen-tarkastus")
    assert status == 301
    assert headers["Location"].endswith("/id/org/helsinki-kaupunginkanslia-sisainen-tarkastus")
