"""The rule engine of ``kgpub.reason`` (``_Rules``) infers exactly the triples owlrl infers: on the
seed graph (the three seed sources, the real curation files, two municipalities), on the cases of
tests/test_reason.py, and on a graph that uses every axiom kind it implements; where it cannot be
sure (an inconsistency, an axiom it does not implement) owlrl decides, as before."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from kgpub.config import Settings
from kgpub.curation import load_curation
from kgpub.errors import InconsistentGraph
from kgpub.municipalities import load_reference, municipalities_graph
from kgpub.namespaces import FOAF, ORG, RDF
from kgpub.reason import _Rules, infer, knowledge, reasoning_ontology
from tests.test_rdf import BASE, seed_graphs
from tests.test_reason import LOCAL, o, ontology, turtle

__all__ = ["ontology"]
SETTINGS = Settings(base_iri=BASE)


def _seed_graph() -> Graph:
    asserted = load_curation(SETTINGS.data_dir / "curation", LOCAL)
    reference = load_reference(SETTINGS.municipalities_package)
    asserted += municipalities_graph(reference, LOCAL, only={"helsinki", "kalajoki"})
    for graph in seed_graphs().values():
        asserted += graph
    return asserted


def _same(data: Graph, ontology: Graph) -> Graph:
    ours = infer(data, ontology)
    theirs = infer(data, ontology, engine="owlrl")
    assert set(ours) == set(theirs), (set(ours) - set(theirs), set(theirs) - set(ours))
    return ours


def test_the_seed_graph_infers_what_owlrl_infers(ontology: Graph) -> None:
    data = _seed_graph()
    assert _Rules.for_axioms(reasoning_ontology(ontology), knowledge(data)) is not None  # the fast path ran
    inferred = _same(data, ontology)
    assert len(inferred) > 100
    assert set(inferred.predicates()) >= {RDF.type, ORG.transitiveSubOrganizationOf, ORG.hasSubOrganization}


def test_every_axiom_kind_the_rules_implement(ontology: Graph) -> None:
    """Subclasses and equivalent classes, sub- and equivalent properties (hasMember ≡ foaf:member),
    inverses, transitivity, the prov:wasDerivedFrom chain, OrganizationalCollaboration's intersection
    with its allValuesFrom restriction, roleProperty of posts and memberships."""
    data = turtle("""
        o:kunta a org:FormalOrganization .
        o:kanslia a org:OrganizationalUnit ; org:subOrganizationOf o:hallitus .
        o:hallitus a org:Organization ; org:subOrganizationOf o:kunta .
        o:osasto a org:OrganizationalUnit ; org:subOrganizationOf o:kanslia ; org:hasSite s:x .
        o:palvelut a org:OrganizationalUnit ; org:unitOf o:kunta .
        o:yhteistyo a org:OrganizationalCollaboration ; org:hasMember o:kunta, o:naapuri .
        o:uusi org:resultedFrom [ org:originalOrganization o:vanha ] .
        p:johtaja a org:Post ; org:postIn o:osasto ; org:role org:Head ; org:heldBy h:rinkineva .
        h:rinkineva a foaf:Person .
        [] a org:Membership ; org:member h:x ; org:organization o:hallitus ; org:role org:Head .
    """)
    inferred = _same(data, ontology)
    assert (o("naapuri"), RDF.type, ORG.Organization) in inferred  # cls-avf through the intersection
    assert (o("yhteistyo"), FOAF.member, o("naapuri")) in inferred  # equivalent property
    assert (o("naapuri"), ORG.memberOf, o("yhteistyo")) in inferred  # inverse of hasMember
    assert (o("osasto"), ORG.transitiveSubOrganizationOf, o("kunta")) in inferred
    assert (URIRef("https://example.org/id/person/x"), ORG.headOf, o("hallitus")) in inferred


@pytest.mark.parametrize(
    "text",
    [
        "o:a a org:OrganizationalUnit ; org:subOrganizationOf o:b . o:b org:subOrganizationOf o:a .",  # cycle
        "[] a org:Membership ; org:member h:x, h:y ; org:organization o:a .",  # functional, two values
        "o:a a org:Site, org:OrganizationalUnit .",  # disjoint classes (a unit is an Organization)
    ],
)
def test_what_may_be_inconsistent_is_left_to_owlrl(text: str, ontology: Graph) -> None:
    """The rules do not word inconsistencies: owlrl does, so the error is the one it always was."""
    data = turtle(text)
    with pytest.raises(InconsistentGraph) as ours:
        infer(data, ontology)
    with pytest.raises(InconsistentGraph) as theirs:
        infer(data, ontology, engine="owlrl")
    assert ours.value.problems == theirs.value.problems


def test_schema_statements_in_the_data_are_left_to_owlrl(ontology: Graph) -> None:
    data = turtle(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "o:a a org:OrganizationalUnit . org:OrganizationalUnit rdfs:subClassOf foaf:Group ."
    )
    assert _Rules.for_axioms(reasoning_ontology(ontology), knowledge(data)) is None
    assert (o("a"), RDF.type, FOAF.Group) in _same(data, ontology)
