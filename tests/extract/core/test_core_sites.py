"""The shared site reader: a contact line that names a body before its own phone number
("Registry tel. 044 …") is that body's site; a person's, a post's or a line word's number is not
(invented contact blocks, read by the English and Swedish packs)."""

from __future__ import annotations

from kgpub.extract.en import extract_en
from kgpub.extract.sv import extract_sv
from kgpub.model import Extraction
from tests.extract.facts import names, run_checked


def _sites(e: Extraction) -> set[tuple[str, str | None, str | None]]:
    return {(s.org, s.address, s.phone) for s in e.sites}


def test_a_named_contact_line_is_its_own_site() -> None:
    e = run_checked(
        extract_en,
        "en",
        "The Town Office\n\nThe town office is responsible for customer services.\n\n"
        "Town Hall\nMarket Street 1, 68600 Northtown\ntel. 06 786 3111\nRegistry tel. 044 785 1413\n",
    )
    assert "Registry" in names(e)
    assert ("Registry", None, "044 785 1413") in _sites(e)
    assert ("Town Office", "Market Street 1, 68600 Northtown", "06 786 3111") in _sites(e)


def test_a_person_a_post_or_a_line_word_before_a_number_names_no_body() -> None:
    e = run_checked(
        extract_sv,
        "sv",
        "Stadskansliet\n\nStadskansliet bereder ärenden.\n\n"
        "Anna Lindholm tfn 050 123 4567\nStadsdirektör tfn 050 765 4321\nMobil tfn 040 111 2222\n",
    )
    assert {s.org for s in e.sites} <= {"stadskansliet", "Stadskansliet"}
    assert not {"Anna Lindholm", "Stadsdirektör", "Mobil"} & names(e)


def test_a_street_line_and_a_postal_code_line_make_one_address() -> None:
    e = run_checked(
        extract_sv,
        "sv",
        "Byggnadsnämnden\n\nByggnadsnämnden beviljar bygglov.\n\nKontakt\nTorggatan 5\n65100 Norrstad\n"
        "Telefon 06 123 4567\n",
    )
    assert ("Byggnadsnämnden", "Torggatan 5, 65100 Norrstad", "06 123 4567") in {
        (s.org.capitalize(), s.address, s.phone) for s in e.sites
    }


def test_a_labelled_street_with_its_town_and_no_postal_code_is_an_address() -> None:
    e = run_checked(extract_en, "en", "Planning Department\n\nVisiting address\nMain Street 5, Northtown\n")
    assert _sites(e) == {("Planning Department", "Main Street 5, Northtown", None)}


def test_a_town_alone_is_no_address() -> None:
    e = run_checked(extract_en, "en", "Planning Department\n\nVisiting address\nNorthtown\n")
    assert _sites(e) == set()
