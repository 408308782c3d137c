"""SHACL validation of the asserted + inferred graph against ``shapes/``, as a value.

pySHACL's semantics, evaluated in time linear in the graph: the SPARQL-only shapes run as one
pyoxigraph query each (:mod:`kgpub.sparql_shapes`), the SHACL Core shapes in
:mod:`kgpub.core_shapes`, and pySHACL itself only for a shape neither evaluates (none in ``shapes/``);
the tests compare all three against pySHACL alone. The ontology is mixed into the data graph as
pySHACL mixes an ``ont_graph`` (its own ``inoculate``), so that ``sh:targetClass org:Organization``
reaches units and formal organisations through ``rdfs:subClassOf``; the kind scheme's concepts are
added too, for ``sh:hasValue kind:scheme`` (its concepts, schemes and roles only). No inference runs
here: :mod:`kgpub.reason` has already added what ORG entails, and owlrl's ``owl:hasKey`` rule must not
run over ORG (see ``reason.py``). Warnings (``sh:Warning``) are reported but do not make the graph
non-conforming.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pyshacl import validate as shacl_validate
from pyshacl.rdfutil.inoculate import inoculate
from rdflib import BNode, Graph, Literal, Node
from rdflib.collection import Collection

from . import core_shapes, sparql_shapes
from .errors import ShapesError
from .namespaces import ORG, PROV, RDF, RDFS, SH, SKOS

MAX_ORIGINS = 3


@dataclass(frozen=True)
class Violation:
    """One validation result in a form a person can read."""

    focus: str
    path: str
    message: str
    severity: str
    shape: str
    value: str = ""
    origins: tuple[str, ...] = ()
    """What the offending statements were derived from (evidence spans, curation files): the input a
    person has to edit, since the focus IRI alone does not say which file put it there."""

    def __str__(self) -> str:
        return self.describe()

    def describe(self, locate: Callable[[str], str] = str) -> str:
        """One line; ``locate`` turns an origin IRI into something a person can open (a file path)."""
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value else ""
        origins = [locate(o) for o in self.origins[:MAX_ORIGINS]]
        if len(self.origins) > MAX_ORIGINS:
            origins.append(f"{len(self.origins) - MAX_ORIGINS} more")
        found = f"\n    from {'; '.join(origins)}" if origins else ""
        return f"[{self.severity}] {self.focus}{where}{value}: {self.message}{found}"


@dataclass(frozen=True)
class ValidationReport:
    """pySHACL's answer: ``conforms``, the report graph, its text, and the results one by one."""

    conforms: bool
    graph: Graph
    text: str
    results: tuple[Violation, ...] = field(default=())

    @property
    def violations(self) -> tuple[Violation, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[Violation, ...]:
        return tuple(r for r in self.results if r.severity == "Warning")

    def summary(self, locate: Callable[[str], str] = str) -> str:
        """One entry per result, violations first, each with the inputs it came from; then a count.
        Two constraints of one shape failing on one value (datatype and language of a label) read
        the same to a person, so they are listed and counted once."""
        violations, warnings = dict.fromkeys(self.violations), dict.fromkeys(self.warnings)
        lines = [r.describe(locate) for r in (*violations, *warnings)]
        lines.append(f"{len(violations)} violation(s), {len(warnings)} warning(s)")
        return "\n".join(lines)


def validate(
    data: Graph,
    shapes: Graph,
    ontology: Graph,
    *,
    sparql_by_oxigraph: bool = True,
    core_by_kgpub: bool = True,
    in_place: bool = False,
) -> ValidationReport:
    """Validate ``data`` (not modified unless ``in_place``) with ``shapes``; the ontology is mixed in
    for class hierarchy.

    With ``sparql_by_oxigraph`` (the default) the shapes made only of SPARQL targets and constraints
    are evaluated by pyoxigraph, one query per constraint (:mod:`kgpub.sparql_shapes`): pySHACL's
    per-focus-node evaluation of the evidence shape grows with the square of the graph. With
    ``core_by_kgpub`` (the default) the SHACL Core shapes are evaluated by :mod:`kgpub.core_shapes`,
    with pySHACL's semantics in linear time. pySHACL runs only for what is left (nothing, for
    ``shapes/``). Both ``False`` give every shape to pySHACL (what the tests compare against).
    ``in_place`` validates ``data`` itself, adding the ontology's part to it, instead of a copy (the
    build's graph, which it drops afterwards: a copy of a million triples costs a gigabyte)."""
    data_graph = data if in_place else Graph()
    for prefix, namespace in (*data.namespaces(), *shapes.namespaces()):
        data_graph.bind(prefix, namespace, override=False)
    if not in_place:
        data_graph += data
    data_graph += _vocabulary_individuals(ontology)
    kept, moved = sparql_shapes.split(shapes) if sparql_by_oxigraph else (shapes, [])
    compiled_from = kept
    kept, core = core_shapes.split(kept) if core_by_kgpub else (kept, [])
    report = Graph()
    conforms = True
    try:
        moved_results, moved_violations = sparql_shapes.evaluate(data_graph, moved, report)
    except (SyntaxError, ValueError, OSError) as exc:  # pyoxigraph's errors on a broken query
        raise ShapesError(f"the SHACL shapes could not be applied: {exc}") from exc
    conforms = conforms and not moved_violations
    # the graph pySHACL validates: the data with the ontology mixed in by pySHACL's own inoculation
    # (its classes and properties), which the core shapes need for sh:targetClass and sh:class
    mixed = Graph()
    for prefix, namespace in data_graph.namespaces():
        mixed.bind(prefix, namespace)
    inoculate(mixed, ontology)  # type: ignore[arg-type]  # pySHACL's DataGraph is any rdflib graph
    names = Graph()  # the prefixes pySHACL's generic messages show data nodes with
    for prefix, namespace in mixed.namespaces():
        names.bind(prefix, namespace, override=False)
    data_graph += mixed
    try:
        core_results, core_violations = core_shapes.evaluate(data_graph, compiled_from, core, report, names)
    except ValueError as exc:  # e.g. sh:lessThan on a blank node, which pySHACL refuses too
        raise ShapesError(f"the SHACL shapes could not be applied: {exc}") from exc
    conforms = conforms and not core_violations
    text = ""
    if _has_shapes(kept):
        try:
            shacl_conforms, shacl_report, text = shacl_validate(
                data_graph,
                shacl_graph=kept,
                ont_graph=None,  # mixed in above, once
                inference="none",
                advanced=True,
                allow_warnings=True,
                abort_on_first=False,
                meta_shacl=False,
            )
        except Exception as exc:  # pySHACL reports broken shapes as ReportableRuntimeError and friends
            raise ShapesError(f"the SHACL shapes could not be applied: {exc}") from exc
        if not isinstance(shacl_report, Graph):  # pySHACL returns a ValidationFailure instead of raising
            raise ShapesError(f"the SHACL shapes could not be applied: {text}")
        conforms = conforms and bool(shacl_conforms)
        report = _merged(shacl_report, report)
    top = next(iter(report.subjects(RDF.type, SH.ValidationReport)), None)
    if top is None:
        top = BNode()
        report.add((top, RDF.type, SH.ValidationReport))
    report.set((top, SH.conforms, Literal(conforms)))
    results = _results(report, data_graph, shapes)
    if moved_results or core_results or not text:  # pySHACL's text does not know the others' results
        text = _text(conforms, results)
    return ValidationReport(conforms, report, str(text), results)


def _has_shapes(shapes: Graph) -> bool:
    """Whether any shape with a target is left for pySHACL."""
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.target)
    return any(True for p in targets for _ in shapes.subject_objects(p)) or any(
        True for _ in shapes.subjects(RDF.type, RDFS.Class)
    )


