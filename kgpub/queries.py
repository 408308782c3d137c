"""Named SPARQL queries: ``queries/<name>.rq`` with a comment header (``# title:``, ``# description:``).

The files declare the local prefixes with relative IRIs (``PREFIX kgp: <def/>``) and are run with the
dataset's base IRI as the query base, so one file serves every deployment; the SPARQL endpoint uses
the same base for the queries people type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import NotFoundError, QueryError

_HEADER = re.compile(r"^#\s*(title|description)\s*:\s*(.+?)\s*$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str

    def with_base(self, base_iri: str) -> str:
        """The query with an explicit ``BASE`` so that tools without a base option can run it."""
        return f"BASE <{base_iri}>\n{self.text}"


def parse_query_file(path: Path) -> NamedQuery:
    """Read one ``.rq`` file; a missing title or description is an error (they are the docs)."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            key = match.group(1)
            header[key] = f"{header[key]} {match.group(2)}" if key in header else match.group(2)
    if "title" not in header or "description" not in header:
        raise QueryError(f"{path}: the header must have '# title:' and '# description:' lines")
    return NamedQuery(path.stem, header["title"], header["description"], text)


def load_queries(queries_dir: Path) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [parse_query_file(p) for p in sorted(queries_dir.glob("*.rq"))]


def get_query(queries_dir: Path, name: str) -> NamedQuery:
    if not _NAME.match(name):
        raise NotFoundError(f"no such named query: {name!r}")
    path = queries_dir / f"{name}.rq"
    if not path.is_file():
        raise NotFoundError(f"no such named query: {name!r}")
    return parse_query_file(path)
