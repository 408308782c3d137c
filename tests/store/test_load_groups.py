"""`kgpub load` packs quads with blank nodes into requests without splitting a blank node's quads."""

from __future__ import annotations

import pyoxigraph as ox

from kgpub.store.load import blank_node_requests

P = ox.NamedNode("urn:p")
G1, G2 = ox.NamedNode("urn:g1"), ox.NamedNode("urn:g2")


def quad(s: str, o: str, g: ox.NamedNode = G1) -> ox.Quad:
    def term(x: str) -> ox.NamedNode | ox.BlankNode:
        return ox.BlankNode(x[2:]) if x.startswith("_:") else ox.NamedNode(x)

    return ox.Quad(term(s), P, term(o), g)


def test_linked_blank_nodes_stay_in_one_request_and_requests_stay_small() -> None:
    chain = [quad("urn:a", "_:x"), quad("_:x", "_:y"), quad("_:y", "urn:b", G2)]  # x–y linked, 2 graphs
    singles = [quad(f"urn:s{i}", f"_:s{i}") for i in range(10)]
    late = quad("_:y", "urn:c")  # joins the chain's group after other groups were seen
    quads = [*chain, *singles, late]
    requests = list(blank_node_requests(quads, 4))
    assert sorted(map(str, (q for r in requests for q in r))) == sorted(map(str, quads))  # each once
    for label in ("x", "y", *(f"s{i}" for i in range(10))):
        holding = [r for r in requests if any(ox.BlankNode(label) in (q.subject, q.object) for q in r)]
        assert len(holding) == 1, label
    assert [len(r) for r in requests] == [4, 4, 4, 2]  # the 4-quad chain group alone, then singles
    big = list(blank_node_requests([*chain, late], 2))
    assert len(big) == 1  # a group larger than the size travels whole
