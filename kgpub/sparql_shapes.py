"""SPARQL-based shapes evaluated by pyoxigraph, once per shape instead of once per focus node.

pySHACL evaluates a ``sh:SPARQLConstraint`` once per focus node, in rdflib's SPARQL engine, with
``$this`` pre-bound. For ``shape:EvidenceShape`` (every fact of the build needs a claim with
evidence) that grew ×3–3.6 per doubling of the graph and had not finished after 41 min at 1 M
triples (issue 12). The same constraint can be evaluated in one query: with ``$this`` left free, the
constraint's ``SELECT`` returns the rows for every focus node at once, and the rows of the focus
nodes the target selects are exactly the results pySHACL reports. pyoxigraph answers that query
over an in-memory store in time that grows with the graph, not with its square.

Which shapes: node shapes whose targets are all ``sh:SPARQLTarget``, ``sh:targetSubjectsOf``,
``sh:targetObjectsOf`` or ``sh:targetNode`` (each the query it stands for), and whose only constraints are
``sh:SPARQLConstraint`` whose query has ``$this`` in its outermost pattern (so leaving it free
selects the same rows as pre-binding it) and uses no other pre-bound variable (``$shapesGraph``,
``$currentShape``). Any other shape stays with pySHACL. ``tests/shapes/test_sparql_shapes.py`` checks
that both ways report exactly the same results on graphs with planted violations.

The results are written into pySHACL's report graph as ``sh:ValidationResult`` nodes, as pySHACL
writes its own, so the report, its text and the :class:`~kgpub.validate.Violation` list stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .namespaces import RDF, SH
from .quads import Converter

#: Targets that need no class hierarchy (sh:targetClass does: it stays with pySHACL's ontology mix-in).
_PLAIN_TARGETS = {
    SH.targetSubjectsOf: "SELECT DISTINCT ?this WHERE { ?this <TARGET> ?value }",
    SH.targetObjectsOf: "SELECT DISTINCT ?this WHERE { ?subject <TARGET> ?this }",
    SH.targetNode: "SELECT ?this WHERE { VALUES ?this { <TARGET> } }",
}
_OTHER_PREBOUND = re.compile(r"[$?](shapesGraph|currentShape)\b")
_THIS = re.compile(r"\$this\b")
_MESSAGE_VAR = re.compile(r"\{[?$](\w+)\}")


@dataclass(frozen=True)
class SparqlShape:
    """A shape this module evaluates: its node, target queries and constraints."""

    node: Node
    targets: tuple[str, ...]
    constraints: tuple[tuple[Node, str, tuple[str, ...]], ...]  # (constraint node, query, messages)
    severity: URIRef


def _prefixes(shapes: Graph, node: Node) -> str:
    """``PREFIX`` lines for ``sh:prefixes`` of ``node`` (each owl:Ontology's ``sh:declare``)."""
    lines = []
    for ontology in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(ontology, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines) + "\n"


def _outer_has_this(query: str) -> bool:
    """``$this`` occurs in the WHERE clause before any nested group (``FILTER NOT EXISTS {`` …), or
    the clause is a UNION of groups that each have it so (``{ $this … } UNION { $this … }``)."""
    where = query.find("{")
    if where < 0:
        return False
    return _group_has_this(query[where + 1 : _closing(query, where)])


def _closing(text: str, start: int) -> int:
    """The index of the ``}`` that closes the ``{`` at ``start`` (the end of the text if none)."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return len(text)


def _group_has_this(group: str) -> bool:
    nested = group.find("{")
    if _THIS.search(group if nested < 0 else group[:nested]):
        return True
    if nested < 0 or group[:nested].strip():
        return False
    branches, rest = [], group
    while True:  # { … } UNION { … } UNION …, and nothing else
        rest = rest.strip()
        if not rest.startswith("{"):
            return False
        end = _closing(rest, 0)
        branches.append(rest[1:end])
        rest = rest[end + 1 :].strip()
        if not rest:
            return all(_group_has_this(b) for b in branches)
        if not rest.startswith("UNION"):
            return False
        rest = rest[len("UNION") :]


def split(shapes: Graph) -> tuple[Graph, list[SparqlShape]]:
    """The shapes pySHACL keeps (a copy without the ones moved here), and the moved shapes."""
    moved: list[SparqlShape] = []
    for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
        shape = _sparql_only(shapes, node)
        if shape is not None:
            moved.append(shape)
    if not moved:
        return shapes, []
    drop: set[Node] = set()
    for shape in moved:
        drop |= owned(shapes, shape.node)
    kept = Graph()
    for prefix, namespace in shapes.namespaces():
        kept.bind(prefix, namespace)
    for triple in shapes:
        if triple[0] not in drop:
            kept.add(triple)
    return kept, sorted(moved, key=lambda s: str(s.node))


def owned(shapes: Graph, node: Node) -> set[Node]:
    """``node`` and the blank nodes it owns (targets, constraints), but not the shared prefixes."""
    out, todo = {node}, [node]
    while todo:
        for o in shapes.objects(todo.pop(), None):
            if isinstance(o, BNode) and o not in out:
                out.add(o)
                todo.append(o)
    return out


def _sparql_only(shapes: Graph, node: Node) -> SparqlShape | None:
    predicates = set(shapes.predicates(node, None))
    allowed = {
        RDF.type,
        SH.target,
        SH.sparql,
        SH.severity,
        SH.message,
        SH.name,
        SH.description,
        *_PLAIN_TARGETS,
    }
    if (
        not predicates <= allowed
        or not predicates & {*_PLAIN_TARGETS, SH.target}
        or SH.sparql not in predicates
    ):
        return None
    if (node, SH.deactivated, Literal(True)) in shapes:
        return None
    targets = []
    for predicate, query in _PLAIN_TARGETS.items():  # sh:targetSubjectsOf … as the query they stand for
        for value in shapes.objects(node, predicate):
            if not isinstance(value, URIRef):
                return None
            targets.append(query.replace("<TARGET>", value.n3()))
    for target in shapes.objects(node, SH.target):
        select = shapes.value(target, SH.select)
        if (target, RDF.type, SH.SPARQLTarget) not in shapes or select is None:
            return None
        targets.append(_prefixes(shapes, target) + str(select))
    constraints = []
    for constraint in shapes.objects(node, SH.sparql):
        select = shapes.value(constraint, SH.select)
        if select is None or (constraint, SH.deactivated, Literal(True)) in shapes:
            return None
        text = str(select)
        if _OTHER_PREBOUND.search(text) or not _outer_has_this(text):
            return None
        messages = tuple(sorted(str(m) for m in shapes.objects(constraint, SH.message)))
        query = _prefixes(shapes, constraint) + _THIS.sub("?this", text)
        constraints.append((constraint, query, messages))
    severity = shapes.value(node, SH.severity)
    return SparqlShape(
        node,
        tuple(targets),
        tuple(sorted(constraints, key=lambda c: c[1])),
        severity if isinstance(severity, URIRef) else SH.Violation,
    )


class _Back:
    """pyoxigraph terms of query results → the rdflib terms of the data they came from."""

    def __init__(self, converter: Converter) -> None:
        self._map: dict[object, Node] = {v: k for k, v in converter.items()}

    def __call__(self, term: object) -> Node:
        found = self._map.get(term)
        if found is not None:
            return found
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return Literal(term.value, lang=term.language)
            return Literal(term.value, datatype=URIRef(term.datatype.value))
        return BNode()


def evaluate(data: Graph, moved: Iterable[SparqlShape], report: Graph) -> tuple[int, int]:
    """Add the results of ``moved`` over ``data`` to pySHACL's ``report``: ``(results, violations)``."""
    moved = list(moved)
    if not moved:
        return 0, 0
    converter = Converter()
    store = ox.Store()
    # the reasoner may add generalised triples (a literal as subject, owl:sameAs over literals): no RDF
    # graph can hold them, and no SPARQL shape could match them, so they stay out of the store
    term = converter.term
    store.extend(
        ox.Quad(term(s), term(p), term(o), ox.DefaultGraph())  # type: ignore[arg-type]
        for s, p, o in data
        if not isinstance(s, Literal) and isinstance(p, URIRef)
    )
    back = _Back(converter)
    top = next(iter(report.subjects(RDF.type, SH.ValidationReport)), None)
    if top is None:
        top = BNode()
        report.add((top, RDF.type, SH.ValidationReport))
    added = violations = 0
    for shape in moved:
        focus: set[object] = set()
        for target in shape.targets:
            focus |= {row["this"] for row in store.query(target)}  # type: ignore[union-attr]
        for constraint, query, messages in shape.constraints:
            rows = store.query(query)
            seen: set[tuple[object, ...]] = set()
            for row in rows:  # type: ignore[union-attr]
                this = row["this"]
                if this not in focus:
                    continue
                bindings = {v.value: row[v.value] for v in rows.variables}  # type: ignore[union-attr]
                key = tuple(sorted((k, str(v)) for k, v in bindings.items()))
                if key in seen:
                    continue
                seen.add(key)
                _add_result(report, top, shape, constraint, messages, bindings, back)
                added += 1
                violations += shape.severity == SH.Violation
    if violations:
        report.set((top, SH.conforms, Literal(False)))
    return added, violations


def _add_result(
    report: Graph,
    top: Node,
    shape: SparqlShape,
    constraint: Node,
    messages: tuple[str, ...],
    bindings: dict[str, object],
    back: _Back,
) -> None:
    """One ``sh:ValidationResult``, as pySHACL writes a SPARQL constraint's result."""
    result = BNode()
    report.add((top, SH.result, result))
    report.add((result, RDF.type, SH.ValidationResult))
    report.add((result, SH.focusNode, back(bindings["this"])))
    if bindings.get("path") is not None:
        report.add((result, SH.resultPath, back(bindings["path"])))
    value = bindings.get("value")
    report.add((result, SH.value, back(value if value is not None else bindings["this"])))
    report.add((result, SH.resultSeverity, shape.severity))
    report.add((result, SH.sourceShape, shape.node))
    report.add((result, SH.sourceConstraint, constraint))
    report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
    for message in messages:
        text = _MESSAGE_VAR.sub(lambda m: _show(m, bindings, back), message)
        report.add((result, SH.resultMessage, Literal(text)))


def _show(match: re.Match[str], bindings: dict[str, object], back: _Back) -> str:
    """A message's ``{?var}`` as pySHACL fills it in: the bound term's plain string form; an unbound
    variable stays as written."""
    term = bindings.get(match.group(1))
    return match.group(0) if term is None else str(back(term))
