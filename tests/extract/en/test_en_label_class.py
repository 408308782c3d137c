"""A label line that names its body by the class word only ("Director of Department: Jane Smith" at
the top of a department's page) heads the first body of that class the page names (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import heads, run


def test_a_class_word_label_line_heads_the_body_of_that_class_named_below() -> None:
    e = run(
        "Director of Department: Anna Virtanen\n\n"
        "The Regional Policy Department of the Ministry is responsible for regional planning.\n"
    )
    assert heads(e) == {("Regional Policy Department", "director", "Anna Virtanen")}


def test_no_body_of_that_class_gives_no_head() -> None:
    e = run("Director of Department: Anna Virtanen\n\nThe Regional Policy Unit plans regions.\n")
    assert heads(e) == set()


def test_under_a_body_s_heading_the_label_line_heads_that_body() -> None:
    e = run("Planning Department\n\nHead of Department: Anna Virtanen\n\nThe Finance Department pays bills.")
    assert heads(e) == {("Planning Department", "head", "Anna Virtanen")}
