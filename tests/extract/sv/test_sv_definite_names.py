"""Swedish names with an adjective: a heading in the indefinite ("Temporärt beredningsorgan") and the
sentences in the doubly definite form ("Det temporära beredningsorganet …") name one body (invented
names, in the style of devset v2 wellbeing-county pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, names, parts, run


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


def test_a_body_s_presidium_is_its_part_wherever_the_genitive_stands() -> None:
    e = run(
        "Nämnden\n\nKulturnämndens presidium består av ordföranden och vice ordföranden. Det är "
        "kulturnämndens presidium som bereder ärendena till nämnden.\n"
    )
    assert "kulturnämndens presidium" in names(e)
    assert ("kulturnämndens presidium", "bereder ärendena till nämnden") in duties(e)
    assert any(c == "kulturnämndens presidium" and p == "kulturnämnden" for c, p, _ in parts(e))
