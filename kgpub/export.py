"""Serialise the published dataset: exports on demand and the dumps prebuilt at build time.

Graph formats (Turtle, JSON-LD, N-Triples, RDF/XML) carry the union of the named graphs; dataset
formats (TriG, N-Quads) keep the graphs apart, provenance graphs included. JSON-LD is compacted with
the context in ``kgpub/context.jsonld`` plus the local prefixes of the configured base — never a
remote context.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from .errors import InputError, NotRepresentable
from .formats import Format, lookup
from .namespaces import Local, bind_prefixes
from .publish import write_bytes, writing

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
    """The compact @context: the shipped vocabulary prefixes plus the deployment's own namespaces."""
    return {
        **_static_context(),
        "kgp": str(local.KGP),
        "kind": str(local.KIND),
        "duty": str(local.DUTY),
        "id": str(local.ID),
    }


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
    if fmt.rdflib_format != "xml":
        return
    for triple in graph:
        for term in triple:
            found = _NOT_XML.search(str(term))
            if found:
                raise NotRepresentable(
                    f"cannot write RDF/XML: {str(term)[:60]!r} holds U+{ord(found.group()):04X}, which XML "
                    "1.0 cannot carry; ask for Turtle, N-Triples or JSON-LD instead"
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
        return graph.serialize(format="json-ld", context=jsonld_context(local), encoding="utf-8")
    return graph.serialize(format=fmt.rdflib_format, encoding="utf-8")


DUMPS: tuple[tuple[str, str, str | None], ...] = (
    ("dataset.ttl", "ttl", None),
    ("dataset.nt.gz", "nt", "gzip"),
    ("dataset.trig", "trig", None),
    ("dataset.jsonld", "jsonld", None),
)


def write_dumps(build_dir: Path, dataset: Dataset, local: Local) -> list[Dump]:
    """Write every dump into ``build_dir/dumps`` (before the swap, so dumps and store always agree)."""
    out_dir = build_dir / "dumps"
    with writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
    dumps = []
    for name, fmt_name, encoding in DUMPS:
        fmt = resolve_format(fmt_name)
        data = serialize(dataset, fmt, local)
        if encoding == "gzip":
            data = gzip.compress(data, mtime=0)
        write_bytes(out_dir / name, data)  # a full disk: a PublishError naming the dump
        dumps.append(Dump(name, fmt.media_type, encoding, len(data)))
    manifest = [d.__dict__ for d in dumps]
    write_bytes(out_dir / "dumps.json", json.dumps(manifest, indent=1).encode("utf-8"))
    return dumps
