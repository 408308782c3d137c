"""English part-of read from a body named with its class noun followed by "of" and another body, and
from "<Body> and its <Body>" (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import parts, run


def test_a_lower_case_class_noun_then_of_a_body() -> None:
    e = run("The Data Services unit of the Central Administration moved to a new building.\n")
    # named with or without its lower-case class noun (both are the body's names)
    assert {c for c, p, _ in parts(e) if p == "Central Administration"} & {
        "Data Services",
        "Data Services unit",
    }


def test_a_body_and_its_body() -> None:
    e = run("The Technical Sector and its Street Maintenance Department moved to the depot.\n")
    assert ("Street Maintenance Department", "Technical Sector", "part") in parts(e)


def test_a_name_with_of_inside_and_two_coordinated_bodies_are_no_parts() -> None:
    e = run(
        "The Sector Management of Health Services and the Planning Department moved.\n"
        "The Finance Committee and the Audit Committee met.\n"
    )
    assert parts(e) == set()


def test_its_operations_include_bodies_and_activities() -> None:
    e = run(
        "Employment Services helps jobseekers. Its operations include Work Activities, Northtown Job "
        "Centre (NJC), as well as projects with outside funding.\n"
    )
    assert parts(e) == {("Northtown Job Centre", "Employment Services", "part")}
