"""kgpub's JSON-LD: the context with short names, and the organisation tree of a municipality.

**The context** (``kgpub/context.jsonld`` plus the deployment's own namespaces, :func:`context`) maps
short names to the vocabularies: ``name`` (``skos:prefLabel``) and ``altName``, ``text`` and
``title`` are language maps (``"name": {"fi": "…", "sv": "…"}``); ``kind``, ``partOf``, ``hasPart``,
``duties``, ``evidence``, … are IRIs; ``head`` is the reverse of ``org:headOf`` (a body's head, written
on the body). A value that does not fit a short name's definition (a name without a language, a
literal where an IRI is expected) keeps the full property name, so compaction never loses a triple.
The JSON-LD dumps, ``/doc`` JSON-LD and CONSTRUCT results are compacted with it, the context embedded
inline — a downloaded file reads offline and no parser has to fetch anything; the same object is
served at ``/context.jsonld`` for people who compact or frame their own documents with it.

**The organisation tree** (:func:`org_tree`) is one municipality's bodies nested along
``hasPart`` (each body under one parent, its most specific one), each with its names, kind, heads
and duty statements: the document JSON-LD 1.1 framing makes from the municipality's data with the
frame :func:`tree_frame` (tests check it against pyld's framing). Bodies of the municipality's own
source texts that no body contains stand next to it in ``@graph``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, SKOS
from rdflib.term import Node

from .export import jsonld_context
from .namespaces import CPOV, Local

MEDIA_TYPE = "application/ld+json"
#: Types a tree node shows, as compact IRIs of the context's prefixes.
_TYPES = {
    ORG.FormalOrganization: "org:FormalOrganization",
    ORG.Organization: "org:Organization",
    ORG.OrganizationalUnit: "org:OrganizationalUnit",
    CPOV.PublicOrganisation: "cpov:PublicOrganisation",
}


def context(local: Local) -> dict[str, Any]:
    """The short-name context plus the deployment's own namespaces (``kgp``, ``duty``, ``id``; the
    kinds are under ``kgp:kind/`` — ``kind`` is a short name, not a prefix): ``export.jsonld_context``,
    the one place every JSON-LD kgpub writes takes it from."""
    return jsonld_context(local)


def context_document(local: Local) -> bytes:
    """``{"@context": …}`` as served at ``/context.jsonld`` (sorted keys: equal bytes for equal bases)."""
    text = json.dumps({"@context": context(local)}, indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def tree_frame(local: Local, municipality: str) -> dict[str, Any]:
    """The JSON-LD 1.1 frame whose result :func:`org_tree` is: the municipality, everything it
    ``hasPart`` embedded below it."""
    return {"@context": context(local), "@id": municipality}


def _language_map(values: Iterable[Node]) -> tuple[dict[str, str], list[str]]:
    """Language-tagged values as a language map (one per language: the least), the others apart."""
    tagged: dict[str, str] = {}
    plain: list[str] = []
    for value in sorted(values, key=str):
        if isinstance(value, Literal) and value.language:
            tagged.setdefault(value.language, str(value))
        elif isinstance(value, Literal):
            plain.append(str(value))
    return tagged, plain


def _names(graph: Graph, node: Node, predicate: URIRef, short: str, full: str) -> dict[str, Any]:
    tagged, plain = _language_map(graph.objects(node, predicate))
    out: dict[str, Any] = {}
    if tagged:
        out[short] = tagged
    if plain:
        out[full] = plain[0] if len(plain) == 1 else plain
    return out


def _parents(graph: Graph, bodies: set[Node]) -> dict[Node, Node]:
    """One parent per body, the most specific (the one with the most ancestors), cycles cut."""
    depth = {b: len(set(graph.objects(b, ORG.transitiveSubOrganizationOf))) for b in bodies}
    chosen: dict[Node, Node] = {}
    for body in sorted(bodies, key=str):
        options = [p for p in graph.objects(body, ORG.subOrganizationOf) if p in bodies and p != body]
        if options:
            chosen[body] = sorted(options, key=lambda p: (-depth.get(p, 0), str(p)))[0]
    for body in sorted(chosen, key=str):
        seen, node = {body}, chosen.get(body)
        while node is not None:
            if node in seen:
                del chosen[body]
                break
            seen.add(node)
            node = chosen.get(node)
    return chosen


def _sort_key(graph: Graph, node: Node) -> tuple[str, str]:
    labels = sorted(str(v) for v in graph.objects(node, SKOS.prefLabel))
    return (labels[0].casefold() if labels else "~", str(node))


def _node(graph: Graph, local: Local, body: Node, children: dict[Node, list[Node]]) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": str(body)}
    types = sorted(_TYPES[t] for t in graph.objects(body, RDF.type) if isinstance(t, URIRef) and t in _TYPES)
    if types:
        node["@type"] = types
    node.update(_names(graph, body, SKOS.prefLabel, "name", "skos:prefLabel"))
    node.update(_names(graph, body, SKOS.altLabel, "altName", "skos:altLabel"))
    kinds = sorted(str(k) for k in graph.objects(body, ORG.classification) if isinstance(k, URIRef))
    if kinds:
        node["kind"] = kinds[0] if len(kinds) == 1 else kinds
    heads = []
    for person in sorted(graph.subjects(ORG.headOf, body), key=str):
        head: dict[str, Any] = {"@id": str(person)}
        names = sorted(str(n) for n in graph.objects(person, FOAF.name))
        if names:
            head["personName"] = names[0]
        heads.append(head)
    if heads:
        node["head"] = heads
    duties = []
    for statement in sorted(graph.objects(body, local.KGP.dutyStatement), key=str):
        duty: dict[str, Any] = {"@id": str(statement)}
        duty.update(_names(graph, statement, RDF.value, "text", "rdf:value"))
        concepts = sorted(str(c) for c in graph.objects(statement, local.KGP.dutyConcept))
        if concepts:
            duty["concept"] = concepts[0] if len(concepts) == 1 else concepts
        duties.append(duty)
    if duties:
        node["duties"] = duties
    below = children.get(body, [])
    if below:
        node["hasPart"] = [_node(graph, local, c, children) for c in below]
    return node


def org_tree(graph: Graph, local: Local, municipality: URIRef, bodies: Iterable[Node]) -> dict[str, Any]:
    """The organisation tree of ``municipality`` over ``bodies`` (its bodies, itself included), from
    ``graph`` (the union of the municipality's part of the dataset)."""
    members = set(bodies) | {municipality}
    parents = _parents(graph, members)
    children: dict[Node, list[Node]] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    for parent in children:
        children[parent].sort(key=lambda n: _sort_key(graph, n))
    others = (b for b in members if b not in parents and b != municipality)
    roots = [municipality, *sorted(others, key=lambda n: _sort_key(graph, n))]
    trees = [_node(graph, local, root, children) for root in roots]
    if len(trees) == 1:
        return {"@context": context(local), **trees[0]}
    return {"@context": context(local), "@graph": trees}


def tree_bytes(tree: dict[str, Any]) -> bytes:
    return (json.dumps(tree, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
