"""Swedish duties in sentences that do not open with their subject: the verb second after an adverb
or a clause, a cleft, a passive with the body as agent (invented names, in the style of devset v2
municipal pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, run

COMMITTEES = (
    "Nämndens sektioner\n\nNämnden har två sektioner:\n\n • Sektionen för kultur\n • Sektionen för idrott\n\n"
)


def test_an_adverb_first_puts_the_subject_after_the_verb() -> None:
    e = run("Kulturnämnden\n\nOfta ger kulturnämnden utlåtanden till styrelsen.\n")
    assert duties(e) == {("kulturnämnden", "ger utlåtanden till styrelsen")}


def test_a_plural_after_a_modal_gives_the_duty_to_each_body_of_that_class_in_the_section() -> None:
    e = run(COMMITTEES + "Ibland kan sektionerna även själva fatta beslut om bidrag.\n")
    assert duties(e) == {
        ("sektionen för kultur", "kan även själva fatta beslut om bidrag"),
        ("sektionen för idrott", "kan även själva fatta beslut om bidrag"),
    }


def test_electing_after_a_modal_is_no_duty() -> None:
    e = run(COMMITTEES + "Vart fjärde år ska sektionerna välja en ordförande.\n")
    assert duties(e) == set()


def test_a_passive_with_the_body_as_agent_at_the_end() -> None:
    e = run("Organisation\n\nAlla ärenden om bidrag bereds först av kulturnämnden.\n")
    assert duties(e) == {("kulturnämnden", "Alla ärenden om bidrag bereds först")}


def test_a_cleft_names_the_body_that_does_it() -> None:
    e = run("Organisation\n\nDet är kulturnämnden som behandlar ansökningarna.\n")
    assert duties(e) == {("kulturnämnden", "behandlar ansökningarna")}
