""" "Den" refers to a body of common gender ("-en", "-n"): after a neuter or plural subject
("fullmäktige", "utskottet") it is the last common-gender body of the sentence before (invented)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, run


def test_den_after_fullmäktige_refers_to_the_board_it_elects() -> None:
    e = run(
        "Stadsfullmäktige utser en stadsstyrelse, som leder stadens förvaltning. "
        "Den bevakar stadens intressen och representerar staden."
    )
    assert ("stadsstyrelsen", "bevakar stadens intressen och representerar staden") in duties(e)
    assert not any(org == "stadsfullmäktige" for org, _ in duties(e))


def test_den_after_a_common_gender_subject_is_that_subject() -> None:
    e = run("Miljönämnden samarbetar med byggnadsnämnden. Den ansvarar för miljötillsynen.")
    assert duties(e) == {("miljönämnden", "ansvarar för miljötillsynen")}
