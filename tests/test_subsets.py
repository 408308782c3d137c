"""Parts of a real seed build: data without the schema, one municipality, named graphs."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, OWL, RDF

from kgpub.config import Settings
from kgpub.errors import InputError
from kgpub.export import load_dataset
from kgpub.namespaces import OA, SH, Local
from kgpub.publish import current
from kgpub.subsets import Index, data_only, graph_names, named_graphs, select_graphs

BODY_TYPES = (ORG.Organization, ORG.OrganizationalUnit, ORG.FormalOrganization)


@pytest.fixture(scope="module")
def named(seed_build: Settings) -> dict[URIRef, Graph]:
    return named_graphs(load_dataset(current(seed_build).dataset_path))


@pytest.fixture(scope="module")
def local(seed_build: Settings) -> Local:
    return Local(seed_build.base_iri)


def _union(quads: list[tuple[object, object, object, URIRef]]) -> Graph:
    graph = Graph()
    for s, p, o, _g in quads:
        graph.add((s, p, o))  # type: ignore[arg-type]
    return graph


def test_data_only_has_no_shape_and_no_owl_term(named: dict[URIRef, Graph], local: Local) -> None:
    data = data_only(named, local)
    assert local.GRAPH["ontology"] in named and local.GRAPH["shapes"] in named  # the build has them
    assert set(data) == set(named) - {local.GRAPH["ontology"], local.GRAPH["shapes"]}
    for graph in data.values():
        assert not set(graph.subjects(RDF.type, SH.NodeShape))
        assert not set(graph.subjects(RDF.type, OWL.ObjectProperty))


def test_municipality_part_describes_its_bodies_and_no_other_municipality(
    named: dict[URIRef, Graph], local: Local
) -> None:
    index = Index(named, local)
    assert list(index.municipalities()) == ["helsinki", "kalajoki"]
    helsinki, kalajoki = (_union(index.municipality(slug)) for slug in ("helsinki", "kalajoki"))
    kanslia = local.ID["org/helsinki-kaupunginkanslia"]
    assert (kanslia, RDF.type, ORG.OrganizationalUnit) in helsinki or (
        kanslia,
        RDF.type,
        ORG.Organization,
    ) in helsinki
    described = {
        s for s in helsinki.subjects(RDF.type, None) if any((s, RDF.type, t) in helsinki for t in BODY_TYPES)
    }
    assert described and not {b for b in described if "kalajoki" in str(b)}
    assert {s for s in kalajoki.subjects() if "/org/helsinki" in str(s)} == set()
    # every body of the data is in one of the two parts
    data = Graph()
    for graph in data_only(named, local).values():
        data += graph
    bodies = {s for t in BODY_TYPES for s in data.subjects(RDF.type, t) if str(s).startswith(str(local.ID))}
    in_parts = {s for part in (helsinki, kalajoki) for t in BODY_TYPES for s in part.subjects(RDF.type, t)}
    assert bodies <= in_parts


def test_a_part_is_closed_over_claims_and_evidence(named: dict[URIRef, Graph], local: Local) -> None:
    part = _union(Index(named, local).municipality("helsinki"))
    claims = set(part.subjects(RDF.subject, None))
    assert len(claims) > 20
    for claim in claims:
        for evidence in part.objects(claim, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")):
            if "#char=" in str(evidence):
                assert part.value(evidence, OA.hasSource) is not None, evidence  # the span is described
                assert len(list(part.objects(evidence, OA.hasSelector))) == 2
    # what a quoted span's selectors say is kept whole (blank nodes followed)
    assert set(part.objects(None, OA.exact))


def test_unknown_municipality_and_graph_are_input_errors_naming_the_choices(
    named: dict[URIRef, Graph], local: Local
) -> None:
    with pytest.raises(InputError, match=r"no municipality 'espoo'.*helsinki, kalajoki"):
        Index(named, local).municipality("espoo")
    with pytest.raises(InputError, match=r"no named graph 'nope'.*curation"):
        select_graphs(named, local, ["nope"])


def test_select_graphs_by_short_name_or_iri(named: dict[URIRef, Graph], local: Local) -> None:
    names = [g.name for g in graph_names(named, local)]
    assert "source/helsinki-kaupunginkanslia" in names and "curation" in names
    chosen = select_graphs(named, local, ["source/helsinki-kaupunginkanslia", str(local.GRAPH["curation"])])
    assert set(chosen) == {local.GRAPH["source/helsinki-kaupunginkanslia"], local.GRAPH["curation"]}


def test_the_municipalities_are_found_once_per_index(
    named: dict[URIRef, Graph], local: Local, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every municipality's part resolves its slug; a scan of every typed node per municipality made
    # the part dumps grow with the square of the country (312 s of a 1 M-triple build)
    index = Index(named, local)
    scans = 0
    find = Index._find_municipalities

    def counted(self: Index) -> dict[str, URIRef]:
        nonlocal scans
        scans += 1
        return find(self)

    monkeypatch.setattr(Index, "_find_municipalities", counted)
    slugs = list(index.municipalities())
    assert len(slugs) >= 2
    for slug in slugs:
        assert index.municipality(slug)
    index.municipalities()["changed by a caller"] = URIRef("urn:x")  # a copy: the index is unchanged
    assert "changed by a caller" not in index.municipalities()
    assert scans == 1
