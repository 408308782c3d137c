"""Reasoning: what ORG entails, only the new triples, and the measured traps."""

from __future__ import annotations

import pytest
from owlrl import DeductiveClosure, OWLRL_Semantics
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL

from kgpub.config import Settings
from kgpub.curation import load_curation
from kgpub.errors import InconsistentGraph
from kgpub.namespaces import FOAF, ORG, RDF, Local
from kgpub.ontology import load_ontology
from kgpub.reason import infer, reasoning_ontology
from tests.test_rdf import BASE, seed_graphs

LOCAL = Local(BASE)
EX = "https://example.org/id/org/"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology(Settings(base_iri=BASE))


def turtle(text: str) -> Graph:
    prefixes = (
        "@prefix org: <http://www.w3.org/ns/org#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        "@prefix o: <https://example.org/id/org/> . @prefix p: <https://example.org/id/post/> .\n"
        "@prefix h: <https://example.org/id/person/> . @prefix s: <https://example.org/id/site/> .\n"
    )
    return Graph().parse(data=prefixes + text, format="turtle")


def o(name: str) -> URIRef:
    return URIRef(EX + name)


THREE_ORGS = """
o:a a org:Organization ; org:identifier "111" .
o:b a org:Organization ; org:identifier "222" .
o:c a org:Organization .
"""


def test_trap_haskey_stock_owlrl_makes_every_organisation_the_same(ontology: Graph) -> None:
    """The measured trap (a) is real: stock owlrl 7.6.2 + ORG's owl:hasKey merges everything.

    If this ever fails, owlrl fixed prp-key; the guard in reason.py can then be revisited."""
    graph = turtle(THREE_ORGS)
    graph += ontology
    DeductiveClosure(OWLRL_Semantics).expand(graph)
    pairs = {(a, b) for a, b in graph.subject_objects(OWL.sameAs) if a != b and str(a).startswith(EX)}
    assert pairs == {(x, y) for x in (o("a"), o("b"), o("c")) for y in (o("a"), o("b"), o("c")) if x != y}


def test_trap_haskey_regression_infer_makes_no_same_as(ontology: Graph) -> None:
    """Trap (a): three organisations (identifiers "111", "222", none): kgpub's infer() merges nothing."""
    inferred = infer(turtle(THREE_ORGS), ontology)
    assert not list(inferred.triples((None, OWL.sameAs, None)))
    assert (o("a"), RDF.type, FOAF.Agent) in inferred  # reasoning did run


