"""The build report: per source, what was found, what changed since the last build, and warnings.

``kgpub build`` printed only "published N quads"; a new city's data person needs to see that their
page gave 0 bodies because ``meta.toml`` says ``language = "fi"`` over a Swedish text, or that a
body hangs in the air with no parent. The counts are the extraction's (after review); "new" and
"removed" compare the facts of the source's named graph (triples about ``id/`` things, claims left
out) with the same graph in the published build, read with pyoxigraph's parser (fast on large dumps).
Errors (an empty text, HTML saved as text) are not warnings: loading the source refuses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, SKOS, XSD

from .extract.language import detect_language, language_scores
from .model import Extraction
from .sources import Source

Fact = tuple[URIRef, URIRef, URIRef | Literal]
#: A detected language must have at least this much evidence to contradict meta.toml (a few words).
MIN_LANGUAGE_EVIDENCE = 10.0


@dataclass(frozen=True)
class SourceReport:
    """What one source gave this build."""

    source: str
    bodies: int
    parts: int
    heads: int
    duties: int
    sites: int
    new: int | None  # facts not in the last published build (None: nothing published before)
    removed: int | None
    warnings: tuple[str, ...]

    def lines(self) -> list[str]:
        counts = (
            f"{self.bodies} bodies, {self.parts} parts, {self.heads} heads, {self.duties} duties, "
            f"{self.sites} sites"
        )
        if self.new is None or self.removed is None:
            change = "first build"
        else:
            change = f"{self.new} new, {self.removed} removed since the last build"
        return [f"{self.source}: {counts}; {change}"] + [f"  warning: {w}" for w in self.warnings]


def language_warning(source: Source) -> str | None:
    """A warning when the text reads as another language than ``meta.toml`` says (the extractor of
    the wrong language finds next to nothing, silently)."""
    declared = source.meta.language
    detected = detect_language(source.text)
    scores = language_scores(source.text)
    if detected == declared or scores[detected] < MIN_LANGUAGE_EVIDENCE:
        return None
    if scores[detected] < 2 * max(scores[declared], 1.0):
        return None  # mixed text: no clear contradiction
    where = source.path.with_name("meta.toml") if source.path is not None else source.meta.id
    return f'{where}: language = "{declared}" but the text reads as "{detected}"'


def orphans(graph: Graph, owner: URIRef) -> list[str]:
    """Names of the bodies in ``graph`` that are under nothing (no parent, no legal person)."""
    found = []
    for kind in (ORG.Organization, ORG.OrganizationalUnit):
        for body in graph.subjects(RDF.type, kind):
            if body == owner or (body, RDF.type, ORG.FormalOrganization) in graph:
                continue
            if graph.value(body, ORG.subOrganizationOf) is None and graph.value(body, ORG.unitOf) is None:
                found.append(str(graph.value(body, SKOS.prefLabel) or body))
    return sorted(set(found))


def facts(graph: Graph, base: str) -> set[Fact]:
    """The facts of a source graph: triples about ``<base>id/`` things, without the claims."""
    ids, claims = f"{base}id/", f"{base}id/claim/"
    return {
        (s, p, o)
        for s, p, o in graph
        if isinstance(s, URIRef)
        and str(s).startswith(ids)
        and not str(s).startswith(claims)
        and isinstance(p, URIRef)
        and isinstance(o, URIRef | Literal)
    }


def published_facts(dataset: Path, base: str) -> dict[str, set[Fact]] | None:
    """The facts of every named graph of a published ``dataset.trig``, by graph IRI; None if unreadable."""
    ids, claims = f"{base}id/", f"{base}id/claim/"
    out: dict[str, set[Fact]] = {}
    try:
        for quad in pyoxigraph.parse(path=dataset, format=pyoxigraph.RdfFormat.TRIG):
            s, p, o, g = quad.subject, quad.predicate, quad.object, quad.graph_name
            if not isinstance(s, pyoxigraph.NamedNode) or not isinstance(g, pyoxigraph.NamedNode):
                continue
            if not s.value.startswith(ids) or s.value.startswith(claims):
                continue
            term = _term(o)
            if term is not None:
                out.setdefault(g.value, set()).add((URIRef(s.value), URIRef(p.value), term))
    except (OSError, SyntaxError, ValueError):
        return None
    return out


def _term(o: object) -> URIRef | Literal | None:
    if isinstance(o, pyoxigraph.NamedNode):
        return URIRef(o.value)
    if isinstance(o, pyoxigraph.Literal):
        if o.language:
            return Literal(o.value, lang=o.language)
        datatype = o.datatype.value
        return Literal(o.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
    return None


def source_report(
    source: Source,
    extraction: Extraction,
    graph: Graph,
    owner: URIRef,
    base: str,
    before: set[Fact] | None,
) -> SourceReport:
    """Counts, changes and warnings for one source of a build."""
    warnings = list(extraction.warnings)
    mismatch = language_warning(source)
    if mismatch:
        warnings.append(mismatch)
    lonely = orphans(graph, owner)
    if lonely:
        warnings.append(
            f"{len(lonely)} bod{'y' if len(lonely) == 1 else 'ies'} with no parent: {', '.join(lonely)}"
        )
    if not extraction.bodies:
        warnings.append("no bodies found in the text")
    now = facts(graph, base)
    return SourceReport(
        source=source.meta.id,
        bodies=len(extraction.bodies),
        parts=len(extraction.part_of),
        heads=len(extraction.heads),
        duties=len(extraction.duties),
        sites=len(extraction.sites),
        new=None if before is None else len(now - before),
        removed=None if before is None else len(before - now),
        warnings=tuple(warnings),
    )
