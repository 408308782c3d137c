"""The Voikko wrapper: base forms, cases, hyphenated acronyms, unknown words, plural nominatives."""

from __future__ import annotations

import sys

import pytest

from kgpub import analyse as morph
from kgpub.analyse import AnalyserMissing, analyse, lemma, nominative, nominative_plural


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Kaupunginkansliassa", "kaupunginkanslia"),
        ("kansliapäällikön", "kansliapäällikkö"),
        ("yleishallinnosta", "yleishallinto"),
        ("henkilöstöohjauksesta", "henkilöstöohjaus"),
        ("Hallinto-osaston", "hallinto-osasto"),
        ("Helsingin", "Helsinki"),
        ("Remeksen", "Remes"),
    ],
)
def test_lemma(token: str, expected: str) -> None:
    assert lemma(token) == expected


def test_case_and_number() -> None:
    (reading,) = analyse("Kaupunginkansliassa")
    assert (reading.case, reading.number, reading.cls) == ("sisaolento", "singular", "nimisana")
    assert any(r.case == "omanto" for r in analyse("kansliapäällikön"))
    assert any(r.case == "olento" for r in analyse("päällikkönä"))
    assert all(r.plural for r in analyse("tietohallintopalveluista") if r.cls == "nimisana")


def test_finite_verbs_carry_mood_and_person() -> None:
    assert any(r.mood == "indicative" and r.person == "3" for r in analyse("huolehtii"))
    assert any(r.mood == "indicative" and r.person == "4" for r in analyse("laaditaan"))  # passive


def test_hyphenated_acronym_compound_keeps_its_prefix() -> None:
    (reading,) = analyse("HR-prosessien")
    assert reading.lemma == "HR-prosessi"
    assert (reading.case, reading.number) == ("omanto", "plural")
    assert lemma("Oikeuspalvelut-yksikkö") == "Oikeuspalvelut-yksikkö"


@pytest.mark.parametrize("token", ["Kühn", "", "-", "HR-", "http://x.fi", "😀", "a\x00b", "x" * 300])
def test_unknown_or_odd_tokens_have_no_analysis(token: str) -> None:
    assert analyse(token) == ()
    assert lemma(token) is None


def test_proper_names_keep_their_capital() -> None:
    assert any(r.proper and r.lemma == "Kirsi" for r in analyse("Kirsi"))


@pytest.mark.parametrize(
    ("lemma_", "plural"),
    [
        ("yksikkö", "yksiköt"),
        ("palveluyksikkö", "palveluyksiköt"),
        ("lautakunta", "lautakunnat"),
        ("kaupunki", "kaupungit"),
        ("päiväkoti", "päiväkodit"),
        ("tekninen", "tekniset"),
        ("liikelaitos", "liikelaitokset"),
        ("palvelualue", "palvelualueet"),
        ("hallintopalvelu", "hallintopalvelut"),
        ("oikeuspalvelu", "oikeuspalvelut"),
        ("jäsen", "jäsenet"),
        ("HR-palvelu", "HR-palvelut"),
        ("tekninen palvelu", "tekniset palvelut"),
        ("sisäinen tarkastus", "sisäiset tarkastukset"),
        ("kaupungin palvelu", "kaupungin palvelut"),
        ("kulttuuri- ja liikuntapalvelu", "kulttuuri- ja liikuntapalvelut"),
    ],
)
def test_nominative_plural(lemma_: str, plural: str) -> None:
    assert nominative_plural(lemma_) == plural


@pytest.mark.parametrize(
    ("token", "name"),
    [
        ("hallintopalvelut", "hallintopalvelut"),
        ("Hallintopalvelut", "hallintopalvelut"),
        ("tietohallintopalveluista", "tietohallintopalvelut"),
        ("Tekniset", "tekniset"),
        ("oikeuspalveluista", "oikeuspalvelut"),
        ("palveluyksiköihin", "palveluyksiköt"),
        ("Kaupunginkansliassa", "kaupunginkanslia"),
    ],
)
def test_nominative_keeps_the_plural_of_plural_names(token: str, name: str) -> None:
    assert nominative(token) == name


def test_nominative_singular_on_request_and_unknown() -> None:
    assert nominative("hallintopalveluista", keep_plural=False) == "hallintopalvelu"
    assert nominative("Kühn") is None


def test_missing_analyser_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "libvoikko", None)  # as if the binding were not installed
    morph._voikko.cache_clear()
    morph.analyse.cache_clear()
    try:
        with pytest.raises(AnalyserMissing, match="make install") as info:
            analyse("kaupunginkanslia")
        assert info.value.exit_code == 4
    finally:
        morph._voikko.cache_clear()
        morph.analyse.cache_clear()
