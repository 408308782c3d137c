"""RDF → what a template shows (pure): terms with labels and links, property tables, evidence in context.

Templates get plain values only; every literal reaches the page through Jinja's autoescaping, so a
label such as ``<script>`` is shown as text. Links to IRIs under the data's base go to the page that
shows them *on this server* (``Settings.public_root``: the public address behind a proxy); other
IRIs link to themselves, but only http(s) ones (:func:`.security.web_link`): a ``javascript:`` IRI
in the data is text, never an ``href``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS
from rdflib.term import Node

from .paths import page_path
from .security import web_link

LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, FOAF.name, DCTERMS.title, SKOS.altLabel)
LANGS = ("fi", "sv", "en", "")  # the fallback after the reader's language (:func:`.i18n.label_order`)
MAX_DEPTH = 6  # blank nodes nested deeper than this are shown as an identifier (never seen in the data)
CLAIM_LINKS = (RDF.subject, RDF.object)


@dataclass(frozen=True)
class Linker:
    """Where things are shown: ``base`` is the data's base IRI, ``root`` this server's public root."""

    base: str
    root: str
    prefixes: tuple[tuple[str, str], ...] = ()

    def href(self, iri: str) -> str | None:
        """Where a link to ``iri`` goes: its page here, the IRI itself if it is a web address, else
        None (``javascript:``, ``data:``, ``urn:``… are shown as text, never linked)."""
        path = page_path(iri, self.base)
        return web_link(iri) if path is None else web_link(self.root + path)

    def curie(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri


@dataclass(frozen=True)
class TermView:
    text: str
    kind: str  # "iri" | "literal" | "bnode"
    href: str | None = None
    note: str | None = None  # language tag or datatype of a literal; the CURIE of a labelled IRI
    iri: str | None = None
    lang: str | None = None


@dataclass
class ValueView:
    term: TermView
    nested: list[PropertyRow] = field(default_factory=list)
    graphs: tuple[str, ...] = ()


@dataclass
class PropertyRow:
    predicate: TermView
    values: list[ValueView]


def label(graph: Graph, node: Node, langs: Iterable[str] | None = None) -> str | None:
    """The best label of ``node``: prefLabel, rdfs:label, foaf:name, dct:title, altLabel; in the page's
    language first, then Finnish, Swedish, English, then any (:func:`.i18n.label_order`)."""
    found = best_label(graph, node, langs)
    return None if found is None else str(found)


def best_label(graph: Graph, node: Node, langs: Iterable[str] | None = None) -> Literal | None:
    """The literal :func:`label` shows (its ``language`` becomes the ``lang`` of a page's title)."""
    order = tuple(langs) if langs is not None else _order()
    for predicate in LABEL_PREDICATES:
        found = [o for o in graph.objects(node, predicate) if isinstance(o, Literal)]
        if found:
            found.sort(key=lambda lit: (_rank(lit.language or "", order), str(lit)))
            return found[0]
    return None


def _order() -> tuple[str, ...]:
    from .i18n import label_order

    return (*label_order(), "")


def _rank(lang: str, order: tuple[str, ...]) -> int:
    base = lang.split("-")[0].lower()
    return order.index(base) if base in order else len(order)


def term(node: Node, graph: Graph, linker: Linker) -> TermView:
    if isinstance(node, Literal):
        note = f"@{node.language}" if node.language else None
        if node.datatype is not None and not node.language:
            note = linker.curie(str(node.datatype))
        return TermView(str(node), "literal", note=note, lang=node.language)
    if isinstance(node, BNode):
        from .i18n import gettext

        return TermView(label(graph, node) or gettext("(blank node)"), "bnode")
    iri = str(node)
    name = label(graph, node)
    curie = linker.curie(iri)
    note = curie if name and curie != iri else None
    return TermView(name or curie, "iri", href=linker.href(iri), note=note, iri=iri)


def names(graph: Graph, iri: URIRef) -> list[tuple[str, str, str]]:
    """Every name of ``iri`` as (kind, language, text): preferred first, in the page's label order."""
    rows = []
    for kind, predicate in (("preferred", SKOS.prefLabel), ("also", SKOS.altLabel), ("label", RDFS.label)):
        for lit in graph.objects(iri, predicate):
            if isinstance(lit, Literal):
                rows.append((kind, lit.language or "", str(lit)))
    order = _order()
    rows.sort(key=lambda r: (r[0] != "preferred", _rank(r[1], order), r[2]))
    return rows


def _predicate_key(linker: Linker, predicate: Node) -> tuple[int, str]:
    first = {RDF.type: 0, SKOS.prefLabel: 1, SKOS.altLabel: 2, RDFS.label: 2, FOAF.name: 2}
    return (first.get(predicate, 3) if isinstance(predicate, URIRef) else 3, linker.curie(str(predicate)))


def properties(
    graph: Graph,
    subject: Node,
    linker: Linker,
    graphs: dict[tuple[Node, Node], list[str]] | None = None,
    depth: int = 0,
) -> list[PropertyRow]:
    """The outgoing triples of ``subject`` grouped by predicate; blank-node objects nested."""
    by_predicate: dict[Node, list[Node]] = {}
    for p, o in graph.predicate_objects(subject):
        by_predicate.setdefault(p, []).append(o)
    rows = []
    for p in sorted(by_predicate, key=lambda p: _predicate_key(linker, p)):
        values = []
        for o in sorted(by_predicate[p], key=lambda o: (term(o, graph, linker).text.casefold(), str(o))):
            nested = properties(graph, o, linker, None, depth + 1) if isinstance(o, BNode) else []
            if depth >= MAX_DEPTH:
                nested = []
            where = tuple(sorted(set((graphs or {}).get((p, o), []))))
            values.append(ValueView(term(o, graph, linker), nested, where))
        rows.append(PropertyRow(term(p, Graph(), linker), values))
    return rows


def incoming(graph: Graph, iri: URIRef, linker: Linker, *, skip_claims: bool = True) -> list[PropertyRow]:
    """What links to ``iri`` grouped by predicate (claims about it are shown as evidence instead)."""
    by_predicate: dict[Node, list[Node]] = {}
    for s, p in graph.subject_predicates(iri):
        if skip_claims and p in CLAIM_LINKS:
            continue
        if isinstance(s, URIRef) and str(s).startswith(str(iri) + "#"):
            continue
        by_predicate.setdefault(p, []).append(s)
    return [
        PropertyRow(
            term(p, Graph(), linker),
            [
                ValueView(term(s, graph, linker))
                for s in sorted(by_predicate[p], key=lambda s: label(graph, s) or str(s))
            ],
        )
        for p in sorted(by_predicate, key=lambda p: _predicate_key(linker, p))
    ]


def hash_subjects(graph: Graph, iri: URIRef) -> list[URIRef]:
    """The ``iri#…`` IRIs the description holds, in order (each gets its own section and anchor)."""
    prefix = str(iri) + "#"
    found = {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(prefix)}
    return sorted(found, key=str)


@dataclass(frozen=True)
class Context:
    """A span in its sentence: the text before it, the span itself, and the text after it."""

    before: str
    span: str
    after: str


SENTENCE_ENDS = ".!?\n"


def sentence_context(text: str, start: int, end: int, width: int = 200) -> Context | None:
    """The span ``text[start:end]`` with the rest of its sentence(s) around it (at most ``width``
    characters each side, cut at a sentence end or line break). None if the span is out of range."""
    if not 0 <= start <= end <= len(text):
        return None
    left = start
    while left > 0 and start - left < width and not _ends_sentence(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and right - end < width and not _ends_sentence(text, right - 1):
        right += 1
    if right > end and text[right - 1] == "\n":
        right -= 1
    return Context(text[left:start].lstrip(), text[start:end], text[end:right])


def _ends_sentence(text: str, i: int) -> bool:
    c = text[i]
    if c == "\n":
        return True
    return c in SENTENCE_ENDS and (i + 1 >= len(text) or text[i + 1].isspace())
