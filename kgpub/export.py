"""Serialise the published dataset: exports on demand and the dumps prebuilt at build time.

Graph formats (Turtle, JSON-LD, N-Triples, RDF/XML) carry the union of the named graphs; dataset
formats (TriG, N-Quads) keep the graphs apart, provenance graphs included. JSON-LD is compacted with
the context in ``kgpub/context.jsonld`` plus the local prefixes of the configured base — never a
remote context.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, BNode, Dataset, Graph, URIRef
from rdflib.plugins.serializers import jsonld
from rdflib.plugins.shared.jsonld.context import Context
from rdflib.plugins.shared.jsonld.keys import CONTEXT as CONTEXT_KEY
from rdflib.plugins.shared.jsonld.keys import GRAPH as GRAPH_KEY
from rdflib.term import IdentifiedNode, Identifier

from .errors import InputError, NotRepresentable
from .formats import Format, lookup
from .jsonld_dump import compact_bytes
from .namespaces import Local, bind_prefixes
from .publish import write_bytes, writing
from .quads import graph_bytes, quads_of_dataset, union_triples, write_quads

CONTEXT_FILE = Path(__file__).with_name("context.jsonld")


@dataclass(frozen=True)
class Dump:
    """A prebuilt file in ``dumps/``: what harvesters download."""

    name: str
    media_type: str
    encoding: str | None
    size: int


@cache
def _static_context() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    return data


def jsonld_context(local: Local) -> dict[str, Any]:
    """The compact @context: the short names and vocabulary prefixes of ``context.jsonld`` (see
    :mod:`kgpub.jsonld`) plus the deployment's own namespaces — ``kind`` is the short name of
    ``org:classification``, so the kinds are under ``kgp:kind/``, not a prefix of their own."""
    return {**_static_context(), "kgp": str(local.KGP), "duty": str(local.DUTY), "id": str(local.ID)}


class _KeepingConverter(jsonld.Converter):
    """rdflib's JSON-LD converter, minus two silent losses. (1) When compacting, it asks ``if value:``
    to see whether a property already has a value, so a first value that is JSON-falsy (``""``, ``0``,
    ``false``) is overwritten by the second one — a triple gone, at random (it depends on triple
    order): a falsy scalar is written as a value object (``{"@value": 0}``), the same literal and
    truthy. (2) It starts only from IRIs and unreferenced blank nodes, so blank nodes referenced only
    from a cycle of blank nodes were never written: they are started from too."""

    def from_graph(self, graph: Graph) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = super().from_graph(graph)
        nodemap = {node[self.context.id_key]: node for node in nodes}
        for subject in sorted(set(graph.subjects()), key=str):
            if isinstance(subject, BNode) and subject.n3() not in nodemap:
                self.process_subject(graph, subject, nodemap)
        return list(nodemap.values())

    def to_raw_value(self, graph: Graph, s: IdentifiedNode, o: Identifier, nodemap: dict[str, Any]) -> Any:
        value = super().to_raw_value(graph, s, o, nodemap)
        if isinstance(value, str | int | float) and not value:  # bool is an int
            return {self.context.value_key: value}
        return value


def jsonld_bytes(graph: Graph, local: Local, extra: Mapping[str, str] | None = None) -> bytes:
    """Compacted JSON-LD of ``graph`` with the local context (plus ``extra`` prefixes), every triple
    kept (rdflib's ``serialize(format="json-ld")`` with :class:`_KeepingConverter`; same layout)."""
    context_data = {**jsonld_context(local), **(extra or {})}
    # "@type" holds IRIs only; a blank node or literal as a type would be written there and lost, so
    # such a graph spells rdf:type out as a property instead.
    odd_types = any(not isinstance(o, URIRef) for o in graph.objects(None, RDF.type))
    converter = _KeepingConverter(Context(context_data), True, odd_types)
    result = converter.convert(graph)
    if isinstance(result, list):
        result = {converter.context.get_key(GRAPH_KEY): result}
    result[CONTEXT_KEY] = context_data
    text = json.dumps(result, indent=2, separators=(",", ": "), sort_keys=True, ensure_ascii=False)
    return text.encode("utf-8")


def load_dataset(path: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format="trig")
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """Every triple of every graph in one graph (what a graph serialisation can carry)."""
    graph = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def resolve_format(name: str) -> Format:
    fmt = lookup(name)
    if fmt is None or fmt.kind not in ("graph", "dataset"):
        raise InputError(f"unknown export format {name!r}: use ttl, jsonld, nt, rdfxml, trig or nq")
    return fmt


#: What XML 1.0 cannot hold, not even as a character reference (outside its ``Char`` production).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def check_representable(graph: Graph, fmt: Format) -> None:
    """Refuse (NotRepresentable, 406) to write RDF/XML that no XML parser would read back: rdflib
    writes a literal holding a form feed or another C0 control character as is, and the document is
    not well-formed. Evidence quotes are exact slices of scraped text, so such literals do occur."""
    if fmt.rdflib_format == "xml":
        terms = (str(term) for triple in graph for term in triple)
        refuse_xml_unsafe(terms, "RDF/XML", "Turtle, N-Triples or JSON-LD")


def refuse_xml_unsafe(texts: Iterable[str], syntax: str, instead: str) -> None:
    """NotRepresentable naming the first text that holds a character XML 1.0 cannot carry."""
    for text in texts:
        found = _NOT_XML.search(text)
        if found:
            raise NotRepresentable(
                f"cannot write {syntax}: {text[:60]!r} holds U+{ord(found.group()):04X}, which XML 1.0 "
                f"cannot carry; ask for {instead} instead"
            )


def serialize(dataset: Dataset, fmt: Format, local: Local) -> bytes:
    """The dataset in ``fmt``; graph formats get the union of the named graphs."""
    assert fmt.rdflib_format is not None
    if fmt.kind == "dataset":
        bind_prefixes(dataset, local)
        return dataset.serialize(format=fmt.rdflib_format, encoding="utf-8")
    graph = bind_prefixes(union_graph(dataset), local)
    check_representable(graph, fmt)
    if fmt.name == "jsonld":
        return jsonld_bytes(graph, local)
    return graph.serialize(format=fmt.rdflib_format, encoding="utf-8")


DUMPS: tuple[tuple[str, str, str | None], ...] = (
    ("dataset.ttl", "ttl", None),
    ("dataset.nt.gz", "nt", "gzip"),
    ("dataset.trig", "trig", None),
    ("dataset.jsonld", "jsonld", None),
)


def dump_prefixes(local: Local) -> dict[str, str]:
    """The prefixes the dumps are written with: those every serialisation shows (``bind_prefixes``)."""
    graph = bind_prefixes(Graph(bind_namespaces="none"), local)
    return {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix}


#: The dumps' formats, written by pyoxigraph (``kgpub.quads``): rdflib took minutes at 1 M triples.
_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
}


