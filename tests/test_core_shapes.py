"""The SHACL Core shapes evaluated by ``kgpub.core_shapes`` report exactly what pySHACL reports: same
focus nodes, paths, values, messages (the shapes' own and pySHACL's generic ones), severities and
shapes, on every shape case (each plants violations of one shape) and on the seed build; what the
module does not evaluate stays with pySHACL; a violation of a core shape refuses the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF

from kgpub import core_shapes
from kgpub.curation import load_curation
from kgpub.municipalities import load_reference, municipalities_graph
from kgpub.namespaces import RDF, SH
from kgpub.reason import infer
from kgpub.sparql_shapes import split as sparql_split
from kgpub.validate import ValidationReport, _has_shapes, validate
from tests.conftest import UNLABELLED_BODY
from tests.test_rdf import seed_graphs
from tests.test_validate import (
    BASE,
    CASE_FILES,
    LOCAL,
    SETTINGS,
    case_graph,
    expectations,
    ontology,
    shapes,
    with_claims,
)

__all__ = ["ontology", "shapes"]  # the module fixtures of tests/test_validate.py, used here


def _everything(report: ValidationReport) -> list[tuple[str, ...]]:
    rows = (
        (r.focus, r.path, r.value, r.message, r.severity, r.shape, ",".join(r.origins))
        for r in report.results
    )
    return sorted(rows)


def _same(data: Graph, ontology: Graph, shapes: Graph) -> ValidationReport:
    ours = validate(data, shapes, ontology)
    theirs = validate(data, shapes, ontology, sparql_by_oxigraph=False, core_by_kgpub=False)
    assert _everything(ours) == _everything(theirs)
    assert len(ours.results) == len(theirs.results)  # duplicates too (two constraints, one value)
    assert ours.conforms is theirs.conforms
    return ours


def test_pyshacl_has_nothing_left_to_do(shapes: Graph) -> None:
    """Every shape with a target in shapes/ is evaluated by pyoxigraph or by core_shapes."""
    kept, _ = sparql_split(shapes)
    kept, moved = core_shapes.split(kept)
    assert not _has_shapes(kept)
    names = {str(s.node).rsplit("/", 1)[-1] for s in moved}
    assert {"LabelShape", "ClaimShape", "EvidenceSpanShape", "CofogMatchShape", "UnitNotLegalShape"} <= names


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_every_shape_case_reports_what_pyshacl_reports(path: Path, ontology: Graph, shapes: Graph) -> None:
    report = _same(case_graph(path), ontology, shapes)
    planted, _ = expectations(path)  # the case's header: which shapes report how many results
    assert len(report.results) >= sum(planted.values())


def test_the_seed_graph_reports_what_pyshacl_reports(ontology: Graph, shapes: Graph) -> None:
    asserted = load_curation(SETTINGS.data_dir / "curation", LOCAL)
    reference = load_reference(SETTINGS.municipalities_package)
    asserted += municipalities_graph(reference, LOCAL, only={"helsinki", "kalajoki"})
    for graph in seed_graphs().values():
        asserted += graph
    report = _same(asserted + infer(asserted, ontology), ontology, shapes)
    assert report.conforms and len(report.warnings) == 1


def test_generic_messages_are_pyshacls(ontology: Graph, shapes: Graph) -> None:
    """A shape without sh:message gets pySHACL's words: minCount on a path, sh:node, sh:hasValue."""
    extra = Graph().parse(
        data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix ex: <{BASE}def/shape/test-> .
        ex:NamedShape a sh:NodeShape ; sh:targetClass foaf:Person ;
            sh:property [ sh:path foaf:nick ; sh:minCount 1 ] ,
                        [ sh:path foaf:name ; sh:hasValue "Nobody" ] ;
            sh:node ex:Inner .
        ex:Inner a sh:NodeShape ; sh:property [ sh:path foaf:mbox ; sh:minCount 1 ] .
        """,
        format="turtle",
    )
    moved = core_shapes.split(extra)[1]
    assert [str(s.node).rsplit("-", 1)[-1] for s in moved] == ["NamedShape"]
    report = _same(case_graph(CASE_FILES[0]), ontology, shapes + extra)
    messages = {r.message for r in report.results if "test-" in r.shape}
    assert any(m.startswith("Less than 1 values on ") and m.endswith("->foaf:nick") for m in messages)
    assert any(m.startswith("Value does not conform to Shape ") for m in messages)
    assert any("does not contain a value in the set" in m for m in messages)


def test_what_core_shapes_does_not_evaluate_stays_with_pyshacl(ontology: Graph, shapes: Graph) -> None:
    """sh:in is not evaluated here: the shape stays with pySHACL, which still reports it."""
    extra = Graph().parse(
        data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        <{BASE}def/shape/test-In> a sh:NodeShape ; sh:targetClass foaf:Person ;
            sh:property [ sh:path foaf:name ; sh:in ( "Nobody" ) ; sh:message "not Nobody" ] .
        """,
        format="turtle",
    )
    kept, moved = core_shapes.split(extra)
    assert moved == [] and _has_shapes(kept)
    data = with_claims(Graph().parse(CASE_FILES[0].with_name("base.ttl"), format="turtle", publicID=BASE))
    report = _same(data, ontology, shapes + extra)
    assert [r.message for r in report.violations] == ["not Nobody"]
    assert not report.conforms


def test_a_warning_does_not_make_the_graph_non_conforming(ontology: Graph, shapes: Graph) -> None:
    report = _same(case_graph(CASE_FILES[0].with_name("unit-parent-missing.ttl")), ontology, shapes)
    assert report.conforms and report.warnings and not report.violations


def test_a_core_violation_in_one_input_graph_refuses_the_build(project_copy: Path) -> None:
    """One curation file gives a person a second name (PersonShape, evaluated by core_shapes): the
    build fails naming it, and nothing is published."""
    from kgpub.config import Settings
    from kgpub.errors import NotConformant
    from kgpub.pipeline import build

    settings = project_copy
    assert isinstance(settings, Settings)
    header = UNLABELLED_BODY.split("# A body")[0].replace("zz-unlabelled", "zz-two-names")
    text = header + (
        '<id/person/helsinki-testi-kaksinimi> a foaf:Person ; foaf:name "Testi Yksi", "Testi Kaksi" .\n'
    )
    (settings.data_dir / "curation" / "zz-two-names.ttl").write_text(text, encoding="utf-8")
    with pytest.raises(NotConformant) as failure:
        build(settings)
    assert "exactly one name" in failure.value.report_text
    assert "helsinki-testi-kaksinimi" in failure.value.report_text
    assert not (settings.var_dir / "published").exists()


def test_results_are_written_into_the_report_graph(ontology: Graph, shapes: Graph) -> None:
    """As pySHACL writes them: a sh:ValidationResult with focus, path, severity, source shape."""
    report = validate(case_graph(CASE_FILES[0].with_name("person-with-two-names.ttl")), shapes, ontology)
    (result,) = report.graph.subjects(SH.focusNode, URIRef(f"{BASE}id/person/testikunta-maija-meikalainen"))
    assert (result, RDF.type, SH.ValidationResult) in report.graph
    assert (result, SH.resultPath, FOAF.name) in report.graph
    assert (None, SH.conforms, Literal(False)) in report.graph
