"""What is done at a body, in the passive: "Vid miljöenheten handläggs …", "Här sköts …" under the
body's heading (invented sentences in the style of municipal pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, run


def test_a_passive_at_a_named_body_is_its_duty() -> None:
    e = run("Vid miljöenheten handläggs tillstånd för avlopp och värmepumpar.")
    assert duties(e) == {("miljöenheten", "handläggs tillstånd för avlopp och värmepumpar")}


def test_här_under_a_body_s_heading_is_that_body() -> None:
    e = run("Kansliavdelningen\n\nHär sköts diarieföring, protokollhantering och kungörelser.\n")
    assert duties(e) == {("kansliavdelningen", "sköts diarieföring, protokollhantering och kungörelser")}


def test_här_with_no_body_heading_above_states_nothing() -> None:
    e = run("Välkommen\n\nHär sköts diarieföring, protokollhantering och kungörelser.\n")
    assert duties(e) == set()


def test_an_election_at_a_body_is_no_duty() -> None:
    e = run("Vid kommunfullmäktige väljs ledamöterna i kommunstyrelsen för fyra år.")
    assert duties(e) == set()
