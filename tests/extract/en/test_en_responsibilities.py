"""English duties stated through a noun for them ("The tasks of X are, among other things, to:" with
bullets, "X’s responsibilities include …", "Its tasks include …"), by a body being set up ("will be
responsible for"), and by a body named with the class word "body" (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import duties, names, run


def test_a_body_to_be_set_up_is_responsible_with_a_modal() -> None:
    e = run(
        "Transition board\n\n"
        "The transition board will be responsible for preparing the merger of the two health districts.\n"
    )
    assert ("Transition board", "preparing the merger of the two health districts") in duties(e)


def test_body_is_a_class_word_of_a_heading_and_a_capitalised_name() -> None:
    e = run(
        "Preparatory body\n\n"
        "The Youth Participation Body has overall responsibility for hearing young people.\n"
    )
    assert {"Preparatory body", "Youth Participation Body"} <= names(e)
    assert ("Youth Participation Body", "hearing young people") in duties(e)


def test_a_body_that_shall_be_informed_states_no_duty() -> None:
    e = run("Audit Committee\n\nThe Audit Committee will be informed of the results.\n")
    assert duties(e) == set()


def test_the_tasks_of_a_body_listed_in_bullets_are_one_duty_each() -> None:
    e = run(
        "Regional Board\n\n"
        "The objectives of the Regional Board are, among other things, to decide:\n\n"
        "  • the regional strategy\n"
        "  • the budget and financial plan of the region\n"
    )
    assert duties(e) == {
        ("Regional Board", "the regional strategy"),
        ("Regional Board", "the budget and financial plan of the region"),
    }


def test_a_body_s_responsibilities_include_in_a_sentence() -> None:
    e = run("The Housing Committee’s main responsibilities include allocating council homes to tenants.\n")
    assert duties(e) == {("Housing Committee", "allocating council homes to tenants")}


def test_its_tasks_refer_to_the_body_of_the_sentence_before() -> None:
    e = run(
        "The Parks Unit maintains the town parks. Its tasks also include planting street trees.\n"
        "The Road Unit plans new roads. Its responsibilities are:\n\n"
        "  • winter maintenance of streets\n"
        "  • street lighting\n"
    )
    assert {
        ("Parks Unit", "planting street trees"),
        ("Road Unit", "winter maintenance of streets"),
        ("Road Unit", "street lighting"),
    } <= duties(e)


def test_tasks_divided_between_bodies_are_no_duty() -> None:
    e = run("The tasks of the Ministry are divided between four departments.\n")
    assert duties(e) == set()


def test_responsibilities_of_a_body_without_an_article() -> None:
    e = run("Responsibilities of the Finance Department include budgeting, accounting and payroll.\n")
    assert duties(e) == {("Finance Department", "budgeting, accounting and payroll")}
    assert names(e) == {"Finance Department"}


def test_a_second_clause_with_a_body_of_its_own_is_its_duty() -> None:
    e = run(
        "The Planning Committee deals with planning applications and the Licensing Committee deals "
        "with licences.\n"
    )
    assert duties(e) == {
        ("Planning Committee", "deals with planning applications"),
        ("Licensing Committee", "deals with licences"),
    }


def test_a_body_in_the_object_stays_in_the_duty() -> None:
    e = run("The Town Board prepares matters for the Town Council and the Audit Committee.\n")
    assert duties(e) == {("Town Board", "prepares matters for the Town Council and the Audit Committee")}
