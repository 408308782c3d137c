"""Named queries: every file has a header and parses as SPARQL; bad files and names are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store
from rdflib.namespace import RDF

from kgpub.config import Settings
from kgpub.errors import NotFoundError, QueryError
from kgpub.queries import absolute_prefixes, get_query, load_queries, parse_query_file

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


def test_relative_prefixes_are_expanded_against_the_base_and_absolute_ones_kept() -> None:
    text = "PREFIX kgp:  <def/>\nprefix x: <../up/>\nPREFIX org: <http://www.w3.org/ns/org#>\nSELECT * {}"
    out = absolute_prefixes(text, "https://data.example.fi/kg/")
    assert "PREFIX kgp:  <https://data.example.fi/kg/def/>" in out
    assert "prefix x: <https://data.example.fi/up/>" in out
    assert "PREFIX org: <http://www.w3.org/ns/org#>" in out


def test_a_loaded_query_runs_without_any_base() -> None:
    """What the query page and `kgpub query --show` print pastes into a tool that has no base option."""
    base = "https://data.example.fi/"
    store = Store()
    statement = NamedNode(base + "s")
    store.add(Quad(NamedNode(base + "id/org/x"), NamedNode(base + "def/dutyStatement"), statement))
    store.add(Quad(statement, NamedNode(str(RDF.value)), Literal("maahanmuuttoasiat")))
    query = get_query(SETTINGS.queries_dir, "bodies-by-duty-word", base)
    assert "<def/>" not in query.text
    found = [str(row["body"].value) for row in store.query(query.text)]  # no base_iri given
    assert found == [base + "id/org/x"]  # a body with no name is not dropped either


def test_kgpub_query_show_prints_the_named_query_with_absolute_prefixes() -> None:
    from click.testing import CliRunner

    from kgpub.cli import main

    base = "https://data.example.fi/kg/"
    result = CliRunner().invoke(main, ["query", "--show", "duties-of-body"], env={"KGPUB_BASE_IRI": base})
    assert result.exit_code == 0, result.output
    assert f"PREFIX kgp:  <{base}def/>" in result.output and "<def/>" not in result.output
    assert result.output.startswith("# title: Duties of a body")
