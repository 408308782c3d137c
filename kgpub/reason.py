"""Reasoning: the triples ORG entails from the asserted graph, for ``<base>graph/inferred``.

Two engines, each where it is right (research/org-modelling.md §2.2–2.4):

* **owlrl** (OWL 2 RL) over the data and a *reasoning copy* of the ontology, for class hierarchy
  (``rdfs:subClassOf``/``owl:equivalentClass``), property hierarchy, inverses and transitivity
  (``org:transitiveSubOrganizationOf``), and its consistency checks (disjoint classes). The copy drops
  what is wrong or harmful for kgpub data:

  - ``owl:hasKey`` — owlrl 7.6.2's prp-key rule has an off-by-one that makes every organisation
    ``owl:sameAs`` every other when ORG's ``org:Organization owl:hasKey (org:identifier)`` is present;
  - ``rdfs:domain``/``rdfs:range`` — ``org:hasUnit``'s domain would make any parent a legal person,
    and ORG's union-class ranges only add blank-node noise; typing comes from rdf.py and curation;
  - the 2014 ORG errata: ``org:holds ⊑ org:memberOf`` and ``org:heldBy ⊑ org:hasMember`` (a post is
    not an organisation); the vendored file still has them.

  owlrl runs on a fresh dataset and writes into its own graph (``destination=``): the caller's graph is
  never touched.
* **SPARQL rules** for what ORG states only in prose (Epimorphics' ``closure.ru``): ``org:roleProperty``
  of a post's or membership's role (a post with ``org:role org:Head`` held by P in O gives
  ``P org:headOf O``), and ``org:memberOf`` from held posts and memberships.

Only new triples about the data's own subjects are returned. Inconsistencies — owlrl error messages,
a body that is its own (transitive) sub-organisation, two distinct things inferred ``owl:sameAs`` —
raise :class:`InconsistentGraph` with every problem listed.
"""

from __future__ import annotations

from owlrl import DeductiveClosure, OWLRL_Semantics
from owlrl.Namespaces import ERRNS
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDFS

from .errors import InconsistentGraph
from .namespaces import OA, ORG, RDF

_GRAPH = "urn:kgpub:reasoning:"
DROPPED_PREDICATES = frozenset({OWL.hasKey, RDFS.domain, RDFS.range})
ERRATA_REMOVED = frozenset(
    {(ORG.holds, RDFS.subPropertyOf, ORG.memberOf), (ORG.heldBy, RDFS.subPropertyOf, ORG.hasMember)}
)
#: What owlrl needs from the ontology: class and property axioms, class expressions, ORG's roleProperty.
AXIOM_PREDICATES = frozenset(
    {
        RDF.type,
        RDF.first,
        RDF.rest,
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        OWL.equivalentClass,
        OWL.equivalentProperty,
        OWL.inverseOf,
        OWL.disjointWith,
        OWL.propertyChainAxiom,
        OWL.unionOf,
        OWL.intersectionOf,
        OWL.onProperty,
        OWL.allValuesFrom,
        OWL.someValuesFrom,
        OWL.hasValue,
        OWL.members,
        OWL.complementOf,
        ORG.roleProperty,
    }
)
#: Predicates that describe ontology terms, not data: never part of the inferred data graph.
SCHEMA_PREDICATES = frozenset(
    {
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        OWL.equivalentClass,
        OWL.equivalentProperty,
        OWL.inverseOf,
        OWL.sameAs,
        OWL.differentFrom,
        OWL.disjointWith,
    }
)
USELESS_TYPES = frozenset({OWL.Thing, RDFS.Resource, OWL.NamedIndividual, RDFS.Class, OWL.Class})
#: Provenance nodes (claims, evidence, selectors) are not reasoned over: they say where, not what.
PROVENANCE_MARKERS = frozenset({RDF.subject, OA.hasSelector, OA.start, OA.exact})

_PREFIX = "PREFIX org: <http://www.w3.org/ns/org#>\n"
RULES = tuple(
    _PREFIX + rule
    for rule in (
        # roleProperty of a held post's role: a post (role org:Head) held by P in O gives P org:headOf O
        """CONSTRUCT { ?agent ?prop ?org } WHERE {
             ?post org:postIn ?org ; org:role ?role . ?role org:roleProperty ?prop .
             { ?post org:heldBy ?agent } UNION { ?agent org:holds ?post } }""",
        # roleProperty of a membership's role (the rule form in ORG's comment on org:roleProperty)
        """CONSTRUCT { ?agent ?prop ?org } WHERE {
             ?m org:member ?agent ; org:organization ?org ; org:role ?role .
             ?role org:roleProperty ?prop . }""",
        # whoever holds a post in an organisation is a member of it
        """CONSTRUCT { ?agent org:memberOf ?org } WHERE {
             ?post org:postIn ?org . { ?post org:heldBy ?agent } UNION { ?agent org:holds ?post } }""",
        # a membership makes its member a member of its organisation
        """CONSTRUCT { ?agent org:memberOf ?org } WHERE { ?m org:member ?agent ; org:organization ?org . }""",
    )
)
MAX_ROUNDS = 5


