"""Shared web fixtures: a published build in a tmp var dir, the app, its test client, a live server.

``make_published(var_dir, trig)`` is the reusable part: it writes a build folder the way the pipeline
does (dataset.trig, its store, its search index, then build.json with the files' hashes), swaps it in
and returns Settings pointing at it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import BaseWSGIServer, make_server

from kgpub import publish, search, store
from kgpub.config import PROJECT_ROOT, Settings
from kgpub.web import create_app

BASE = "http://127.0.0.1:5000/"

#: A snippet of the Helsinki seed (kaupunginkanslia), modelled as kgpub.rdf does: one graph per
#: source, curation and inferred graphs; claims with evidence spans into the source text.
SEED_TRIG = """
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa:   <http://www.w3.org/ns/oa#> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix cpov: <http://data.europa.eu/m8g/> .
@prefix kgp:  <http://127.0.0.1:5000/def/> .
@prefix kind: <http://127.0.0.1:5000/def/kind/> .
@prefix duty: <http://127.0.0.1:5000/def/duty/> .
@prefix id:   <http://127.0.0.1:5000/id/> .
@prefix src:  <http://127.0.0.1:5000/source/> .
@prefix graph: <http://127.0.0.1:5000/graph/> .
@prefix body: <http://127.0.0.1:5000/id/org/> .
@prefix ev:   <http://127.0.0.1:5000/source/helsinki-kaupunginkanslia#> .

graph:curation {
  body:helsinki a org:FormalOrganization, cpov:PublicOrganisation ;
      skos:prefLabel "Helsingin kaupunki"@fi, "Helsingfors stad"@sv, "City of Helsinki"@en .
}

graph:source\\/helsinki-kaupunginkanslia {
  body:helsinki-kaupunginkanslia a org:OrganizationalUnit, cpov:PublicOrganisation ;
      skos:prefLabel "kaupunginkanslia"@fi ;
      org:classification kind:agency ;
      org:subOrganizationOf body:helsinki .
  body:helsinki-elinkeino-osasto a org:OrganizationalUnit ;
      skos:prefLabel "elinkeino-osasto"@fi ;
      org:classification kind:department ;
      org:subOrganizationOf body:helsinki-kaupunginkanslia ;
      kgp:dutyStatement id:duty\\/helsinki-elinkeino-osasto-1 ;
      org:purpose duty:maahanmuuttoasiat .
  id:duty\\/helsinki-elinkeino-osasto-1 a kgp:DutyStatement ;
      rdf:value "$DUTY"@fi ;
      kgp:dutyConcept duty:maahanmuuttoasiat .
  duty:maahanmuuttoasiat a skos:Concept ; skos:prefLabel "maahanmuuttoasiat"@fi .
  body:helsinki-sisainen-tarkastus a org:OrganizationalUnit ;
      skos:prefLabel "sisäinen tarkastus"@fi ;
      org:classification kind:unit ;
      org:subOrganizationOf body:helsinki-kaupunginkanslia .
  id:post\\/helsinki-elinkeino-osasto-elinkeinojohtaja a org:Post ;
      skos:prefLabel "elinkeinojohtaja"@fi ;
      org:postIn body:helsinki-elinkeino-osasto ;
      org:role org:Head ;
      org:heldBy id:person\\/marja-leena-rinkineva .
  id:person\\/marja-leena-rinkineva a foaf:Person ;
      foaf:name "Marja-Leena Rinkineva" ;
      org:headOf body:helsinki-elinkeino-osasto .
  id:claim\\/c1 a kgp:Claim, rdf:Statement ;
      rdf:subject id:person\\/marja-leena-rinkineva ; rdf:predicate org:headOf ;
      rdf:object body:helsinki-elinkeino-osasto ;
      prov:wasDerivedFrom ev:char\\=1392\\,1446 ;
      kgp:rule "head.johtaa" ; kgp:confidence 0.95 .
  ev:char\\=1392\\,1446 a oa:SpecificResource ;
      oa:hasSource src:helsinki-kaupunginkanslia ;
      oa:hasSelector
          [ a oa:TextPositionSelector ;
            oa:start "1392"^^xsd:nonNegativeInteger ; oa:end "1446"^^xsd:nonNegativeInteger ] ,
          [ a oa:TextQuoteSelector ;
            oa:exact "Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva." ] .
}

