"""The part dumps of a real seed build, read back with two JSON-LD processors (rdflib and pyld)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld as pyld
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, ORG, OWL, RDF

from kgpub.config import Settings
from kgpub.export import load_dataset
from kgpub.jsonld import tree_frame
from kgpub.namespaces import SH, Local
from kgpub.part_dumps import PartDump, write_part_dumps
from kgpub.publish import current
from kgpub.subsets import Index, data_only, named_graphs


@pytest.fixture(scope="module")
def written(seed_build: Settings, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[PartDump]]:
    named = named_graphs(load_dataset(current(seed_build).dataset_path))
    out = tmp_path_factory.mktemp("part-dumps")
    return out / "dumps", write_part_dumps(out, named, Local(seed_build.base_iri))


@pytest.fixture(scope="module")
def data(seed_build: Settings) -> Graph:
    named = named_graphs(load_dataset(current(seed_build).dataset_path))
    graph = Graph()
    for g in data_only(named, Local(seed_build.base_iri)).values():
        graph += g
    return graph


def _pyld_graph(doc: Any) -> Graph:
    """What pyld (a JSON-LD processor independent of rdflib) reads from a document."""
    return Graph().parse(data=pyld.to_rdf(doc, {"format": "application/n-quads"}), format="nquads")


def test_every_part_dump_is_listed_with_what_it_covers(written: tuple[Path, list[PartDump]]) -> None:
    folder, dumps = written
    listed = {e["name"]: e for e in json.loads((folder / "dumps.json").read_text(encoding="utf-8"))}
    assert {
        "ontology.ttl",
        "shapes.ttl",
        "municipality-helsinki.ttl",
        "municipality-kalajoki.tree.jsonld",
    } <= set(listed)
    assert "graph-source-helsinki-kaupunginkanslia.trig" in listed
    for dump in dumps:
        assert listed[dump.name]["size"] == (folder / dump.name).stat().st_size
        assert listed[dump.name]["scope"] in ("schema", "municipality", "tree", "graph")
    assert listed["municipality-helsinki.ttl"]["about"].endswith("/id/org/helsinki")


def test_schema_documents_hold_the_schema(written: tuple[Path, list[PartDump]]) -> None:
    folder, _ = written
    ontology = Graph().parse(folder / "ontology.ttl")
    shapes = Graph().parse(folder / "shapes.ttl")
    assert set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    assert set(shapes.subjects(RDF.type, SH.NodeShape))
    municipality = Graph().parse(folder / "municipality-helsinki.ttl")
    assert not set(municipality.subjects(RDF.type, SH.NodeShape))


def test_municipality_jsonld_has_short_names_and_reads_the_same_in_rdflib_and_pyld(
    written: tuple[Path, list[PartDump]], seed_build: Settings
) -> None:
    folder, _ = written
    named = named_graphs(load_dataset(current(seed_build).dataset_path))
    part = Graph()  # the part itself (rdflib's Turtle writer respells decimals: "1" → 1.0)
    for s, p, o, _g in Index(named, Local(seed_build.base_iri)).municipality("helsinki"):
        part.add((s, p, o))
    turtle = Graph().parse(folder / "municipality-helsinki.ttl")
    assert len(turtle) == len(part)
    doc = json.loads((folder / "municipality-helsinki.jsonld").read_text(encoding="utf-8"))
    by_id = {node["@id"]: node for node in doc["@graph"]}
    kanslia = next(n for i, n in by_id.items() if i.endswith("/id/org/helsinki-kaupunginkanslia"))
    assert isinstance(kanslia["name"], dict) and kanslia["name"]["fi"] == "kaupunginkanslia"
    parent = URIRef(kanslia["partOf"])
    assert (URIRef(kanslia["@id"]), ORG.subOrganizationOf, parent) in turtle and "kind" in kanslia
    assert any("evidence" in n for n in doc["@graph"])
    in_rdflib = Graph().parse(folder / "municipality-helsinki.jsonld", format="json-ld")
    assert isomorphic(in_rdflib, part)
    assert isomorphic(_pyld_graph(doc), part)


@pytest.mark.parametrize("slug", ["helsinki", "kalajoki"])
def test_organisation_tree_loads_in_rdflib_and_pyld_and_is_pylds_framing(
    written: tuple[Path, list[PartDump]], data: Graph, seed_build: Settings, slug: str
) -> None:
    folder, _ = written
    doc = json.loads((folder / f"municipality-{slug}.tree.jsonld").read_text(encoding="utf-8"))
    in_rdflib = Graph().parse(folder / f"municipality-{slug}.tree.jsonld", format="json-ld")
    assert isomorphic(in_rdflib, _pyld_graph(doc))
    municipality = URIRef(seed_build.base_iri + f"id/org/{slug}")
    edges = set(in_rdflib.subject_objects(ORG.hasSubOrganization))
    assert edges and all((child, ORG.subOrganizationOf, parent) in data for parent, child in edges)
    below = {c for _p, c in edges}
    direct = set(data.subjects(ORG.subOrganizationOf, municipality))
    assert direct <= below  # every body directly under the municipality is in its tree
    heads = set(in_rdflib.subject_objects(ORG.headOf))  # written on the body as "head" (@reverse)
    bodies = below | {municipality}
    assert heads == {(p, b) for p, b in data.subject_objects(ORG.headOf) if b in bodies}
    assert heads or slug != "helsinki"  # the Helsinki seed names heads
    assert all(in_rdflib.value(person, FOAF.name) for person, _b in heads)
    for s, p, o in in_rdflib:  # the tree states nothing the data does not
        assert (s, p, o) in data or (p == ORG.hasSubOrganization and (o, ORG.subOrganizationOf, s) in data)
    root = (doc.get("@graph") or [doc])[0]
    framed = pyld.frame(doc, tree_frame(Local(seed_build.base_iri), str(municipality)))
    context = doc["@context"]

    def nesting(node: dict[str, Any]) -> tuple[str, frozenset[Any]]:
        prefix, _, rest = node["@id"].partition(":")
        iri = context[prefix] + rest if isinstance(context.get(prefix), str) else node["@id"]
        parts = node.get("hasPart", [])
        return iri, frozenset(nesting(c) for c in (parts if isinstance(parts, list) else [parts]))

    assert nesting(framed) == nesting(root)


def test_graph_dumps_keep_the_graph_name(written: tuple[Path, list[PartDump]], seed_build: Settings) -> None:
    folder, _ = written
    named = named_graphs(load_dataset(current(seed_build).dataset_path))
    iri = URIRef(seed_build.base_iri + "graph/source/kalajoki-hallintopalvelut")
    back = Dataset()
    back.parse(folder / "graph-source-kalajoki-hallintopalvelut.trig", format="trig")
    assert [g.identifier for g in back.graphs() if len(g)] == [iri]
    assert isomorphic(back.graph(iri), named[iri])


def test_a_build_publishes_data_only_dumps_and_the_parts(seed_build: Settings) -> None:
    dumps = current(seed_build).dumps_path
    data = Graph().parse(dumps / "dataset.ttl")
    assert set(data.subjects(RDF.type, ORG.OrganizationalUnit))
    assert not set(data.subjects(RDF.type, SH.NodeShape)) and not set(
        data.subjects(RDF.type, OWL.ObjectProperty)
    )
    listed = {e["name"]: e for e in json.loads((dumps / "dumps.json").read_text(encoding="utf-8"))}
    assert {"dataset.ttl", "shapes.ttl", "municipality-helsinki.tree.jsonld"} <= set(listed)
    assert set(Graph().parse(dumps / "shapes.ttl").subjects(RDF.type, SH.NodeShape))