def _merged(shacl_report: Graph, ours: Graph) -> Graph:
    """pySHACL's report with the results evaluated elsewhere moved under its one sh:ValidationReport."""
    top = next(iter(shacl_report.subjects(RDF.type, SH.ValidationReport)))
    for result in ours.objects(None, SH.result):
        shacl_report.add((top, SH.result, result))
    for triple in ours:
        if triple[1] not in (SH.result, SH.conforms) and triple[2] != SH.ValidationReport:
            shacl_report.add(triple)
    return shacl_report


def _text(conforms: bool, results: tuple[Violation, ...]) -> str:
    """A report text in pySHACL's layout, from the results (used when some shapes ran elsewhere)."""
    lines = ["Validation Report", f"Conforms: {conforms}", f"Results ({len(results)}):"]
    lines += [f"{r.severity}: {r.describe()}" for r in results]
    return "\n".join(lines)


def _vocabulary_individuals(ontology: Graph) -> Graph:
    """The concepts, schemes and roles of the ontology (kinds, ``org:Head``): individuals the shapes
    refer to. pySHACL's ``ont_graph`` mixing copies classes and properties only; the rest of the
    ontology (e.g. CPOV's editors as ``foaf:Person`` nodes) must not become data."""
    out = Graph()
    individuals = {
        s for c in (SKOS.Concept, SKOS.ConceptScheme, ORG.Role) for s in ontology.subjects(RDF.type, c)
    }
    for subject in individuals:
        for triple in ontology.triples((subject, None, None)):
            out.add(triple)
    return out


