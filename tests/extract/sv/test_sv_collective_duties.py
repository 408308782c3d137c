"""Duties stated of a body's parts or of a class (gold convention E), and an unfinished statement
(invented sentences in the style of municipal pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, run


def test_what_a_body_s_counted_parts_do_is_its_duty() -> None:
    e = run("Regionförbundet har tre sektioner som bereder ärenden inom miljö och trafik.")
    assert duties(e) == {("regionförbundet", "bereder ärenden inom miljö och trafik")}


def test_a_count_of_parts_that_do_nothing_named_gives_no_duty() -> None:
    e = run("Regionförbundet har tre sektioner som har fem ledamöter var.")
    assert duties(e) == set()


def test_a_passive_with_a_plural_class_as_agent_is_a_duty_of_each_body_of_the_class() -> None:
    e = run(
        "Nämndens utskott\n\nMiljönämnden har två utskott:\n\n"
        "  • Utskottet för tillstånd\n  • Utskottet för tillsyn\n\n"
        "De ärenden som nämnden ska besluta om kan behöva förberedas av utskotten.\n"
    )
    got = {org for org, _ in duties(e)}
    assert got == {"utskottet för tillstånd", "utskottet för tillsyn"}


def test_a_duty_that_ends_in_a_preposition_with_no_bullets_after_it_states_nothing() -> None:
    e = run("Utskottet för tillsyn ska följa och förbereda ärenden som handlar om\n\nKontakt\n")
    assert duties(e) == set()
