"""Licence and dated versions, on two real builds of the seeds: the second without the Kalajoki source.

What a harvester and a reader see: VoID/DCAT with the dataset licence and every version (dct:issued,
its dumps); /versions and a kept version's dumps; the licence in every page's footer (fi/sv/en); an
IRI only the first build had answers 410 Gone with a link to that version, an IRI never published
still 404; a source text whose licence is unknown carries the configured rights; with
``versions_kept=1`` the older version's dumps are gone and no longer linked.
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kgpub import versions
from kgpub.config import Settings
from kgpub.errors import InputError
from kgpub.pipeline import build
from kgpub.web import create_app
from tests.conftest import copy_project

pytestmark = pytest.mark.slow  # two real builds

DCAT = "http://www.w3.org/ns/dcat#"
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
KALAJOKI = "kalajoki-hallintopalvelut"


@dataclass(frozen=True)
class Built:
    settings: Settings
    first: str  # version ids, oldest first
    second: str
    gone_iri: str  # an IRI of the first build only


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    settings = copy_project(tmp_path_factory.mktemp("versions"))
    build(settings)
    first = versions.list_versions(settings)[0].id
    had = set((versions.versions_dir(settings) / first / versions.IRIS).read_text(encoding="utf-8").split())
    shutil.rmtree(settings.data_dir / "sources" / KALAJOKI)
    build(settings)
    second = versions.list_versions(settings)[0].id
    kalajoki = sorted(i for i in had if i.startswith(f"{settings.base_iri}id/org/kalajoki-"))
    assert kalajoki, "the first build has Kalajoki's bodies"
    return Built(settings, first, second, kalajoki[0])


@pytest.fixture(scope="module")
def app(built: Built) -> Iterator[Flask]:
    application = create_app(built.settings)
    yield application
    application.extensions["kgpub"]["stores"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_each_published_build_is_a_dated_version_with_its_dumps(built: Built) -> None:
    found = versions.list_versions(built.settings)
    assert [v.id for v in found] == [built.second, built.first]  # newest first
    assert found[0].issued > found[1].issued
    assert {d.name for d in found[1].dumps} >= {"dataset.ttl", "dataset.nt.gz"}
    assert found[0].triples < found[1].triples  # the second build lacks a source


def test_void_states_the_licence_and_every_version(client: FlaskClient, built: Built) -> None:
    response = client.get("/dataset", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    g = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    ds = URIRef(built.settings.base_iri + "dataset#dataset")
    assert (ds, DCTERMS.license, CC_BY) in g
    assert (ds, DCTERMS.rights, None) in g  # what holds for the source texts
    versions_of = set(g.objects(ds, URIRef(DCAT + "hasVersion")))
    first = URIRef(f"{built.settings.base_iri}versions/{built.first}")
    second = URIRef(f"{built.settings.base_iri}versions/{built.second}")
    assert versions_of == {first, second}
    assert (ds, URIRef(DCAT + "hasCurrentVersion"), second) in g
    assert (second, URIRef(DCAT + "previousVersion"), first) in g
    issued = g.value(first, DCTERMS.issued)
    assert isinstance(issued, Literal) and issued.datatype == XSD.dateTime
    assert (first, DCTERMS.license, CC_BY) in g
    urls = {str(u) for u in g.objects(None, URIRef(DCAT + "downloadURL"))}
    assert f"{built.settings.public_root}versions/{built.first}/dumps/dataset.ttl" in urls


def test_a_kept_version_s_dump_is_served_byte_for_byte(client: FlaskClient, built: Built) -> None:
    with client.get(f"/versions/{built.first}/dumps/dataset.nt.gz") as response:  # closes the file
        assert response.status_code == 200
        assert response.mimetype == "application/gzip"
        data = gzip.decompress(response.get_data())
    assert built.gone_iri.encode() in data  # the first version still has Kalajoki
    assert client.get(f"/versions/{built.first}/dumps/nope.ttl").status_code == 404
    assert client.get("/versions/20990101T000000000000Z").status_code == 404


def test_the_versions_page_lists_both_with_links(client: FlaskClient, built: Built) -> None:
    html = client.get("/versions").get_data(as_text=True)
    assert f"/versions/{built.first}/dumps/dataset.ttl" in html
    assert f"/versions/{built.second}/dumps/dataset.ttl" in html
    assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in html


@pytest.mark.parametrize(
    ("lang", "words"), [("fi", "Aineiston lisenssi"), ("sv", "Datalicens"), ("en", "Data licence")]
)
def test_every_page_footer_names_the_licence(client: FlaskClient, lang: str, words: str) -> None:
    html = client.get("/", headers={"Accept-Language": lang}).get_data(as_text=True)
    footer = html[html.index('<footer class="site">') :]
    assert words in footer
    assert '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>' in footer
    assert 'href="/versions"' in footer


@pytest.mark.parametrize("kind", ["id", "doc"])
def test_an_iri_gone_from_the_newest_build_is_410_with_its_last_version(
    client: FlaskClient, built: Built, kind: str
) -> None:
    rel = built.gone_iri.removeprefix(built.settings.base_iri)
    path = "/" + (rel if kind == "id" else "doc/" + rel.removeprefix("id/"))
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 410
    link = f"{built.settings.public_root}versions/{built.first}"
    assert response.headers["Link"] == f'<{link}>; rel="predecessor-version"'
    assert f'href="{link}"' in response.get_data(as_text=True)
    as_rdf = client.get(path, headers={"Accept": "text/turtle"})  # a harvester: 410 too, the link in text
    assert as_rdf.status_code == 410 and link in as_rdf.get_data(as_text=True)
    assert as_rdf.headers["Link"] == response.headers["Link"]


def test_the_cite_block_links_the_version_the_page_was_answered_from(
    client: FlaskClient, built: Built
) -> None:
    html = client.get("/doc/org/helsinki-kaupunginkanslia", headers={"Accept": "text/html"}).get_data(
        as_text=True
    )
    cite = html[html.index('<section class="cite"') :]
    link = f"{built.settings.public_root}versions/{built.second}"
    assert f'<a href="{link}">{built.second}</a>' in cite
    assert client.get(link.removeprefix(built.settings.public_root.rstrip("/"))).status_code == 200


def test_an_iri_never_published_is_still_404(client: FlaskClient) -> None:
    assert client.get("/id/org/kalajoki-never-was").status_code == 404


def test_a_source_with_an_unknown_licence_carries_the_configured_rights(built: Built) -> None:
    dataset = (built.settings.published_dir / "dataset.trig").read_text(encoding="utf-8")
    assert built.settings.unknown_licence_rights.split(".")[0] in dataset


def test_versions_kept_prunes_older_dumps_but_keeps_the_record(built: Built, tmp_path: Path) -> None:
    one = built.settings.with_(versions_kept=1)
    versions.prune(one, keep=built.second)
    found = {v.id: v for v in versions.list_versions(one)}
    assert found[built.first].dumps == () and found[built.second].dumps
    assert not (versions.versions_dir(one) / built.first / "dumps").exists()
    app = create_app(one)
    try:
        client = app.test_client()
        assert client.get(f"/versions/{built.first}/dumps/dataset.ttl").status_code == 404
        g = Graph().parse(data=client.get("/dataset?format=ttl").get_data(as_text=True), format="turtle")
        urls = {str(u) for u in g.objects(None, URIRef(DCAT + "downloadURL"))}
        assert not any(built.first in u for u in urls)
        first = URIRef(f"{one.base_iri}versions/{built.first}")
        assert (first, RDF.type, URIRef(DCAT + "Dataset")) in g  # still a citable version
    finally:
        app.extensions["kgpub"]["stores"].close()


@pytest.mark.parametrize(
    ("setting", "value"),
    [("dataset_licence", "CC-BY"), ("unknown_licence_rights", "  "), ("versions_kept", "0")],
)
def test_bad_licence_and_version_settings_are_refused(setting: str, value: str) -> None:
    with pytest.raises(InputError, match=setting):
        Settings.from_env({f"KGPUB_{setting.upper()}": value})


def test_the_settings_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "KGPUB_DATASET_LICENCE": "https://creativecommons.org/publicdomain/zero/1.0/",
            "KGPUB_VERSIONS_KEPT": "3",
        }
    )
    assert settings.dataset_licence == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert settings.versions_kept == 3
    assert Settings().dataset_licence == str(CC_BY)
