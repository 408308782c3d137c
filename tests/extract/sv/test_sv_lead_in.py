"""A duty sentence ending in a colon before bullets: the bullets are the statements, one duty each
(invented sentences)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import duties, run


def test_a_lead_in_before_bullets_is_no_duty_itself_its_bullets_are() -> None:
    e = run(
        "Miljöförvaltningen\n\nFörvaltningen bistår miljönämnden i dess arbete:\n\n"
        "  • tillsyn över miljön\n  • rådgivning till företag\n"
    )
    assert duties(e) == {
        ("miljöförvaltningen", "tillsyn över miljön"),
        ("miljöförvaltningen", "rådgivning till företag"),
    }
