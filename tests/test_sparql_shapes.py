"""The SPARQL-only shapes (evidence, two heads, cycles, external sameAs, business IDs) evaluated by
pyoxigraph in one query each (``kgpub.sparql_shapes``) report exactly what pySHACL reports evaluating
them per focus node: same focus nodes, paths, values, messages, severities and shapes, on graphs with
planted violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from kgpub.namespaces import ORG, SH
from kgpub.sparql_shapes import split
from kgpub.validate import ValidationReport, validate
from tests.conftest import UNLABELLED_BODY
from tests.test_validate import (
    BASE,
    CASES,
    LOCAL,
    by_shape,
    case_graph,
    expectations,
    ontology,
    shapes,
    with_claims,
)

__all__ = ["ontology", "shapes"]  # the module fixtures of tests/test_validate.py, used here

#: The shape cases that plant violations of the moved shapes, one allowed case, and one of another shape.
MOVED_CASES = (
    "evidence-missing.ttl",
    "evidence-claim-without-evidence.ttl",
    "same-as-external.ttl",
    "two-heads-stated.ttl",
    "two-heads.ttl",
    "sub-organisation-cycle.ttl",
    "reports-to-cycle.ttl",
    "business-id-malformed.ttl",
    "business-id-check-digit.ttl",
    "label-missing.ttl",
)


def _results(report: ValidationReport) -> list[tuple[str, ...]]:
    return sorted(
        (r.focus, r.path, r.value, r.message, r.severity, r.shape, ",".join(r.origins))
        for r in report.results
    )


def _same(data: Graph, ontology: Graph, shapes: Graph) -> ValidationReport:
    fast = validate(data, shapes, ontology)
    slow = validate(data, shapes, ontology, sparql_by_oxigraph=False)
    assert _results(fast) == _results(slow)
    assert fast.conforms == slow.conforms
    return fast


def test_the_sparql_only_shapes_are_moved_and_nothing_else(shapes: Graph) -> None:
    kept, moved = split(shapes)
    names = sorted(str(s.node).rsplit("/", 1)[-1] for s in moved)
    # NoCycleShape has $this in each branch of a UNION, YtunnusShape targets the subjects of a predicate
    assert names == ["EvidenceShape", "HeadShape", "NoCycleShape", "NoExternalSameAsShape", "YtunnusShape"]
    assert sorted(str(n).rsplit("/", 1)[-1] for n in kept.subjects(SH.sparql, None)) == []
    assert len(set(kept.subjects(SH.targetClass, None))) == len(set(shapes.subjects(SH.targetClass, None)))


@pytest.mark.slow
@pytest.mark.parametrize("name", MOVED_CASES)
def test_shape_cases_report_the_same_either_way(name: str, ontology: Graph, shapes: Graph) -> None:
    report = _same(case_graph(CASES / name), ontology, shapes)
    expected, conforms = expectations(CASES / name)  # the case file's own header says what it plants
    assert by_shape(report) == expected
    assert report.conforms == conforms


@pytest.mark.slow
def test_many_planted_violations_report_the_same_either_way(ontology: Graph, shapes: Graph) -> None:
    """Several kinds at once: facts with no claim, a claim without typed evidence, an unclaimed
    subOrganizationOf that unitOf does not cover, an unclaimed headOf without a held Head post, the
    allowed inferred forms (covered), a thing outside id/ (not targeted), external sameAs."""
    data = with_claims(Graph().parse(CASES / "base.ttl", format="turtle", publicID=BASE))
    kunta, kanslia = LOCAL.ID["org/testikunta"], LOCAL.ID["org/testikunta-kunnankanslia"]
    for n in range(3):
        body = LOCAL.ID[f"org/testikunta-planted-{n}"]
        data.add((body, SKOS.altLabel, Literal(f"planted {n}", lang="fi")))  # no claim
        data.add((body, ORG.subOrganizationOf, kanslia))  # no claim, no unitOf
    data.add((kanslia, ORG.headOf, kunta))  # no claim, no post
    unit = LOCAL.ID["org/testikunta-planted-unit"]
    data.add((unit, ORG.unitOf, kunta))
    data.add((unit, ORG.subOrganizationOf, kunta))  # covered by unitOf: allowed without a claim
    data.add((URIRef("https://example.org/elsewhere"), SKOS.prefLabel, Literal("x", lang="fi")))  # not id/
    data.add((kunta, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1757")))
    data.add((URIRef("http://www.wikidata.org/entity/Q1757"), OWL.sameAs, kunta))
    report = _same(data, ontology, shapes)
    hit = by_shape(report)
    assert hit["EvidenceShape"] >= 8  # 3 labels + 3 parts + headOf + unitOf at least
    assert hit["NoExternalSameAsShape"] == 2  # both directions: either end is external
    assert not report.conforms


def test_a_graph_with_a_moved_violation_is_never_published(project_copy: Path) -> None:
    """A curation file giving the elinkeino-osasto a second head (no sentence names both: the moved
    HeadShape) fails the build, and nothing is published."""
    from kgpub.config import Settings
    from kgpub.errors import NotConformant
    from kgpub.pipeline import build

    settings = project_copy
    assert isinstance(settings, Settings)
    header = UNLABELLED_BODY.split("# A body")[0].replace("zz-unlabelled", "zz-second-head")
    text = header + (
        '<id/person/helsinki-testi-toinen> a foaf:Person ; foaf:name "Testi Toinen" ;\n'
        "    org:headOf <id/org/helsinki-kaupunginkanslia-elinkeino-osasto> .\n"
    )
    (settings.data_dir / "curation" / "zz-second-head.ttl").write_text(text, encoding="utf-8")
    with pytest.raises(NotConformant) as failure:
        build(settings)
    assert "more than one head" in failure.value.report_text
    assert "HeadShape" in failure.value.report_text or "elinkeino-osasto" in failure.value.report_text
    assert not (settings.var_dir / "published").exists()
