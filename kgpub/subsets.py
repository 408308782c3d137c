"""Parts of the published dataset a researcher asks for: the data without the schema, one
municipality, some named graphs.

A build publishes data graphs (one per source, ``curation``, ``municipalities``, ``inferred``,
``build``, …) *and* schema graphs (``ontology``: the OWL terms and kind concepts; ``shapes``: the SHACL
shapes). A data export must not start with a ``sh:NodeShape``, so :func:`data_only` drops the schema
graphs, and each of them is a document of its own.

**A municipality's part** (:meth:`Index.municipality`) is what describes its organisation, from every
data graph it is stated in (graph names kept): the municipality, the bodies its own source texts state
(sources whose ``dct:spatial`` is the municipality) and every body below any of these
(``org:subOrganizationOf`` followed down), the posts in those bodies, the persons who hold them or head
the bodies, the bodies' duty statements, sites and purposes, the claims about any of these, and the
source documents. Of each, the description is every quad whose subject it is, following blank nodes
and dependent IRIs under the base (evidence spans, site locations, curation records); a body, post,
person, concept or document reached only as an object is *named*, not described — another
municipality's body a claim mentions stays out. Parts are sorted: equal inputs, equal parts.

Everything works on named graphs (``{graph IRI: rdflib Graph}``, what the pipeline holds), indexed
once (:class:`Index`) so the parts of every municipality cost one pass over the quads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS
from rdflib.term import Node

from .errors import InputError
from .namespaces import CPOV, OA, Local, bind_prefixes

#: The graphs that describe the vocabulary, not the municipalities: documents of their own.
SCHEMA_GRAPHS = ("ontology", "shapes")
BODY_TYPES = (ORG.Organization, ORG.OrganizationalUnit, ORG.FormalOrganization)
#: Things described on their own: reached through a link, they are named, not described.
_INDEPENDENT = (*BODY_TYPES, CPOV.PublicOrganisation, ORG.Post, FOAF.Person, SKOS.Concept, FOAF.Document)
#: The links the index keeps backwards (object → subjects), to walk from a municipality to its parts.
BACKWARDS = (ORG.subOrganizationOf, ORG.postIn, ORG.headOf, RDF.subject, DCTERMS.spatial)

Named = Mapping[URIRef, Graph]
Quad = tuple[Node, Node, Node, URIRef]


@dataclass(frozen=True)
class GraphName:
    """A named graph as a researcher names it: ``curation``, ``source/<id>`` (relative to
    ``<base>graph/``; an IRI elsewhere keeps its IRI), and its IRI."""

    name: str
    iri: URIRef


def named_graphs(dataset: Dataset) -> dict[URIRef, Graph]:
    """An rdflib Dataset's non-empty named graphs by IRI (what ``kgpub export`` reads)."""
    return {g.identifier: g for g in dataset.graphs() if isinstance(g.identifier, URIRef) and len(g)}


def graph_names(named: Named, local: Local) -> list[GraphName]:
    prefix = str(local.GRAPH)
    found = [
        GraphName(str(iri)[len(prefix) :] if str(iri).startswith(prefix) else str(iri), iri)
        for iri, graph in named.items()
        if len(graph)
    ]
    return sorted(found, key=lambda g: g.name)


def is_schema(iri: URIRef, local: Local) -> bool:
    return iri in {local.GRAPH[name] for name in SCHEMA_GRAPHS}


def data_only(named: Named, local: Local) -> dict[URIRef, Graph]:
    """Every named graph but the schema ones (the ontology and the shapes)."""
    return {iri: graph for iri, graph in named.items() if not is_schema(iri, local)}


def select_graphs(named: Named, local: Local, names: Iterable[str]) -> dict[URIRef, Graph]:
    """The named graphs called ``names`` (short names or IRIs); an InputError listing the graphs
    there are if one is unknown."""
    known = {g.name: g.iri for g in graph_names(named, local)}
    by_iri = {str(iri): iri for iri in known.values()}
    chosen: dict[URIRef, Graph] = {}
    for name in names:
        iri = known.get(name.strip().strip("/")) or by_iri.get(name.strip())
        if iri is None:
            raise InputError(
                f"no named graph {name!r} in the published dataset; there are: {', '.join(known)}"
            )
        chosen[iri] = named[iri]
    return chosen


def as_named(quads: Iterable[Quad]) -> dict[URIRef, Graph]:
    out: dict[URIRef, Graph] = {}
    for s, p, o, g in quads:
        out.setdefault(g, Graph()).add((s, p, o))
    return out


