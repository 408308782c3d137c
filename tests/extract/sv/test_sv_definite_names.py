"""Swedish names with an adjective: a heading in the indefinite ("Temporärt beredningsorgan") and the
sentences in the doubly definite form ("Det temporära beredningsorganet …") name one body (invented
names, in the style of devset v2 wellbeing-county pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, names, run


def test_an_indefinite_heading_and_the_doubly_definite_subject_are_one_body() -> None:
    e = run(
        "Regionalt samarbetsorgan\n\n"
        "Det regionala samarbetsorganet ansvarar för samordningen av räddningsväsendet.\n\n"
        "Uppgifter:\n\n 1. bereda budgeten\n 2. följa upp verksamheten\n"
    )
    assert "regionala samarbetsorganet" in names(e)
    assert "samarbetsorganet" not in names(e)  # one body, not two
    assert duties(e) == {
        ("regionala samarbetsorganet", "ansvarar för samordningen av räddningsväsendet"),
        ("regionala samarbetsorganet", "bereda budgeten"),
        ("regionala samarbetsorganet", "följa upp verksamheten"),
    }


def test_a_word_that_is_no_adjective_is_not_taken_into_the_name() -> None:
    e = run("Organisation\n\nKommunen har ett nytt samarbetsorgan.\n")
    assert "nya samarbetsorganet" not in names(e)
