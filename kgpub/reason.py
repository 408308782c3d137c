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

Both run as :class:`_Rules` by default: the OWL 2 RL rules ORG's axioms actually use (class and
property hierarchy, inverses, transitivity, one property chain, one intersection with an
``allValuesFrom`` restriction) and the SPARQL rules, over in-memory indexes to a fixpoint — 0.3 s
instead of owlrl's 4.8 s at 10 k triples, the same triples (``tests/test_reason_rules.py`` compares
them on the seeds). owlrl still decides whenever the rules cannot be sure: an axiom or a schema
statement they do not implement, or anything that may be inconsistent (then owlrl words it).

Only new triples about the data's own subjects are returned. Inconsistencies — owlrl error messages,
a body that is its own (transitive) sub-organisation, two distinct things inferred ``owl:sameAs`` —
raise :class:`InconsistentGraph` with every problem listed.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from owlrl import DeductiveClosure, OWLRL_Semantics
from owlrl.Namespaces import ERRNS
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS
from rdflib.term import Node

from .errors import InconsistentGraph
from .namespaces import OA, ORG, RDF

_GRAPH = "urn:kgpub:reasoning:"
_TYPE, _HELD_BY, _HOLDS = RDF.type, ORG.heldBy, ORG.holds  # rdflib's namespace lookups cost µs each
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
    out = Graph()
    for triple in _knowledge_triples(data):
        out.add(triple)
    return out


def _knowledge_triples(data: Graph) -> list[tuple[Node, Node, Node]]:
    provenance = {s for p in PROVENANCE_MARKERS for s in data.subjects(p, None)}
    return [triple for triple in data if triple[0] not in provenance]


def infer(data: Graph, ontology: Graph, *, engine: str = "rules") -> Graph:
    """The new triples ORG entails from ``data`` (which is not modified); raises InconsistentGraph.

    ``engine="rules"`` (the default) computes the closure with :class:`_Rules` when the ontology and
    the data use only the axioms it implements and the result is consistent; otherwise — and always
    with ``engine="owlrl"`` — owlrl computes it (and words the inconsistencies)."""
    if engine == "rules":
        safe = reasoning_ontology(ontology)
        knowing = _knowledge_triples(data)
        rules = _Rules.for_axioms(safe, knowing)
        if rules is not None:
            closure = rules.closure(knowing, safe)
            if closure is not None:
                new = (t for t in closure if t not in rules.given)
                formal = {s for s, p, o in knowing if p == _TYPE and o == ORG.FormalOrganization}
                return _useful(new, formal, data, _instances(knowing, ontology))
    return _owlrl(data, ontology)


def _owlrl(data: Graph, ontology: Graph) -> Graph:
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
    formal = set(asserted.subjects(RDF.type, ORG.FormalOrganization))
    return _useful(inferred, formal, data, instances)


def _apply_rules(dataset: Dataset, inferred: Graph) -> int:
    """Run the SPARQL rules once; the number of new triples."""
    added = 0
    for rule in RULES:
        for triple in list(dataset.query(rule)):
            if triple not in dataset:  # type: ignore[operator]
                inferred.add(triple)  # type: ignore[arg-type]
                added += 1
    return added


def _instances(asserted: Iterable[tuple[Node, Node, Node]], ontology: Graph) -> set[URIRef]:
    """The data's own things: IRIs it describes or points to, minus the ontology's terms."""
    nodes: set[Node] = set()
    for s, p, o in asserted:
        nodes.add(s)
        if p != _TYPE:
            nodes.add(o)
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


def _useful(
    inferred: Iterable[tuple[Node, Node, Node]], formal: set[Node], data: Graph, instances: set[URIRef]
) -> Graph:
    """Keep new triples about the data's own things; drop schema, sameAs, noise and illegal hasUnit
    (``formal``: the asserted legal persons)."""
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


#: What :class:`_Rules` implements of OWL 2 RL: the axioms (predicates) and the property and class
#: characteristics (types) it reads from the ontology; anything else in the ontology or the data
#: leaves the closure to owlrl.
RULE_AXIOMS = AXIOM_PREDICATES - {OWL.someValuesFrom, OWL.hasValue, OWL.members, OWL.complementOf}
NEUTRAL_TYPES = frozenset(
    {
        OWL.Class,
        RDFS.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        RDF.Property,
        OWL.Restriction,
        OWL.Ontology,
        RDFS.Datatype,
        OWL.TransitiveProperty,
        OWL.FunctionalProperty,
    }
)
_VOCABULARIES = (str(OWL), str(RDFS))


