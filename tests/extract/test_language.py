"""Language detection: long and short real text, noise, and metadata that wins when it names a language."""

from __future__ import annotations

import pytest

from kgpub.extract.language import detect_language, language_scores, source_language

# Sentences from the development set (shared/devset/texts) and the seeds.
FI = "Elinkeino-osasto huolehtii kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta."
SV = "Stadsstyrelsen svarar för beredningen och verkställigheten av fullmäktiges beslut."
EN = "The Legal Services are responsible for providing legal representation and legal expertise."


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param(FI, "fi", id="fi-sentence"),
        pytest.param(SV, "sv", id="sv-sentence"),
        pytest.param(EN, "en", id="en-sentence"),
        pytest.param("Kaupunginkanslia on kaupunginhallituksen alainen virasto.", "fi", id="fi-short"),
        pytest.param("Staden har en ledningsgrupp som leds av stadsdirektören.", "sv", id="sv-short"),
        pytest.param("Central Administration guides, supervises and supports", "en", id="en-fragment"),
        pytest.param("Stadsstyrelsen", "sv", id="sv-one-word"),
        pytest.param("Kaupunginvaltuusto", "fi", id="fi-one-word"),
        pytest.param("City Board", "en", id="en-two-words"),
        pytest.param("Hoppa till innehållet", "sv", id="sv-menu"),
        pytest.param("Siirry sisältöön", "fi", id="fi-menu"),
        pytest.param("Skip to content", "en", id="en-menu"),
    ],
)
def test_detects_the_language_of_real_text(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_page_with_menus_names_and_dates_is_judged_by_its_prose() -> None:
    page = (
        "Organisation\n\nStadsdirektör\nJussi Pajunen\n\nBiträdande stadsdirektören för bildningsväsendet\n"
        "Ritva Viljanen\n\nStadens viktigaste beslutsfattande organ är stadsfullmäktige. Stadsstyrelsen "
        "bereder beslutsförslag till stadsfullmäktige.\n\nLoading..\n\n DELA\n19.05.2017 12:48"
    )
    assert detect_language(page) == "sv"


def test_a_finnish_page_with_a_swedish_name_in_its_heading_stays_finnish() -> None:
    page = "Helsingin kaupunki_Helsingfors stad\n\nHelsinki uudistaa johtamistaan. " + FI
    assert detect_language(page) == "fi"


@pytest.mark.parametrize("text", ["", "   \n", "12.05.2017 12:48", "• • •", "\x00\ufeff"])
def test_text_without_evidence_is_finnish(text: str) -> None:
    assert detect_language(text) == "fi"
    assert language_scores(text) == {"fi": 0.0, "sv": 0.0, "en": 0.0}


def test_a_huge_text_is_judged_on_its_beginning() -> None:
    assert detect_language((SV + " ") * 300 + EN * 10_000) == "sv"


@pytest.mark.parametrize(("declared", "expected"), [("en", "en"), ("fi", "fi"), ("und", "sv"), (None, "sv")])
def test_metadata_wins_when_it_names_a_language(declared: str | None, expected: str) -> None:
    assert source_language(declared, SV) == expected
