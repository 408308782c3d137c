"""Duties a page states for the body of its section without naming it in the sentence: bullets under a
"Responsibilities" / "What we do" heading, bullets opening with a verb under "The <Body>:", "We manage …";
and a list of what a body does is no list of its parts (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import duties, parts, run


def test_bullets_under_a_responsibilities_heading_are_the_section_body_s_duties() -> None:
    e = run("Planning Department\n\nResponsibilities\n\n  • land use planning\n  • building permits\n")
    assert duties(e) == {
        ("Planning Department", "land use planning"),
        ("Planning Department", "building permits"),
    }


def test_verb_bullets_under_a_body_s_name_and_a_colon() -> None:
    e = run(
        "The Planning Department:\n\n  • prepares land use plans\n  • grants building permits\n\n"
        "The Finance Department:\n\n  • Budget Unit\n  • Payroll Unit\n"
    )
    assert duties(e) == {
        ("Planning Department", "prepares land use plans"),
        ("Planning Department", "grants building permits"),
    }


def test_we_and_a_duty_verb_in_a_body_s_section() -> None:
    e = run("Finance Department\n\nWhat we do\n\nWe manage the town's finances. We are proud of our work.\n")
    assert duties(e) == {("Finance Department", "manage the town's finances")}


def test_we_with_no_body_above_states_nothing() -> None:
    e = run("What we do\n\nWe manage the town's finances.\n")
    assert duties(e) == set()


def test_what_a_body_does_in_a_list_is_no_part_of_it() -> None:
    e = run(
        "The Finance Department’s responsibilities include:\n\n  • budgeting\n  • accounting\n\n"
        "The Parks Department provides the following services:\n\n  • tree care\n  • playgrounds\n"
    )
    assert parts(e) == set()
    assert ("Finance Department", "budgeting") in duties(e)
    assert ("Parks Department", "tree care") in duties(e)


def test_our_services_include_lists_duties_of_the_section_body_not_parts() -> None:
    e = run("Environment Services\n\nOur services include:\n\n  • Waste collection\n  • Street cleaning\n")
    assert parts(e) == set()
    assert duties(e) == {
        ("Environment Services", "Waste collection"),
        ("Environment Services", "Street cleaning"),
    }
