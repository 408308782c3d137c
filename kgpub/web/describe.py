"""What a document says about its thing, as SPARQL over the store (no files, no HTTP).

The **description** of ``T`` is

1. its concise bounded description (CBD: every triple with ``T`` as subject, and recursively those of
   the blank nodes it reaches — pyoxigraph's ``DESCRIBE``), together with the CBDs of ``T``'s own
   hash IRIs (``T#location``, ``<source/x>#char=a,b``) found within two links of ``T``, so that every
   subject IRI of the data is described by the document of the IRI it is a fragment of;
2. the incoming links ``?s ?p T`` (at most ``max_incoming``; the total is counted);
3. the labels (``skos:prefLabel``, ``rdfs:label``, ``foaf:name``, ``dct:title``) of every IRI linked
   from ``T`` or linking to it, so a reader sees names, not just IRIs.

Pages about bodies add the neighbourhood (posts, holders, duty statements, sites), the organisation
chart around the body, and the claims with their evidence spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rdflib import Graph, URIRef
from rdflib.term import Node

from ..namespaces import Local
from ..store import QueryResult

LABELS = (
    "<http://www.w3.org/2004/02/skos/core#prefLabel> <http://www.w3.org/2000/01/rdf-schema#label> "
    "<http://xmlns.com/foaf/0.1/name> <http://purl.org/dc/terms/title>"
)
PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


#: A description is structural (its size is the data's, not a user's choice): it may exceed the
#: endpoint's row limit, up to this many triples (a source text with thousands of evidence spans).
MAX_DESCRIPTION = 100_000


class Queryable(Protocol):
    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult: ...


class Structural:
    """The store as the pages query it: their queries are bounded by their own LIMITs (and by the
    structure of the data), not by the row cap the SPARQL endpoint puts on users' queries — a home
    page of 3,000 bodies must not be refused because the endpoint caps results at 1,000 rows."""

    def __init__(self, store: Queryable) -> None:
        self._store = store

    def query(self, sparql: str, *, max_rows: int | None = None) -> QueryResult:
        return self._store.query(sparql, max_rows=max_rows or MAX_DESCRIPTION)


def iri_ref(iri: str) -> str:
    """``<iri>`` for a query; ValueError for anything that could break out of the brackets."""
    if _BAD_IRI.search(iri):
        raise ValueError(f"not an IRI that can go in a query: {iri!r}")
    return f"<{iri}>"


def _family(root_pattern: str) -> str:
    """DESCRIBE every ``?t`` bound by ``root_pattern`` plus its hash IRIs within two links."""
    hashed = 'isIRI(?{v}) && STRSTARTS(STR(?{v}), CONCAT(STR(?t), "#"))'
    return f"""DESCRIBE ?t ?f WHERE {{
  {root_pattern}
  OPTIONAL {{
    {{ ?t ?p ?f . FILTER({hashed.format(v="f")}) }}
    UNION {{ ?f ?p ?t . FILTER({hashed.format(v="f")}) }}
    UNION {{ ?t ?p ?x . ?x ?q ?f . FILTER({hashed.format(v="x")} && {hashed.format(v="f")}) }}
  }}
}}"""


def exists(store: Queryable, iri: str) -> bool:
    """Does the data mention ``iri`` at all (as subject, object or predicate)?"""
    t = iri_ref(iri)
    return store.query(f"ASK {{ {{ {t} ?p ?o }} UNION {{ ?s ?p {t} }} UNION {{ ?s {t} ?o }} }}").boolean


@dataclass(frozen=True)
class Description:
    iri: URIRef
    graph: Graph
    incoming_total: int
    incoming_shown: int

    @property
    def empty(self) -> bool:
        return len(self.graph) == 0


def family_query(iri: str) -> str:
    """The first query of a description: the CBD of ``iri`` and of its hash IRIs within two links."""
    return _family(f"BIND({iri_ref(iri)} AS ?t)")


def neighbours_query(iri: str, max_incoming: int, hashes: Sequence[str] | None = None) -> str:
    """The second query of a description: incoming links and the labels of every neighbour.

    Its last branch finds the IRIs ``<iri#…>`` by a string filter over every subject of the store,
    which is what makes it cost ~0.5 s at 1 M triples. Given ``hashes`` (every subject IRI that
    starts with ``iri#``, listed once for the whole graph by :mod:`kgpub.documents`), that branch
    is a lookup of those subjects instead: the same triples, at the cost of the description."""
    t = iri_ref(iri)
    not_own = f'FILTER(isBlank(?s) || !STRSTARTS(STR(?s), CONCAT(STR({t}), "#")))'
    if hashes is None:
        own = f'?h ?q ?x . FILTER(isIRI(?h) && isIRI(?x) && STRSTARTS(STR(?h), CONCAT(STR({t}), "#")))'
    else:
        own = f"VALUES ?h {{ {' '.join(iri_ref(h) for h in hashes)} }} ?h ?q ?x . FILTER(isIRI(?x))"
    return f"""CONSTRUCT {{ ?s ?p {t} . ?x ?lp ?l }} WHERE {{
  {{ {{ SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {t} . {not_own} }} LIMIT {max_incoming} }} BIND(?s AS ?x) }}
  UNION {{ {t} ?q ?x . FILTER(isIRI(?x)) }}
  UNION {{ {own} }}
  OPTIONAL {{ VALUES ?lp {{ {LABELS} }} ?x ?lp ?l }}
}}"""


def describe(store: Queryable, iri: str, max_incoming: int = 500) -> Description:
    """CBD (+ hash IRIs) + incoming links + labels of neighbours, as one graph."""
    t = iri_ref(iri)
    graph = store.query(family_query(iri)).graph()
    graph += store.query(neighbours_query(iri, max_incoming)).graph()
    count = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {t} }} }}")
    total = int(str(count.bindings()[0]["n"]))
    own = sum(1 for s in graph.subjects(None, URIRef(iri)) if str(s).startswith(iri + "#"))
    return Description(URIRef(iri), graph, total - own, min(total - own, max_incoming))


def graphs_of(store: Queryable, iri: str) -> dict[tuple[Node, Node], list[str]]:
    """For each outgoing triple of ``iri``: the named graphs that hold it (to tell asserted from inferred)."""
    t = iri_ref(iri)
    result = store.query(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {t} ?p ?o }} }}")
    found: dict[tuple[Node, Node], list[str]] = {}
    for row in result.bindings():
        found.setdefault((row["p"], row["o"]), []).append(str(row["g"]))
    return found


def neighbourhood(store: Queryable, iri: str, base: str) -> Graph:
    """The CBDs a body page shows: its posts and their holders, heads, duty statements and sites."""
    t = iri_ref(iri)
    duty = iri_ref(str(Local(base).KGP.dutyStatement))
    roots = f"""{{ ?t org:postIn {t} }} UNION {{ ?post org:postIn {t} . ?post org:heldBy ?t }}
  UNION {{ ?t org:headOf {t} }} UNION {{ {t} org:hasSite ?t }} UNION {{ {t} {duty} ?t }}"""
    return store.query(PREFIXES + _family(roots)).graph()


def chart(store: Queryable, iri: str, limit: int = 400) -> Graph:
    """``org:subOrganizationOf`` edges around ``iri`` — its ancestors, siblings, children and
    grandchildren — with the labels and kinds of the bodies on them."""
    t = iri_ref(iri)
    return store.query(
        PREFIXES
        + f"""CONSTRUCT {{ ?c org:subOrganizationOf ?p . ?c skos:prefLabel ?cl . ?p skos:prefLabel ?pl .
  ?c org:classification ?k . ?k skos:prefLabel ?kl }} WHERE {{
  {{ SELECT DISTINCT ?c ?p WHERE {{
    {{ {t} org:subOrganizationOf* ?c . ?c org:subOrganizationOf ?p }}
    UNION {{ ?c org:subOrganizationOf {t} . BIND({t} AS ?p) }}
    UNION {{ ?c org:subOrganizationOf ?p . ?p org:subOrganizationOf {t} }}
    UNION {{ {t} org:subOrganizationOf ?p . ?c org:subOrganizationOf ?p }}
  }} LIMIT {limit} }}
  OPTIONAL {{ ?c skos:prefLabel ?cl }}
  OPTIONAL {{ ?p skos:prefLabel ?pl }}
  OPTIONAL {{ ?c org:classification ?k . OPTIONAL {{ ?k skos:prefLabel ?kl }} }}
}}"""
    ).graph()


def municipality_language(store: Queryable, iri: str) -> str | None:
    """The language a body's municipality is named in (``dct:language`` of the municipality it is
    part of, or its own if it is one): ``sv`` for a Swedish-majority town."""
    t = iri_ref(iri)
    rows = store.query(
        PREFIXES
        + f"""PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?lang WHERE {{
  {{ {t} dct:language ?lang }} UNION {{ {t} org:transitiveSubOrganizationOf ?m . ?m dct:language ?lang }}
  FILTER EXISTS {{ ?x dct:language ?lang ; a org:FormalOrganization }}
}} LIMIT 1"""
    ).bindings()
    return str(rows[0]["lang"]) if rows else None


@dataclass(frozen=True)
class ClaimRow:
    """One claim about the thing, with where its evidence is (source IRI and span) when it has one."""

    claim: str
    subject: Node
    predicate: Node
    object: Node
    evidence: str | None
    source: str | None
    start: int | None
    end: int | None
    exact: str | None
    rule: str | None
    confidence: str | None


def claims(store: Queryable, iri: str, base: str, limit: int = 300) -> list[ClaimRow]:
    """The claims whose subject or object is ``iri``, with their evidence selectors."""
    t = iri_ref(iri)
    kgp = Local(base).KGP
    result = store.query(
        PREFIXES
        + f"""SELECT ?c ?s ?p ?o ?ev ?src ?start ?end ?exact ?rule ?conf WHERE {{
  {{ SELECT DISTINCT ?c WHERE {{
    {{ ?c rdf:subject {t} }} UNION {{ ?c rdf:object {t} }} UNION {{ {t} rdf:subject ?x . BIND({t} AS ?c) }}
  }} LIMIT {limit} }}
  ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?c prov:wasDerivedFrom ?ev .
    OPTIONAL {{ ?ev oa:hasSource ?src }}
    OPTIONAL {{ ?ev oa:hasSelector ?ps . ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }}
    OPTIONAL {{ ?ev oa:hasSelector ?qs . ?qs a oa:TextQuoteSelector ; oa:exact ?exact }} }}
  OPTIONAL {{ ?c <{kgp}rule> ?rule }}
  OPTIONAL {{ ?c <{kgp}confidence> ?conf }}
}}"""
    )
    rows = []
    for row in result.bindings():
        rows.append(
            ClaimRow(
                claim=str(row["c"]),
                subject=row["s"],
                predicate=row["p"],
                object=row["o"],
                evidence=_opt(row.get("ev")),
                source=_opt(row.get("src")),
                start=_int(row.get("start")),
                end=_int(row.get("end")),
                exact=_opt(row.get("exact")),
                rule=_opt(row.get("rule")),
                confidence=_opt(row.get("conf")),
            )
        )
    return sorted(rows, key=lambda r: (str(r.predicate), r.start or 0, r.claim))


def _opt(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _int(node: Node | None) -> int | None:
    try:
        return None if node is None else int(str(node))
    except ValueError:
        return None
