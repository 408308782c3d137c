"""Pure view helpers: labels by language, evidence in its sentence, marked source text."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF, SKOS

from kgpub.web.body import Segment, marked
from kgpub.web.view import Linker, label, properties, sentence_context, term

BASE = "http://127.0.0.1:5000/"
X = URIRef(BASE + "id/org/x")
LINK = Linker(BASE, "https://example.org/kg/", (("skos", str(SKOS)),))


def test_label_prefers_preflabel_then_finnish_swedish_english() -> None:
    g = Graph()
    g.add((X, FOAF.name, Literal("name")))
    g.add((X, SKOS.prefLabel, Literal("stadskansliet", lang="sv")))
    g.add((X, SKOS.prefLabel, Literal("City Executive Office", lang="en")))
    assert label(g, X) == "stadskansliet"
    g.add((X, SKOS.prefLabel, Literal("kaupunginkanslia", lang="fi")))
    assert label(g, X) == "kaupunginkanslia"
    assert label(Graph(), X) is None


def test_terms_link_local_iris_to_this_server_and_keep_others() -> None:
    g = Graph()
    g.add((X, SKOS.prefLabel, Literal("x", lang="fi")))
    t = term(X, g, LINK)
    assert (t.text, t.href, t.note) == ("x", "https://example.org/kg/doc/org/x", None)
    ext = term(SKOS.prefLabel, g, LINK)
    assert (ext.text, ext.href) == ("skos:prefLabel", str(SKOS.prefLabel))
    lit = term(Literal("<b>", lang="fi"), g, LINK)
    assert (lit.text, lit.note, lit.kind) == ("<b>", "@fi", "literal")


def test_properties_nest_blank_nodes() -> None:
    g = Graph()
    b = BNode()
    g.add((X, FOAF.maker, b))
    g.add((b, FOAF.name, Literal("curator")))
    g.add((X, RDF.type, FOAF.Agent))
    rows = properties(g, X, LINK)
    assert rows[0].predicate.text.endswith("type")  # rdf:type first
    nested = rows[1].values[0].nested
    assert nested[0].values[0].term.text == "curator"


TEXT = "Otsikko\nEnsimmäinen lause. Osastoa johtaa X. Kolmas lause on pidempi.\nSeuraava rivi."


def test_sentence_context_cuts_at_sentence_ends_and_lines() -> None:
    start = TEXT.index("johtaa")
    ctx = sentence_context(TEXT, start, start + len("johtaa X."))
    assert ctx is not None
    assert (ctx.before, ctx.span, ctx.after) == ("Osastoa ", "johtaa X.", "")
    whole = TEXT.index("Kolmas")
    ctx = sentence_context(TEXT, whole, whole + 6)
    assert ctx is not None and ctx.after == " lause on pidempi."
    assert sentence_context(TEXT, 5, 500) is None


def test_marked_segments_cover_the_text_exactly_once() -> None:
    a = TEXT.index("Osastoa")
    b = a + len("Osastoa johtaa X.")
    inner = (a + 8, a + 14)
    segments = marked(TEXT, [(a, b), inner, (0, 7), (3, 2), (90, 200)])
    assert "".join(s.text for s in segments) == TEXT
    assert Segment(TEXT[a:b], f"char={a},{b}", True) in segments
    assert Segment("", f"char={inner[0]},{inner[1]}") in segments  # nested span: an anchor before its host
    assert segments.index(Segment("", f"char={inner[0]},{inner[1]}")) + 1 == segments.index(
        Segment(TEXT[a:b], f"char={a},{b}", True)
    )
    assert Segment(TEXT[0:7], "char=0,7", True) == segments[0]