graph:ontology {
  <http://127.0.0.1:5000/def/cofog/10> a skos:Concept ; skos:notation "10" ;
      skos:inScheme <http://127.0.0.1:5000/def/cofog/scheme> ;
      skos:prefLabel "Social protection"@en .
  <http://127.0.0.1:5000/def/cofog/10.7> a skos:Concept ; skos:notation "10.7" ;
      skos:inScheme <http://127.0.0.1:5000/def/cofog/scheme> ;
      skos:broader <http://127.0.0.1:5000/def/cofog/10> ;
      skos:prefLabel "Social exclusion n.e.c."@en .
}

graph:cofog {
  duty:maahanmuuttoasiat skos:broadMatch <http://127.0.0.1:5000/def/cofog/10.7> .
}

graph:inferred {
  body:helsinki-elinkeino-osasto
      org:transitiveSubOrganizationOf body:helsinki-kaupunginkanslia, body:helsinki .
  body:helsinki-kaupunginkanslia
      org:hasSubOrganization body:helsinki-elinkeino-osasto, body:helsinki-sisainen-tarkastus .
}
""".replace(
    "$DUTY",
    "Elinkeino-osasto huolehtii kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta, "
    "yrittäjyyden edistämisestä sekä työllisyys- ja maahanmuuttoasioista.",
)


def make_published(
    var_dir: Path,
    trig: str,
    *,
    base_iri: str = BASE,
    sources: Mapping[str, str] | None = None,
    **settings: object,
) -> Settings:
    """Publish ``trig`` (and ``sources``: id → source text) as a complete build under ``var_dir`` and
    return Settings serving it."""
    config = Settings(base_iri=base_iri, var_dir=var_dir, queries_dir=PROJECT_ROOT / "queries").with_(
        **settings
    )
    build_dir = publish.new_build_dir(config)
    (build_dir / publish.DATASET).write_text(trig, encoding="utf-8")
    if sources:
        (build_dir / "sources").mkdir()
        for source_id, text in sources.items():
            (build_dir / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    manifest = {"build": build_dir.name, "created": datetime.now(UTC).isoformat(), "base_iri": base_iri}
    store.prepare(build_dir, base_iri)
    search.build_index(build_dir, base_iri)
    publish.seal(build_dir, manifest)  # build.json last, with every file's size and SHA-256
    publish.swap_in(build_dir, config)
    return config


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The seed snippet, published once for the session, with small limits the tests can hit."""
    return make_published(
        tmp_path_factory.mktemp("var"),
        SEED_TRIG,
        max_result_rows=50,
        max_query_bytes=4096,
        query_timeout_s=3.0,
    )


@pytest.fixture(scope="session")
def app(published: Settings) -> Iterator[Flask]:
    application = create_app(published)
    yield application
    application.extensions["kgpub"]["stores"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # these tests read the English interface
    return client


class LiveServer:
    """A real HTTP server in a thread (werkzeug, port 0): what SPARQLWrapper and urllib talk to.

    Given ``settings`` instead of an app, it makes its own app with ``public_base`` set to its own
    address, as a deployment reached at another address than ``base_iri`` is configured: the server
    never takes its absolute URLs (``Location``, links) from the request's ``Host``, so redirects and
    links on a free port work only that way.
    """

    def __init__(self, app: Flask | None = None, *, settings: Settings | None = None) -> None:
        self._own = app is None
        self.server: BaseWSGIServer = make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        if app is None:
            assert settings is not None, "LiveServer needs an app or settings"
            app = create_app(settings.with_(public_base=self.url + "/"))
        self.app = app
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _wsgi(self, environ: Any, start_response: Any) -> Any:
        return self.app(environ, start_response)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.thread.join()
        self.server.server_close()
        if self._own:
            self.app.extensions["kgpub"]["stores"].close()


@pytest.fixture(scope="session")
def live_server(published: Settings) -> Iterator[LiveServer]:
    with LiveServer(settings=published) as server:
        yield server
