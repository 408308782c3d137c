"""A query is tokenised once per request and remembered: the endpoint and the store both analyse it,
and clients repeat queries. What is remembered must never change an answer: only the base-free part
(words, nesting) is kept, the dataset IRIs are resolved against each caller's base every time."""

from __future__ import annotations

from kgpub.store import analyse
from kgpub.store.scan import LEX_CACHE_CHARS, _lex_remembered, keywords, lex, nesting_depth


def test_one_pass_finds_the_words_and_the_nesting_outside_strings_iris_and_comments() -> None:
    query = 'SELECT * WHERE { ?s <http://e/x> "}{((" . FILTER((?s)) } # {{{{ SERVICE'
    words, depth = lex(query)
    assert words == ("SELECT", "WHERE", "FILTER")
    assert depth == 3  # { then FILTER( then (?s)
    assert keywords(query) == ["SELECT", "WHERE", "FILTER"]
    assert nesting_depth(query) == 3


def test_the_same_text_gives_the_same_analysis_remembered_or_not() -> None:
    query = "PREFIX e: <http://e/> ASK { { { ?s e:p ?o } } }"
    _lex_remembered.cache_clear()
    first = analyse(query)
    assert _lex_remembered.cache_info().currsize == 1
    second = analyse(query)
    assert _lex_remembered.cache_info().hits >= 1
    assert first == second
    assert (first.form, first.depth, first.uses_service, first.update_keyword) == ("ASK", 3, False, None)


def test_dataset_iris_are_resolved_against_each_callers_base_not_remembered() -> None:
    query = "SELECT * FROM <graph/a> WHERE { ?s ?p ?o }"
    assert analyse(query, "http://one.example/").dataset_iris == ("http://one.example/graph/a",)
    assert analyse(query, "http://two.example/").dataset_iris == ("http://two.example/graph/a",)


def test_a_long_query_is_analysed_alike_but_not_kept() -> None:
    filler = "# " + "x" * LEX_CACHE_CHARS + "\n"
    query = filler + "DELETE WHERE { ?s ?p ?o }"
    _lex_remembered.cache_clear()
    info = analyse(query)
    assert info.update_keyword == "DELETE" and info.form is None and info.depth == 1
    assert _lex_remembered.cache_info().currsize == 0


def test_service_is_still_found_when_the_words_are_remembered() -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    assert analyse(query).uses_service
    assert analyse(query).uses_service  # the second time from the remembered words
    escaped = "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    assert analyse(escaped).uses_service
    assert analyse(escaped).uses_service
