"""Member lists as scraped tables: cells glued together, the chair marked "(ordf.)" (invented names,
in the style of member lists on municipal pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import heads, run


def test_two_member_cells_glued_together_are_two_member_lines() -> None:
    e = run(
        "Ledningsgruppens sammansättning\n\n"
        "Eva Lind, Sektordirektör, vård och omsorgJohan Berg, Områdesdirektör, kultur och fritid\n"
    )
    got = heads(e)
    assert ("vård och omsorg", "sektordirektör", "Eva Lind") in got
    assert ("kultur och fritid", "områdesdirektör", "Johan Berg") in got
    assert not any("omsorgJohan" in org for org, _, _ in got)


def test_a_glued_cell_cut_off_before_its_unit_heads_nothing() -> None:
    e = run("Eva Lind, Sektordirektör, äldre personerPer Holm, Verksamhetsområ\n")
    assert heads(e) == {("äldre personer", "sektordirektör", "Eva Lind")}


def test_the_member_marked_chair_chairs_the_body_of_the_heading_above() -> None:
    e = run("Miljönämndens sammansättning\n\nOrdinarie ledamöter\n\nAnna Berg (ordf.)\n\nPer Holm\n")
    assert heads(e) == {("miljönämnden", "ordförande", "Anna Berg")}


def test_a_chair_marker_far_below_any_body_heading_heads_nothing() -> None:
    e = run("Miljönämndens sammansättning\n\nA\n\nB\n\nC\n\nD\n\nAnna Berg (ordf.)\n")
    assert heads(e) == set()


def test_a_member_line_with_party_and_ordförande_chairs_the_body_above() -> None:
    e = run(
        "Socialnämnden\n\nLedamöter\nPer Holm (M), vice ordförande\nAnna Berg (S), ordförande\nLisa Ek (C)\n"
    )
    assert heads(e) == {("socialnämnden", "ordförande", "Anna Berg")}
