"""Named SPARQL queries: ``queries/<name>.rq`` with a comment header (``# title:``, ``# description:``).

The files declare the local prefixes with relative IRIs (``PREFIX kgp: <def/>``), so one file serves
every deployment whatever its base IRI (``Settings.base_iri``). Loaded with a ``base_iri`` (the query
page, ``kgpub query``), each relative ``PREFIX`` IRI is expanded against it, so the text people see and
copy runs anywhere — in another tool, on another endpoint — without a ``BASE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from .errors import NotFoundError, QueryError

_HEADER = re.compile(r"^#\s*(title|description)\s*:\s*(.+?)\s*$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PREFIX = re.compile(r"^(\s*PREFIX\s+[A-Za-z][\w.-]*:\s*<)([^>]*)(>)", re.IGNORECASE | re.MULTILINE)
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str

    def with_base(self, base_iri: str) -> str:
        """The query with an explicit ``BASE`` so that tools without a base option can run it."""
        return f"BASE <{base_iri}>\n{self.text}"


def absolute_prefixes(text: str, base_iri: str) -> str:
    """``text`` with every relative ``PREFIX`` IRI resolved against ``base_iri`` (RFC 3986), so the
    query no longer depends on a base: ``PREFIX kgp: <def/>`` becomes ``PREFIX kgp: <{base}def/>``."""

    def expand(m: re.Match[str]) -> str:
        iri = m.group(2)
        return m.group(0) if _ABSOLUTE.match(iri) else m.group(1) + urljoin(base_iri, iri) + m.group(3)

    return _PREFIX.sub(expand, text)


def parse_query_file(path: Path, base_iri: str | None = None) -> NamedQuery:
    """Read one ``.rq`` file; a missing title or description is an error (they are the docs). With
    ``base_iri``, relative prefix IRIs are expanded (:func:`absolute_prefixes`)."""
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
    if base_iri is not None:
        text = absolute_prefixes(text, base_iri)
    return NamedQuery(path.stem, header["title"], header["description"], text)


def load_queries(queries_dir: Path, base_iri: str | None = None) -> list[NamedQuery]:
    """Every named query, sorted by name (prefixes absolute when ``base_iri`` is given)."""
    return [parse_query_file(p, base_iri) for p in sorted(queries_dir.glob("*.rq"))]


def get_query(queries_dir: Path, name: str, base_iri: str | None = None) -> NamedQuery:
    if not _NAME.match(name):
        raise NotFoundError(f"no such named query: {name!r}")
    path = queries_dir / f"{name}.rq"
    if not path.is_file():
        raise NotFoundError(f"no such named query: {name!r}")
    return parse_query_file(path, base_iri)
