"""State and regional agencies: open class words -verket, -institutet, -anstalten, and a region that
names an agency ("NTM-centralen i Österbotten") — invented sentences in the style of Finnish-Swedish
and Swedish pages."""

from __future__ import annotations

import pytest

from tests.extract.sv.test_sv_extract import duties, names, parts, run


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Tillstånd söks hos Trafikverket.", "trafikverket"),
        ("Statistiken sammanställs av Naturresursinstitutet.", "naturresursinstitutet"),
        ("Ersättningen betalas av Folkpensionsanstalten.", "folkpensionsanstalten"),
    ],
)
def test_agency_class_words_name_bodies(sentence: str, body: str) -> None:
    assert body in names(run(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunen deltar i ett nätverk för hållbar utveckling.",
        "Reningsverket byggs om under året.",
        "Skolan är en läroanstalt med lång historia.",
        "Konstverket köptes av staden.",
    ],
)
def test_look_alikes_of_agency_words_name_none(sentence: str) -> None:
    assert not any(name.endswith(("verket", "anstalten", "verk", "anstalt")) for name in names(run(sentence)))


def test_an_agency_named_with_its_region_keeps_the_region() -> None:
    e = run("Regionförvaltningsverket i Västra och Inre Finland ansvarar för tillsynen.")
    assert duties(e) == {("regionförvaltningsverket i Västra och Inre Finland", "ansvarar för tillsynen")}


def test_two_regional_agencies_joined_by_och_stay_two() -> None:
    got = names(run("NTM-centralen i Österbotten och Räddningsverket i Mellersta Nyland samarbetar."))
    assert {"NTM-centralen i Österbotten", "räddningsverket i Mellersta Nyland"} <= got


def test_a_building_is_no_region() -> None:
    assert "miljöcentralen" in names(run("Miljöcentralen i Vasa Stadshus har öppet."))


def test_ministries_are_bodies_and_a_ministry_s_branch_is_the_ministry() -> None:
    e = run("Länsstyrelsen lyder under Finansdepartementet.")
    assert parts(e) == {("länsstyrelsen", "finansdepartementet", "subordinate")}
    e = run("Regionförvaltningsverket hör till finansministeriets förvaltningsområde.")
    assert parts(e) == {("regionförvaltningsverket", "finansministeriet", "part")}
    e = run("Undervisnings- och kulturministeriet ansvarar för utbildningspolitiken.")
    assert duties(e) == {("undervisnings- och kulturministeriet", "ansvarar för utbildningspolitiken")}
