"""English lists whose items a semicolon separates, and duties stated in the passive "by" the bodies
that carry them out (invented names in the style of a ministry's organisation page, devset v2)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import duties, names, run


def test_commas_inside_semicolon_separated_items_belong_to_the_names() -> None:
    e = run(
        "Ministry of Trade\n\nMarkets are followed by three departments: Department for Asia; Department "
        "for Latin America, Spain and Portugal; and Department for Northern Europe and the Baltics.\n"
    )
    assert {
        "Department for Asia",
        "Department for Latin America, Spain and Portugal",
        "Department for Northern Europe and the Baltics",
    } <= names(e)
    assert "Department for Latin America" not in names(e)


def test_a_comma_list_without_semicolons_is_not_widened() -> None:
    e = run(
        "Ministry of Trade\n\nThe Ministry has two departments: Department for Asia, Africa and Europe.\n"
    )
    assert "Department for Asia, Africa and Europe" not in names(e)


def test_what_is_done_by_listed_bodies_is_a_duty_of_each() -> None:
    e = run(
        "Ministry of Trade\n\nExport matters are handled by two departments: Department for Asia; and "
        "Department for Latin America, Spain and Portugal. Permits are issued by the Mayor.\n"
    )
    assert duties(e) == {
        ("Department for Asia", "Export matters are handled"),
        ("Department for Latin America, Spain and Portugal", "Export matters are handled"),
    }


def test_a_plural_class_after_by_is_no_body_to_give_a_duty() -> None:
    e = run("Legal aid\n\nDebt counselling services are provided by the state legal aid offices.\n")
    assert duties(e) == set()


def test_functions_within_a_body_listed_after_such_as_are_its_parts() -> None:
    e = run(
        "Our Structure\n\nWithin the Office of the Director are several key functions such as people and "
        "culture, safety, governance, and regulatory services.\n"
    )
    parts = {(p.child, p.parent) for p in e.part_of}
    assert parts == {
        (child, "Office of the Director")
        for child in ("people and culture", "safety", "governance", "regulatory services")
    }


def test_activities_within_a_body_without_a_class_noun_are_no_parts() -> None:
    e = run("Our Structure\n\nWithin the Office of the Director, staff handle payroll and procurement.\n")
    assert not e.part_of
