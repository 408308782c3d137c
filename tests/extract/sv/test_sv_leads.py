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
