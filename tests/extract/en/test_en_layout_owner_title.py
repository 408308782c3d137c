"""A list introduced by the page's own generic word ("The council is organised into four directorates:")
belongs to that organisation (convention B); a person's line followed by a leading title line heads the
section's body, a staff title does not (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import heads, parts, run


def test_the_council_s_list_of_directorates_are_its_parts() -> None:
    e = run("The council is organised into three directorates:\n\n  • Adults\n  • Place\n  • Resources\n")
    assert parts(e) == {
        ("Adults", "council", "part"),
        ("Place", "council", "part"),
        ("Resources", "council", "part"),
    }


def test_a_name_line_then_a_leading_title_line() -> None:
    e = run("Planning Department\n\nJane Smith\nHead of Department\n\nJohn Brown\nOffice Secretary\n")
    assert heads(e) == {("Planning Department", "head", "Jane Smith")}
