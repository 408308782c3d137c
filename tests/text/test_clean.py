"""Cleaning: web noise goes, repeated sentences go (the first stays), broken lines join, headings and
list items stay blocks of their own. Snippets are real text from the seeds and the development set."""

from __future__ import annotations

from kgpub.text import clean, segment


def _sentences(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in segment(text).blocks]


def test_cookie_banner_is_dropped() -> None:
    text = (
        "Kaupunginkanslia on kaupunginhallituksen alainen virasto.\n"
        "Kaupunginhallituksen päätökset\n"
        "Toiminnon käyttämiseksi vaaditaan, että hyväksyt sivuston evästeet. Pääset antamaan palautetta"
        " tästä sivusta sallimalla evästeasetuksista tilastointiin liittyvät evästeet.\n"
    )
    assert _sentences(text) == [
        "Kaupunginkanslia on kaupunginhallituksen alainen virasto.",
        "Kaupunginhallituksen päätökset",
    ]


def test_login_error_is_dropped() -> None:
    text = (
        "Aivoriihi on nyt suljettu ja aineiston analyysi käynnissä.\n\n"
        "Kirjautuminen\n\n"
        "Kirjautuminen epäonnistui. Käyttäjätunnuksesi on suljettu.\n"
    )
    assert _sentences(text) == ["Aivoriihi on nyt suljettu ja aineiston analyysi käynnissä."]


def test_navigation_lines_are_dropped() -> None:
    text = "Hyppää pääsisältöön\nKuva\nSivistyspalveluiden organisaatiokaavio\n\nLue lisää\n"
    assert _sentences(text) == ["Sivistyspalveluiden organisaatiokaavio"]


def test_swedish_and_english_banners_and_menus_are_dropped() -> None:
    text = (
        "Hoppa till innehållet\nMeny\nVi använder kakor för att förbättra webbplatsen.\n\n"
        "Stadsstyrelsen leder stadens förvaltning.\n\nVar sidan till hjälp?\nSenast uppdaterad 3.5.2024\n\n"
        "Skip to main content\nThis website uses cookies. Sign in to your account\n\n"
        "The Council is responsible for planning.\n\nWas this page helpful?\nBack to top\n"
    )
    assert _sentences(text) == [
        "Stadsstyrelsen leder stadens förvaltning.",
        "The Council is responsible for planning.",
    ]


def test_breadcrumb_trail_is_dropped_but_a_slash_heading_stays() -> None:
    text = (
        "Etusivu > Kaupunki ja hallinto > Organisaatio > Toimialat\n\n"
        "Kaupunginhallituksen johtamisen jaosto / Kaupunginhallituksen johtamisen jaoston puheenjohtaja"
        " Lasse Männistö\n"
    )
    assert _sentences(text) == [
        "Kaupunginhallituksen johtamisen jaosto / Kaupunginhallituksen johtamisen jaoston puheenjohtaja"
        " Lasse Männistö"
    ]


def test_repeated_sentence_keeps_the_first() -> None:
    repeated = (
        "Kaupunginkansliassa on kuusi osastoa: elinkeino-osasto, hallinto-osasto, henkilöstöosasto,"
        " strategiaosasto, talous- ja suunnitteluosasto ja viestintäosasto."
    )
    text = (
        f"Tutustu kaupunginkansliaan\n{repeated}\n"
        "Kaupungin tekemiä päätöksiä voit hakea Päätökset-sivustolla.\n"
        f"{repeated}\nViraston päällikkönä on kansliapäällikkö Sami Sarvilinna.\n"
    )
    doc = segment(text)
    found = [s for s in doc.sentences if s.text == repeated]
    assert len(found) == 1
    assert found[0].start == text.index(repeated)


def test_short_repeated_lines_stay() -> None:
    text = "Johto\n\nToimialajohtaja Eino Leisimo\n\nJohto\n\nPalvelujohtaja Sami Lahti\n"
    assert _sentences(text).count("Johto") == 2


def test_line_broken_mid_sentence_is_joined() -> None:
    text = (
        "Strategiaosasto huolehtii kaupungin strategisesta kehittämisestä ja strategisesti keskeisten"
        " asiakokonaisuuksien ja hankkeiden\n"
        "koordinoinnista, digitalisaation ja tietohallinnon ohjauksesta.\n"
        "Strategiaosastoa johtaa strategiajohtaja Markus Kühn.\n"
    )
    doc = segment(text)
    first = doc.sentences[0]
    assert first.text.endswith("hankkeiden koordinoinnista, digitalisaation ja tietohallinnon ohjauksesta.")
    assert "hankkeiden\nkoordinoinnista" in text[first.start : first.end]
    assert len(doc.sentences) == 2


def test_capitalised_next_line_is_not_joined() -> None:
    text = (
        "Varhaiskasvatuksen palvelujohtajien alaiset päiväkodit ja perhepuistot \n"
        "Perusopetuksen palvelujohtajien alaiset koulut\n"
    )
    assert len(segment(text).blocks) == 2


def test_headings_are_blocks_of_their_own() -> None:
    text = (
        "Kaupunginvaltuusto\n\n"
        "Kaupunginvaltuusto on kaupungin ylin toimielin. Kuntalaki korostaa valtuuston vahvaa asemaa.\n\n"
        "Kaupunginhallitus\n\n"
        "Kaupunginhallitus vastaa kaupungin hallinnosta ja taloudesta.\n"
    )
    assert [k for k, _ in _kinds(text)] == ["heading", "paragraph", "heading", "paragraph"]
    assert _kinds(text)[2] == ("heading", "Kaupunginhallitus")


