"""A title whose first part is a class word ("förvaltningschef", "sektorchef") leads the body of that
class named last, also for a class word that names no body by itself (invented sentences)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import heads, run


def test_förvaltningschef_är_name_under_an_administration_s_heading() -> None:
    e = run("Socialförvaltningen\n\nFörvaltningschef är Anna Berg.\n")
    assert heads(e) == {("socialförvaltningen", "förvaltningschef", "Anna Berg")}


def test_a_title_line_and_its_holder_under_an_administration_s_heading() -> None:
    e = run("Miljöförvaltningen\n\nFörvaltningschef\nPer Holm\n")
    assert heads(e) == {("miljöförvaltningen", "förvaltningschef", "Per Holm")}


def test_a_class_title_with_no_body_of_its_class_on_the_page_heads_nothing() -> None:
    e = run("Socialnämnden\n\nFörvaltningschef är Anna Berg.\n")
    assert not any(org == "socialnämnden" for org, _, _ in heads(e))
