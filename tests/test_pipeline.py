"""The build end to end on the seeds, and every way it can fail without touching what is published."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import ORG

from kgpub.config import Settings
from kgpub.errors import CurationError, NotConformant, SourceError
from kgpub.pipeline import build, input_location
from kgpub.publish import current
from tests.conftest import add_violating_curation


def published_bytes(settings: Settings) -> dict[str, bytes]:
    path = current(settings).path
    return {p.name: p.read_bytes() for p in (path / "build.json", path / "dataset.trig")}


def test_seed_build_publishes_named_graphs_and_provenance(seed_build: Settings) -> None:
    published = current(seed_build)
    manifest = published.manifest()
    base = seed_build.base_iri
    assert manifest["sources"] == [
        "helsinki-johtamisen-uudistus",
        "helsinki-kaupunginkanslia",
        "kalajoki-hallintopalvelut",
    ]
    for graph in ("curation", "ontology", "inferred", "build", "source/helsinki-kaupunginkanslia"):
        assert f"{base}graph/{graph}" in manifest["graphs"]
    dataset = Dataset()
    dataset.parse(published.dataset_path, format="trig")
    assert (
        sum(1 for _ in dataset.quads((None, None, None, None))) == manifest["triples"]
    )  # quads: a triple may sit in two graphs
    inferred = dataset.graph(URIRef(f"{base}graph/inferred"))
    assert any(True for _ in inferred.triples((None, ORG.transitiveSubOrganizationOf, None)))
    for name in ("dataset.ttl", "dataset.nt.gz", "dataset.trig", "dataset.jsonld"):
        assert (published.dumps_path / name).stat().st_size > 0
    texts = sorted(p.name for p in published.sources_path.iterdir())
    assert texts == [f"{s}.txt" for s in manifest["sources"]]


def test_if_stale_skips_an_unchanged_build(seed_build: Settings) -> None:
    before = current(seed_build).path
    result = build(seed_build, if_stale=True)
    assert result.skipped and current(seed_build).path == before


def _first_build(settings: Settings) -> dict[str, bytes]:
    build(settings)
    return published_bytes(settings)


def test_source_without_metadata_fails_and_keeps_the_published_dataset(project_copy: Settings) -> None:
    before = _first_build(project_copy)
    bare = project_copy.data_dir / "sources" / "espoo-no-meta"
    bare.mkdir()
    (bare / "text.txt").write_text("Kaupunginhallitus vastaa hallinnosta.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="espoo-no-meta: source has no metadata file"):
        build(project_copy)
    assert published_bytes(project_copy) == before


def test_bad_encoding_fails_and_keeps_the_published_dataset(project_copy: Settings) -> None:
    before = _first_build(project_copy)
    text = project_copy.data_dir / "sources" / "kalajoki-hallintopalvelut" / "text.txt"
    text.write_bytes("Hallintopalvelut koostuvat neljästä\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"kalajoki-hallintopalvelut/text\.txt:1:32: not UTF-8"):
        build(project_copy)
    assert published_bytes(project_copy) == before


def test_curation_syntax_error_names_file_and_line(project_copy: Settings) -> None:
    before = _first_build(project_copy)
    broken = project_copy.data_dir / "curation" / "zz-broken.ttl"
    broken.write_text(
        '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a> skos:prefLabel "x"@fi\n<b> .\n'
    )
    with pytest.raises(CurationError, match=r"zz-broken\.ttl:3: Turtle syntax error"):
        build(project_copy)
    assert published_bytes(project_copy) == before


def test_shape_violation_fails_and_keeps_the_published_dataset(project_copy: Settings) -> None:
    before = _first_build(project_copy)
    add_violating_curation(project_copy)
    with pytest.raises(NotConformant) as info:
        build(project_copy)
    assert "helsinki-testi" in info.value.report_text
    assert f"from {project_copy.data_dir / 'curation' / 'zz-unlabelled.ttl'}" in info.value.report_text
    assert published_bytes(project_copy) == before


def test_input_location_turns_provenance_into_files(project_copy: Settings) -> None:
    base, data = project_copy.base_iri, project_copy.data_dir
    assert input_location(project_copy, f"{base}source/kalajoki#char=10,42") == (
        f"{data / 'sources' / 'kalajoki' / 'text.txt'}, characters 10-42"
    )
    review = input_location(project_copy, f"{base}curation/review-x#session-1")
    assert review == str(data / "curation" / "review-x.ttl")
    assert input_location(project_copy, "http://example.org/elsewhere") == "http://example.org/elsewhere"


def test_build_manifest_is_json_with_counts(seed_build: Settings) -> None:
    manifest = json.loads((current(seed_build).path / "build.json").read_text(encoding="utf-8"))
    assert manifest["triples"] > 100
    assert manifest["base_iri"] == seed_build.base_iri
    assert Path(seed_build.var_dir / "published").is_symlink()
