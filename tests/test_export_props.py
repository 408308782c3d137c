"""Properties of the exporters: every format parses back to the data that was exported.

Generated small datasets hold what a build holds and what breaks serialisers: the deployment's own
IRIs and foreign ones (query strings, parentheses, non-ASCII), literals with language tags and
datatypes, quotes, backslashes, newlines and other Unicode in lexical forms, blank nodes shared
between triples and between named graphs. Graph formats must give back a graph isomorphic to the
union of the named graphs; dataset formats (TriG, N-Quads) the same quads, graph by graph, with
blank nodes shared across graphs still shared.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kgpub.errors import NotRepresentable
from kgpub.export import serialize, union_graph
from kgpub.formats import BY_NAME, Format, by_kind
from kgpub.namespaces import Local

LOCAL = Local("http://127.0.0.1:5000/")
GRAPH_FORMATS = by_kind("graph")
DATASET_FORMATS = by_kind("dataset")

#: Characters a literal may hold. XML 1.0 (RDF/XML) cannot carry C0 controls other than tab, LF and
#: CR, nor U+FFFE/U+FFFF; see test_xml_unrepresentable_text_is_refused_not_corrupted for those.
_XML_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs",),
    exclude_characters="".join(map(chr, range(0x20))) + "\ufffe\uffff",
) | st.sampled_from(["\t", "\n", "\r", '"', "'", "\\", "<", ">", "&", "@", "^", "ä", "😀", "\u0308"])
#: Lexical forms: generated text, and the pieces that end or escape a quoted string in some syntax.
texts = st.text(_XML_CHARS, max_size=30) | st.sampled_from(['"""', "'''", '\\"', "^^", '"@fi', " ", ""])

