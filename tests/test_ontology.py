"""The ontology and shapes files: parse against any base, cover the model, match their vendored sources."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL

from kgpub.config import PROJECT_ROOT, Settings
from kgpub.errors import ShapesError
from kgpub.model import KINDS
from kgpub.namespaces import RDF, SH, SKOS, Local
from kgpub.ontology import load_local_ontology, load_ontology, load_shapes

BASE = "https://data.example.fi/kgpub/"
SETTINGS = Settings(base_iri=BASE)
LOCAL = Local(BASE)


def test_local_terms_hang_off_the_configured_base() -> None:
    ontology = load_local_ontology(SETTINGS)
    assert (URIRef(BASE + "def/Claim"), RDF.type, OWL.Class) in ontology
    assert (URIRef(BASE + "def/"), RDF.type, OWL.Ontology) in ontology
    other = load_local_ontology(Settings(base_iri="http://127.0.0.1:5000/"))
    assert (URIRef("http://127.0.0.1:5000/def/Claim"), RDF.type, OWL.Class) in other
    assert not [t for t in ontology if "127.0.0.1" in str(t[0])]


@pytest.mark.parametrize("kind", KINDS)
def test_every_model_kind_is_a_concept_with_three_labels(kind: str) -> None:
    ontology = load_local_ontology(SETTINGS)
    concept = LOCAL.KIND[kind]
    assert (concept, SKOS.inScheme, LOCAL.KIND["scheme"]) in ontology
    assert (LOCAL.KIND["scheme"], SKOS.hasTopConcept, concept) in ontology
    labels = {
        label.language for label in ontology.objects(concept, SKOS.prefLabel) if isinstance(label, Literal)
    }
    assert labels == {"fi", "sv", "en"}


def test_kind_scheme_has_exactly_the_model_kinds() -> None:
    ontology = load_local_ontology(SETTINGS)
    concepts = set(ontology.subjects(SKOS.inScheme, LOCAL.KIND["scheme"]))
    assert {str(c).removeprefix(str(LOCAL.KIND)) for c in concepts} == set(KINDS)


def test_full_ontology_includes_org_and_cpov_and_imports_nothing() -> None:
    ontology = load_ontology(SETTINGS)
    org = "http://www.w3.org/ns/org#"
    assert (URIRef(org + "Organization"), RDF.type, OWL.Class) in ontology
    assert (URIRef("http://data.europa.eu/m8g/PublicOrganisation"), None, None) in ontology
    assert not list(ontology.triples((None, OWL.imports, None))), "nothing may be fetched at run time"


def test_every_kgp_term_the_code_and_shapes_use_is_defined() -> None:
    """Code and ontology can't drift: every kgp: term used in kgpub/, shapes/ and curation is declared."""
    ontology = load_local_ontology(SETTINGS)
    declared = {
        str(s).removeprefix(str(LOCAL.KGP)) for s in ontology.subjects() if str(s).startswith(str(LOCAL.KGP))
    }
    used: set[str] = set()
    for module in (PROJECT_ROOT / "kgpub").rglob("*.py"):
        used |= set(re.findall(r"\b(?:KGP|kgp)\.([A-Za-z]\w*)", module.read_text(encoding="utf-8")))
    shapes = load_shapes(SETTINGS)
    for node in set(shapes.subjects()) | set(shapes.objects()):
        if isinstance(node, URIRef) and str(node).startswith(str(LOCAL.KGP)):
            local = str(node).removeprefix(str(LOCAL.KGP))
            if not local.startswith(("shape/", "kind/", "duty/")):
                used.add(local)
    assert used, "the scan found nothing: the test is broken"
    assert used - declared == set()


def _vendor_table() -> dict[str, str]:
    readme = (PROJECT_ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `(vendor/[^`]+)` \|.*\| `([0-9a-f]{64})` \|$", readme, re.MULTILINE))


def test_vendored_files_match_the_checksums_in_the_readme() -> None:
    table = _vendor_table()
    files = {f"vendor/{p.name}" for p in (PROJECT_ROOT / "ontology" / "vendor").glob("*.ttl")}
    assert set(table) == files
    for name, digest in table.items():
        assert hashlib.sha256((PROJECT_ROOT / "ontology" / name).read_bytes()).hexdigest() == digest, name


def test_shapes_get_the_base_filled_in() -> None:
    shapes = load_shapes(SETTINGS)
    texts = [str(o) for o in shapes.objects() if isinstance(o, Literal)]
    assert not [t for t in texts if "{BASE}" in t]
    assert any(BASE + "id/" in str(t) for t in shapes.objects(None, SH.select))
    namespaces = {str(o) for o in shapes.objects(None, SH.namespace)}
    assert BASE + "def/" in namespaces


def test_every_shape_is_documented() -> None:
    shapes = load_shapes(SETTINGS)
    readme = (PROJECT_ROOT / "shapes" / "README.md").read_text(encoding="utf-8")
    names = {
        str(s).rsplit("/", 1)[-1] for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)
    }
    helpers = {"KindConceptShape", "DutyConceptShape"}
    assert {n for n in names - helpers if f"`{n}`" not in readme} == set()


def _copy(tmp_path: Path) -> Settings:
    for name in ("ontology", "shapes"):
        shutil.copytree(PROJECT_ROOT / name, tmp_path / name)
    return Settings(base_iri=BASE, ontology_dir=tmp_path / "ontology", shapes_dir=tmp_path / "shapes")


def test_an_ontology_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    settings = _copy(tmp_path)
    path = settings.ontology_dir / "kgpub.ttl"
    path.write_text(path.read_text(encoding="utf-8") + '\nkgp:broken a "unterminated .\n', encoding="utf-8")
    lines = path.read_text(encoding="utf-8").count("\n")
    with pytest.raises(ShapesError, match=rf"kgpub\.ttl:{lines}: Turtle syntax error"):
        load_ontology(settings)


def test_a_shapes_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    settings = _copy(tmp_path)
    (settings.shapes_dir / "broken.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\n<a> sh:b\n", "utf-8"
    )
    with pytest.raises(ShapesError, match=r"broken\.ttl:\d+: Turtle syntax error"):
        load_shapes(settings)


def test_missing_ontology_or_shapes_are_shapes_errors(tmp_path: Path) -> None:
    with pytest.raises(ShapesError, match="local ontology is missing"):
        load_ontology(Settings(ontology_dir=tmp_path))
    with pytest.raises(ShapesError, match="no shapes"):
        load_shapes(Settings(shapes_dir=tmp_path))
