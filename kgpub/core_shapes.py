"""SHACL Core shapes evaluated by kgpub itself, in time linear in the graph (issue 12, item 6).

pySHACL evaluates every shape focus node by focus node and, for ``sh:node``/``sh:or``/
``sh:qualifiedValueShape``, validates the referenced shape again for every value node, writing (and
then dropping) a full validation result with a generated message each time it fails. On the build's
graph that cost 716 s of a 960 s build at 100 k triples, growing with exponent 1.41. This module
evaluates the same shapes with the same semantics: value nodes from the same paths, the same
constraint components with pySHACL's own rules for their edge cases (ill-typed literals, language
ranges, ``sh:lessThan`` between strings and numbers, literal comparison from ``pyshacl.rdfutil``),
the same results — focus node, path, value, severity, source shape and component, the shape's
``sh:message`` or pySHACL's generic message for the component — written into the report graph as
pySHACL writes them. What differs is the cost: conformance of a node to a referenced shape and
class membership are computed once per node (memoised), and targets are read from the graph's
indexes once per shape.

Which shapes: the node shapes whose targets are ``sh:targetClass``/``sh:targetSubjectsOf``/
``sh:targetObjectsOf``/``sh:targetNode`` and whose every parameter (and every parameter of the
property and referenced shapes they reach) is one of :data:`NODE_PARAMETERS`; anything else — a
SPARQL constraint, ``sh:closed``, ``sh:in``, a path other than a predicate, a sequence or an inverse
— leaves the whole shape to pySHACL (:func:`split`). ``tests/test_core_shapes.py`` checks that both
ways give exactly the same results on every shape case and on a built graph.

The data graph must be the one pySHACL would validate: the data with the ontology mixed in by
pySHACL's own ``inoculate`` (:func:`kgpub.validate.validate` does this once for both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from pyshacl.rdfutil.compare import compare_literal
from pyshacl.rdfutil.stringify import stringify_node
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .namespaces import RDF, RDFS, SH, XSD
from .sparql_shapes import owned

TARGETS = frozenset({SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode})
#: The constraint parameters this module evaluates (and the shape's own descriptive predicates).
CONSTRAINTS = frozenset(
    {
        SH["class"],
        SH.datatype,
        SH.nodeKind,
        SH.minCount,
        SH.maxCount,
        SH.minLength,
        SH.pattern,
        SH.flags,
        SH.languageIn,
        SH.uniqueLang,
        SH.disjoint,
        SH.lessThan,
        SH.minInclusive,
        SH.maxInclusive,
        SH.hasValue,
        SH.node,
        SH["not"],
        SH["or"],
        SH.qualifiedValueShape,
        SH.qualifiedMinCount,
        SH.qualifiedMaxCount,
        SH.property,
    }
)
DESCRIPTIVE = frozenset(
    {RDF.type, SH.message, SH.severity, SH.name, SH.description, SH.deactivated, SH.order}
)
NODE_PARAMETERS = TARGETS | CONSTRAINTS | DESCRIPTIVE
PROPERTY_PARAMETERS = CONSTRAINTS | DESCRIPTIVE | {SH.path, SH.group, SH.defaultValue}
SHAPE_TYPES = frozenset({SH.NodeShape, SH.PropertyShape})
STRING_TYPES = (None, RDF.langString, XSD.string)


# rdflib's Namespace attribute lookup costs ~4 µs; the evaluator reads these millions of times
SH_BlankNode = SH["BlankNode"]
SH_BlankNodeOrIRI = SH["BlankNodeOrIRI"]
SH_BlankNodeOrLiteral = SH["BlankNodeOrLiteral"]
SH_ClassConstraintComponent = SH["ClassConstraintComponent"]
SH_DatatypeConstraintComponent = SH["DatatypeConstraintComponent"]
SH_DisjointConstraintComponent = SH["DisjointConstraintComponent"]
SH_HasValueConstraintComponent = SH["HasValueConstraintComponent"]
SH_IRI = SH["IRI"]
SH_IRIOrLiteral = SH["IRIOrLiteral"]
SH_LanguageInConstraintComponent = SH["LanguageInConstraintComponent"]
SH_LessThanConstraintComponent = SH["LessThanConstraintComponent"]
SH_Literal = SH["Literal"]
SH_MaxCountConstraintComponent = SH["MaxCountConstraintComponent"]
SH_MaxInclusiveConstraintComponent = SH["MaxInclusiveConstraintComponent"]
SH_MinCountConstraintComponent = SH["MinCountConstraintComponent"]
SH_MinInclusiveConstraintComponent = SH["MinInclusiveConstraintComponent"]
SH_MinLengthConstraintComponent = SH["MinLengthConstraintComponent"]
SH_NodeConstraintComponent = SH["NodeConstraintComponent"]
SH_NodeKindConstraintComponent = SH["NodeKindConstraintComponent"]
SH_NodeShape = SH["NodeShape"]
SH_NotConstraintComponent = SH["NotConstraintComponent"]
SH_OrConstraintComponent = SH["OrConstraintComponent"]
SH_PatternConstraintComponent = SH["PatternConstraintComponent"]
SH_QualifiedMaxCountConstraintComponent = SH["QualifiedMaxCountConstraintComponent"]
SH_QualifiedMinCountConstraintComponent = SH["QualifiedMinCountConstraintComponent"]
SH_UniqueLangConstraintComponent = SH["UniqueLangConstraintComponent"]
SH_ValidationReport = SH["ValidationReport"]
SH_ValidationResult = SH["ValidationResult"]
SH_Violation = SH["Violation"]
SH_Warning = SH["Warning"]
SH_class = SH["class"]
SH_conforms = SH["conforms"]
SH_datatype = SH["datatype"]
SH_deactivated = SH["deactivated"]
SH_disjoint = SH["disjoint"]
SH_flags = SH["flags"]
SH_focusNode = SH["focusNode"]
SH_hasValue = SH["hasValue"]
SH_inversePath = SH["inversePath"]
SH_languageIn = SH["languageIn"]
SH_lessThan = SH["lessThan"]
SH_maxCount = SH["maxCount"]
SH_maxInclusive = SH["maxInclusive"]
SH_message = SH["message"]
SH_minCount = SH["minCount"]
SH_minInclusive = SH["minInclusive"]
SH_minLength = SH["minLength"]
SH_node = SH["node"]
SH_nodeKind = SH["nodeKind"]
SH_not = SH["not"]
SH_or = SH["or"]
SH_path = SH["path"]
SH_pattern = SH["pattern"]
SH_property = SH["property"]
SH_qualifiedMaxCount = SH["qualifiedMaxCount"]
SH_qualifiedMinCount = SH["qualifiedMinCount"]
SH_qualifiedValueShape = SH["qualifiedValueShape"]
SH_qualifiedValueShapesDisjoint = SH["qualifiedValueShapesDisjoint"]
SH_result = SH["result"]
SH_resultMessage = SH["resultMessage"]
SH_resultPath = SH["resultPath"]
SH_resultSeverity = SH["resultSeverity"]
SH_severity = SH["severity"]
SH_sourceConstraintComponent = SH["sourceConstraintComponent"]
SH_sourceShape = SH["sourceShape"]
SH_targetClass = SH["targetClass"]
SH_targetNode = SH["targetNode"]
SH_targetObjectsOf = SH["targetObjectsOf"]
SH_targetSubjectsOf = SH["targetSubjectsOf"]
SH_uniqueLang = SH["uniqueLang"]
SH_value = SH["value"]


RDF_type, RDF_langString = RDF.type, RDF.langString
RDFS_subClassOf, RDFS_Literal, RDFS_Datatype = RDFS.subClassOf, RDFS.Literal, RDFS.Datatype
XSD_string = XSD.string
#: pySHACL's ``_assert_actual_datatype``: the Python value a well-typed literal of these has.
_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


class Unsupported(Exception):
    """A shape uses something this module does not evaluate: pySHACL keeps it."""


@dataclass
class CoreShape:
    """A node or property shape, compiled: its path (property shapes), targets and constraints."""

    node: Node
    path: Node | None  # the sh:path node as written in the shapes graph
    steps: tuple[tuple[URIRef, bool], ...]  # the path as (predicate, inverse) steps
    params: dict[URIRef, list[Node]]
    messages: tuple[Literal, ...]
    severity: Node
    deactivated: bool
    properties: list[CoreShape] = field(default_factory=list)
    referenced: dict[Node, CoreShape] = field(default_factory=dict)  # sh:node/not/or/qualified shapes


@dataclass(frozen=True)
class Result:
    """One validation result, as pySHACL's ``make_v_result`` writes it."""

    shape: CoreShape
    focus: Node
    value: Node | None
    component: URIRef
    generic: str  # pySHACL's message when the shape has no sh:message


