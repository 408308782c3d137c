"""Trees from org:subOrganizationOf (pure)."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, SKOS

from kgpub.web.orgchart import chain, forest, neighbourhood_chart, primary_parents
from kgpub.web.view import Linker

BASE = "http://127.0.0.1:5000/"
LINK = Linker(BASE, "http://localhost/")


def org(name: str) -> URIRef:
    return URIRef(BASE + "id/org/" + name)


def graph(edges: list[tuple[str, str]], formal: tuple[str, ...] = ("city",)) -> Graph:
    g = Graph()
    for child, parent in edges:
        g.add((org(child), ORG.subOrganizationOf, org(parent)))
        for n in (child, parent):
            g.add((org(n), RDF.type, ORG.Organization))
            g.add((org(n), SKOS.prefLabel, Literal(n, lang="fi")))
    for n in formal:
        g.add((org(n), RDF.type, ORG.FormalOrganization))
    return g


EDGES = [("board", "city"), ("office", "board"), ("dept", "office"), ("audit", "office"), ("team", "dept")]


def test_chain_runs_from_the_top_down() -> None:
    assert chain(graph(EDGES), org("team")) == [org("city"), org("board"), org("office"), org("dept")]
    assert chain(graph(EDGES), org("city")) == []


def test_the_most_specific_parent_wins() -> None:
    g = graph([*EDGES, ("audit", "city")])
    assert primary_parents(g)[org("audit")] == org("office")


def test_cycles_are_cut() -> None:
    g = graph([("a", "b"), ("b", "a"), ("c", "a")])
    up = primary_parents(g)
    assert not (up.get(org("a")) == org("b") and up.get(org("b")) == org("a"))
    assert chain(g, org("c"))[-1] == org("a")


def test_neighbourhood_shows_parent_siblings_and_descendants() -> None:
    top = neighbourhood_chart(graph(EDGES), org("dept"), LINK)
    assert top.label == "office"
    assert [c.label for c in top.children] == ["audit", "dept"]
    dept = top.children[1]
    assert dept.current and [c.label for c in dept.children] == ["team"]
    assert dept.href == "http://localhost/doc/org/dept"


def test_forest_puts_every_body_once_under_its_municipality() -> None:
    g = graph([*EDGES, ("lonely", "lonely-parent")])
    municipal, other = forest(g, LINK)
    assert [t.label for t in municipal] == ["city"]
    assert municipal[0].size == 6
    assert [t.label for t in other] == ["lonely-parent"]
