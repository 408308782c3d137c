"""English duties stated in a second predicate joined by "and" to a first one that states none
(invented names, in the style of state directorate pages)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import duties, run


def test_a_definition_and_then_responsible_for() -> None:
    e = run(
        "The Senior Leadership Group is the peak decision-making body of the Agency and is responsible "
        "for significant operational and resourcing decisions.\n"
    )
    assert duties(e) == {("Senior Leadership Group", "significant operational and resourcing decisions")}


def test_a_meeting_and_then_a_duty_verb() -> None:
    e = run("The Licensing Committee meets monthly and also decides on licence appeals.\n")
    assert duties(e) == {("Licensing Committee", "decides on licence appeals")}


def test_a_plural_noun_after_and_is_no_verb_and_a_new_subject_is_no_second_predicate() -> None:
    e = run(
        "The Resources Division consists of the Finance Unit and support services.\n"
        "The Planning Board appoints the director and the director manages the staff.\n"
        "The Housing Board reports to the Council, and the Council approves its budget.\n"
    )
    assert duties(e) == set()
