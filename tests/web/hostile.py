"""A build whose data attacks its readers: script IRIs and markup where pages show data.

The seed snippet (``SEED_TRIG``) plus one graph holding what a hostile source page or curation file
could put there: ``javascript:``/``data:``/``vbscript:`` IRIs as objects, a body whose own IRI is a
``javascript:`` IRI (it lands in the home page's tree and the org chart), a licence that is a
``javascript:`` IRI (the dataset page), and literals that look like HTML and script. Every payload
sets ``window.__pwned`` or opens a dialog, which the browser tests watch for.
"""

from __future__ import annotations

from pathlib import Path

from kgpub.config import Settings
from tests.web.conftest import SEED_TRIG, make_published

BODY = "/doc/org/helsinki-elinkeino-osasto"
SOURCE = "/source/hostile"
JS = "javascript:window.__pwned=1;alert(1)"
JS_MIXED_CASE = "JaVaScRiPt:window.__pwned=2"
DATA = (
    "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0zPC9zY3JpcHQ+"  # <script>window.__pwned=3</script>
)
VBSCRIPT = "vbscript:msgbox(4)"
JS_BODY = "javascript:window.__pwned=5//"
JS_LICENCE = "javascript:window.__pwned=6//"
SCRIPT_TEXT = '<script>window.__pwned=7</script><img src=x onerror="window.__pwned=8">'
SAFE_LINK = "https://example.org/kept-as-a-link"
_TURTLE_TEXT = SCRIPT_TEXT.replace('"', '\\"')  # the literal inside a Turtle "…" string
HOSTILE_IRIS = (JS, JS_MIXED_CASE, DATA, VBSCRIPT, JS_BODY, JS_LICENCE)

HOSTILE_TRIG = f"""
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix graph: <http://127.0.0.1:5000/graph/> .
@prefix body: <http://127.0.0.1:5000/id/org/> .
@prefix src:  <http://127.0.0.1:5000/source/> .

graph:source\\/hostile {{
  body:helsinki-elinkeino-osasto
      rdfs:seeAlso <{JS}>, <{JS_MIXED_CASE}>, <{DATA}>, <{VBSCRIPT}>, <{SAFE_LINK}> ;
      rdfs:comment "{_TURTLE_TEXT}"@fi .
  <{JS_BODY}> a org:OrganizationalUnit ;
      skos:prefLabel "hostile unit"@fi ;
      org:subOrganizationOf body:helsinki-kaupunginkanslia .
  src:hostile a foaf:Document ;
      dct:title "hostile source"@en ;
      dct:license <{JS_LICENCE}> ;
      rdfs:seeAlso <{JS}> ;
      rdfs:comment "{_TURTLE_TEXT}"@fi .
}}
"""
SOURCE_TEXT = f"A source text with markup in it: {SCRIPT_TEXT}\n"


def publish_hostile(var_dir: Path) -> Settings:
    """The seed snippet and the hostile graph, published under ``var_dir`` (with the source text)."""
    return make_published(var_dir, SEED_TRIG + HOSTILE_TRIG, sources={"hostile": SOURCE_TEXT})
