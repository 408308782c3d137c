"""Duty constructions: an item that says what its body does after the name, a duty coordinated after
"leds av …", and "Det innebär:" before a list (invented sentences in the style of municipal pages)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, parts, run


def test_a_list_item_with_its_responsibility_after_the_name() -> None:
    e = run(
        "På regionkansliet finns följande enheter:\n\n  • Arkivenheten\n"
        "  • Forskningsenheten med ansvar för forskning och utveckling inom vården\n"
    )
    assert ("forskningsenheten", "regionkansliet", "part") in parts(e)
    assert duties(e) == {("forskningsenheten", "med ansvar för forskning och utveckling inom vården")}


def test_a_duty_coordinated_after_who_leads_the_body() -> None:
    e = run("Planeringskontoret leds av planeringschefen och bereder ärenden till nämnden.")
    assert duties(e) == {("planeringskontoret", "bereder ärenden till nämnden")}


def test_det_innebär_lists_what_the_body_of_the_sentence_before_does() -> None:
    e = run(
        "Miljöförvaltningen\n\nSamordning\n\nKommunkansliet är också samordnare\n\nDet innebär:\n\n"
        "  • samordning mellan förvaltningarna\n  • gemensam policy för kommunikation\n"
    )
    assert duties(e) == {
        ("kommunkansliet", "samordning mellan förvaltningarna"),
        ("kommunkansliet", "gemensam policy för kommunikation"),
    }


def test_the_mission_of_a_body_is_its_duty() -> None:
    e = run("Planeringskontorets uppdrag är att samordna och följa upp den fysiska planeringen.")
    assert duties(e) == {("planeringskontoret", "samordna och följa upp den fysiska planeringen")}


def test_a_predicate_noun_s_relative_clause_states_the_subject_s_duty() -> None:
    e = run(
        "Kommunkansliet är den del av organisationen som stöttar kommunstyrelsen med samordning "
        "och utveckling."
    )
    assert duties(e) == {("kommunkansliet", "stöttar kommunstyrelsen med samordning och utveckling")}


def test_biträder_in_a_relative_clause_is_a_duty() -> None:
    e = run("Direktörens arbete stöds av en ledningsgrupp, som biträder direktören vid ledningen av verket.")
    assert duties(e) == {("ledningsgruppen", "biträder direktören vid ledningen av verket")}
