"""How English capitalised runs become body names: a body noun followed by "of"/"for" and what it is
of or for, a comma series before a name closed by "and", a possessive after "and" that opens a new
phrase, and a bare plural class word after "and" (invented names)."""

from __future__ import annotations

import time

from kgpub.extract.en.names import mentions
from tests.extract.en.test_en_extract import duties, names, run


def _bodies(text: str) -> list[str]:
    return [m.name for m in mentions(text) if m.what == "body"]


def test_a_body_noun_before_of_or_for_names_the_whole_run() -> None:
    assert _bodies("She studied at the Northern Institute of Technology and Lakeside University.") == [
        "Northern Institute of Technology",
        "Lakeside University",
    ]
    assert _bodies("Members of the Harbour Region Chamber of Commerce attended.") == [
        "Harbour Region Chamber of Commerce"
    ]


def test_a_post_of_a_field_stays_a_post() -> None:
    found = mentions("The Director of Technical Services opened the meeting.")
    assert [(m.name, m.what) for m in found] == [("Director of Technical Services", "post")]


def test_a_possessive_after_and_opens_a_new_phrase() -> None:
    e = run(
        "The Equality Unit supports the work of the Advisory Board for Equality Issues and Northtown's "
        "youth council.\n"
    )
    assert "Advisory Board for Equality Issues" in names(e)
    assert not any(n.endswith("Northtown") for n in names(e))


def test_a_comma_series_before_a_name_closed_by_and_belongs_to_it() -> None:
    e = run("The Elderly, Disability and Home Care Department manages home care services.\n")
    assert duties(e) == {("Elderly, Disability and Home Care Department", "manages home care services")}


def test_a_comma_before_a_capitalised_word_of_a_phrase_is_no_series() -> None:
    assert _bodies("In Northtown, Health and Social Services Department runs clinics.") == [
        "Health and Social Services Department"
    ]


def test_a_bare_plural_class_after_and_leaves_the_body_before_it() -> None:
    assert _bodies("The hall is the meeting place of the Town Board and Committees.") == ["Town Board"]


def test_a_very_long_capitalised_run_is_read_in_linear_time() -> None:
    text = "Alpha Committee and Beta " * 4000
    start = time.perf_counter()
    mentions(text)
    assert time.perf_counter() - start < 5.0  # quadratic reading took about 20 s


def test_a_bare_class_word_after_of_is_a_reference_not_part_of_the_name() -> None:
    assert _bodies("The Regional Policy Department of the Ministry plans regions.") == [
        "Regional Policy Department"
    ]


def test_each_member_of_a_distributive_plural_is_a_body_of_that_class() -> None:
    assert _bodies("The Finance and Planning departments share a building.") == [
        "Finance department",
        "Planning department",
    ]
    assert _bodies("It creates standalone Housing, Roads, and Parks directorates.") == [
        "Housing directorate",
        "Roads directorate",
        "Parks directorate",
    ]


def test_bodies_before_a_plural_class_are_no_distributive_plural() -> None:
    assert "Council committee" not in _bodies("The Council and Board committees met.")


def test_an_aspect_of_a_bare_class_word_is_no_body() -> None:
    e = run("  1. Leadership of the Council - Commissioners\n  2. Structure of the Department\n")
    assert not {n for n in names(e) if n.lower().startswith(("leadership", "structure"))}
