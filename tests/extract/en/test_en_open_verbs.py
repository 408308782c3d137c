"""English duties stated with any present-tense verb after a body's name, not only the verbs of the
duty lexicon (invented names, in the style of devset v2 council pages)."""

from __future__ import annotations

from tests.extract.en.test_en_extract import duties, run


def test_a_verb_outside_the_lexicon_states_a_duty_after_a_sentence_adverb() -> None:
    e = run(
        "Our Structure\n\n"
        "The Parks directorate maintains the parks. Lastly, the Culture directorate curates exhibitions "
        "and runs the town museum.\n"
    )
    assert ("Culture directorate", "curates exhibitions and runs the town museum") in duties(e)


def test_verbs_that_say_something_else_state_no_duty() -> None:
    e = run(
        "Committees\n\n"
        "The Audit Committee meets four times a year. The Audit Committee elects its chair. "
        "The Audit Committee reports twice a year to the Council.\n"
    )
    assert duties(e) == set()


def test_a_plural_noun_after_a_body_name_is_no_verb() -> None:
    e = run("The Finance Department units are:\n\n• Budget Unit\n\n• Payroll Unit\n")
    assert duties(e) == set()


def test_a_body_s_size_and_a_quantifier_before_it_do_not_hide_it_as_subject() -> None:
    e = run(
        "Council\n\nThe full Town Council of 31 elected members is responsible for agreeing the budget.\n\n"
        "  • A cross party Licensing Committee of seven members, responsible for the Council’s licensing\n"
    )
    assert duties(e) == {
        ("Town Council", "agreeing the budget"),
        ("Licensing Committee", "responsible for the Council’s licensing"),
    }
