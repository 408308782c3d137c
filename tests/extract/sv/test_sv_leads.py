"""A titled person as the subject of leading ("Förvaltningschef Maria Ek leder socialförvaltningen"),
acting markers dropped (convention A), and an administration owned by a body in the genitive
("kommunstyrelsens förvaltning") — invented sentences."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, heads, names, parts, run


def test_a_titled_person_who_leads_a_body_heads_it() -> None:
    e = run("Förvaltningschef Maria Ek leder socialförvaltningen.")
    assert heads(e) == {("socialförvaltningen", "förvaltningschef", "Maria Ek")}
    assert duties(e) == set()  # the person, not the body, is the subject


def test_an_acting_holder_is_recorded_with_the_title_without_the_acting_marker() -> None:
    e = run("Tf. förvaltningschef Maria Ek leder arbetet inom socialförvaltningen.")
    assert heads(e) == {("socialförvaltningen", "förvaltningschef", "Maria Ek")}


def test_a_staff_title_before_leder_heads_nothing() -> None:
    e = run("Nämndsekreterare Maria Ek leder protokollföringen i socialnämnden.")
    assert heads(e) == set()


def test_the_administration_of_a_board_named_in_the_genitive_is_its_part() -> None:
    e = run("Kommunstyrelsens förvaltning omfattar ekonomienheten och personalenheten.")
    assert "kommunstyrelsens förvaltning" in names(e)
    got = parts(e)
    assert ("kommunstyrelsens förvaltning", "kommunstyrelsen", "part") in got
    assert ("ekonomienheten", "kommunstyrelsens förvaltning", "part") in got


def test_the_management_of_a_body_is_no_body() -> None:
    e = run("Skatteförvaltningens ledning stöds av en ledningsgrupp.")
    assert "skatteförvaltningens ledning" not in names(e)


def test_a_name_with_a_title_for_a_body_in_apposition_heads_it() -> None:
    e = run("Direktör Thomas Holm, chef för Enheten för styrningsfrågor, var närvarande.")
    assert heads(e) == {("enheten för styrningsfrågor", "chef", "Thomas Holm")}


def test_a_deputy_in_apposition_heads_nothing() -> None:
    e = run("Anna Berg, vice ordförande i socialnämnden, presenterade budgeten.")
    assert heads(e) == set()


def test_the_head_of_a_whole_agency_leads_the_page_s_body() -> None:
    e = run("Registerkontoret\n\nGeneraldirektör Knut Ek har beslutat i detta ärende.\n")
    assert heads(e) == {("registerkontoret", "generaldirektör", "Knut Ek")}
    e = run("Länsstyrelsen\n\nLandshövding är Ylva Berg.\n")
    assert heads(e) == {("länsstyrelsen", "landshövding", "Ylva Berg")}


def test_a_director_general_on_a_board_s_page_heads_nothing() -> None:
    e = run("Kommunstyrelsen\n\nGeneraldirektör Anna Berg besökte kommunstyrelsen.\n")
    assert heads(e) == set()


def test_a_post_before_leder_is_the_subject_not_a_fronted_object() -> None:
    e = run("Kommundirektören leder kommunens ledningsgrupp.")
    assert duties(e) == set()


def test_posts_listed_as_a_group_s_members_are_no_bodies() -> None:
    e = run(
        "Kommunchefens ledningsgrupp\n\nGruppen består av:\n\n • Kommunchef\n"
        " • Sektorchef Barn och utbildning\n • Ekonomichef\n"
    )
    assert names(e) == {"ledningsgruppen"}


def test_a_title_with_its_region_before_är_and_the_holder() -> None:
    e = run("Länsstyrelsen\n\nLandshövding i Norrland är Anna Berg.\n")
    assert heads(e) == {("länsstyrelsen", "landshövding", "Anna Berg")}
