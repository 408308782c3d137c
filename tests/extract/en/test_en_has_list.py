"""English parts listed under "<Body> has:" — bullets that open with a body, and a bullet that counts a
class with a colon and the name lines under it (invented names, in the style of council pages)."""

from __future__ import annotations

from kgpub.extract.en.names import mentions
from tests.extract.en.test_en_extract import names, parts, run


def test_bullets_opening_with_a_body_and_a_counted_class_with_name_lines() -> None:
    e = run(
        "Under the constitution, the District Council has:\n\n"
        "  • Elected a Leader of the Council, who chairs the executive\n"
        "  • Two Overview Panels:\n"
        "    Overview for Housing and Places\n"
        "    Overview for Health, Care and Families\n"
        "  • A Licensing Committee of twelve members, responsible for licences\n"
    )
    assert parts(e) == {
        ("Overview for Housing and Places", "District Council", "part"),
        ("Overview for Health, Care and Families", "District Council", "part"),
        ("Licensing Committee", "District Council", "part"),
    }


def test_a_plural_class_word_is_no_surname() -> None:
    found = mentions("Three cross party Scrutiny Committees and Area Boards meet. Jane Roberts chairs them.")
    assert [m.name for m in found if m.what == "person"] == ["Jane Roberts"]


def test_a_has_list_with_no_owner_body_or_no_bodies_gives_no_parts() -> None:
    e = run(
        "Our website has:\n\n  • A Planning Committee page\n\n"
        "The Finance Board has:\n\n  • approved the annual budget\n  • a new chair\n"
    )
    assert parts(e) == set()
    assert "Finance Board" in names(e)
