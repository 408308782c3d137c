"""Content negotiation over the format registry: suffix, then ?format=, then Accept with q-values."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import NotAcceptable

from kgpub.formats import BY_NAME, FORMATS, Format
from kgpub.web.negotiate import by_accept, choose

GRAPH = tuple(BY_NAME[n] for n in ("ttl", "jsonld", "nt", "rdfxml", "html"))
RESULTS = tuple(BY_NAME[n] for n in ("json", "xml", "csv", "tsv"))
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "ttl"),
        ("", "ttl"),
        ("*/*", "ttl"),
        ("text/turtle", "ttl"),
        ("application/x-turtle", "ttl"),
        ("application/ld+json", "jsonld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "rdfxml"),
        (BROWSER, "html"),  # a browser's application/xml;q=0.9 must not win over its text/html
        ("application/rdf+xml;q=0.5, text/turtle;q=0.9", "ttl"),
        ("text/*;q=0.5, application/ld+json;q=0.4", "ttl"),
        ("text/*, text/turtle;q=0", "nt"),  # text/plain is N-Triples; Turtle was excluded
        ("*/*;q=0.1, application/ld+json", "jsonld"),
        ("application/json, application/ld+json;q=0.9", "jsonld"),
    ],
)
def test_accept_picks_the_best_graph_format(accept: str | None, expected: str) -> None:
    assert choose(GRAPH, accept).name == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+json", "json"),
        ("application/json", "json"),
        ("application/sparql-results+xml", "xml"),
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
        # rdflib's SPARQLStore sends both kinds at once; results must come as results
        ("application/sparql-results+xml, application/rdf+xml", "xml"),
        ("text/csv;q=0.2, text/tab-separated-values;q=0.8", "tsv"),
    ],
)
def test_accept_picks_the_best_results_format(accept: str, expected: str) -> None:
    assert by_accept(RESULTS, accept).name == expected


@pytest.mark.parametrize(
    "accept", ["*/*;q=0", "image/png", "text/turtle;q=0, application/ld+json;q=0", "application/xml;q=0"]
)
def test_nothing_acceptable_is_406(accept: str) -> None:
    with pytest.raises(NotAcceptable) as info:
        choose(RESULTS, accept)
    assert "application/sparql-results+json" in str(info.value.description)


def test_suffix_beats_format_beats_accept() -> None:
    assert choose(GRAPH, "text/turtle", format_param="nt", suffix=".jsonld").name == "jsonld"
    assert choose(GRAPH, "text/turtle", format_param="nt").name == "nt"
    assert choose(GRAPH, "text/turtle", format_param="application/rdf+xml").name == "rdfxml"
    assert choose(GRAPH, None, format_param=" Turtle ").name == "ttl"


def test_aliases_are_applied_before_the_registry() -> None:
    assert choose(GRAPH, None, format_param="xml", aliases={"xml": "rdfxml"}).name == "rdfxml"
    assert choose(RESULTS, None, format_param="xml").name == "xml"


@pytest.mark.parametrize(
    ("suffix", "param"), [(".trig", None), (".exe", None), (None, "trig"), (None, "nope")]
)
def test_a_named_format_that_is_not_offered_is_406(suffix: str | None, param: str | None) -> None:
    with pytest.raises(NotAcceptable):
        choose(GRAPH, "*/*", suffix=suffix, format_param=param)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_every_registered_media_type_finds_its_format(fmt: Format) -> None:
    # Each format's canonical media type, asked for alone, selects it among all formats.
    assert by_accept(FORMATS, fmt.media_type) is fmt


def test_no_candidates_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="no candidate"):
        choose((), "*/*")
