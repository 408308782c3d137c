"""The capitalised items a department "consists of" are its units even when one looks like a person's
name; the items a board "consists of" may be its members, so a person-like item keeps them from being
read as units (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import parts, run


def test_a_department_s_capitalised_items_are_units() -> None:
    e = run(
        "Customer Services consists of Registry, Phone Services, Northtown Infos, as well as "
        "Debt Counseling.\n"
    )
    assert {c for c, p, _ in parts(e) if p == "Customer Services"} == {
        "Registry",
        "Phone Services",
        "Northtown Infos",
        "Debt Counseling",
    }


def test_a_board_s_members_are_no_units() -> None:
    e = run("The Harbour Board consists of Anna Lind, Erik Berg and Maria Holm.\n")
    assert parts(e) == set()


def test_lower_case_items_ending_in_a_class_noun_are_parts() -> None:
    e = run(
        "The Parks Division consists of a maintenance unit, tree care team, as well as the division's "
        "office.\n"
    )
    assert {c for c, p, _ in parts(e) if p == "Parks Division"} == {
        "maintenance unit",
        "tree care team",
        "division's office",
    }


def test_lower_case_items_without_a_class_noun_or_posts_are_no_parts() -> None:
    e = run(
        "The Parks Division consists of maintenance, tree care and playgrounds.\n"
        "The Harbour Board consists of a chair, a vice chair and seven members.\n"
    )
    assert parts(e) == set()


def test_a_section_announced_with_a_class_is_the_subject_its_sentences_describe() -> None:
    e = run(
        "Citizen Services\n\nThe Citizen Services department consists of two result divisions.\n\n"
        "Employment Services\n\nThe result division consists of a service unit and a job coaching unit.\n\n"
        "Housing Services\n\nHousing Services allocates homes.\n"
    )
    assert {
        ("service unit", "Employment Services", "part"),
        ("job coaching unit", "Employment Services", "part"),
        ("Employment Services", "Citizen Services", "part"),
    } <= parts(e)