def test_reasoning_copy_drops_haskey_domains_ranges_and_withdrawn_errata(ontology: Graph) -> None:
    safe = reasoning_ontology(ontology)
    assert (ORG.Organization, OWL.hasKey, None) in ontology
    assert not list(safe.triples((None, OWL.hasKey, None)))
    assert (
        ORG.hasUnit,
        URIRef("http://www.w3.org/2000/01/rdf-schema#domain"),
        ORG.FormalOrganization,
    ) not in safe
    assert (ORG.holds, URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf"), ORG.memberOf) not in safe


def test_inverses_transitivity_and_class_hierarchy(ontology: Graph) -> None:
    data = turtle("""
        o:kunta a org:FormalOrganization .
        o:kanslia a org:OrganizationalUnit ; org:subOrganizationOf o:hallitus .
        o:hallitus a org:Organization ; org:subOrganizationOf o:kunta .
        o:osasto a org:OrganizationalUnit ; org:subOrganizationOf o:kanslia ; org:hasSite s:x .
        o:palvelut a org:OrganizationalUnit ; org:unitOf o:kunta .
    """)
    inferred = infer(data, ontology)
    assert (o("kanslia"), ORG.hasSubOrganization, o("osasto")) in inferred
    assert (o("osasto"), ORG.transitiveSubOrganizationOf, o("kunta")) in inferred
    assert (o("osasto"), RDF.type, ORG.Organization) in inferred
    assert (o("osasto"), RDF.type, FOAF.Organization) in inferred
    assert (o("kunta"), ORG.hasUnit, o("palvelut")) in inferred
    assert (o("palvelut"), ORG.subOrganizationOf, o("kunta")) in inferred  # via kgpub.ttl's unitOf erratum
    assert (URIRef("https://example.org/id/site/x"), ORG.siteOf, o("osasto")) in inferred
    assert not set(inferred) & set(data), "only new triples are returned"
    assert (o("kanslia"), RDF.type, ORG.FormalOrganization) not in inferred


def test_has_unit_is_inferred_only_for_a_legal_person(ontology: Graph) -> None:
    """Trap (b) at the reasoner: unitOf towards a non-legal body yields no hasUnit and no retyping."""
    data = turtle(
        "o:kanslia a org:OrganizationalUnit . o:osasto a org:OrganizationalUnit ; org:unitOf o:kanslia ."
    )
    inferred = infer(data, ontology)
    assert not list(inferred.triples((None, ORG.hasUnit, None)))
    assert (o("kanslia"), RDF.type, ORG.FormalOrganization) not in inferred


def test_post_rules_derive_head_membership_and_inverses(ontology: Graph) -> None:
    data = turtle("""
        o:osasto a org:OrganizationalUnit .
        p:johtaja a org:Post ; org:postIn o:osasto ; org:role org:Head ; org:heldBy h:rinkineva .
        h:rinkineva a foaf:Person .
    """)
    inferred = infer(data, ontology)
    person = URIRef("https://example.org/id/person/rinkineva")
    post = URIRef("https://example.org/id/post/johtaja")
    assert (person, ORG.headOf, o("osasto")) in inferred
    assert (person, ORG.memberOf, o("osasto")) in inferred
    assert (o("osasto"), ORG.hasMember, person) in inferred
    assert (person, ORG.holds, post) in inferred
    assert (o("osasto"), ORG.hasPost, post) in inferred
    assert (person, ORG.memberOf, post) not in inferred, "ORG errata: holding a post is not membership of it"


def test_membership_role_property_rule(ontology: Graph) -> None:
    data = turtle("[] a org:Membership ; org:member h:x ; org:organization o:y ; org:role org:Head .")
    inferred = infer(data, ontology)
    assert (URIRef("https://example.org/id/person/x"), ORG.headOf, o("y")) in inferred


def test_input_is_not_modified(ontology: Graph) -> None:
    data = turtle("o:a a org:OrganizationalUnit ; org:subOrganizationOf o:b .")
    before = Graph()
    before += data
    ontology_size = len(ontology)
    infer(data, ontology)
    assert isomorphic(data, before)
    assert len(ontology) == ontology_size


def test_a_cycle_is_an_inconsistency(ontology: Graph) -> None:
    data = turtle("o:a org:subOrganizationOf o:b . o:b org:subOrganizationOf o:a .")
    with pytest.raises(InconsistentGraph) as caught:
        infer(data, ontology)
    assert any("sub-organisation of itself" in p for p in caught.value.problems)
    assert len(caught.value.problems) == 2


def test_owlrl_errors_become_an_inconsistency(ontology: Graph) -> None:
    data = turtle("o:x a org:Organization, org:Site .")
    with pytest.raises(InconsistentGraph) as caught:
        infer(data, ontology)
    assert any("isjoint" in p for p in caught.value.problems), caught.value.problems


def test_a_functional_property_with_two_values_is_an_inconsistency(ontology: Graph) -> None:
    data = turtle("[] a org:Membership ; org:member h:a, h:b ; org:organization o:y .")
    with pytest.raises(InconsistentGraph, match="inconsistenc") as caught:
        infer(data, ontology)
    assert any("same individual" in p for p in caught.value.problems)


def test_provenance_nodes_are_not_reasoned_over(ontology: Graph) -> None:
    graphs = seed_graphs()
    data = graphs["helsinki-kaupunginkanslia"]
    inferred = infer(data, ontology)
    claims = set(data.subjects(RDF.subject, None))
    assert claims and not claims & set(inferred.subjects())


def test_seed_graph_reasoning(ontology: Graph) -> None:
    asserted = load_curation(Settings().data_dir / "curation", LOCAL)
    for graph in seed_graphs().values():
        asserted += graph
    inferred = infer(asserted, ontology)
    team = LOCAL.ID["org/helsinki-kaupunginkanslia-hallinto-osasto-erityisavustajatiimi"]
    ancestors = set(inferred.objects(team, ORG.transitiveSubOrganizationOf))
    assert LOCAL.ID["org/helsinki"] in ancestors
    assert LOCAL.ID["org/helsinki-kaupunginhallitus"] in ancestors  # through kaupunginkanslia
    council = LOCAL.ID["org/kalajoki-kaupunginvaltuusto"]
    assert LOCAL.ID["org/kalajoki-hallintopalvelut-yleishallinto"] not in set(
        inferred.objects(council, ORG.transitiveSubOrganizationOf)
    ), "a grouping is not hierarchy"
    assert not list(inferred.triples((None, OWL.sameAs, None)))
    assert not [t for t in inferred if isinstance(t[2], Literal) and t[1] == RDF.type]
