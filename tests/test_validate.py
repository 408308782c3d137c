"""SHACL validation: the seed graph conforms; every shape catches the graph made to violate it.

The shape cases are files in ``tests/shapes/``: each is added to ``base.ttl`` (a small valid graph)
and says in its header which shapes must report how many results (``# expect: Shape N``), whether
the graph still conforms (``# conforms: yes`` when only warnings are expected) and whether the
harness should leave its facts without claims (``# claims: none``).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from owlrl import DeductiveClosure, RDFS_Semantics
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from kgpub.config import Settings
from kgpub.curation import load_curation
from kgpub.errors import ShapesError
from kgpub.municipalities import load_reference, municipalities_graph
from kgpub.namespaces import ORG, RDF, SH, Local
from kgpub.ontology import load_ontology, load_shapes
from kgpub.rdf import add_claim
from kgpub.reason import infer, reasoning_ontology
from kgpub.validate import ValidationReport, validate
from tests.test_rdf import BASE, seed_graphs

CASES = Path(__file__).parent / "shapes"
SETTINGS = Settings(base_iri=BASE)
LOCAL = Local(BASE)
CASE_FILES = sorted(p for p in CASES.glob("*.ttl") if p.name != "base.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology(SETTINGS)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(SETTINGS)


def with_claims(graph: Graph) -> Graph:
    """Claim every fact about an ``id/`` thing from the test curation file, as curation.py does."""
    source = URIRef(f"{BASE}curation/shape-cases")
    for s, p, o in list(graph):
        if str(s).startswith(str(LOCAL.ID)) and (s, RDF.subject, None) not in graph:
            add_claim(graph, LOCAL, (s, p, o), source, scope="shape-cases", rule="test", confidence=1.0)  # type: ignore[arg-type]
    return graph


def case_graph(path: Path) -> Graph:
    base = with_claims(Graph().parse(CASES / "base.ttl", format="turtle", publicID=BASE))
    case = Graph().parse(path, format="turtle", publicID=BASE)
    if "# claims: none" not in path.read_text(encoding="utf-8"):
        case = with_claims(case)
    return base + case


def expectations(path: Path) -> tuple[Counter[str], bool]:
    text = path.read_text(encoding="utf-8")
    expected = Counter({m[0]: int(m[1]) for m in re.findall(r"^# expect: (\w+) (\d+)$", text, re.MULTILINE)})
    return expected, "# conforms: yes" in text


def by_shape(report: ValidationReport) -> Counter[str]:
    return Counter(r.shape.rsplit("/", 1)[-1].rstrip(">") for r in report.results)


def test_base_graph_conforms(ontology: Graph, shapes: Graph) -> None:
    report = validate(with_claims(Graph().parse(CASES / "base.ttl", publicID=BASE)), shapes, ontology)
    assert report.conforms, report.summary()
    assert report.results == ()


def test_every_shape_has_a_case(shapes: Graph) -> None:
    named = {
        str(s).rsplit("/", 1)[-1] for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)
    }
    targeted = {n for n in named if not n.endswith(("ConceptShape",)) and n != "prefixes"}
    covered: set[str] = set()
    for path in CASE_FILES:
        covered |= set(expectations(path)[0])
    assert targeted - covered == set()
    assert len(CASE_FILES) == 41


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_shape_case(path: Path, ontology: Graph, shapes: Graph) -> None:
    expected, conforms = expectations(path)
    report = validate(case_graph(path), shapes, ontology)
    assert by_shape(report) == expected, report.summary()
    assert report.conforms is conforms


def test_seed_graph_conforms_after_reasoning(ontology: Graph, shapes: Graph) -> None:
    """The three seeds (hand-made extractions) + the real curation files + inference: no violation."""
    asserted = load_curation(SETTINGS.data_dir / "curation", LOCAL)
    reference = load_reference(SETTINGS.municipalities_package)
    asserted += municipalities_graph(reference, LOCAL, only={"helsinki", "kalajoki"})
    for graph in seed_graphs().values():
        asserted += graph
    inferred = infer(asserted, ontology)
    report = validate(asserted + inferred, shapes, ontology)
    assert report.conforms, report.summary()
    assert report.violations == ()
    # the agency no text places in the tree: the state legal-aid office (Kalajoki's kanslia, grouped
    # only, is the city's own office: it belongs to the city)
    assert {r.focus for r in report.warnings} == {f"<{BASE}id/org/helsinki-helsingin-oikeusaputoimisto>"}


def test_summary_names_focus_path_and_message(ontology: Graph, shapes: Graph) -> None:
    report = validate(case_graph(CASES / "person-with-two-names.ttl"), shapes, ontology)
    (violation,) = report.violations
    assert violation.focus == f"<{BASE}id/person/testikunta-maija-meikalainen>"
    assert violation.path == "foaf:name"
    assert "exactly one name" in violation.message
    assert str(violation) in report.summary()
    assert report.summary().endswith("1 violation(s), 0 warning(s)")
    assert isinstance(report.graph, Graph) and "Conforms: False" in report.text


def test_a_result_names_the_input_it_came_from(ontology: Graph, shapes: Graph) -> None:
    """The focus's claims say where it was stated; ``locate`` makes that a path a person can open."""
    report = validate(case_graph(CASES / "person-with-two-names.ttl"), shapes, ontology)
    (violation,) = report.violations
    assert violation.origins == (f"{BASE}curation/shape-cases",)
    located = report.summary(lambda iri: iri.replace(f"{BASE}curation/", "data/curation/") + ".ttl")
    assert "from data/curation/shape-cases.ttl" in located


