"""The parts of a page that know the organisation model: a body's sections, evidence in context, and
the marked-up source text (the ``id="char=a,b"`` anchors evidence links land on)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import ORG, RDF
from rdflib.term import Node

from ..namespaces import CPOV, VCARD, Local
from . import describe as d
from .caching import Build
from .orgchart import chain, neighbourhood_chart, primary_parents
from .texts import source_text
from .view import Context, Linker, TermView, label, sentence_context, term

BODY_TYPES = (ORG.Organization, ORG.OrganizationalUnit, ORG.FormalOrganization, CPOV.PublicOrganisation)
_CHAR = re.compile(r"#char=(\d+),(\d+)$")


def is_body(graph: Graph, iri: URIRef) -> bool:
    return any((iri, RDF.type, t) in graph for t in BODY_TYPES)


@dataclass(frozen=True)
class Statement:
    subject: TermView
    predicate: TermView
    object: TermView
    claim_href: str | None
    rule: str | None
    confidence: str | None


@dataclass
class EvidenceView:
    """One stated span: the sentence around it, where it is, and the statements it supports."""

    href: str | None
    source: str | None
    context: Context | None
    exact: str | None
    statements: list[Statement]


def evidence(claims: list[d.ClaimRow], graph: Graph, linker: Linker, build: Build) -> list[EvidenceView]:
    """Claims grouped by their evidence span, each span shown inside its sentence."""
    grouped: dict[str, EvidenceView] = {}
    for c in claims:
        key = c.evidence or c.claim
        view = grouped.get(key)
        if view is None:
            context = None
            source_id = _source_id(c.source, build.base_iri)
            if source_id and c.start is not None and c.end is not None:
                path = build.published.sources_path / f"{source_id}.txt"
                if path.is_file():
                    context = sentence_context(source_text(path), c.start, c.end)
            href = linker.href(c.evidence) if c.evidence else None
            view = EvidenceView(href, source_id, context, c.exact, [])
            grouped[key] = view
        view.statements.append(
            Statement(
                term(c.subject, graph, linker),
                term(c.predicate, Graph(), linker),
                term(c.object, graph, linker),
                linker.href(c.claim),
                c.rule,
                c.confidence,
            )
        )
    return sorted(grouped.values(), key=lambda v: (v.source or "~", v.href or ""))


def _source_id(source: str | None, base: str) -> str | None:
    prefix = base + "source/"
    if source is None or not source.startswith(prefix):
        return None
    rest = source[len(prefix) :]
    return rest if rest and "/" not in rest and "#" not in rest else None


def evidence_spans(graph: Graph, source_iri: str) -> list[tuple[int, int]]:
    """The ``#char=a,b`` spans of a source that the description mentions."""
    spans = set()
    for s in graph.subjects():
        if isinstance(s, URIRef) and str(s).startswith(source_iri + "#"):
            m = _CHAR.search(str(s))
            if m:
                spans.add((int(m.group(1)), int(m.group(2))))
    return sorted(spans)


@dataclass(frozen=True)
class Segment:
    text: str
    anchor: str | None = None  # the element id ("char=a,b")
    marked: bool = False


def marked(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """The text cut into plain and marked segments. A span that overlaps an already marked one becomes
    an empty anchor just before that one (the link lands on the enclosing sentence)."""
    segments: list[Segment] = []
    pos, kept_end, last_mark = 0, -1, 0
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if not 0 <= start <= end <= len(text):
            continue
        anchor = f"char={start},{end}"
        if start < kept_end:
            segments.insert(last_mark, Segment("", anchor))
            last_mark += 1
            continue
        if start > pos:
            segments.append(Segment(text[pos:start]))
        last_mark = len(segments)
        segments.append(Segment(text[start:end], anchor, True))
        pos, kept_end = end, end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments


def body_context(store: Any, build: Build, graph: Graph, iri: URIRef, linker: Linker) -> dict[str, Any]:
    """The sections of a body's page."""
    near = d.neighbourhood(store, str(iri), build.base_iri) + graph
    around = d.chart(store, str(iri))
    local = Local(build.base_iri)
    ancestors = chain(around, iri)
    children = sorted(
        (c for c, p in primary_parents(around).items() if p == iri), key=lambda c: label(around, c) or str(c)
    )
    return {
        "breadcrumbs": [term(a, around, linker) for a in ancestors],
        "kinds": [term(k, graph, linker) for k in graph.objects(iri, ORG.classification)],
        "units": [_unit(around, c, linker) for c in children],
        "posts": _posts(near, iri, linker),
        "heads": [term(p, near, linker) for p in sorted(near.subjects(ORG.headOf, iri), key=str)],
        "duties": [
            {"term": term(s, near, linker), "text": _value(near, s)}
            for s in sorted(near.objects(iri, local.KGP.dutyStatement), key=str)
        ],
        "purposes": sorted(
            (term(c, graph, linker) for c in graph.objects(iri, ORG.purpose)), key=lambda t: t.text
        ),
        "sites": [_site(near, s, linker) for s in sorted(near.objects(iri, ORG.hasSite), key=str)],
        "chart": neighbourhood_chart(around, iri, linker),
    }


def _unit(graph: Graph, iri: Node, linker: Linker) -> dict[str, Any]:
    kind = next(iter(graph.objects(iri, ORG.classification)), None)
    return {"term": term(iri, graph, linker), "kind": None if kind is None else term(kind, graph, linker)}


def _value(graph: Graph, node: Node) -> str | None:
    value = next(iter(graph.objects(node, RDF.value)), None)
    return None if value is None else str(value)


def _posts(graph: Graph, iri: URIRef, linker: Linker) -> list[dict[str, Any]]:
    posts = []
    for post in sorted(graph.subjects(ORG.postIn, iri), key=str):
        holders = [term(h, graph, linker) for h in sorted(graph.objects(post, ORG.heldBy), key=str)]
        posts.append({"term": term(post, graph, linker), "holders": holders})
    return posts


def _site(graph: Graph, site: Node, linker: Linker) -> dict[str, Any]:
    lines: list[str] = []
    phones: list[TermView] = []
    for location in graph.objects(site, ORG.siteAddress):
        for address in graph.objects(location, VCARD.hasAddress):
            for p in (VCARD["street-address"], VCARD["postal-code"], VCARD.locality):
                lines += [str(v) for v in graph.objects(address, p)]
        for phone in graph.objects(location, VCARD.hasTelephone):
            phones += [term(v, graph, linker) for v in graph.objects(phone, VCARD.hasValue)]
    name = label(graph, site)
    return {"term": term(site, graph, linker), "name": name, "address": lines, "phones": phones}
