""" "Här ingår …": the bodies that belong to the item or section being described (invented names)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import parts, run


def test_här_ingår_in_an_item_makes_its_bodies_parts_of_the_item() -> None:
    e = run(
        "På kontoret finns följande funktioner:\n\n  • Ekonomi\n"
        "  • Personal (Här ingår även arbetsmiljöenheten som är den interna företagshälsovården)\n"
    )
    assert ("arbetsmiljöenheten", "personal", "part") in parts(e)


def test_här_ingår_under_a_body_s_heading_makes_its_bodies_parts_of_that_body() -> None:
    e = run("Kansliavdelningen\n\nHär ingår även arkivenheten och registratorskontoret.\n")
    assert parts(e) == {
        ("arkivenheten", "kansliavdelningen", "part"),
        ("registratorskontoret", "kansliavdelningen", "part"),
    }


def test_här_ingår_with_no_body_heading_relates_nothing() -> None:
    assert parts(run("Välkommen\n\nHär ingår även arkivenheten och registratorskontoret.\n")) == set()