class _Rules:
    """The OWL 2 RL rules ORG's axioms use, over indexes, to a fixpoint with kgpub's SPARQL rules:
    class hierarchy (cax-sco, cax-eqc, scm-sco/eqc/int/uni), cls-int1, cls-avf, property hierarchy
    (prp-spo1, prp-eqp), inverses (prp-inv), transitivity (prp-trp) and two-step chains (prp-spo2).
    Whatever could be inconsistent — a functional property with two values (prp-fp → owl:sameAs),
    disjoint classes sharing a member (cax-dw), a body above itself — is not handled here:
    :meth:`closure` returns None and owlrl decides (and words the problem), as before.
    ``tests/test_reason_rules.py`` compares it with owlrl on the seeds and on a synthetic build."""

    def __init__(self, ontology: Graph) -> None:
        self.supers: dict[Node, set[Node]] = defaultdict(set)  # class → direct superclasses
        for c, d in ontology.subject_objects(RDFS.subClassOf):
            self.supers[c].add(d)
        for c, d in ontology.subject_objects(OWL.equivalentClass):
            self.supers[c].add(d)
            self.supers[d].add(c)
        self.intersections: dict[Node, list[Node]] = {}
        for i, listed in ontology.subject_objects(OWL.intersectionOf):
            members = list(Collection(ontology, listed))
            self.intersections[i] = members
            for m in members:
                self.supers[i].add(m)
        for u, listed in ontology.subject_objects(OWL.unionOf):
            for m in Collection(ontology, listed):
                self.supers[m].add(u)
        self.superprops: dict[Node, set[Node]] = defaultdict(set)
        for p, q in ontology.subject_objects(RDFS.subPropertyOf):
            self.superprops[p].add(q)
        for p, q in ontology.subject_objects(OWL.equivalentProperty):
            self.superprops[p].add(q)
            self.superprops[q].add(p)
        self.inverses: dict[Node, set[Node]] = defaultdict(set)
        for p, q in ontology.subject_objects(OWL.inverseOf):
            self.inverses[p].add(q)
            self.inverses[q].add(p)
        self.transitive = set(ontology.subjects(_TYPE, OWL.TransitiveProperty))
        self.functional = set(ontology.subjects(_TYPE, OWL.FunctionalProperty))
        self.disjoint = {(a, b) for a, b in ontology.subject_objects(OWL.disjointWith)}
        self.chains: list[tuple[Node, Node, Node]] = []
        for p, listed in ontology.subject_objects(OWL.propertyChainAxiom):
            steps = list(Collection(ontology, listed))
            assert len(steps) == 2
            self.chains.append((p, steps[0], steps[1]))
        self.all_values: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)  # property → (R, C)
        self.restrictions: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)  # R → (property, C)
        for r, c in ontology.subject_objects(OWL.allValuesFrom):
            prop = ontology.value(r, OWL.onProperty)
            assert prop is not None
            self.all_values[prop].append((r, c))
            self.restrictions[r].append((prop, c))
        self.members_of = defaultdict(list)  # class → the intersections it is a member of
        for i, members in self.intersections.items():
            for m in members:
                self.members_of[m].append(i)
        self._up: dict[Node, frozenset[Node]] = {}
        self._upprops: dict[Node, frozenset[Node]] = {}
        self.given: set[tuple[Node, Node, Node]] = set()

    @classmethod
    def for_axioms(cls, ontology: Graph, data: Iterable[tuple[Node, Node, Node]]) -> _Rules | None:
        """The rules for ``ontology``, or None when it or the data says what they do not implement."""
        for _, p, o in ontology:
            if p not in RULE_AXIOMS or (
                p == _TYPE and str(o).startswith(str(OWL)) and o not in NEUTRAL_TYPES
            ):
                return None
        for chain in ontology.objects(None, OWL.propertyChainAxiom):
            if len(list(Collection(ontology, chain))) != 2:
                return None
        for r in ontology.subjects(OWL.allValuesFrom, None):
            if len(list(ontology.objects(r, OWL.onProperty))) != 1:
                return None
        for _, p, o in data:  # schema statements or OWL terms in the data: owlrl's business
            if str(p).startswith(_VOCABULARIES) or (p == _TYPE and str(o).startswith(_VOCABULARIES)):
                return None
        return cls(ontology)

    def up(self, c: Node) -> frozenset[Node]:
        """``c`` and every class above it."""
        found = self._up.get(c)
        if found is None:
            seen, todo = {c}, [c]
            while todo:
                for d in self.supers.get(todo.pop(), ()):
                    if d not in seen:
                        seen.add(d)
                        todo.append(d)
            found = self._up[c] = frozenset(seen)
        return found

    def upprops(self, p: Node) -> frozenset[Node]:
        found = self._upprops.get(p)
        if found is None:
            seen, todo = {p}, [p]
            while todo:
                for q in self.superprops.get(todo.pop(), ()):
                    if q not in seen:
                        seen.add(q)
                        todo.append(q)
            found = self._upprops[p] = frozenset(seen)
        return found

    def closure(
        self, data: Iterable[tuple[Node, Node, Node]], ontology: Graph
    ) -> set[tuple[Node, Node, Node]] | None:
        """Every triple entailed (given ones included); None when the graph may be inconsistent."""
        out: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))  # p → s → {o}
        into: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))  # p → o → {s}
        triples: set[tuple[Node, Node, Node]] = set()
        queue: deque[tuple[Node, Node, Node]] = deque()

        def add(s: Node, p: Node, o: Node) -> None:
            if (s, p, o) not in triples:
                triples.add((s, p, o))
                out[p][s].add(o)
                into[p][o].add(s)
                queue.append((s, p, o))

        for triples_in in (data, ontology):
            for triple in triples_in:
                add(*triple)
        self.given = set(triples)
        while True:
            while queue:
                self._fire(*queue.popleft(), out, into, add)
            before = len(triples)
            for triple in self._org_rules(out, into):
                add(*triple)
            if len(triples) == before:
                break
        return None if self._troubled(out) else triples

    def _fire(
        self, s: Node, p: Node, o: Node, out: Any, into: Any, add: Callable[[Node, Node, Node], None]
    ) -> None:
        if p == _TYPE:
            self._fire_type(s, o, out, add)
            return
        for q in self.upprops(p):
            add(s, q, o)
        for q in self.inverses.get(p, ()):
            add(o, q, s)
        if p in self.transitive:
            for z in list(out[p][o]):
                add(s, p, z)
            for w in list(into[p][s]):
                add(w, p, o)
        for chained, first, second in self.chains:
            if p == first:
                for z in list(out[second][o]):
                    add(s, chained, z)
            if p == second:
                for w in list(into[first][s]):
                    add(w, chained, o)
        for restriction, target in self.all_values.get(p, ()):
            if restriction in out[_TYPE][s]:
                add(o, _TYPE, target)

    def _fire_type(self, s: Node, o: Node, out: Any, add: Callable[[Node, Node, Node], None]) -> None:
        """cax-sco/cax-eqc (with the schema rules folded into :meth:`up`), cls-int1 and cls-avf."""
        types = out[_TYPE][s]
        for c in self.up(o):
            add(s, _TYPE, c)
            for i in self.members_of.get(c, ()):
                if all(m in types for m in self.intersections[i]):
                    add(s, _TYPE, i)
            for prop, target in self.restrictions.get(c, ()):
                for y in list(out[prop][s]):
                    add(y, _TYPE, target)

    @staticmethod
    def _org_rules(out: Any, into: Any) -> Iterator[tuple[Node, Node, Node]]:
        """kgpub's SPARQL rules (:data:`RULES`) over the indexes: roleProperty and memberOf."""
        for post, orgs in list(out[ORG.postIn].items()):
            agents = out[_HELD_BY].get(post, set()) | into[_HOLDS].get(post, set())
            for org in orgs:
                for agent in agents:
                    yield agent, ORG.memberOf, org
                    for role in out[ORG.role].get(post, ()):
                        for prop in out[ORG.roleProperty].get(role, ()):
                            yield agent, prop, org
        for m, agents in list(out[ORG.member].items()):
            for org in out[ORG.organization].get(m, ()):
                for agent in agents:
                    yield agent, ORG.memberOf, org
                    for role in out[ORG.role].get(m, ()):
                        for prop in out[ORG.roleProperty].get(role, ()):
                            yield agent, prop, org

    def _troubled(self, out: Any) -> bool:
        """Anything owlrl could call inconsistent, or that could make two things the same."""
        for p in self.functional:
            if any(len(values) > 1 for values in out[p].values()):
                return True
        if any(
            s in out[ORG.transitiveSubOrganizationOf].get(s, ())
            for s in list(out[ORG.transitiveSubOrganizationOf])
        ):
            return True
        types = list(out[_TYPE].values())
        return any(a in ts and b in ts for a, b in self.disjoint for ts in types)