def reasoning_ontology(ontology: Graph) -> Graph:
    """The copy of the ontology that is safe to reason with (see the module docstring): its axioms
    only — labels, comments and metadata would just make owlrl's every cycle longer."""
    safe = Graph()
    for triple in ontology:
        s, p, o = triple
        if p in DROPPED_PREDICATES or triple in ERRATA_REMOVED or p not in AXIOM_PREDICATES:
            continue
        if p == RDF.type and isinstance(s, BNode) and o not in (OWL.Class, OWL.Restriction):
            continue  # e.g. CPOV's editors as foaf:Person blank nodes
        safe.add(triple)
    return safe


def knowledge(data: Graph) -> Graph:
    """The data without its provenance nodes (claims, evidence, selectors)."""
    provenance = {s for p in PROVENANCE_MARKERS for s in data.subjects(p, None)}
    out = Graph()
    for triple in data:
        if triple[0] not in provenance:
            out.add(triple)
    return out


def infer(data: Graph, ontology: Graph) -> Graph:
    """The new triples ORG entails from ``data`` (which is not modified); raises InconsistentGraph."""
    dataset = Dataset(default_union=True)
    asserted = dataset.graph(URIRef(_GRAPH + "asserted"))
    asserted += knowledge(data)
    dataset.graph(URIRef(_GRAPH + "ontology")).__iadd__(reasoning_ontology(ontology))
    inferred = dataset.graph(URIRef(_GRAPH + "inferred"))
    closure = DeductiveClosure(
        OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False, datatype_axioms=False
    )
    _apply_rules(dataset, inferred)
    closure.expand(dataset, destination=inferred)
    for _ in range(MAX_ROUNDS):  # the ORG rules may use what owlrl added (holds, hasMember …), and back
        if not _apply_rules(dataset, inferred):
            break
        closure.expand(dataset, destination=inferred)
    instances = _instances(asserted, ontology)
    problems = _problems(dataset, inferred, instances)
    if problems:
        raise InconsistentGraph(
            f"reasoning found {len(problems)} inconsistenc{'y' if len(problems) == 1 else 'ies'}", problems
        )
    return _useful(inferred, asserted, data, instances)


def _apply_rules(dataset: Dataset, inferred: Graph) -> int:
    """Run the SPARQL rules once; the number of new triples."""
    added = 0
    for rule in RULES:
        for triple in list(dataset.query(rule)):
            if triple not in dataset:  # type: ignore[operator]
                inferred.add(triple)  # type: ignore[arg-type]
                added += 1
    return added


def _instances(asserted: Graph, ontology: Graph) -> set[URIRef]:
    """The data's own things: IRIs it describes or points to, minus the ontology's terms."""
    nodes = set(asserted.subjects()) | {o for p, o in asserted.predicate_objects() if p != RDF.type}
    return {n for n in nodes if isinstance(n, URIRef)} - set(ontology.subjects())


def _problems(dataset: Dataset, inferred: Graph, instances: set[URIRef]) -> list[str]:
    problems = sorted(str(msg) for msg in inferred.objects(None, ERRNS.error))
    for body in sorted(set(dataset.subjects(ORG.transitiveSubOrganizationOf, None)), key=str):
        if (body, ORG.transitiveSubOrganizationOf, body) in dataset:
            problems.append(f"{body} is a sub-organisation of itself (a cycle of org:subOrganizationOf)")
    for a, b in inferred.subject_objects(OWL.sameAs):
        if a != b and a in instances and b in instances and str(a) < str(b):
            problems.append(
                f"{a} and {b} would be the same individual (owl:sameAs); a functional "
                "property (org:member, org:organization) has two values"
            )
    return problems


def _useful(inferred: Graph, asserted: Graph, data: Graph, instances: set[URIRef]) -> Graph:
    """Keep new triples about the data's own things; drop schema, sameAs, noise and illegal hasUnit."""
    formal = set(asserted.subjects(RDF.type, ORG.FormalOrganization))
    out = Graph()
    for s, p, o in inferred:
        if s not in instances or isinstance(o, BNode) or p in SCHEMA_PREDICATES or (s, p, o) in data:
            continue
        if p == RDF.type and (o in USELESS_TYPES or isinstance(o, Literal)):
            continue
        if p == ORG.hasUnit and s not in formal:
            continue  # only a legal person has units; the shapes report the unitOf that led here
        out.add((s, p, o))
    for prefix, namespace in data.namespaces():
        out.bind(prefix, namespace)
    return out