def test_a_result_with_no_claims_has_no_origin(ontology: Graph, shapes: Graph) -> None:
    """Nothing is invented: with every claim removed, no result names an input."""
    graph = case_graph(CASES / "person-with-two-names.ttl")
    for claim in set(graph.subjects(RDF.subject, None)):
        graph.remove((claim, None, None))
    report = validate(graph, shapes, ontology)
    assert report.violations and all(v.origins == () for v in report.results)
    assert "\n    from " not in report.summary()


def test_trap_has_unit_reasoning_makes_the_agency_formal_and_the_shapes_say_so(
    ontology: Graph, shapes: Graph
) -> None:
    """Trap (b): plain RDFS over ORG turns the parent of org:hasUnit into a legal person."""
    graph = case_graph(CASES / "has-unit-from-agency.ttl")
    rdfs = Graph()
    rdfs += graph
    rdfs += ontology
    DeductiveClosure(RDFS_Semantics).expand(rdfs)
    agency = LOCAL.ID["org/testikunta-kunnankanslia"]
    assert (agency, RDF.type, ORG.FormalOrganization) in rdfs  # the trap is real
    report = validate(rdfs, shapes, ontology)
    shapes_hit = {
        v.shape.rsplit("/", 1)[-1].rstrip(">") for v in report.violations if v.focus == f"<{agency}>"
    }
    assert "UnitNotLegalShape" in shapes_hit


def test_trap_same_as_leaks_triples_to_wikidata_and_the_shapes_say_so(ontology: Graph, shapes: Graph) -> None:
    """Trap (c): with owl:sameAs, owlrl copies our facts onto the Wikidata IRI."""
    from owlrl import OWLRL_Semantics

    graph = with_claims(
        Graph().parse(
            data="""@prefix org: <http://www.w3.org/ns/org#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            <id/org/testikunta> a org:FormalOrganization ; skos:prefLabel "Testikunta"@fi ;
                org:classification <def/kind/municipality> ; org:identifier "0201256-6"^^<def/ytunnus> ;
                owl:sameAs <http://www.wikidata.org/entity/Q1757> .""",
            format="turtle",
            publicID=BASE,
        )
    )
    reasoned = Graph()
    reasoned += graph
    reasoned += reasoning_ontology(ontology)  # without owl:hasKey, to see this trap on its own
    DeductiveClosure(OWLRL_Semantics).expand(reasoned)
    wikidata = URIRef("http://www.wikidata.org/entity/Q1757")
    assert (wikidata, RDF.type, ORG.FormalOrganization) in reasoned  # the leak is real
    vocabulary = set(ontology.subjects())
    data = Graph()
    data += ((s, p, o) for s, p, o in reasoned if s not in vocabulary)
    report = validate(data, shapes, ontology)
    hit = {v.shape.rsplit("/", 1)[-1].rstrip(">") for v in report.violations}
    assert {"NoExternalSameAsShape", "OrganizationIRIShape"} <= hit


def test_validate_does_not_modify_its_input(ontology: Graph, shapes: Graph) -> None:
    graph = case_graph(CASES / "two-heads.ttl")
    before = len(graph)
    validate(graph, shapes, ontology)
    assert len(graph) == before


def test_shapes_follow_the_base_iri(ontology: Graph) -> None:
    other = Settings(base_iri="https://data.example.fi/kgpub/")
    shapes = load_shapes(other)
    patterns = [str(o) for o in shapes.objects(None, SH.pattern)]
    assert any(p.startswith("^https://data\\.example\\.fi/kgpub/id/org/") for p in patterns)
    assert not any("{BASE}" in str(o) for o in shapes.objects())
    graph = Graph().parse(CASES / "base.ttl", publicID=BASE)  # minted under another base: foreign now
    report = validate(with_claims(graph), shapes, load_ontology(other))
    assert "OrganizationIRIShape" in {v.shape.rsplit("/", 1)[-1].rstrip(">") for v in report.violations}


def test_broken_shapes_are_a_shapes_error(ontology: Graph) -> None:
    broken = Graph()
    shape = URIRef(f"{BASE}def/shape/Broken")
    broken.add((shape, RDF.type, SH.NodeShape))
    broken.add((shape, SH.targetClass, ORG.Organization))
    broken.add((shape, SH.minCount, Literal("many")))
    broken.add((shape, SH.path, OWL.sameAs))
    with pytest.raises(ShapesError):
        validate(Graph(), broken, ontology)
