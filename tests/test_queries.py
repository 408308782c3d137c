"""Named queries: every file has a header and parses as SPARQL; bad files and names are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

from kgpub.config import Settings
from kgpub.errors import NotFoundError, QueryError
from kgpub.queries import get_query, load_queries, parse_query_file

SETTINGS = Settings()


def test_every_named_query_has_a_header_and_parses() -> None:
    queries = load_queries(SETTINGS.queries_dir)
    assert len(queries) >= 6
    store = Store()
    for query in queries:
        assert query.title and query.description
        store.query(query.text, base_iri=SETTINGS.base_iri)  # raises SyntaxError if malformed


def test_with_base_makes_a_self_contained_query() -> None:
    query = get_query(SETTINGS.queries_dir, "heads")
    assert query.with_base("http://example.org/").startswith("BASE <http://example.org/>\n")


def test_header_is_required(tmp_path: Path) -> None:
    path = tmp_path / "bare.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bare\.rq: the header must have"):
        parse_query_file(path)


@pytest.mark.parametrize("name", ["../secret", "nope", "Heads"])
def test_unknown_or_unsafe_names_are_not_found(name: str) -> None:
    with pytest.raises(NotFoundError):
        get_query(SETTINGS.queries_dir, name)