def split(shapes: Graph) -> tuple[Graph, list[CoreShape]]:
    """The shapes pySHACL keeps (a copy without the moved ones) and the shapes evaluated here."""
    moved: list[CoreShape] = []
    for node in sorted(set(shapes.subjects(RDF.type, SH_NodeShape)), key=str):
        if not any(p in TARGETS for p in shapes.predicates(node, None)):
            continue  # only referenced (sh:node …): evaluated through the shapes that reach it
        try:
            moved.append(_compile(shapes, node, set()))
        except Unsupported:
            continue
    if not moved:
        return shapes, []
    drop: set[Node] = set()
    for shape in moved:
        drop |= owned(shapes, shape.node)
    still_needed = _referenced_by(
        shapes, [n for n in set(shapes.subjects(RDF.type, SH_NodeShape)) if n not in drop]
    )
    kept = Graph()
    for prefix, namespace in shapes.namespaces():
        kept.bind(prefix, namespace)
    for triple in shapes:
        if triple[0] not in drop or triple[0] in still_needed:
            kept.add(triple)
    return kept, moved


def _referenced_by(shapes: Graph, nodes: Iterable[Node]) -> set[Node]:
    """Every node the shapes pySHACL keeps reach (a named shape they share with a moved one stays)."""
    out: set[Node] = set()
    todo = list(nodes)
    while todo:
        node = todo.pop()
        if node in out:
            continue
        out.add(node)
        todo.extend(o for o in shapes.objects(node, None) if isinstance(o, BNode | URIRef))
    return out


