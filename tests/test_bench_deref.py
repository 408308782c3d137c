"""The dereference benchmark's table: each row as a ratio to both engines' DESCRIBE (issue 12)."""

from __future__ import annotations

from kgpub.bench_deref import OXIGRAPH, RDFLIB_ENDPOINT, Row, table


def test_every_row_is_a_ratio_to_both_engines() -> None:
    rows = [
        Row("kgpub /doc Turtle, recorded + cache", 2000.0, 3.0, "200×20000"),
        Row(OXIGRAPH, 10000.0, 0.8, "200×100000"),
        Row(RDFLIB_ENDPOINT, 400.0, 20.0, "200×4000"),
    ]
    lines = table("Seed", "http://x/id/org/a", rows)
    assert lines[4] == "| | req/s | p50 ms | × Oxigraph DESCRIBE | × rdflib-endpoint DESCRIBE | statuses |"
    assert "| kgpub /doc Turtle, recorded + cache | 2,000 | 3.0 | 0.20 | 5.00 | 200×20000 |" in lines
    assert f"| {OXIGRAPH} | 10,000 | 0.8 | 1.00 | 25 | 200×100000 |" in lines
    assert f"| {RDFLIB_ENDPOINT} | 400 | 20.0 | 0.04 | 1.00 | 200×4000 |" in lines


def test_a_peer_that_answered_nothing_gives_no_ratio() -> None:
    rows = [
        Row("kgpub", 10.0, 1.0, "200×100"),
        Row(OXIGRAPH, 0.0, float("nan"), ""),
        Row(RDFLIB_ENDPOINT, 5.0, 1, ""),
    ]
    assert "| kgpub | 10 | 1.0 | – | 2.00 | 200×100 |" in table("t", "b", rows)
