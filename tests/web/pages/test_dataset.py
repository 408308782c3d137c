"""Harvester support: VoID + DCAT description, dumps, sitemap, robots; and the home page."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, VOID, XSD
from werkzeug.test import TestResponse

from kgpub.config import Settings
from kgpub.formats import BY_NAME
from kgpub.web import create_app

BASE = "http://127.0.0.1:5000/"
DS = URIRef(BASE + "dataset#dataset")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fetch(client: FlaskClient, path: str, **headers: str) -> TestResponse:
    """GET and close (dumps are streamed from files, which a response left open would leak)."""
    r = client.get(path, headers=headers)
    r.get_data()
    r.close()
    return r


def description(client: FlaskClient, path: str = "/dataset", fmt: str = "ttl") -> Graph:
    f = BY_NAME[fmt]
    r = client.get(path, headers={"Accept": f.media_type})
    assert r.status_code == 200
    assert r.mimetype == f.media_type
    return Graph().parse(data=r.data, format=f.rdflib_format)


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "rdfxml"])
@pytest.mark.parametrize("path", ["/dataset", "/.well-known/void"])
def test_description_in_every_format(pages_client: FlaskClient, path: str, fmt: str) -> None:
    g = description(pages_client, path, fmt)
    assert (DS, RDF.type, VOID.Dataset) in g
    assert (DS, RDF.type, DCAT.Dataset) in g


def test_void_statistics_match_the_published_data(pages_client: FlaskClient, published_dir: Path) -> None:
    ds = Dataset()
    ds.parse(published_dir / "dataset.trig", format="trig")
    triples = {(s, p, o) for s, p, o, _g in ds.quads((None, None, None, None))}
    g = description(pages_client)
    assert g.value(DS, VOID.triples) == Literal(len(triples))
    classes = {
        g.value(part, VOID["class"]): g.value(part, VOID.entities)
        for part in g.objects(DS, VOID.classPartition)
    }
    org_units = {
        s
        for s, p, o in triples
        if p == RDF.type and o == URIRef("http://www.w3.org/ns/org#OrganizationalUnit")
    }
    assert classes[URIRef("http://www.w3.org/ns/org#OrganizationalUnit")] == Literal(len(org_units))
    props = {
        g.value(part, VOID.property): g.value(part, VOID.triples)
        for part in g.objects(DS, VOID.propertyPartition)
    }
    labels = [t for t in triples if t[1] == URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")]
    assert props[URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")] == Literal(len(labels))
    assert g.value(DS, VOID.classes) == Literal(len(classes))
    assert URIRef("http://www.w3.org/ns/org#") in set(g.objects(DS, VOID.vocabulary))
    assert g.value(DS, VOID.sparqlEndpoint) == URIRef("http://127.0.0.1:5000/sparql")
    assert (DS, PROV.wasGeneratedBy, URIRef(BASE + "id/build/20261122T100000Z")) in g
    assert URIRef(BASE + "id/org/helsinki") in set(g.objects(DS, VOID.rootResource))


def test_every_dump_is_a_distribution_with_type_and_size(
    pages_client: FlaskClient, published_dir: Path
) -> None:
    g = description(pages_client)
    dumps = sorted(p.name for p in (published_dir / "dumps").iterdir() if p.name != "dumps.json")
    assert dumps == ["dataset.jsonld", "dataset.nt.gz", "dataset.trig", "dataset.ttl"]
    downloads = {str(g.value(d, DCAT.downloadURL)): d for d in g.objects(DS, DCAT.distribution)}
    for name in dumps:
        url = "http://127.0.0.1:5000/dumps/" + name
        assert (DS, VOID.dataDump, URIRef(url)) in g
        dist = downloads[url]
        size = (published_dir / "dumps" / name).stat().st_size
        assert g.value(dist, DCAT.byteSize) == Literal(size, datatype=XSD.nonNegativeInteger)
        assert g.value(dist, DCAT.mediaType) is not None
        r = fetch(pages_client, url.removeprefix("http://127.0.0.1:5000"))
        assert r.status_code == 200 and len(r.data) == size
    gz = downloads["http://127.0.0.1:5000/dumps/dataset.nt.gz"]
    assert g.value(gz, DCAT.mediaType) == URIRef(
        "http://www.iana.org/assignments/media-types/application/n-triples"
    )
    assert g.value(gz, DCAT.compressFormat) == URIRef(
        "http://www.iana.org/assignments/media-types/application/gzip"
    )
    service = g.value(predicate=DCAT.servesDataset, object=DS)
    assert g.value(service, DCAT.endpointURL) == URIRef("http://127.0.0.1:5000/sparql")
    catalog = g.value(predicate=DCAT.dataset, object=DS)
    assert g.value(catalog, DCTERMS.publisher) is not None


def test_the_publisher_is_a_setting(pages_settings: Settings) -> None:
    """``KGPUB_PUBLISHER`` names the catalogue's and dataset's publisher without a rebuild."""
    app = create_app(pages_settings.with_(publisher="Kalajoen kaupunki"))
    try:
        g = description(app.test_client())
    finally:
        app.extensions["kgpub"]["stores"].close()
    for thing in (DS, URIRef(BASE + "dataset#catalog")):
        publisher = g.value(thing, DCTERMS.publisher)
        assert g.value(publisher, FOAF.name) == Literal("Kalajoen kaupunki")


def test_dumps_are_served_with_types_validators_and_304(pages_client: FlaskClient) -> None:
    r = fetch(pages_client, "/dumps/dataset.nt.gz")
    assert r.headers["Content-Type"] == "application/gzip"
    assert "Content-Encoding" not in r.headers
    lines = gzip.decompress(r.data).decode("utf-8").splitlines()
    assert any("/id/org/helsinki>" in line for line in lines)
    assert fetch(pages_client, "/dumps/dataset.ttl").mimetype == "text/turtle"
    assert fetch(pages_client, "/dumps/dataset.trig").mimetype == "application/trig"
    assert fetch(pages_client, "/dumps/dataset.jsonld").mimetype == "application/ld+json"
    etag = r.headers["ETag"]
    assert fetch(pages_client, "/dumps/dataset.nt.gz", **{"If-None-Match": etag}).status_code == 304
    modified = r.headers["Last-Modified"]
    assert fetch(pages_client, "/dumps/dataset.nt.gz", **{"If-Modified-Since": modified}).status_code == 304
    part = fetch(pages_client, "/dumps/dataset.ttl", Range="bytes=0-9")
    assert part.status_code == 206 and len(part.data) == 10
    assert pages_client.get("/dumps/nope.ttl").status_code == 404


def test_dataset_description_conditional_get(pages_client: FlaskClient) -> None:
    r = pages_client.get("/dataset")
    assert pages_client.get("/dataset", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304
    assert "Accept" in r.headers["Vary"]


def test_sitemap_lists_every_document(pages_client: FlaskClient, published_dir: Path) -> None:
    r = pages_client.get("/sitemap.xml")
    assert r.mimetype == "application/xml"
    locs = [e.text for e in ET.fromstring(r.data).iter(SITEMAP + "loc")]
    assert {"http://127.0.0.1:5000/", "http://127.0.0.1:5000/dataset", "http://127.0.0.1:5000/sparql"} <= set(
        locs
    )
    assert "http://127.0.0.1:5000/doc/org/helsinki-kaupunginkanslia" in locs
    assert "http://127.0.0.1:5000/source/helsinki-kaupunginkanslia" in locs
    assert "http://127.0.0.1:5000/doc/def/kind/agency" in locs
    assert len(locs) == len(set(locs))
    for loc in locs[:: max(1, len(locs) // 25)]:  # a sample, each answered
        assert (
            pages_client.get(
                loc.removeprefix("http://127.0.0.1:5000"), headers={"Accept": "text/html"}
            ).status_code
            == 200
        )


def test_robots_points_at_the_sitemap(pages_client: FlaskClient) -> None:
    r = pages_client.get("/robots.txt")
    assert r.mimetype == "text/plain"
    assert "Sitemap: http://127.0.0.1:5000/sitemap.xml" in r.data.decode()


def test_home_page_has_trees_counts_and_links(pages_client: FlaskClient) -> None:
    r = pages_client.get("/", headers={"Accept": "text/html"})
    html = r.data.decode("utf-8")
    assert r.status_code == 200
    for needle in (
        'href="/sparql"',
        'href="/dataset"',
        'href="/dumps/dataset.nt.gz"',
        "City of Helsinki",  # an English reader gets the English names where there are some
        "Kalajoen kaupunki",  # no English name: the Finnish one (fallback)
        "kaupunginkanslia",  # …and the Finnish one where there is no English name
        "bodies",
    ):
        assert needle in html, needle
    assert html.index("City of Helsinki") < html.index("kaupunginkanslia")
    finnish = pages_client.get("/", headers={"Accept-Language": "fi"}).get_data(as_text=True)
    assert "Helsingin kaupunki" in finnish and "City of Helsinki" not in finnish
    assert pages_client.get("/", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304


def test_dataset_page_for_browsers(pages_client: FlaskClient) -> None:
    r = pages_client.get("/dataset", headers={"Accept": "text/html"})
    assert r.mimetype == "text/html"
    assert b"dataset.nt.gz" in r.data and b"Named graphs" in r.data


def test_before_the_first_build_pages_say_so(tmp_path: Path) -> None:
    from kgpub.config import Settings
    from kgpub.web import create_app

    app = create_app(Settings(var_dir=tmp_path / "var"))
    client = app.test_client()
    for path in (
        "/",
        "/dataset",
        "/id/org/helsinki",
        "/doc/org/helsinki",
        "/sitemap.xml",
        "/dumps/dataset.ttl",
    ):
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 503, path  # come back later: a 404 would make crawlers drop the page
        assert int(r.headers["Retry-After"]) > 0, path
        assert b"kgpub build" in r.data and b"Traceback" not in r.data, path
    assert client.get("/robots.txt").status_code == 200
