"""Curation files: municipalities, translations, external links — each with its own provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL

from kgpub.config import PROJECT_ROOT
from kgpub.curation import load_curation
from kgpub.errors import CurationError
from kgpub.iris import Registry, parse_iri
from kgpub.namespaces import CPOV, DCTERMS, ORG, PROV, RDF, SKOS, Local

BASE = "https://example.org/"
LOCAL = Local(BASE)
CURATION = PROJECT_ROOT / "data" / "curation"
HEADER = """@prefix org: <http://www.w3.org/ns/org#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kgp: <def/> .
"""
SELF = (
    "<curation/{stem}> a kgp:CurationFile ; prov:wasAttributedTo [ a prov:Agent ] ;"
    ' dct:modified "2026-11-22"^^xsd:date .\n'
)


def write(tmp_path: Path, stem: str, body: str, *, describe: bool = True) -> Path:
    path = tmp_path / f"{stem}.ttl"
    path.write_text(HEADER + (SELF.format(stem=stem) if describe else "") + body, encoding="utf-8")
    return path


def test_organs_of_the_city_are_organisations_with_translated_names() -> None:
    graph = load_curation(CURATION, LOCAL)
    council = LOCAL.ID["org/helsinki-kaupunginvaltuusto"]
    assert (council, RDF.type, ORG.Organization) in graph
    assert (council, RDF.type, CPOV.PublicOrganisation) in graph
    assert (council, ORG.subOrganizationOf, LOCAL.ID["org/helsinki"]) in graph
    assert {str(label) for label in graph.objects(council, SKOS.prefLabel)} == {
        "kaupunginvaltuusto",
        "stadsfullmäktige",
        "City Council",
    }
    assert not list(graph.triples((None, OWL.sameAs, None)))


def test_every_curated_fact_is_claimed_from_its_file() -> None:
    graph = load_curation(CURATION, LOCAL)
    council = LOCAL.ID["org/helsinki-kaupunginvaltuusto"]
    label = Literal("stadsfullmäktige", lang="sv")
    claims = [c for c in graph.subjects(RDF.subject, council) if (c, RDF.object, label) in graph]
    assert len(claims) == 1
    source = graph.value(claims[0], PROV.wasDerivedFrom)
    assert source == URIRef(BASE + "curation/helsinki")
    assert (source, RDF.type, LOCAL.KGP.CurationFile) in graph
    assert graph.value(source, DCTERMS.modified) is not None
    assert graph.value(source, PROV.wasAttributedTo) is not None
    assert graph.value(claims[0], LOCAL.KGP.rule) == Literal("curation")


def test_relative_iris_follow_the_base() -> None:
    graph = load_curation(CURATION, Local("http://localhost:8080/kgpub/"))
    council = URIRef("http://localhost:8080/kgpub/id/org/helsinki-kaupunginvaltuusto")
    assert (council, RDF.type, ORG.Organization) in graph
    assert not [s for s in graph.subjects() if str(s).startswith(BASE)]


def test_a_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "rikki", '<id/org/x> skos:prefLabel "unterminated@fi .\n')
    lines = (tmp_path / "rikki.ttl").read_text(encoding="utf-8").count("\n")
    with pytest.raises(CurationError, match=rf"rikki\.ttl:{lines}: Turtle syntax error"):
        load_curation(tmp_path, LOCAL)


def test_owl_same_as_is_refused(tmp_path: Path) -> None:
    """Trap (c): owl:sameAs to Wikidata would copy our triples onto Wikidata's IRI."""
    write(tmp_path, "linkit", "<id/org/helsinki> owl:sameAs <http://www.wikidata.org/entity/Q1757> .\n")
    with pytest.raises(CurationError, match="skos:exactMatch or skos:closeMatch"):
        load_curation(tmp_path, LOCAL)


def test_a_file_must_describe_itself(tmp_path: Path) -> None:
    write(tmp_path, "nimeton", '<id/org/x> skos:prefLabel "x"@fi .\n', describe=False)
    with pytest.raises(CurationError, match=r"<curation/nimeton> a kgp:CurationFile"):
        load_curation(tmp_path, LOCAL)


def test_a_file_needs_its_curator_and_date(tmp_path: Path) -> None:
    path = tmp_path / "puolikas.ttl"
    path.write_text(HEADER + "<curation/puolikas> a kgp:CurationFile .\n", encoding="utf-8")
    with pytest.raises(CurationError, match="curator"):
        load_curation(tmp_path, LOCAL)


def test_claims_are_written_by_kgpub_not_by_curators(tmp_path: Path) -> None:
    write(
        tmp_path,
        "vaitteet",
        "<id/claim/x> a kgp:Claim ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <id/org/x> .\n",
    )
    with pytest.raises(CurationError, match="write facts, not claims"):
        load_curation(tmp_path, LOCAL)


def test_iris_outside_kgpub_areas_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "vieras", '<org/helsinki> skos:prefLabel "Helsinki"@fi .\n')
    with pytest.raises(CurationError, match="not a kgpub IRI"):
        load_curation(tmp_path, LOCAL)


def test_file_names_must_be_slugs(tmp_path: Path) -> None:
    shutil.copy(CURATION / "helsinki.ttl", tmp_path / "Helsinki Extra.ttl")
    with pytest.raises(CurationError, match="lowercase ASCII"):
        load_curation(tmp_path, LOCAL)


def test_no_curation_folder_is_no_curation(tmp_path: Path) -> None:
    assert len(load_curation(tmp_path / "missing", LOCAL)) == 0


def test_curated_things_use_registered_slugs() -> None:
    """Curation names extracted bodies by their IRIs: those slugs must be in the committed registry."""
    registry = Registry.load(PROJECT_ROOT / "data" / "registry" / "iris.tsv")
    registered = {(key.kind, slug) for key, slug in registry}
    graph = load_curation(CURATION, LOCAL)
    things = {s for s in graph.subjects() if str(s).startswith(str(LOCAL.ID) + "org/")}
    assert things
    for thing in things:
        parsed = parse_iri(BASE, str(thing))
        assert (parsed.kind, parsed.slug) in registered, thing