def _results(report: Graph, data: Graph, shapes: Graph) -> tuple[Violation, ...]:
    out = []
    for result in report.objects(None, SH.result):  # top-level results (not sh:detail)
        shape = report.value(result, SH.sourceShape)
        owner = shapes.value(None, SH.property, shape) if isinstance(shape, BNode) else None
        shape = owner if owner is not None else shape  # a property shape is reported as its node shape
        focus = report.value(result, SH.focusNode)
        out.append(
            Violation(
                focus=_show(focus, data),
                path=_show_path(report, report.value(result, SH.resultPath), data),
                message=str(report.value(result, SH.resultMessage) or ""),
                severity=_local(report.value(result, SH.resultSeverity)),
                shape=_show(shape, data),
                value=_show(report.value(result, SH.value), data),
                origins=_origins(focus, report.value(result, SH.resultPath), data),
            )
        )
    return tuple(sorted(out, key=lambda v: (v.severity, v.focus, v.path, v.message, v.value)))


def _origins(focus: Node | None, path: Node | None, data: Graph) -> tuple[str, ...]:
    """The ``prov:wasDerivedFrom`` of the claims about ``focus`` (those about ``path`` when there
    are any): evidence spans ``source/<id>#char=a,b`` and curation files. A focus that is itself a
    claim or an evidence-bearing node gives its own."""
    if focus is None:
        return ()
    claims = set(data.subjects(RDF.subject, focus))
    on_path = {c for c in claims if path is not None and (c, RDF.predicate, path) in data}
    found = {str(o) for c in (on_path or claims | {focus}) for o in data.objects(c, PROV.wasDerivedFrom)}
    return tuple(sorted(found))


def _local(node: Node | None) -> str:
    return str(node).rsplit("#", 1)[-1] if node is not None else ""


def _show_path(report: Graph, path: Node | None, data: Graph) -> str:
    """A SHACL property path as SPARQL-like text (sequences a/b/c, ^inverse)."""
    if isinstance(path, BNode):
        inverse = report.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + _show_path(report, inverse, data)
        if report.value(path, RDF.first) is not None:
            return "/".join(_show_path(report, step, data) for step in Collection(report, path))
    return _show(path, data)


def _show(node: Node | None, graph: Graph) -> str:
    if node is None:
        return ""
    try:
        return node.n3(graph.namespace_manager)
    except Exception:  # a blank-node path or an unbindable IRI: fall back to the plain form
        return str(node)
