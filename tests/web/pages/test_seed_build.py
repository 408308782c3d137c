"""The pages over the real build of the seed sources (``kgpub.pipeline.build``): every subject IRI
dereferences over HTTP, and the home page, dataset description and sitemap cover the build."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import VOID

from kgpub.config import Settings
from kgpub.web import create_app
from tests.web.conftest import LiveServer

from .test_live import _fetch


@pytest.fixture(scope="module")
def seed_app(seed_build: Settings) -> Iterator[Flask]:
    app = create_app(seed_build)
    yield app
    app.extensions["kgpub"]["stores"].close()


def _subjects(settings: Settings) -> list[str]:
    ds = Dataset()
    ds.parse(settings.published_dir / "dataset.trig", format="trig")
    found = {str(s) for s, _p, _o, _g in ds.quads((None, None, None, None))}
    return sorted(s for s in found if s.startswith(settings.base_iri))


def test_every_subject_of_the_seed_build_dereferences(seed_app: Flask, seed_build: Settings) -> None:
    base = seed_build.base_iri
    subjects = _subjects(seed_build)
    assert any("/id/org/" in s for s in subjects) and any("/source/" in s for s in subjects)
    failures: list[str] = []
    with LiveServer(seed_app) as server:
        documents: dict[str, Graph] = {}
        for iri in subjects:
            url = server.url + "/" + iri[len(base) :].split("#")[0]
            if url not in documents:
                status = _fetch(url, Accept="text/turtle")[0]
                if status not in (200, 303):
                    failures.append(f"{iri}: {status}")
                    continue
                documents[url] = Graph().parse(url, format="turtle")
            if (URIRef(iri), None, None) not in documents[url]:
                failures.append(f"{iri}: not described by {url}")
            html = _fetch(url, Accept="text/html")[0]
            if html not in (200, 303):
                failures.append(f"{iri}: HTML {html}")
    assert failures == []


def test_seed_home_description_and_sitemap(seed_app: Flask, seed_build: Settings) -> None:
    client = seed_app.test_client()
    home = client.get("/", headers={"Accept": "text/html"}).data.decode("utf-8")
    assert "Helsingin kaupunki" in home and "Kalajoen kaupunki" in home
    g = Graph().parse(data=client.get("/dataset", headers={"Accept": "text/turtle"}).data, format="turtle")
    dataset = URIRef(seed_build.base_iri + "dataset#dataset")
    assert int(g.value(dataset, VOID.triples)) > 100
    assert len(list(g.objects(dataset, VOID.dataDump))) == 4
    sitemap = client.get("/sitemap.xml").data.decode("utf-8")
    assert "/doc/org/helsinki-kaupunginkanslia</loc>" in sitemap