iris = st.one_of(
    st.builds(
        lambda k, s: LOCAL.ID[f"{k}/{s}"],
        st.sampled_from(["org", "post", "person", "duty"]),
        st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True),
    ),
    st.sampled_from(
        [
            URIRef("https://www.hel.fi/fi/paatoksenteko-ja-hallinto/kaupunginkanslia?lang=fi&x=1#osastot"),
            URIRef("https://fi.wikipedia.org/wiki/Helsingin_kaupunginkanslia_(virasto)"),
            URIRef("https://sv.wikipedia.org/wiki/Helsingfors_stadskansli"),
            URIRef("https://example.org/ä/ö/å"),
            URIRef("urn:uuid:123e4567-e89b-12d3-a456-426614174000"),
            URIRef("http://www.w3.org/ns/org#Organization"),
            LOCAL.KIND["department"],
        ]
    ),
)
predicates = st.sampled_from(
    [
        RDF.type,
        RDFS.label,
        SKOS.prefLabel,
        SKOS.altLabel,
        ORG.subOrganizationOf,
        ORG.headOf,
        DCTERMS.description,
        DCTERMS.modified,
        LOCAL.KGP["hasDuty"],
        LOCAL.KGP["evidenceQuote"],
    ]
)
languages = st.sampled_from(["fi", "sv", "en", "en-GB", "se", "fi-x-selko", "sv-FI"])
literals = st.one_of(
    st.builds(Literal, texts),
    st.builds(lambda t, lang: Literal(t, lang=lang), texts, languages),
    st.builds(lambda t: Literal(t, datatype=XSD.string), texts),
    st.builds(Literal, st.integers(-(10**20), 10**20)),
    st.builds(Literal, st.booleans()),
    st.builds(Literal, st.decimals(allow_nan=False, allow_infinity=False, places=3).map(Decimal)),
    st.builds(Literal, st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31))),
    st.builds(lambda t: Literal(t, datatype=XSD.anyURI), st.sampled_from(["https://www.hel.fi/", "a b"])),
    st.builds(lambda t: Literal(t, datatype=LOCAL.KGP["span"]), st.sampled_from(["char=0,12", "x"])),
)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """1–3 named graphs of 0–8 triples; blank nodes drawn from one pool, so graphs may share them."""
    pool = [BNode() for _ in range(draw(st.integers(0, 3)))]
    nodes: st.SearchStrategy[Node] = iris | st.sampled_from(pool) if pool else iris
    dataset = Dataset()
    names = draw(
        st.lists(
            st.sampled_from(["source/a", "source/b-2", "inferred", "curation/x"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    for name in names:
        graph = dataset.graph(LOCAL.GRAPH[name])
        for s, p, o in draw(st.lists(st.tuples(nodes, predicates, nodes | literals), max_size=8)):
            graph.add((s, p, o))
    for s, p, o in draw(st.lists(st.tuples(nodes, predicates, nodes | literals), max_size=3)):
        dataset.add((s, p, o))  # the default graph, which a TriG or N-Quads file may also hold
    return dataset


def _rdf11(node: Node) -> Node:
    """RDF 1.1 term identity: "x"^^xsd:string IS the simple literal "x" (rdflib keeps them apart,
    and JSON-LD writes the first as the second)."""
    if isinstance(node, Literal) and node.datatype == XSD.string:
        return Literal(str(node))
    return node


def _triples_as_graph(graph: Graph) -> Graph:
    out = Graph()
    for s, p, o in graph:
        out.add((s, p, _rdf11(o)))
    return out


def _quads_as_graph(dataset: Dataset) -> Graph:
    """The dataset's quads as one graph (graph name folded into the predicate), so that a single
    isomorphism check covers every graph and blank nodes shared between graphs."""
    out = Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        out.add((s, URIRef(f"{p}@@{name}"), _rdf11(o)))
    return out


def _same(got: Graph, want: Graph, data: bytes) -> None:
    """Isomorphic, or fail showing the triples that differ (the serialisation alone hides them)."""
    if not isomorphic(got, want):
        _, lost, added = graph_diff(to_isomorphic(want), to_isomorphic(got))
        pytest.fail(f"lost {sorted(map(_n3, lost))}\nadded {sorted(map(_n3, added))}\n{data.decode()}")


def _n3(triple: tuple[Node, Node, Node]) -> str:
    return " ".join(term.n3() for term in triple)


def _round_trip(fmt: Format, dataset: Dataset) -> None:
    assert fmt.rdflib_format
    data = serialize(dataset, fmt, LOCAL)
    if fmt.kind == "dataset":
        back = Dataset()
        back.parse(data=data, format=fmt.rdflib_format)
        _same(_quads_as_graph(back), _quads_as_graph(dataset), data)
    else:
        graph = Graph().parse(data=data, format=fmt.rdflib_format)
        _same(_triples_as_graph(graph), _triples_as_graph(union_graph(dataset)), data)


def _example(*triples: tuple[Node, Node, Node]) -> Dataset:
    dataset = Dataset()
    graph = dataset.graph(LOCAL.GRAPH["source/a"])
    for t in triples:
        graph.add(t)
    return dataset


_KANSLIA = LOCAL.ID["org/helsinki-kaupunginkanslia"]
_TRICKY = _example(
    (_KANSLIA, SKOS.prefLabel, Literal('"Kanslia"\n\\ """ \'\'\' ä\u0308 😀', lang="fi")),
    (_KANSLIA, DCTERMS.description, Literal("rivi 1\r\nrivi 2\t<b>&amp;</b>")),
    (BNode("b0"), ORG.subOrganizationOf, _KANSLIA),
)


_B1, _B2 = BNode("c1"), BNode("c2")
#: Blank nodes referenced only from a cycle of blank nodes; a blank node and a literal as types.
_CYCLES = _example(
    (_B1, RDFS.seeAlso, _B2),
    (_B2, RDFS.seeAlso, _B1),
    (_B1, RDFS.label, Literal("kierros")),
    (_B2, RDF.type, _B2),
    (_KANSLIA, RDF.type, Literal("virasto")),
    (_KANSLIA, RDF.type, ORG.Organization),
)


@given(st.sampled_from(GRAPH_FORMATS), datasets())
@example(BY_NAME["jsonld"], _CYCLES)
@example(BY_NAME["ttl"], _CYCLES)
@example(BY_NAME["ttl"], _TRICKY)
@example(BY_NAME["rdfxml"], _TRICKY)
@example(BY_NAME["jsonld"], _TRICKY)
def test_every_graph_format_parses_back_isomorphic(fmt: Format, dataset: Dataset) -> None:
    _round_trip(fmt, dataset)


@given(st.sampled_from(DATASET_FORMATS), datasets())
@example(BY_NAME["trig"], _TRICKY)
@example(BY_NAME["nq"], _TRICKY)
def test_every_dataset_format_keeps_every_quad(fmt: Format, dataset: Dataset) -> None:
    _round_trip(fmt, dataset)


@given(
    st.sampled_from(GRAPH_FORMATS),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
)
@example(BY_NAME["rdfxml"], "sivu 1\x0csivu 2")  # a form feed between pages of a PDF turned into text
@example(BY_NAME["rdfxml"], "\x00")
@example(BY_NAME["ttl"], "\x0b\x0c\x1f\x7f\ufffe")
def test_xml_unrepresentable_text_is_refused_not_corrupted(fmt: Format, text: str) -> None:
    """Any text a scraped page holds round-trips in every syntax that can carry it; RDF/XML refuses
    (406) what XML 1.0 cannot carry instead of writing a document no parser reads."""
    dataset = _example((_KANSLIA, LOCAL.KGP["evidenceQuote"], Literal(text)))
    xml_ok = all(
        c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff" for c in text
    )
    if fmt.name == "rdfxml" and not xml_ok:
        with pytest.raises(NotRepresentable) as info:
            serialize(dataset, fmt, LOCAL)
        assert info.value.http_status == 406 and "RDF/XML" in str(info.value)
    else:
        _round_trip(fmt, dataset)


@pytest.mark.parametrize(
    "falsy",
    [Literal(""), Literal(0), Literal(False), Literal(Decimal("0")), Literal(0.0), Literal("", lang="fi")],
    ids=lambda lit: lit.n3(),
)
def test_jsonld_keeps_a_falsy_value_next_to_another(falsy: Literal) -> None:
    """rdflib's compacting serializer drops "", 0 or false when it is the first of two values of a
    property (whether it is first depends on triple order, so 20 subjects cover both orders)."""
    dataset = Dataset()
    graph = dataset.graph(LOCAL.GRAPH["source/a"])
    for i in range(20):
        graph.add((LOCAL.ID[f"org/x-{i}"], DCTERMS.description, falsy))
        graph.add((LOCAL.ID[f"org/x-{i}"], DCTERMS.description, Literal("kuvaus")))
    _round_trip(BY_NAME["jsonld"], dataset)
