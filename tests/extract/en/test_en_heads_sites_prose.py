"""English heads and sites stated in prose: "is chaired by <name>" (the verb names the post), "the
department’s director is <name>", "the … visiting address is <street>" (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import heads, run


def test_chaired_by_names_the_chair() -> None:
    e = run("The Town Council is chaired by Jane Smith.\n")
    assert heads(e) == {("Town Council", "chair", "Jane Smith")}


def test_led_by_a_name_alone_leaves_the_title_empty() -> None:
    e = run("The Town Council is led by Jane Smith.\n")
    assert heads(e) == {("Town Council", "", "Jane Smith")}


def test_a_body_s_owned_post_and_its_holder() -> None:
    e = run("Finance Department\n\nThe department’s director is Jane Smith.\n")
    assert heads(e) == {("Finance Department", "director", "Jane Smith")}


def test_an_owned_post_without_a_holder_is_no_head() -> None:
    e = run("Finance Department\n\nThe department’s director is responsible for the budget.\n")
    assert heads(e) == set()


def test_a_visiting_address_is_stated_in_prose() -> None:
    e = run("The Planning Department’s visiting address is Main Street 5.\n")
    assert {(s.org, s.address) for s in e.sites} == {("Planning Department", "Main Street 5")}


def test_the_of_part_of_a_title_that_names_the_body_headed_goes() -> None:
    e = run("The Place Directorate is led by the Executive Director of Place, John Smith.\n")
    assert heads(e) == {("Place Directorate", "executive director", "John Smith")}


def test_the_of_part_of_a_title_that_names_a_field_stays() -> None:
    e = run("The Resources Directorate is led by the Director of Transformation, John Smith.\n")
    assert heads(e) == {("Resources Directorate", "director of transformation", "John Smith")}


def test_cllr_is_an_honorific_not_part_of_the_name() -> None:
    e = run("Chair of the Audit Committee: Cllr Jane Smith\n")
    assert heads(e) == {("Audit Committee", "chair", "Jane Smith")}


def test_chaired_by_a_councillor_names_the_chair() -> None:
    e = run("The Planning Committee is chaired by Councillor John Brown.\n")
    assert heads(e) == {("Planning Committee", "chair", "John Brown")}
