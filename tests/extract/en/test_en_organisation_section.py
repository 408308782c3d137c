"""Under an "Organisation of <Body>" title (dated or not), each unit a sentence opens with is a part of
that body; a council a sentence there opens with is not (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import parts, run


def test_units_opening_sentences_under_an_organisation_title_are_its_parts() -> None:
    e = run(
        "Organisation of the Welfare Division 1 of March 2024\n\n"
        "The Family Services Department manages child welfare.\n\n"
        "The department also provides family counselling.\n\n"
        "The Elderly Care Department manages home care.\n\n"
        "The Town Council approves the division's budget.\n\n"
        "Contact\n\n"
        "The Parks Department maintains parks.\n"
    )
    assert parts(e) == {
        ("Family Services Department", "Welfare Division", "part"),
        ("Elderly Care Department", "Welfare Division", "part"),
    }
