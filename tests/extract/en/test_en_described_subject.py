"""An English sentence whose subject describes the body its section's heading names ("An interim
regional board will …" under "Transitional regional board") is about that body (invented names)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import duties, run


def test_a_description_ending_in_the_heading_s_class_noun_is_the_heading_s_body() -> None:
    e = run(
        "Transitional regional board\n\n"
        "An interim regional board will be responsible for preparing the new health region. "
        "It prepares the administrative rules of the region.\n"
    )
    assert duties(e) == {
        ("Transitional regional board", "preparing the new health region"),
        ("Transitional regional board", "prepares the administrative rules of the region"),
    }


def test_a_generic_description_or_another_class_noun_is_not_the_heading_s_body() -> None:
    e = run(
        "Transitional regional board\n\n"
        "A separate board handles appeals. A regional committee prepares the budget.\n"
    )
    assert duties(e) == set()


def test_it_after_a_sentence_adverb_and_a_comma_refers_to_the_body_before() -> None:
    e = run("The Equality Unit plans equality work. In addition, it coordinates projects with other towns.\n")
    assert ("Equality Unit", "coordinates projects with other towns") in duties(e)
