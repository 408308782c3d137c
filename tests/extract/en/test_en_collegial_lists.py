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