def _compile(shapes: Graph, node: Node, active: set[Node], *, is_property: bool = False) -> CoreShape:
    if node in active:
        raise Unsupported(f"recursive shape {node}")
    predicates = set(shapes.predicates(node, None))
    allowed = PROPERTY_PARAMETERS if is_property else NODE_PARAMETERS
    if not predicates <= allowed or not set(shapes.objects(node, RDF.type)) <= SHAPE_TYPES:
        raise Unsupported(f"{node} uses {sorted(map(str, predicates - allowed))}")
    if (SH_path in predicates) != is_property:
        raise Unsupported(f"{node}: a node shape with a path, or a property shape without one")
    params: dict[URIRef, list[Node]] = {}
    for p in predicates & CONSTRAINTS:
        assert isinstance(p, URIRef)
        params[p] = sorted(shapes.objects(node, p), key=str)
    messages = tuple(m for m in shapes.objects(node, SH_message) if isinstance(m, Literal))
    if any("{" in str(m) for m in messages):
        raise Unsupported("message templates")
    _check(params)
    path = shapes.value(node, SH_path) if is_property else None
    shape = CoreShape(
        node=node,
        path=path,
        steps=_steps(shapes, path) if path is not None else (),
        params=params,
        messages=messages,
        severity=shapes.value(node, SH_severity) or SH_Violation,
        deactivated=(node, SH_deactivated, Literal(True)) in shapes,
    )
    inner = active | {node}
    for prop in params.get(SH_property, ()):
        shape.properties.append(_compile(shapes, prop, inner, is_property=True))
    refs: list[Node] = [
        *params.get(SH_node, ()),
        *params.get(SH_not, ()),
        *params.get(SH_qualifiedValueShape, ()),
    ]
    for listed in params.get(SH_or, ()):
        refs += list(Collection(shapes, listed))
    for ref in refs:
        if ref not in shape.referenced:
            shape.referenced[ref] = _compile(shapes, ref, inner)
    if SH_languageIn in params:
        shape.params[SH_languageIn] = [
            item for listed in params[SH_languageIn] for item in Collection(shapes, listed)
        ]
        if not all(isinstance(x, Literal) and isinstance(x.value, str) for x in shape.params[SH_languageIn]):
            raise Unsupported("sh:languageIn of non-strings")
    return shape


