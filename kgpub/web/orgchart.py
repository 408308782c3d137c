"""Organisation trees from ``org:subOrganizationOf`` edges (pure): breadcrumbs, the chart around a
body, and the forest of all bodies per municipality on the home page.

A body may have several parents (a unit "toimii kansliapäällikön alaisuudessa" and is part of the
office): a tree needs one, so each body hangs under the parent with the longest chain above it (the
most specific one), ties broken by IRI. Cycles, which the data should never have, are cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF

from .view import Linker, label

BODY_TYPES = (ORG.Organization, ORG.OrganizationalUnit, ORG.FormalOrganization)


@dataclass
class TreeNode:
    iri: str
    label: str
    href: str | None  # None: the IRI is not a web address (shown as text)
    kind: str | None = None
    current: bool = False
    children: list[TreeNode] = field(default_factory=list)

    @property
    def size(self) -> int:
        return 1 + sum(c.size for c in self.children)


def parents(graph: Graph) -> dict[URIRef, list[URIRef]]:
    found: dict[URIRef, list[URIRef]] = {}
    for child, parent in graph.subject_objects(ORG.subOrganizationOf):
        if isinstance(child, URIRef) and isinstance(parent, URIRef) and child != parent:
            found.setdefault(child, []).append(parent)
    return found


def _depth(node: URIRef, ups: dict[URIRef, list[URIRef]], seen: frozenset[URIRef] = frozenset()) -> int:
    if node in seen or len(seen) > 32:  # cycles and absurd depths end here
        return 0
    return 1 + max((_depth(p, ups, seen | {node}) for p in ups.get(node, [])), default=0)


def primary_parents(graph: Graph) -> dict[URIRef, URIRef]:
    """One parent per body (the most specific), with cycles cut."""
    ups = parents(graph)
    chosen: dict[URIRef, URIRef] = {}
    for child, options in ups.items():
        best = sorted(options, key=lambda p: (-_depth(p, ups, frozenset({child})), str(p)))[0]
        chosen[child] = best
    for child in sorted(chosen, key=str):  # cut cycles: walk up, drop the edge that closes one
        seen = {child}
        node = chosen.get(child)
        while node is not None:
            if node in seen:
                del chosen[child]
                break
            seen.add(node)
            node = chosen.get(node)
    return chosen


def chain(graph: Graph, iri: URIRef) -> list[URIRef]:
    """The ancestors of ``iri`` from the top down (``iri`` itself not included)."""
    up = primary_parents(graph)
    path: list[URIRef] = []
    node = up.get(iri)
    while node is not None and node not in path and node != iri:
        path.append(node)
        node = up.get(node)
    return list(reversed(path))


def _node(
    graph: Graph, iri: URIRef, linker: Linker, current: URIRef | None, langs: tuple[str, ...] | None = None
) -> TreeNode:
    kind = next(iter(graph.objects(iri, ORG.classification)), None)
    return TreeNode(
        str(iri),
        label(graph, iri, langs) or linker.curie(str(iri)),
        linker.href(str(iri)),
        kind=None if kind is None else (label(graph, kind, langs) or str(kind).rsplit("/", 1)[-1]),
        current=iri == current,
    )


def _children(up: dict[URIRef, URIRef]) -> dict[URIRef, list[URIRef]]:
    down: dict[URIRef, list[URIRef]] = {}
    for child, parent in up.items():
        down.setdefault(parent, []).append(child)
    return down


def _grow(
    graph: Graph,
    top: URIRef,
    down: dict[URIRef, list[URIRef]],
    linker: Linker,
    current: URIRef | None,
    depth: int,
    langs: tuple[str, ...] | None = None,
) -> TreeNode:
    node = _node(graph, top, linker, current, langs)
    if depth > 0:
        kids = [_grow(graph, c, down, linker, current, depth - 1, langs) for c in down.get(top, [])]
        node.children = sorted(kids, key=lambda n: (n.label.casefold(), n.iri))
    return node


def neighbourhood_chart(graph: Graph, iri: URIRef, linker: Linker) -> TreeNode:
    """The body's parent, its siblings, the body, its children and grandchildren."""
    up = primary_parents(graph)
    down = _children(up)
    parent = up.get(iri)
    if parent is None:
        return _grow(graph, iri, down, linker, iri, 2)
    top = _node(graph, parent, linker, iri)
    siblings = [
        _grow(graph, c, down, linker, iri, 2) if c == iri else _node(graph, c, linker, iri)
        for c in down.get(parent, [])
    ]
    top.children = sorted(siblings, key=lambda n: (n.label.casefold(), n.iri))
    return top


def _town_order(graph: Graph, top: URIRef) -> tuple[str, ...] | None:
    """A Swedish-majority town's tree is named in Swedish unless the reader chose a language
    (its ``dct:language``, from the municipality list; :func:`.i18n.town_label_order`)."""
    from .i18n import town_label_order

    lang = graph.value(top, DCTERMS.language)
    return None if lang is None else town_label_order(str(lang))


def forest(graph: Graph, linker: Linker) -> tuple[list[TreeNode], list[TreeNode]]:
    """Every body once: trees under the municipalities (formal organisations without a parent), and
    the other top-level bodies (bodies outside any municipality's tree)."""
    bodies = {s for t in BODY_TYPES for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)}
    up = {c: p for c, p in primary_parents(graph).items() if c in bodies and p in bodies}
    down = _children(up)
    tops = [b for b in bodies if b not in up]
    formal = set(graph.subjects(RDF.type, ORG.FormalOrganization))
    trees = [_grow(graph, t, down, linker, None, 64, _town_order(graph, t)) for t in tops]
    trees.sort(key=lambda n: (n.label.casefold(), n.iri))
    municipal = [t for t in trees if URIRef(t.iri) in formal]
    other = [t for t in trees if URIRef(t.iri) not in formal]
    return municipal, other
