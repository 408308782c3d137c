"""The format registry: one table drives negotiation, dumps, exports, the CLI and the docs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["graph", "dataset", "results", "page"]


@dataclass(frozen=True)
class Format:
    """A serialisation kgpub can produce. ``media_types[0]`` is the canonical one."""

    name: str
    media_types: tuple[str, ...]
    suffix: str
    rdflib_format: str | None
    kind: Kind

    @property
    def media_type(self) -> str:
        return self.media_types[0]


FORMATS: tuple[Format, ...] = (
    Format("ttl", ("text/turtle", "application/x-turtle"), ".ttl", "turtle", "graph"),
    Format("jsonld", ("application/ld+json",), ".jsonld", "json-ld", "graph"),
    Format("nt", ("application/n-triples", "text/plain"), ".nt", "nt", "graph"),
    Format("rdfxml", ("application/rdf+xml", "application/xml"), ".rdf", "xml", "graph"),
    Format("trig", ("application/trig",), ".trig", "trig", "dataset"),
    Format("nq", ("application/n-quads",), ".nq", "nquads", "dataset"),
    Format("html", ("text/html", "application/xhtml+xml"), ".html", None, "page"),
    Format("json", ("application/sparql-results+json", "application/json"), ".srj", "json", "results"),
    Format("xml", ("application/sparql-results+xml",), ".srx", "xml", "results"),
    Format("csv", ("text/csv",), ".csv", "csv", "results"),
    Format("tsv", ("text/tab-separated-values",), ".tsv", "tsv", "results"),
)

BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
BY_SUFFIX: dict[str, Format] = {f.suffix: f for f in FORMATS}

#: Aliases users type (``--format turtle``, ``?format=json-ld``).
ALIASES: dict[str, str] = {
    "turtle": "ttl",
    "json-ld": "jsonld",
    "ntriples": "nt",
    "n-triples": "nt",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
    "nquads": "nq",
    "n-quads": "nq",
}


def by_kind(*kinds: Kind) -> tuple[Format, ...]:
    return tuple(f for f in FORMATS if f.kind in kinds)


def lookup(name: str) -> Format | None:
    """Find a format by name, alias or media type (case-insensitive)."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key in BY_NAME:
        return BY_NAME[key]
    for f in FORMATS:
        if key in f.media_types:
            return f
    return None
