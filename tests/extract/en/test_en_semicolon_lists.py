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
