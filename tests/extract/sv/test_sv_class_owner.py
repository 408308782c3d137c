"""A page that says a body has bodies of a class ("Enheterna inom X", "X:s enheter") makes each body
of that class it names, and nothing else owns, a part of X (invented names)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import parts, run


def test_units_within_a_body_and_their_chiefs_listed_later_are_its_parts() -> None:
    e = run(
        "Ledning\n\nTullförvaltningen leds av generaldirektören. Enheterna inom Tullförvaltningen leds av "
        "enhetens chefer.\n\nLedningsgruppen består av generaldirektören och cheferna för Kundenheten, "
        "Kontrollenheten och Förvaltningsenheten.\n"
    )
    owned = {c for c, p, _ in parts(e) if p == "tullförvaltningen"}
    assert owned == {"kundenheten", "kontrollenheten", "förvaltningsenheten"}


def test_a_genitive_owner_of_the_class_owns_only_the_bodies_nothing_else_owns() -> None:
    e = run(
        "Cheferna för Regionförbundets avdelningar bildar en ledningsgrupp.\n\n"
        "Planeringsavdelningen och Ekonomiavdelningen finns i huset. Kulturavdelningen är underställd "
        "kulturnämnden.\n"
    )
    got = parts(e)
    assert ("planeringsavdelningen", "regionförbundet", "part") in got
    assert ("ekonomiavdelningen", "regionförbundet", "part") in got
    assert not any(c == "kulturavdelningen" and p == "regionförbundet" for c, p, _ in got)


def test_two_owners_of_one_class_give_no_parts() -> None:
    e = run(
        "Enheterna inom Tullförvaltningen och Skatteförvaltningens enheter samarbetar.\n\n"
        "Kundenheten och Kontrollenheten betjänar kunderna.\n"
    )
    assert not any(c in ("kundenheten", "kontrollenheten") for c, _, _ in parts(e))
