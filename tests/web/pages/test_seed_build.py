"""The pages over the real build of the seed sources (``kgpub.pipeline.build``): every subject IRI
dereferences over HTTP, and the home page, dataset description and sitemap cover the build."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from kgpub.config import Settings
from kgpub.web import create_app
from tests.web.conftest import LiveServer

from .test_live import dereference_failures, subjects_under


@pytest.fixture(scope="module")
def seed_app(seed_build: Settings) -> Iterator[Flask]:
    app = create_app(seed_build)
    yield app
    app.extensions["kgpub"]["stores"].close()


def test_every_subject_of_the_seed_build_dereferences(seed_build: Settings) -> None:
    subjects = subjects_under(seed_build.published_dir, seed_build.base_iri)
    assert any("/id/org/" in s for s in subjects) and any("/source/" in s for s in subjects)
    with LiveServer(settings=seed_build) as server:
        assert dereference_failures(server.url, seed_build.base_iri, subjects, html=True) == []


def test_seed_home_description_and_sitemap(seed_app: Flask, seed_build: Settings) -> None:
    client = seed_app.test_client()
    home = client.get("/", headers={"Accept": "text/html"}).data.decode("utf-8")
    assert "Helsingin kaupunki" in home and "Kalajoen kaupunki" in home
    g = Graph().parse(data=client.get("/dataset", headers={"Accept": "text/turtle"}).data, format="turtle")
    dataset = URIRef(seed_build.base_iri + "dataset#dataset")
    assert int(str(g.value(dataset, VOID.triples))) > 100
    assert len(list(g.objects(dataset, VOID.dataDump))) == 4
    sitemap = client.get("/sitemap.xml").data.decode("utf-8")
    assert "/doc/org/helsinki-kaupunginkanslia</loc>" in sitemap