def test_unpunctuated_line_without_blank_line_is_a_line() -> None:
    text = (
        "Helsingin oikeusaputoimisto sijaitsee Salmisaaressa, osoitteessa:\n"
        "Porkkalankatu 13 G\n"
        "Puhelinnumero: 029 5660 120\n"
        "Henkilöstöosasto huolehtii henkilöstöpolitiikasta.\n"
    )
    assert [k for k, _ in _kinds(text)] == ["paragraph", "line", "line", "paragraph"]


def test_bulleted_items() -> None:
    text = (
        "Keskushallintopalvelut -toimialalla ja palvelualueella on neljä palveluyksikköä:\n\n"
        " • Talous- ja hankintapalvelut vastaa talouspalveluista ja hankintapalveluista.\n"
        " • Tietohallintopalvelut vastaa tietohallinnosta.\n"
    )
    assert _kinds(text) == [
        ("paragraph", "Keskushallintopalvelut -toimialalla ja palvelualueella on neljä palveluyksikköä:"),
        ("item", "Talous- ja hankintapalvelut vastaa talouspalveluista ja hankintapalveluista."),
        ("item", "Tietohallintopalvelut vastaa tietohallinnosta."),
    ]


def test_inline_bullets_split_a_line_into_items() -> None:
    text = (
        "* Lisätietoja uudistuksen valmistelusta täällä * Aivoriihi on avoinna 21.9. saakka, voit tulla"
        " milloin tahansa uudelleen * Vastausaineisto julkaistaan avoimena datana nimettömänä aivoriihen"
        " päätyttyä *\n"
    )
    assert _kinds(text) == [
        ("item", "Lisätietoja uudistuksen valmistelusta täällä"),
        ("item", "Aivoriihi on avoinna 21.9. saakka, voit tulla milloin tahansa uudelleen"),
        ("item", "Vastausaineisto julkaistaan avoimena datana nimettömänä aivoriihen päätyttyä"),
    ]


def test_numbered_items() -> None:
    text = "Lautakunnalla on kaksi jaostoa:\n1. yksilöasiain jaosto\n2) lupajaosto\n"
    assert [k for k, _ in _kinds(text)] == ["paragraph", "item", "item"]
    assert [t for _, t in _kinds(text)][1:] == ["yksilöasiain jaosto", "lupajaosto"]


def test_cleaned_text_maps_back_to_the_original() -> None:
    text = "Hyppää pääsisältöön\r\nOsastoa johtaa\r\nelinkeinojohtaja Marja-Leena Rinkineva.\r\n"
    cleaned = clean(text)
    assert cleaned.text == "Osastoa johtaa  elinkeinojohtaja Marja-Leena Rinkineva.\n"
    start, end = cleaned.offsets.span(0, len(cleaned.text) - 1)
    assert text[start:end] == "Osastoa johtaa\r\nelinkeinojohtaja Marja-Leena Rinkineva."


def test_contact_lines_are_not_joined_to_a_name() -> None:
    text = "Sivistysjohtaja\nVille Vihla\np. 040 763 2303\netunimi.sukunimi@kunta.fi\n"
    assert [s.text for s in segment(text).sentences][:2] == ["Sivistysjohtaja", "Ville Vihla"]


def test_a_sentence_broken_before_the_name_that_ends_it_is_joined() -> None:
    text = (
        "Hallinto- ja elinvoimapalveluja johtaa kunnanjohtaja\nAri Aaltonen. Sivistyspalveluita johtaa X.\n"
        "Ympäristöpalvelut, Torikatu 40, 67100 Kokkola\nYmpäristöjohtaja Leena Laakso.\n"
    )
    assert _sentences(text) == [
        "Hallinto- ja elinvoimapalveluja johtaa kunnanjohtaja Ari Aaltonen.",  # the sentence text is cleaned
        "Sivistyspalveluita johtaa X.",
        "Ympäristöpalvelut, Torikatu 40, 67100 Kokkola",
        "Ympäristöjohtaja Leena Laakso.",  # an address line is no broken sentence
    ]


def test_a_list_that_lost_its_markers_is_read_as_items_after_its_colon() -> None:
    # a page converted to text without bullets: the names under "…:" up to the blank line are items
    text = (
        "Kommunledningsförvaltningen består av följande avdelningar:\n\n"
        "Ekonomiavdelningen\nHR-avdelningen\nKansliavdelningen\n\n"
        "Förvaltningen leds av kommundirektören.\n"
    )
    assert _kinds(text) == [
        ("paragraph", "Kommunledningsförvaltningen består av följande avdelningar:"),
        ("item", "Ekonomiavdelningen"),
        ("item", "HR-avdelningen"),
        ("item", "Kansliavdelningen"),
        ("paragraph", "Förvaltningen leds av kommundirektören."),
    ]


def test_unmarked_lines_stay_lines_where_they_are_no_list() -> None:
    one_value = "Osoite:\nPorkkalankatu 13 G\n\nOsasto vastaa palveluista.\n"
    assert [k for k, _ in _kinds(one_value)][1] != "item"  # one line after a colon is a value
    prose = "Metsähallitus toimii neljällä vastuualueella:\n\nLiiketoimintaa harjoittavat yhtiöt.\nMuuta.\n"
    assert "item" not in [k for k, _ in _kinds(prose)]  # sentences after a colon are prose
    marked = (
        "Lautakunnalla on jaostot:\nYksilöasiain jaosto\nLupajaosto\n\n"
        "Toimialat:\n • Kasvatus\n • Kulttuuri\n"
    )
    kinds = _kinds(marked)
    assert [k for k, t in kinds if "jaosto" in t and "Lautakunnalla" not in t] == ["line", "heading"]
    assert [k for k, t in kinds if t in {"Kasvatus", "Kulttuuri"}] == ["item", "item"]
