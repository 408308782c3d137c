"""Main text of realistic municipal pages: structure kept as lines, page chrome dropped."""

from __future__ import annotations

import pytest

from kgpub.ingest.html import main_text, page_facts, render_xml

from .conftest import PAGES

# (page, heading lines, list item lines, chrome that must not survive)
CASES = [
    (
        "kuhmo-organisaatio.html",
        ["Organisaatio", "Toimialat", "Hallinto- ja talouspalvelut", "Sivistyspalvelut", "Tekniset palvelut"],
        ["- hallinto- ja talouspalvelut", "- sivistyspalvelut", "- tekniset palvelut"],
        [
            "evästeitä",
            "Hyväksy kaikki",
            "Päävalikko",
            "Asuminen ja ympäristö",
            "Etusivu",
            "Saavutettavuusseloste",
            "Kainuuntie 82",
            "© Kuhmon",
            "Hae sivustolta",
            "Tällä sivulla",
            "På svenska",
            "gtag",
        ],
    ),
    (
        "narpes-organisation.html",
        [
            "Stadens organisation",
            "Förvaltningar",
            "Centralförvaltningen",
            "Bildningsavdelningen",
            "Tekniska avdelningen",
        ],
        ["- småbarnspedagogik", "- grundläggande utbildning", "- kultur och fritid"],
        [
            "kakor",
            "Godkänn",
            "Suomeksi",
            "Boende och miljö",
            "Du är här",
            "Köpmansvägen",
            "Dataskydd",
            "Copyright",
        ],
    ),
    (
        "kokkola-administration.html",
        ["Central Administration", "Units", "Legal Services"],
        ["- Financial Services", "- Human Resources Services", "- Legal Services"],
        [
            "cookies",
            "Accept all",
            "Living",
            "Contact us",
            "Home",
            "Kauppatori",
            "Privacy policy",
            "All rights",
        ],
    ),
]


@pytest.mark.parametrize(("name", "headings", "items", "chrome"), CASES)
def test_headings_and_items_are_lines_and_chrome_is_gone(
    name: str, headings: list[str], items: list[str], chrome: list[str]
) -> None:
    text, extractor = main_text((PAGES / name).read_text(encoding="utf-8"))
    assert extractor == "trafilatura"
    lines = text.split("\n")
    for heading in headings:  # alone on its line, with a blank line after it: the extractor's heading shape
        index = lines.index(heading)
        assert lines[index + 1] == ""
    start = lines.index(items[0])
    assert lines[start : start + len(items)] == items  # consecutive "- " lines
    for word in chrome:
        assert word not in text, word
    assert "<" not in text and "&" not in text


def test_a_line_break_inside_a_paragraph_stays_a_line_break() -> None:
    text, _ = main_text((PAGES / "kuhmo-organisaatio.html").read_text(encoding="utf-8"))
    assert (
        "Sivistyspalveluja johtaa sivistysjohtaja Mikko Heikkinen.\n"
        "Sivistyspalvelut vastaa varhaiskasvatuksesta, perusopetuksesta sekä"
    ) in text


def test_a_list_of_linked_units_in_the_main_content_is_kept_and_link_menus_are_not() -> None:
    html = (PAGES / "kuhmo-organisaatio.html").read_text(encoding="utf-8")
    for unit in ("hallinto- ja talouspalvelut", "sivistyspalvelut", "tekniset palvelut"):
        html = html.replace(f"<li>{unit}</li>", f'<li><a href="/{unit[:4]}/">{unit}</a></li>')
    text, _ = main_text(html)
    lines = text.split("\n")
    start = lines.index("- hallinto- ja talouspalvelut")
    assert lines[start : start + 3] == [
        "- hallinto- ja talouspalvelut",
        "- sivistyspalvelut",
        "- tekniset palvelut",
    ]
    assert "Asuminen ja ympäristö" not in text and "Tietosuoja" not in text and "Toimialat\n\n" in text


def test_page_facts_read_title_language_site_and_canonical() -> None:
    facts = page_facts((PAGES / "kokkola-administration.html").read_text(encoding="utf-8"))
    assert facts.title == "Central Administration - City of Kokkola"
    assert facts.lang == "en" and facts.site_name == "City of Kokkola"
    assert facts.canonical == "https://www.kokkola.example/en/city-and-administration/central-administration/"
    sv = page_facts((PAGES / "narpes-organisation.html").read_text(encoding="utf-8"))
    assert sv.lang == "sv"  # from lang="sv-FI"
    assert "/stad-och-forvaltning/organisation/" in sv.links


def test_a_page_trafilatura_finds_nothing_in_falls_back_to_a_plain_walk() -> None:
    html = (
        "<html><body><nav><a href='/'>Etusivu</a></nav><div class='cookie-bar'>Hyväksy evästeet</div>"
        "<h1>Lautakunnat</h1><ul><li>sivistyslautakunta</li><li>tekninen lautakunta</li></ul>"
        "<footer>© Kunta</footer></body></html>"
    )
    text, extractor = main_text(html)
    assert extractor == "fallback"
    assert text == "Lautakunnat\n\n- sivistyslautakunta\n- tekninen lautakunta\n"


def test_tables_become_one_line_per_row_and_nested_lists_flat_items() -> None:
    xml = (
        "<doc><main><head rend='h2'>Yhteystiedot</head>"
        "<table><row><cell>Kirjaamo</cell><cell>040 123 4567</cell></row>"
        "<row><cell>Vaihde</cell><cell/><cell>08 6155 51</cell></row></table>"
        "<list><item>valtuusto<list><item>tarkastuslautakunta</item></list></item><item>hallitus</item></list>"
        "</main></doc>"
    )
    assert render_xml(xml) == (
        "Yhteystiedot\n\nKirjaamo – 040 123 4567\nVaihde – 08 6155 51\n\n"
        "- valtuusto\n- tarkastuslautakunta\n- hallitus\n"
    )
