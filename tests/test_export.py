"""Exports and dumps: every format round-trips to the same triples; JSON-LD uses the local context."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, RDF, SKOS

from kgpub.errors import InputError
from kgpub.export import DUMPS, resolve_format, serialize, union_graph, write_dumps
from kgpub.formats import by_kind
from kgpub.namespaces import Local

LOCAL = Local("http://127.0.0.1:5000/")
KANSLIA = LOCAL.ID["org/helsinki-kaupunginkanslia"]
OSASTO = LOCAL.ID["org/helsinki-kaupunginkanslia-elinkeino-osasto"]


def small_dataset() -> Dataset:
    dataset = Dataset()
    source = dataset.graph(LOCAL.GRAPH["source/helsinki-kaupunginkanslia"])
    source.add((OSASTO, RDF.type, ORG.OrganizationalUnit))
    source.add((OSASTO, SKOS.prefLabel, Literal("elinkeino-osasto", lang="fi")))
    source.add((OSASTO, ORG.subOrganizationOf, KANSLIA))
    inferred = dataset.graph(LOCAL.GRAPH["inferred"])
    inferred.add((KANSLIA, ORG.hasSubOrganization, OSASTO))
    return dataset


@pytest.mark.parametrize("fmt", by_kind("graph", "dataset"), ids=lambda f: f.name)
def test_every_format_round_trips(fmt: object) -> None:
    from kgpub.formats import Format

    assert isinstance(fmt, Format) and fmt.rdflib_format
    dataset = small_dataset()
    data = serialize(dataset, fmt, LOCAL)
    if fmt.kind == "dataset":
        back = Dataset()
        back.parse(data=data, format=fmt.rdflib_format)
        assert isomorphic(union_graph(back), union_graph(dataset))
        assert {str(g.identifier) for g in back.graphs() if len(g)} == {
            str(LOCAL.GRAPH["source/helsinki-kaupunginkanslia"]),
            str(LOCAL.GRAPH["inferred"]),
        }
    else:
        back_graph = Graph().parse(data=data, format=fmt.rdflib_format)
        assert isomorphic(back_graph, union_graph(dataset))


def test_jsonld_is_compacted_with_local_prefixes_and_no_remote_context() -> None:
    data = json.loads(serialize(small_dataset(), resolve_format("jsonld"), LOCAL))
    context = data["@context"]
    assert isinstance(context, dict)
    assert context["org"] == "http://www.w3.org/ns/org#"
    assert context["id"] == "http://127.0.0.1:5000/id/"
    assert all(not str(v).startswith("http") or k in context for k, v in context.items())


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown export format 'yaml'"):
        resolve_format("yaml")
    with pytest.raises(InputError):
        resolve_format("csv")  # results format, not an RDF export


def test_write_dumps_writes_every_dump(tmp_path: Path) -> None:
    dumps = write_dumps(tmp_path, small_dataset(), LOCAL)
    assert [d.name for d in dumps] == [name for name, _, _ in DUMPS]
    nt = gzip.decompress((tmp_path / "dumps" / "dataset.nt.gz").read_bytes())
    graph = Graph().parse(data=nt, format="nt")
    assert (OSASTO, ORG.subOrganizationOf, URIRef(KANSLIA)) in graph
    listed = json.loads((tmp_path / "dumps" / "dumps.json").read_text(encoding="utf-8"))
    assert {d["name"]: d["size"] for d in listed} == {
        d.name: (tmp_path / "dumps" / d.name).stat().st_size for d in dumps
    }