def write_dumps(build_dir: Path, dataset: Dataset | list[ox.Quad], local: Local) -> list[Dump]:
    """Write every dump into ``build_dir/dumps`` (before the swap, so dumps and store always agree).

    Graph formats carry the union of the named graphs, each triple once; TriG keeps the graphs. They
    are serialised by pyoxigraph, JSON-LD compacted with the short-name context by
    :mod:`kgpub.jsonld_dump` (node by node; rdflib's compaction took minutes at 1 M triples): the
    triples are what rdflib would write."""
    out_dir = build_dir / "dumps"
    with writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
    quads = dataset if isinstance(dataset, list) else quads_of_dataset(dataset)
    prefixes = dump_prefixes(local)
    triples = union_triples(quads)
    dumps = []
    for name, fmt_name, encoding in DUMPS:
        fmt = resolve_format(fmt_name)
        if fmt.kind == "dataset":
            buffer = io.BytesIO()
            write_quads(quads, buffer, prefixes)
            data = buffer.getvalue()
        elif fmt_name == "jsonld":
            data = compact_bytes(triples, jsonld_context(local))
        else:
            data = graph_bytes(triples, _OX_FORMATS[fmt_name], prefixes)
        if encoding == "gzip":
            data = gzip.compress(data, compresslevel=6, mtime=0)
        write_bytes(out_dir / name, data)  # a full disk: a PublishError naming the dump
        dumps.append(Dump(name, fmt.media_type, encoding, len(data)))
    manifest = [d.__dict__ for d in dumps]
    write_bytes(out_dir / "dumps.json", json.dumps(manifest, indent=1).encode("utf-8"))
    return dumps
