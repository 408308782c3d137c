""" "En/Ett" before a body word opens a statement about that body only when the page has named it
before (under its heading); otherwise it is any body of a kind (invented sentences)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, run


def test_ett_before_the_body_of_the_heading_states_its_duty() -> None:
    e = run(
        "Tillfälligt samarbetsorgan\n\n"
        "Ett tillfälligt samarbetsorgan bereder den gemensamma räddningstjänsten tills nämnden har valts.\n"
    )
    assert duties(e) == {
        ("tillfälliga samarbetsorganet", "bereder den gemensamma räddningstjänsten tills nämnden har valts")
    }


def test_en_before_a_body_word_the_page_has_not_named_states_nothing() -> None:
    e = run("Kommunen\n\nEn byggnadsnämnd ansvarar för bygglovsärendena i varje kommun.\n")
    assert duties(e) == set()