def _check(params: dict[URIRef, list[Node]]) -> None:
    """Refuse what pySHACL would refuse or read differently (it keeps those shapes)."""
    for single in (SH_datatype, SH_nodeKind, SH_minCount, SH_maxCount, SH_flags, SH_uniqueLang):
        if len(params.get(single, ())) > 1:
            raise Unsupported(f"two values of {single}")
    qualified = SH_qualifiedMinCount in params or SH_qualifiedMaxCount in params
    if qualified != (SH_qualifiedValueShape in params):
        raise Unsupported("qualified counts without a qualified shape")
    for p in (SH_minCount, SH_maxCount, SH_minLength, SH_qualifiedMinCount, SH_qualifiedMaxCount):
        if not all(isinstance(v, Literal) and isinstance(v.value, int) for v in params.get(p, ())):
            raise Unsupported(f"{p} is not an integer")
    for p in (SH_pattern, SH_minInclusive, SH_maxInclusive):
        if not all(isinstance(v, Literal) for v in params.get(p, ())):
            raise Unsupported(f"{p} is not a literal")
    if any(isinstance(v, Literal | BNode) for p in (SH_disjoint, SH_lessThan) for v in params.get(p, ())):
        raise Unsupported("property pair with a non-IRI")


def _steps(shapes: Graph, path: Node) -> tuple[tuple[URIRef, bool], ...]:
    if isinstance(path, URIRef):
        return ((path, False),)
    if isinstance(path, BNode):
        inverse = shapes.value(path, SH_inversePath)
        if isinstance(inverse, URIRef) and len(set(shapes.predicates(path, None))) == 1:
            return ((inverse, True),)
        if shapes.value(path, RDF.first) is not None:
            steps = [_steps(shapes, step) for step in Collection(shapes, path)]
            if all(len(s) == 1 for s in steps) and len(steps) > 1:
                return tuple(s[0] for s in steps)
    raise Unsupported(f"path {path}")


