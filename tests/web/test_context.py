"""``/context.jsonld``: served with caching headers, and usable by URL from rdflib and pyld."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from flask.testing import FlaskClient
from pyld import jsonld as pyld
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, SKOS

from tests.web.conftest import BASE, LiveServer

BODY = BASE + "id/org/helsinki-kaupunginkanslia"
PERSON = BASE + "id/person/marja-leena-rinkineva"


def test_context_is_served_with_an_etag_max_age_and_304(client: FlaskClient) -> None:
    r = client.get("/context.jsonld")
    assert r.status_code == 200 and r.mimetype == "application/ld+json"
    context = json.loads(r.data)["@context"]
    assert context["name"] == {"@id": "skos:prefLabel", "@container": "@language"}
    assert context["head"] == {"@reverse": "org:headOf", "@type": "@id"}
    assert context["kgp"] == BASE + "def/"
    assert "max-age=" in r.headers["Cache-Control"] and r.headers["ETag"]
    again = client.get("/context.jsonld", headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304 and not again.data
    assert client.head("/context.jsonld").headers["ETag"] == r.headers["ETag"]


def _loader(url: str, _options: Any = None) -> dict[str, Any]:
    """pyld's document loader over urllib (a real HTTP fetch from the loopback server)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return {"contextUrl": None, "documentUrl": url, "document": json.loads(response.read())}


def test_pyld_compacts_and_expands_with_the_served_context(live_server: LiveServer) -> None:
    url = live_server.url + "/context.jsonld"
    expanded = [
        {
            "@id": BODY,
            str(SKOS.prefLabel): [{"@value": "kaupunginkanslia", "@language": "fi"}],
            str(ORG.subOrganizationOf): [{"@id": BASE + "id/org/helsinki"}],
        },
        {"@id": PERSON, str(ORG.headOf): [{"@id": BODY}]},
    ]
    options = {"documentLoader": _loader}
    compacted = pyld.compact(expanded, url, options)
    body = next(n for n in compacted["@graph"] if n["@id"].endswith("kaupunginkanslia"))
    assert body["name"] == {"fi": "kaupunginkanslia"} and body["partOf"] == "id:org/helsinki"
    framed = pyld.frame(compacted, {"@context": url, "@id": BODY, "head": {}}, options)
    assert framed["head"]["@id"] == "id:person/marja-leena-rinkineva"  # the reverse short name
    back = pyld.expand(compacted, options)
    assert {n["@id"] for n in back} == {BODY, PERSON}


def test_rdflib_reads_a_document_that_names_the_served_context(live_server: LiveServer) -> None:
    doc = {
        "@context": live_server.url + "/context.jsonld",
        "@id": BODY,
        "name": {"fi": "kaupunginkanslia", "sv": "stadskansliet"},
        "kind": BASE + "def/kind/agency",
        "head": {"@id": PERSON},
    }
    graph = Graph().parse(data=json.dumps(doc), format="json-ld")
    assert (URIRef(BODY), SKOS.prefLabel, Literal("stadskansliet", lang="sv")) in graph
    assert (URIRef(BODY), ORG.classification, URIRef(BASE + "def/kind/agency")) in graph
    assert (URIRef(PERSON), ORG.headOf, URIRef(BODY)) in graph
