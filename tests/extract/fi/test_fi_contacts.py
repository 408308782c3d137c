"""Sites: address and phone lines after the sentence that names the body, or under its heading."""

from __future__ import annotations

from .helpers import Run

SEED = (
    "Helsingin oikeusaputoimisto sijaitsee Salmisaaressa, osoitteessa:\n"
    "Porkkalankatu 13 G\n"
    "Puhelinnumero: 029 5660 120\n"
    "Henkilöstöosasto huolehtii henkilöstöpolitiikasta.\n"
)


def test_address_and_phone_lines_make_one_site(fi: Run) -> None:
    ex = fi(SEED)
    (site,) = ex.sites
    assert (site.org, site.address, site.phone) == (
        "Helsingin oikeusaputoimisto",
        "Porkkalankatu 13 G",
        "029 5660 120",
    )
    assert site.evidence.quote == "Porkkalankatu 13 G\nPuhelinnumero: 029 5660 120"


def test_site_under_a_body_heading_with_postal_code(fi: Run) -> None:
    ex = fi("Hallintopalvelut\n\nKaupungintalo, Kirkkokatu 2\n45100 Kouvola\nPuhelin 020 615 11\n")
    (site,) = ex.sites
    assert (site.org, site.address, site.phone) == (
        "hallintopalvelut",
        "Kirkkokatu 2, 45100 Kouvola",
        "020 615 11",
    )


def test_no_site_without_a_body(fi: Run) -> None:
    assert fi("Porkkalankatu 13 G\nPuhelinnumero: 029 5660 120\n").sites == ()


def test_numbers_in_prose_are_no_phones(fi: Run) -> None:
    ex = fi(
        "Sivistyksen toimiala järjestää palveluja.\n"
        "Sivistyksen toimialan henkilöstömäärä on lähes 3000 henkilötyövuotta.\n"
        "Toimialan menot ovat noin 253 miljoonaa euroa ja tulot 22 miljoonaa euroa.\n"
    )
    assert ex.sites == ()


def test_a_title_line_of_no_body_ends_the_last_bodys_section(fi: Run) -> None:
    """ "Yhteystiedot" on its own line: the address below is not the last-named body's."""
    text = (
        "Tekniset palvelut\nTeknisten palveluiden tehtävänä on huolehtia kunnan kaduista.\n"
        "Yhteystiedot\nKunnantalo, Keskuskatu 1, 12345 Esimerkkilä\nPuh. 040 123 4567\n"
    )
    assert [s.org for s in fi(text).sites] == []
    named = text.replace("Yhteystiedot\n", "Yhteystiedot\nTekniset palvelut\n")
    assert [s.org for s in fi(named).sites] == ["tekniset palvelut"]


def test_a_site_of_the_body_the_sentence_names_and_a_postal_address_is_a_second_site(fi: Run) -> None:
    ex = fi(
        "Kunnanvirasto sijaitsee osoitteessa Keskustie 12, 99100 Kittilä.\n"
        "Kunnanviraston vaihde palvelee numerossa 016 123 456.\n"
        "Tekninen toimisto\nKäyntiosoite: Valtatie 4\nPostiosoite: Kittilän kunta, PL 20, 99101 Kittilä\n"
        "puh. 016 654 321\n"
    )
    # the page states two addresses of the toimisto; the box without the recipient before it
    assert [(x.org, x.address) for x in ex.sites] == [
        ("kunnanvirasto", "Keskustie 12, 99100 Kittilä"),
        ("tekninen toimisto", "Valtatie 4"),
        ("tekninen toimisto", "PL 20, 99101 Kittilä"),
    ]
    assert ex.sites[0].phone == "016 123 456" and "016 654 321" in {x.phone for x in ex.sites[1:]}