class Index:
    """The data graphs indexed by subject (every quad) and, for a few links, by object."""

    def __init__(self, named: Named, local: Local) -> None:
        self.local = local
        self.about: dict[Node, list[Quad]] = defaultdict(list)
        self.back: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self.types: dict[Node, set[Node]] = defaultdict(set)
        self.graph_bodies: dict[URIRef, set[Node]] = defaultdict(set)  # the bodies typed in each graph
        self._municipalities: dict[str, URIRef] | None = None
        body_types = set(BODY_TYPES)
        backwards = set(BACKWARDS)
        for iri, graph in named.items():
            if is_schema(iri, local):
                continue
            for s, p, o in graph:
                self.about[s].append((s, p, o, iri))
                if p in backwards:
                    self.back[(p, o)].append(s)
                elif p == RDF.type:
                    self.types[s].add(o)
                    if o in body_types:
                        self.graph_bodies[iri].add(s)

    def objects(self, subject: Node, predicate: Node) -> set[Node]:
        return {o for _s, p, o, _g in self.about.get(subject, ()) if p == predicate}

    def subjects(self, predicate: Node, obj: Node) -> set[Node]:
        return set(self.back.get((predicate, obj), ()))

    def municipalities(self) -> dict[str, URIRef]:
        """The municipalities with bodies: ``{slug: IRI}`` (slug as in ``id/org/<slug>``), sorted. Found
        once per index: every :meth:`municipality` resolves its slug here, and a scan of every typed
        node per municipality made the part dumps grow with the square of the country."""
        if self._municipalities is None:
            self._municipalities = self._find_municipalities()
        return dict(self._municipalities)

    def _find_municipalities(self) -> dict[str, URIRef]:
        prefix = str(self.local.ID["org/"])
        kind = self.local.KIND["municipality"]
        found = {}
        for node, types in self.types.items():
            if (
                isinstance(node, URIRef)
                and ORG.FormalOrganization in types
                and str(node).startswith(prefix)
                and kind in self.objects(node, ORG.classification)
                and (self.subjects(ORG.subOrganizationOf, node) or self._sources_of(node))
            ):
                found[str(node)[len(prefix) :]] = node
        return dict(sorted(found.items()))

    def resolve(self, slug: str) -> URIRef:
        known = self.municipalities()
        found = known.get(slug.strip().lower())
        if found is None:
            raise InputError(
                f"no municipality {slug!r} with published bodies; there are: {', '.join(known) or 'none'}"
            )
        return found

    def _sources_of(self, municipality: Node) -> list[Node]:
        prefix = str(self.local.SOURCE)
        return sorted(
            (s for s in self.subjects(DCTERMS.spatial, municipality) if str(s).startswith(prefix)), key=str
        )

    def bodies(self, municipality: URIRef) -> set[Node]:
        """The municipality, the bodies its sources state, and every body below any of them."""
        roots: set[Node] = {municipality}
        for source in self._sources_of(municipality):
            graph = self.local.GRAPH[str(source)[len(self.local.base) :]]
            roots |= self.graph_bodies.get(graph, set())
        found = set(roots)
        todo = sorted(roots, key=str)
        while todo:
            for child in sorted(self.subjects(ORG.subOrganizationOf, todo.pop()), key=str):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def members(self, municipality: URIRef) -> set[Node]:
        """Its bodies and what belongs to them: posts, persons, duties, sites, purposes, sources."""
        bodies = self.bodies(municipality)
        members = set(bodies) | set(self._sources_of(municipality))
        for body in bodies:
            posts = self.subjects(ORG.postIn, body)
            members |= posts
            for post in posts:
                members |= self.objects(post, ORG.heldBy)
            members |= self.subjects(ORG.headOf, body)
            for predicate in (self.local.KGP.dutyStatement, ORG.hasSite, ORG.purpose):
                members |= self.objects(body, predicate)
        return members

    def _independent(self, node: Node) -> bool:
        return bool(self.types.get(node, set()) & set(_INDEPENDENT))

    def municipality(self, slug: str, *, ordered: bool = True) -> list[Quad]:
        """The quads of one municipality's part (see the module), sorted unless not ``ordered`` (the
        part dumps order the pyoxigraph terms they make of them)."""
        return self.describe(self.members(self.resolve(slug)), ordered=ordered)

    def describe(self, members: set[Node], *, ordered: bool = True) -> list[Quad]:
        local = self.local
        dependent = (str(local.KGP), str(local.GRAPH))  # terms and graph names: never described here
        todo = sorted(members, key=str)
        for member in list(todo):
            todo += sorted(self.subjects(RDF.subject, member) - members, key=str)  # the claims on it
        described: set[Node] = set()
        quads: set[Quad] = set()
        while todo:
            node = todo.pop()
            if node in described:
                continue
            described.add(node)
            for quad in self.about.get(node, ()):
                quads.add(quad)
                _s, p, o, _g = quad
                if o in described:
                    continue
                if isinstance(o, BNode) or p == OA.hasSource:  # evidence points into a source text
                    todo.append(o)
                elif (
                    isinstance(o, URIRef)
                    and str(o).startswith(local.base)
                    and not str(o).startswith(dependent)
                    and not self._independent(o)
                    and p != PROV.wasGeneratedBy
                ):
                    todo.append(o)  # an evidence span, a site's location, a curation record
        return sorted(quads, key=lambda q: tuple(str(t) for t in q)) if ordered else list(quads)


def to_dataset(named: Named, local: Local) -> Dataset:
    """Named graphs as an rdflib Dataset (what ``export.serialize`` writes)."""
    dataset = Dataset()
    bind_prefixes(dataset, local)
    for iri, graph in named.items():
        target = dataset.graph(iri)
        for triple in graph:
            target.add(triple)
    return dataset


def select(
    named: Named,
    local: Local,
    *,
    municipality: str | None = None,
    graphs: Iterable[str] = (),
    schema: bool = False,
) -> dict[URIRef, Graph]:
    """What ``kgpub export`` writes: the data graphs (``schema``: the ontology and shapes too), or the
    graphs named in ``graphs``; of those, one municipality's part if ``municipality`` is given."""
    names = list(graphs)
    chosen = (
        select_graphs(named, local, names) if names else dict(named) if schema else data_only(named, local)
    )
    if municipality is None:
        return chosen
    part = as_named(Index(chosen, local).municipality(municipality))
    part.update({iri: graph for iri, graph in chosen.items() if is_schema(iri, local)})  # asked for
    return part


def without_schema(quads: Sequence[ox.Quad], local: Local) -> list[ox.Quad]:
    """The build's quads (``kgpub.quads``) minus those of the schema graphs: what the data dumps hold."""
    schema = {str(local.GRAPH[name]) for name in SCHEMA_GRAPHS}
    return [q for q in quads if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in schema)]
