"""A body's own page: "Vi sköter …" under its heading, the holder's name above a bare title
("Karin Lund" / "förvaltningschef"), and "<Namn> är <ort>s stadsdirektör" (invented names)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, heads, run


def test_vi_on_a_body_s_page_states_its_duties() -> None:
    e = run("Miljöförvaltningen\n\nVi ansvarar för miljötillsyn och hälsoskydd i kommunen.\n")
    assert duties(e) == {("miljöförvaltningen", "ansvarar för miljötillsyn och hälsoskydd i kommunen")}


def test_vi_with_no_body_heading_states_nothing() -> None:
    assert duties(run("Välkommen\n\nVi ansvarar för miljötillsyn och hälsoskydd i kommunen.\n")) == set()


def test_a_name_above_a_lower_case_title_heads_the_section_s_body() -> None:
    e = run("Miljöförvaltningen\n\nFörvaltningen ansvarar för tillsynen.\n\nKarin Lund\nförvaltningschef\n")
    assert heads(e) == {("miljöförvaltningen", "förvaltningschef", "Karin Lund")}


def test_a_name_above_the_municipal_director_s_title_heads_the_municipality() -> None:
    e = run("Kansliet\n\nVi bereder ärenden till stadsstyrelsen.\n\nPer Holm\nstadsdirektör\n")
    assert ("staden", "stadsdirektör", "Per Holm") in heads(e)


def test_a_party_above_a_post_line_is_no_holder() -> None:
    e = run("Stadsstyrelsen\n\nSvenska Folkpartiet\nOrdförande\n")
    assert heads(e) == set()


def test_a_person_who_is_the_town_s_director() -> None:
    e = run("Ekstad stad\n\nPer Holm är Ekstads stadsdirektör. Han leder stadens förvaltning.\n")
    assert heads(e) == {("Ekstad stad", "stadsdirektör", "Per Holm")}


def test_a_name_comma_title_line_under_a_body_s_heading_heads_it() -> None:
    e = run("Miljöförvaltningen\n\nVi ansvarar för tillsynen.\n\nKarin Lund, förvaltningschef\n")
    assert heads(e) == {("miljöförvaltningen", "förvaltningschef", "Karin Lund")}


def test_a_deputy_or_a_staff_title_in_a_name_comma_title_line_heads_nothing() -> None:
    e = run("Miljöförvaltningen\n\nPer Holm, biträdande förvaltningschef\n\nEva Lind, controller\n")
    assert heads(e) == set()