class Evaluator:
    """Evaluates compiled shapes over one data graph, memoising class membership and conformance."""

    def __init__(self, data: Graph, shapes: Graph, names: Graph | None = None) -> None:
        self.data = data
        self.shapes = shapes
        self.names = (names if names is not None else data).namespace_manager
        self._supers: dict[Node, frozenset[Node]] = {}
        self._conforms: dict[tuple[Node, Node], bool] = {}
        self._checks = (
            self._strings,
            self._patterns,
            self._languages,
            self._ranges,
            self._pairs,
            self._shape_based,
            self._not,
            self._or,
            self._qualified,
            self._has_value,
        )

    # -- targets and values ------------------------------------------------------------------------

    def focus_nodes(self, shape: CoreShape, targets: dict[URIRef, list[Node]]) -> set[Node]:
        """As pySHACL's ``Shape.focus_nodes``: instances of each class and its subclasses, subjects
        and objects of each predicate, and the named nodes."""
        found: set[Node] = set(targets.get(SH_targetNode, ()))
        for cls in targets.get(SH_targetClass, ()):
            found.update(self.data.subjects(RDF_type, cls))
            for sub in self.data.transitive_subjects(RDFS_subClassOf, cls):
                if sub != cls:
                    found.update(self.data.subjects(RDF_type, sub))
        for p in targets.get(SH_targetSubjectsOf, ()):
            found.update(s for s, _ in self.data.subject_objects(p))
        for p in targets.get(SH_targetObjectsOf, ()):
            found.update(o for _, o in self.data.subject_objects(p))
        return found

    def values(self, shape: CoreShape, focus: Node) -> set[Node]:
        if shape.path is None:
            return {focus}
        current = {focus}
        for predicate, inverse in shape.steps:
            step: set[Node] = set()
            for node in current:
                if inverse:
                    step.update(self.data.subjects(predicate, node))
                else:
                    step.update(self.data.objects(node, predicate))
            current = step
        return current

    def _is_instance(self, value: Node, cls: Node) -> bool:
        if isinstance(value, Literal):
            return False
        for t in self.data.objects(value, RDF_type):
            if t == cls:
                return True
            supers = self._supers.get(t)
            if supers is None:
                supers = self._supers[t] = frozenset(
                    n for n in self.data.transitive_objects(t, RDFS_subClassOf) if n is not None
                )
            if cls in supers:
                return True
        return False

    def conforms(self, shape: CoreShape, node: Node) -> bool:
        """Whether ``node`` conforms to ``shape`` (any result, of any severity, is non-conformance)."""
        key = (shape.node, node)
        found = self._conforms.get(key)
        if found is None:
            found = self._conforms[key] = next(self.results(shape, [node]), None) is None
        return found

    # -- constraints -------------------------------------------------------------------------------

    def results(self, shape: CoreShape, focus_nodes: Iterable[Node]) -> Iterator[Result]:
        """The results of ``shape`` (and its property shapes) for each focus node."""
        if shape.deactivated:
            return
        for focus in focus_nodes:
            values = self.values(shape, focus)
            yield from self._constraints(shape, focus, values)
            for prop in shape.properties:  # a property shape's own sh:property applies to its values
                yield from self.results(prop, sorted(values, key=str))

    def _constraints(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        show = self._show
        for cls in p.get(SH_class, ()):
            for v in values:
                if not self._is_instance(v, cls):
                    many = len(p[SH_class]) > 1
                    text = (
                        f"Value class is not in classes ({', '.join(show(c) for c in p[SH_class])})"
                        if many
                        else f"Value does not have class {show(cls)}"
                    )
                    yield Result(shape, focus, v, SH_ClassConstraintComponent, text)
        for dtype in p.get(SH_datatype, ()):
            for v in values:
                if not _datatype_matches(v, dtype):
                    yield Result(
                        shape,
                        focus,
                        v,
                        SH_DatatypeConstraintComponent,
                        f"Value is not Literal with datatype {show(dtype)}",
                    )
        for kind in p.get(SH_nodeKind, ()):
            for v in values:
                if not _kind_matches(v, kind):
                    yield Result(
                        shape,
                        focus,
                        v,
                        SH_NodeKindConstraintComponent,
                        f"Value is not of Node Kind {show(kind)}",
                    )
        for least in p.get(SH_minCount, ()):
            assert isinstance(least, Literal)
            if len(values) < least.value:
                text = f"Less than {least.value} values on {self._on(shape, focus)}"
                yield Result(shape, focus, None, SH_MinCountConstraintComponent, text)
        for most in p.get(SH_maxCount, ()):
            assert isinstance(most, Literal)
            if len(values) > most.value:
                text = f"More than {most.value} values on {self._on(shape, focus)}"
                yield Result(shape, focus, None, SH_MaxCountConstraintComponent, text)
        for check in self._checks:
            yield from check(shape, focus, values)

    def _strings(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        for length in p.get(SH_minLength, ()):
            assert isinstance(length, Literal)
            for v in values:
                ok = length.value == 0 or (not isinstance(v, BNode) and len(_string(v)) >= length.value)
                if not ok:
                    text = f"String length not >= {self._show(length, self.data)}"
                    yield Result(shape, focus, v, SH_MinLengthConstraintComponent, text)

    def _patterns(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        patterns = p.get(SH_pattern, ())
        if patterns:
            flags = 0
            for flag in p.get(SH_flags, ()):
                text = str(flag.value if isinstance(flag, Literal) else flag).lower()
                flags |= (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
            for pattern in patterns:
                assert isinstance(pattern, Literal)
                written = (
                    str(pattern.value)
                    if pattern.value is not None and len(pattern.value) > 1
                    else str(pattern)
                )
                matcher = re.compile(written, flags)
                for v in values:
                    if isinstance(v, BNode) or not matcher.search(_string(v)):
                        if len(patterns) < 2:
                            text = f"Value does not match pattern '{pattern.value}'"
                        else:
                            rules = "', '".join(str(c.value) for c in patterns if isinstance(c, Literal))
                            text = f"Value does not match every pattern in ('{rules}')"
                        yield Result(shape, focus, v, SH_PatternConstraintComponent, text)

    def _languages(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        languages = p.get(SH_languageIn)
        if languages is not None:
            need = {str(x.value).lower() for x in languages if isinstance(x, Literal)}
            for v in values:
                lang = v.language if isinstance(v, Literal) else None
                ok = bool(lang) and (
                    "*" in need or str(lang).lower() in need or str(lang).split("-")[0].lower() in need
                )
                if not ok:
                    listed = self._show(self.shapes.value(shape.node, SH_languageIn))
                    yield Result(
                        shape,
                        focus,
                        v,
                        SH_LanguageInConstraintComponent,
                        f"String language is not in {listed}",
                    )
        for unique in p.get(SH_uniqueLang, ()):
            if not (isinstance(unique, Literal) and unique.value is True):
                continue
            seen: set[str] = set()
            duplicates: set[str] = set()
            for v in values:
                if isinstance(v, Literal) and v.language:
                    low = str(v.language).lower()
                    (duplicates if low in seen else seen).add(low)
            for _ in duplicates:
                text = "More than one String shares the same Language"
                yield Result(shape, focus, None, SH_UniqueLangConstraintComponent, text)

    def _ranges(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        for param, component, sign, word in (
            (SH_minInclusive, SH_MinInclusiveConstraintComponent, 1, ">="),
            (SH_maxInclusive, SH_MaxInclusiveConstraintComponent, -1, "<="),
        ):
            bounds = shape.params.get(param, ())
            for bound in bounds:
                assert isinstance(bound, Literal)
                bound_is_string = isinstance(bound.value, str)
                for v in values:
                    ok = False
                    if isinstance(v, Literal) and isinstance(v.value, str) == bound_is_string:
                        try:
                            ok = sign * int(compare_literal(v, bound)) >= 0  # type: ignore[no-untyped-call]
                        except (TypeError, NotImplementedError):
                            ok = False
                    if not ok:
                        if len(bounds) < 2:
                            text = f"Value is not {word} {self._show(bound)}"
                        else:
                            text = f"Value is not {word} in ({', '.join(self._show(c) for c in bounds)})"
                        yield Result(shape, focus, v, component, text)

    def _pairs(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        for other in shape.params.get(SH_disjoint, ()):
            assert isinstance(other, URIRef)
            for common in values & set(self.data.objects(focus, other)):
                others = shape.params[SH_disjoint]
                text = (
                    f"Value of {self._show(focus, self.data)}->{', '.join(self._show(o) for o in others)} == "
                )
                text += self._show(common, self.data)
                yield Result(shape, focus, common, SH_DisjointConstraintComponent, text)
        for other in shape.params.get(SH_lessThan, ()):
            assert isinstance(other, URIRef)
            compare = list(self.data.objects(focus, other))
            for v in values:
                for c in compare:
                    if not _less_than(v, c):
                        others = shape.params[SH_lessThan]
                        shown = ", ".join(self._show(o) for o in others)
                        text = f"Value of {self._show(focus, self.data)}->{shown} <= "
                        text += self._show(v, self.data)
                        yield Result(shape, focus, v, SH_LessThanConstraintComponent, text)

    def _shape_based(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        for ref in p.get(SH_node, ()):
            for v in values:
                if not self.conforms(shape.referenced[ref], v):
                    if len(p[SH_node]) < 2:
                        text = f"Value does not conform to Shape {self._show(ref)}."
                    else:
                        rules = "', '".join(self._show(c) for c in p[SH_node])
                        text = f"Value must conform to every Shape in ('{rules}')."
                    text += " See details for more information."
                    yield Result(shape, focus, v, SH_NodeConstraintComponent, text)

    def _not(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        for ref in p.get(SH_not, ()):
            for v in values:
                if self.conforms(shape.referenced[ref], v):
                    if len(p[SH_not]) < 2:
                        text = f"Node {self._show(v, self.data)} must not conform to shape {self._show(ref)}"
                    else:
                        listed = ", ".join(self._show(n) for n in p[SH_not])
                        text = f"Node {self._show(v, self.data)} must not conform to any shapes in {listed}"
                    yield Result(shape, focus, v, SH_NotConstraintComponent, text)

    def _or(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        for either in p.get(SH_or, ()):
            options = list(Collection(self.shapes, either))
            for v in values:
                if not any(self.conforms(shape.referenced[o], v) for o in options):
                    lists = [" , ".join(self._show(o) for o in Collection(self.shapes, x)) for x in p[SH_or]]
                    shown = lists[0] if len(lists) < 2 else " and ".join(f"({x})" for x in lists)
                    text = f"Node {self._show(v, self.data)} must conform to one or more shapes in {shown}"
                    yield Result(shape, focus, v, SH_OrConstraintComponent, text)

    def _qualified(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        qualified = p.get(SH_qualifiedValueShape, ())
        for ref in qualified:
            count = sum(1 for v in values if self.conforms(shape.referenced[ref], v))
            counts = "".join(
                f" {name} {p[param][0]}"
                for name, param in (("MinCount", SH_qualifiedMinCount), ("MaxCount", SH_qualifiedMaxCount))
                if param in p
            )
            names = ",".join(self._show(s) for s in qualified)
            text = (
                f"Focus node does not conform to shapes{counts}: ({names})"
                if len(qualified) > 1
                else f"Focus node does not conform to shape{counts}: {names}"
            )
            for most in p.get(SH_qualifiedMaxCount, ()):
                assert isinstance(most, Literal)
                if count > most.value:
                    yield Result(shape, focus, None, SH_QualifiedMaxCountConstraintComponent, text)
            for least in p.get(SH_qualifiedMinCount, ()):
                assert isinstance(least, Literal)
                if count < least.value:
                    yield Result(shape, focus, None, SH_QualifiedMinCountConstraintComponent, text)

    def _has_value(self, shape: CoreShape, focus: Node, values: set[Node]) -> Iterator[Result]:
        p = shape.params
        for required in p.get(SH_hasValue, ()):
            if required not in values:
                the_set = [self._show(s) for s in p[SH_hasValue]]
                text = (
                    f"Node {self._on(shape, focus)} does not contain a value in the set: {the_set}"
                    if shape.path is not None
                    else f"Node {self._show(focus, self.data)} value is not a in the set of values: {the_set}"
                )
                yield Result(shape, focus, None, SH_HasValueConstraintComponent, text)

    def _on(self, shape: CoreShape, focus: Node) -> str:
        """``focus->path`` (or the focus alone), as pySHACL's generic messages name a value set."""
        try:
            shown = self._show(focus, self.data)
        except (LookupError, ValueError):
            shown = str(focus)
        return f"{shown}->{self._show(shape.path)}" if shape.path is not None else shown

    def _show(self, node: Node | None, graph: Graph | None = None) -> str:
        """A node as pySHACL's messages show it: with the shapes' prefixes, or the data's."""
        if node is None:
            return ""
        if graph is self.data:
            return stringify_node(self.data, node, ns_manager=self.names)
        return stringify_node(self.shapes, node)


def _string(v: Node) -> str:
    """pySHACL's ``value_node_to_string``."""
    if isinstance(v, Literal) and v.value is not None and v.datatype in STRING_TYPES:
        return str(v.value)
    return str(v)


def _datatype_matches(v: Node, dtype: Node) -> bool:
    """pySHACL's DatatypeConstraintComponent for one value node."""
    if not isinstance(v, Literal):
        return False
    if v.datatype == dtype:
        if getattr(v, "ill_typed", None) is True:
            return False
        return _actual(v, dtype)
    if dtype == RDFS_Literal:
        return True
    if dtype == RDFS_Datatype and v.datatype:
        return True
    if v.datatype is None and v.language is None and dtype == XSD_string:
        return _actual(v, dtype)
    if dtype == RDF_langString and v.language:
        return _actual(v, dtype)
    return False


def _actual(v: Literal, dtype: Node) -> bool:
    expected = _PYTHON_TYPES.get(dtype)
    return True if expected is None else isinstance(v.value, expected)


def _kind_matches(v: Node, kind: Node) -> bool:
    if isinstance(v, BNode):
        return kind in (SH_BlankNode, SH_BlankNodeOrLiteral, SH_BlankNodeOrIRI)
    if isinstance(v, Literal):
        return kind in (SH_Literal, SH_BlankNodeOrLiteral, SH_IRIOrLiteral)
    return kind in (SH_IRI, SH_IRIOrLiteral, SH_BlankNodeOrIRI)


def _less_than(v: Node, c: Node) -> bool:
    """pySHACL's ``sh:lessThan`` test for one pair (strings compare with strings only)."""
    if isinstance(v, BNode) or isinstance(c, BNode):
        raise ValueError("Cannot use sh:lessThan to compare a BlankNode.")
    left: object = v
    right: object = c
    left_string = right_string = False
    if isinstance(v, URIRef) or (isinstance(v, Literal) and isinstance(v.value, str)):
        left, left_string = (str(v) if isinstance(v, URIRef) else v.value), True
    if isinstance(c, URIRef) or (isinstance(c, Literal) and isinstance(c.value, str)):
        right, right_string = (str(c) if isinstance(c, URIRef) else c.value), True
    if left_string != right_string:
        return False
    return bool(left < right)  # type: ignore[operator]


def evaluate(
    data: Graph, shapes: Graph, moved: Iterable[CoreShape], report: Graph, names: Graph | None = None
) -> tuple[int, int]:
    """Add the results of ``moved`` over ``data`` to ``report``: ``(results, violations)``. ``shapes`` is
    the shapes graph the moved shapes were compiled from; ``names`` binds the prefixes data nodes are
    shown with in generic messages (default: the data's)."""
    moved = list(moved)
    if not moved:
        return 0, 0
    evaluator = Evaluator(data, shapes, names)
    top = next(iter(report.subjects(RDF.type, SH_ValidationReport)), None)
    if top is None:
        top = BNode()
        report.add((top, RDF.type, SH_ValidationReport))
        report.add((top, SH_conforms, Literal(True)))
    added = violations = 0
    for shape in moved:
        targets = {p: list(shapes.objects(shape.node, p)) for p in TARGETS}
        focus = evaluator.focus_nodes(shape, targets)
        for result in evaluator.results(shape, sorted(focus, key=str)):
            _write(report, top, result, shapes, data)
            added += 1
            violations += result.shape.severity != SH_Warning
    if violations:
        report.set((top, SH_conforms, Literal(False)))
    return added, violations


def _write(report: Graph, top: Node, result: Result, shapes: Graph, data: Graph) -> None:
    node = BNode()
    for term in (result.focus, result.value):  # a blank node means nothing without its description:
        if isinstance(term, BNode):  # copied into the report with it, as pySHACL does
            _copy_description(report, data, term, set())
    shape = result.shape
    report.add((top, SH_result, node))
    report.add((node, RDF.type, SH_ValidationResult))
    report.add((node, SH_sourceConstraintComponent, result.component))
    report.add((node, SH_sourceShape, shape.node))
    report.add((node, SH_resultSeverity, shape.severity))
    report.add((node, SH_focusNode, result.focus))
    if result.value is not None:
        report.add((node, SH_value, result.value))
    if shape.path is not None:
        report.add((node, SH_resultPath, shape.path))
        if isinstance(shape.path, BNode):
            for part in owned(shapes, shape.path):
                for triple in shapes.triples((part, None, None)):
                    report.add(triple)
    messages = shape.messages or ((Literal(result.generic),) if result.generic else ())
    for message in messages:
        report.add((node, SH_resultMessage, message))


def _copy_description(report: Graph, data: Graph, node: BNode, seen: set[BNode]) -> None:
    """The triples of ``node`` in ``data``, and of the blank nodes they reach (its bounded description)."""
    seen.add(node)
    for p, o in data.predicate_objects(node):
        report.add((node, p, o))
        if isinstance(o, BNode) and o not in seen:
            _copy_description(report, data, o, seen)
