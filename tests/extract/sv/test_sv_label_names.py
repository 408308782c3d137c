"""Names written as labels: a proper name with its place in the genitive ("Västra Nylands
avfallsnämnd"), and an adjective label opening a line ("Teknisk nämnd, 11 ledamöter") — invented
names in the style of member-count lists."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import names, parts, run


def test_a_body_named_with_its_place_in_the_genitive_keeps_the_name_as_written() -> None:
    e = run("Organ\n\nÖstra Karelens räddningsnämnd, 9 ledamöter\n")
    assert "Östra Karelens räddningsnämnd" in names(e)
    assert "räddningsnämnden" not in names(e)


def test_the_place_name_stops_at_a_body_word_glued_before_it() -> None:
    e = run("Miljönämnd Södra Karelens avfallsnämnd Revisionsnämnd\n")
    assert "Södra Karelens avfallsnämnd" in names(e)


def test_an_adjective_label_opening_a_line_names_the_body_in_the_definite() -> None:
    e = run("Teknisk nämnd, 11 ledamöter\n  • Vägsektion, 5 ledamöter\n")
    assert "tekniska nämnden" in names(e)
    assert ("vägsektionen", "tekniska nämnden", "part") in parts(e)


def test_an_adjective_before_a_bare_body_word_inside_a_sentence_names_none() -> None:
    e = run("Ärendet kan överföras till en regional nämnd.")
    assert names(e) == set()
