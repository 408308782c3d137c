"""The pure parts of ``python -m kgpub.bench_sparql`` and its HTTP client: percentiles, ratios, the
tables, result sizes, and reading responses off a socket."""

from __future__ import annotations

import socket

import pytest

from kgpub import httpload
from kgpub.bench_sparql import (
    CLIENTS,
    Cell,
    Results,
    format_cell,
    geometric_mean,
    headline,
    p50_ratio,
    ratio,
    result_size,
    size_notes,
    table,
)


def test_percentiles_are_nearest_rank_in_milliseconds() -> None:
    sample = httpload.Sample(latencies=[(21 - i) / 1000 for i in range(1, 21)])  # 20 ms … 1 ms, unsorted
    assert sample.p50_ms == pytest.approx(10.0)  # the 10th of 20
    assert sample.p95_ms == pytest.approx(19.0)  # the 19th of 20
    assert httpload.Sample().p50_ms is None


def test_sample_counts_only_2xx_and_3xx_as_answered() -> None:
    sample = httpload.Sample(statuses={200: 5, 303: 1, 503: 2, httpload.RECONNECT: 1})
    assert sample.ok == 6
    assert sample.shown_statuses() == "reconnect×1, 200×5, 303×1, 503×2"


def test_ratio_and_geometric_mean() -> None:
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None
    assert ratio(1.0, 0.0) is None
    assert geometric_mean([2.0, 8.0]) == pytest.approx(4.0)
    assert geometric_mean([]) is None


def _ok(p50: float, rps: float = 100.0) -> Cell:
    return Cell(p50_ms=p50, p95_ms=2 * p50, rps=rps, statuses="200×100")


def test_p50_ratio_is_kgpub_over_the_peer_and_only_when_both_answered_200() -> None:
    results: Results = {
        ("q", "kgpub", 1): _ok(2.4),
        ("q", "Oxigraph", 1): _ok(2.0),
        ("q", "Virtuoso", 1): Cell(p50_ms=1.0, p95_ms=1.0, rps=9.0, statuses="200×5, 500×5"),
        ("q", "rdflib-endpoint", 1): Cell(note="> 30 s"),
    }
    assert p50_ratio(results, "q", "Oxigraph", 1) == pytest.approx(1.2)
    assert p50_ratio(results, "q", "Virtuoso", 1) is None  # some answers were errors
    assert p50_ratio(results, "q", "rdflib-endpoint", 1) is None  # not measured
    assert p50_ratio(results, "q", "Oxigraph", 16) is None  # no such run


def test_cells_show_p50_p95_throughput_and_any_status_that_is_not_200() -> None:
    assert format_cell(_ok(2.0, 512.4)) == "2.0 / 4.0 · 512/s"
    assert format_cell(Cell(p50_ms=0.5, p95_ms=150.0, rps=3.0, statuses="200×2, 503×1")) == (
        "0.50 / 150 · 3/s (200×2, 503×1)"
    )
    assert format_cell(Cell(note="too slow")) == "too slow"
    assert format_cell(None) == "–"


def test_table_has_a_row_per_query_and_number_of_clients_with_the_oxigraph_ratio() -> None:
    results: Results = {}
    for clients in CLIENTS:
        results[("a", "kgpub", clients)] = _ok(3.0)
        results[("a", "Oxigraph", clients)] = _ok(1.5)
    lines = table(results, ["a", "b"], {("a", "kgpub"): "7"})
    assert len(lines) == 2 + 2 * len(CLIENTS)
    first = lines[2].split(" | ")
    assert first[0] == "| `a`" and first[1] == "7" and first[2] == "1"
    assert lines[2].endswith("| 2.00× |")
    assert lines[2 + len(CLIENTS)].startswith("| `b` |")
    assert lines[-1].endswith("| – |")  # b was not measured: no ratio


def test_headline_takes_the_geometric_mean_of_each_column() -> None:
    results: Results = {
        ("a", "kgpub", 1): _ok(2.0),
        ("a", "Oxigraph", 1): _ok(1.0),
        ("b", "kgpub", 1): _ok(8.0),
        ("b", "Oxigraph", 1): _ok(1.0),
    }
    lines = headline(results, ["a", "b"], at=(1,))
    assert lines[0] == "| query | ÷ Oxigraph (1) | ÷ Virtuoso (1) | ÷ rdflib-endpoint (1) |"
    assert lines[2] == "| `a` | 2.00× | – | – |"
    assert lines[-1] == "| **geometric mean** | 4.00× | – | – |"


def test_no_ratio_is_taken_against_another_answer() -> None:
    results: Results = {
        ("q", "kgpub", 1): _ok(2.0),
        ("q", "Virtuoso", 1): _ok(1.0),
        ("q", "Oxigraph", 1): _ok(1.0),
    }
    sizes = {("q", "kgpub"): "22 triples", ("q", "Virtuoso"): "57 triples", ("q", "Oxigraph"): "22 triples"}
    lines = headline(results, ["q"], at=(1,), sizes=sizes)
    assert lines[2] == "| `q` | 2.00× | ≠ | – |"
    assert lines[-1] == "| **geometric mean** | 2.00× | – | – |"


def test_a_result_size_that_differs_from_kgpubs_is_reported() -> None:
    sizes = {("q", "kgpub"): "233", ("q", "Oxigraph"): "233", ("q", "Virtuoso"): "200"}
    assert size_notes(sizes, ["q"]) == ["- `q`: Virtuoso answered 200 where kgpub answered 233."]


def test_result_size_counts_rows_and_triples() -> None:
    rows = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{}, {}]}}'
    assert result_size(rows, "application/sparql-results+json") == "2"
    assert result_size(b'{"head": {}, "boolean": true}', "application/sparql-results+json") == "boolean"
    turtle = b"@prefix e: <http://e/> . e:a e:b e:c , e:d ; e:f e:g ."
    assert result_size(turtle, "text/turtle") == "3 triples"
    rdfxml = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">
  <rdf:Description rdf:about="http://e/a"><e:b rdf:resource="http://e/c"/><e:f>g</e:f></rdf:Description>
</rdf:RDF>"""
    assert result_size(rdfxml, "text/turtle") == "2 triples (RDF/XML)"  # sent whatever was asked


def test_read_response_reads_one_answer_at_a_time_off_a_keep_alive_connection() -> None:
    server, client = socket.socketpair()
    with server, client:
        server.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
            b"HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
            b"HTTP/1.1 303 See Other\r\nContent-Length: 0\r\n\r\n"
        )
        buf = bytearray()
        assert httpload.read_response(client, buf) == 200
        assert httpload.read_response(client, buf) == 503
        assert httpload.read_response(client, buf) == 303
        assert buf == b""
        server.close()
        with pytest.raises(ConnectionError):
            httpload.read_response(client, buf)
