"""The W3C SHACL Core test suite (data-shapes-test-suite/tests/core) against pySHACL and against
kgpub's own validator (``kgpub.validate``: the core shapes it evaluates itself in linear time, pySHACL
for the rest). Each case compares ``sh:conforms`` and the set of validation results (focus node,
path, value, severity, constraint component, source shape; blank nodes compared by structure).
Known failures are ``xfail(strict=True)`` with the reason, so a fixed engine turns them red.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF
from rdflib.term import Node

from kgpub.config import PROJECT_ROOT

SUITE = PROJECT_ROOT.parent / "shared" / "testsuites" / "w3c-data-shapes" / "data-shapes-test-suite" / "tests"
MANIFEST = SUITE / "core" / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
SH = Namespace("http://www.w3.org/ns/shacl#")
EXPECTED_CASES = 98

#: Cases pySHACL 0.40.1 gets wrong, by test IRI suffix, with what goes wrong.
KNOWN_FAILURES: dict[str, str] = {
    "property/uniqueLang-002": (
        'pySHACL treats sh:uniqueLang "1"^^xsd:boolean as true; the spec activates only "true"'
    ),
}


@dataclass(frozen=True)
class Case:
    name: str
    data: Path
    shapes: Path
    result: Graph
    result_node: Node


def _file(iri: Node) -> Path:
    return Path(str(iri).removeprefix("file://"))


def _cases() -> list[Case]:
    top = Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    cases = []
    for sub in sorted(top.objects(None, MF.include), key=str):
        sub_graph = Graph().parse(_file(sub), format="turtle", publicID=str(sub))
        for test_file in sorted(sub_graph.objects(None, MF.include), key=str):
            graph = Graph().parse(_file(test_file), format="turtle", publicID=str(test_file))
            for manifest in graph.subjects(RDF.type, MF.Manifest):
                entries = graph.value(manifest, MF.entries)
                for entry in Collection(graph, entries) if entries is not None else []:
                    action = graph.value(entry, MF.action)
                    result = graph.value(entry, MF.result)
                    assert action is not None and result is not None
                    name = str(entry).split("/tests/core/", 1)[-1].removesuffix(".ttl")
                    cases.append(
                        Case(
                            name=name,
                            data=_file(graph.value(action, SHT.dataGraph)),  # type: ignore[arg-type]
                            shapes=_file(graph.value(action, SHT.shapesGraph)),  # type: ignore[arg-type]
                            result=graph,
                            result_node=result,
                        )
                    )
    return cases


CASES = _cases()


def _term(graph: Graph, node: Node | None) -> object:
    """A comparable form of a node: IRIs and literals as themselves, blank nodes by their structure
    (SHACL paths and property shapes are blank nodes; lists become tuples)."""
    if node is None or not isinstance(node, BNode):
        return node
    if graph.value(node, RDF.first) is not None:
        return tuple(_term(graph, item) for item in Collection(graph, node))
    return frozenset(
        (p, _term(graph, o)) for p, o in graph.predicate_objects(node) if p not in (SH.property, SH.message)
    )


def _results(graph: Graph, report: Node, shapes: Graph) -> Counter[tuple[object, ...]]:
    """Results as a multiset of comparable tuples. A blank-node source shape is compared by its
    structure in ``shapes``; when ``shapes`` does not describe it (expected reports whose shapes live
    in another file), it becomes ``None``, a wildcard (see :func:`_comparable`)."""
    out: Counter[tuple[object, ...]] = Counter()
    for result in graph.objects(report, SH.result):
        shape = graph.value(result, SH.sourceShape)
        out[
            (
                _term(graph, graph.value(result, SH.focusNode)),
                _term(graph, graph.value(result, SH.resultPath)),
                _term(graph, graph.value(result, SH.value)),
                graph.value(result, SH.resultSeverity),
                graph.value(result, SH.sourceConstraintComponent),
                (_term(shapes, shape) or None) if isinstance(shape, BNode) else shape,
            )
        ] += 1
    return out


def _without_shape(results: Counter[tuple[object, ...]]) -> Counter[tuple[object, ...]]:
    return Counter({key[:-1]: n for key, n in results.items()})


def _comparable(
    actual: Counter[tuple[object, ...]], expected: Counter[tuple[object, ...]]
) -> tuple[Counter[tuple[object, ...]], Counter[tuple[object, ...]]]:
    """Drop the source shape on both sides when the expectation cannot name it."""
    if any(key[-1] is None for key in expected):
        return _without_shape(actual), _without_shape(expected)
    return actual, expected


#: Where kgpub's validator answers otherwise on purpose.
KGPUB_DIFFERENCES: dict[str, str] = {
    "misc/severity-001": (
        "a graph whose only results are warnings conforms for kgpub, as with pySHACL's allow_warnings: "
        "warnings are reported and published, violations refuse a build (shapes/README.md)"
    ),
}


def _params(differences: dict[str, str] | None = None) -> list[object]:
    known = {**KNOWN_FAILURES, **(differences or {})}
    params: list[object] = []
    for case in CASES:
        marks = []
        if case.name in known:
            marks.append(pytest.mark.xfail(strict=True, reason=known[case.name]))
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def test_suite_size() -> None:
    assert len(CASES) == EXPECTED_CASES
    assert len({c.name for c in CASES}) == EXPECTED_CASES


@pytest.mark.parametrize("case", _params())
def test_shacl_core(case: Case) -> None:
    data = Graph().parse(case.data, format="turtle", publicID=case.data.as_uri())
    shapes = Graph().parse(case.shapes, format="turtle", publicID=case.shapes.as_uri())
    conforms, report, _text = validate(
        data, shacl_graph=shapes, inference="none", advanced=False, meta_shacl=False
    )
    assert isinstance(report, Graph)
    expected_conforms = case.result.value(case.result_node, SH.conforms)
    assert isinstance(expected_conforms, Literal)
    assert conforms is expected_conforms.toPython()
    (actual_report,) = report.subjects(RDF.type, SH.ValidationReport)
    actual, expected = _comparable(
        _results(report, actual_report, shapes), _results(case.result, case.result_node, case.result)
    )
    assert actual == expected


@pytest.mark.parametrize("case", _params(KGPUB_DIFFERENCES))
def test_shacl_core_through_kgpubs_validator(case: Case) -> None:
    """The same cases through :func:`kgpub.validate.validate`, the build's validator: the shapes it
    evaluates itself (``kgpub.core_shapes``, ``kgpub.sparql_shapes``) and pySHACL for the rest, one
    report. Whatever kgpub takes over from pySHACL must give the suite's answers too."""
    from kgpub.validate import validate as kgpub_validate

    data = Graph().parse(case.data, format="turtle", publicID=case.data.as_uri())
    shapes = Graph().parse(case.shapes, format="turtle", publicID=case.shapes.as_uri())
    result = kgpub_validate(data, shapes, Graph())
    expected_conforms = case.result.value(case.result_node, SH.conforms)
    assert isinstance(expected_conforms, Literal)
    assert result.conforms is expected_conforms.toPython()
    (actual_report,) = result.graph.subjects(RDF.type, SH.ValidationReport)
    actual, expected = _comparable(
        _results(result.graph, actual_report, shapes), _results(case.result, case.result_node, case.result)
    )
    assert actual == expected


def test_the_comparison_can_fail() -> None:
    """Guard against a vacuous comparison: a changed expectation must not match."""
    case = next(c for c in CASES if c.name == "node/class-001")
    expected = _results(case.result, case.result_node, Graph())
    assert len(expected) == 2
    altered = Counter({(*key[:2], URIRef("urn:other"), *key[3:]): n for key, n in expected.items()})
    assert altered != expected
