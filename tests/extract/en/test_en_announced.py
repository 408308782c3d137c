"""A count of a class with no items after it announces the bodies the page names next: in its section
headings, or by that class word in the sentences that follow (invented names, in the style of devset v2
city and ministry pages)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import run


def _parts(text: str) -> set[tuple[str, str]]:
    return {(p.child, p.parent) for p in run(text).part_of}


def test_announced_divisions_are_the_next_section_headings() -> None:
    parts = _parts(
        "Resident Services\n\nThe Resident Services department consists of two result divisions.\n\n"
        "Housing Services\n\nHousing Services helps residents find homes.\n\n"
        "Library Services\n\nLibrary Services runs the libraries.\n\n"
        "Contact us\n\nWrite to us.\n"
    )
    assert {("Housing Services", "Resident Services"), ("Library Services", "Resident Services")} <= parts
    assert not any(child == "Contact us" for child, _ in parts)


def test_announced_departments_are_the_bodies_named_with_that_class_word() -> None:
    parts = _parts(
        "Ministry of Culture\n\nThe Ministry of Culture is led by the Minister.\n\n"
        "The duties of the Ministry are divided between three departments. The Arts Department and the "
        "Department for Heritage prepare the budget. Sport is handled by the Department for Sport.\n"
    )
    assert {
        (child, "Ministry of Culture")
        for child in ("Arts Department", "Department for Heritage", "Department for Sport")
    } <= parts


def test_a_count_the_page_does_not_fulfil_states_no_part() -> None:
    parts = _parts(
        "Ministry of Culture\n\nThe Ministry of Culture is led by the Minister.\n\n"
        "The duties of the Ministry are divided between five departments. The Arts Department prepares "
        "the budget.\n"
    )
    assert not any(parent == "Ministry of Culture" for _, parent in parts)
