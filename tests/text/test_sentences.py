"""Sentence boundaries: Finnish abbreviations, dates, ordinals and initials do not end a sentence."""

from __future__ import annotations

import pytest

from kgpub.text.sentences import sentence_bounds


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_bounds(text)]


def test_two_sentences_of_seed_000() -> None:
    text = (
        "Henkilöstöosasto huolehtii henkilöstöpolitiikasta. "
        "Osasto huolehtii henkilöstön kehittämispalveluista ja muutostuesta."
    )
    assert _split(text) == [
        "Henkilöstöosasto huolehtii henkilöstöpolitiikasta.",
        "Osasto huolehtii henkilöstön kehittämispalveluista ja muutostuesta.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kaupunginhallituksen vastuuseen hallinnosta kuuluu mm. Kaupunginhallituksen alaisen hallinnon"
        " yhteensovittaminen.",
        "Palveluja tuottavat esim. Palvelukeskus Helsinki ja Stara.",
        "Kyseessä on ns. Tampereen malli.",
        "Toimialalla työskentelee n. 50 henkeä.",
        "Aivoriihi on avoinna 21.9. Kaikki voivat osallistua.",
        "Toimialajohtaja Eino J. Leisimo vastaa toimialasta.",
        "Talous- ja suunnitteluosasto huolehtii mm. kaupungin talouden ohjauksesta.",
    ],
)
def test_abbreviation_does_not_split(text: str) -> None:
    assert _split(text) == [text]


def test_year_ends_a_sentence() -> None:
    assert _split("Uusi organisaatio aloitti vuonna 2016. Toimialan menot kasvoivat.") == [
        "Uusi organisaatio aloitti vuonna 2016.",
        "Toimialan menot kasvoivat.",
    ]


def test_lower_case_after_full_stop_continues() -> None:
    assert len(_split("Katso kohta 3. kerroksen aula on auki.")) == 1


def test_question_and_exclamation_marks() -> None:
    text = "Osallistu keskusteluun Helsingin johtamisen uudistamisesta! Helsinki uudistaa johtamistaan."
    assert len(_split(text)) == 2


def test_spans_are_trimmed() -> None:
    assert sentence_bounds("  Yksi. Kaksi.  ") == [(2, 7), (8, 14)]
    assert sentence_bounds("") == []
    assert sentence_bounds("   \n ") == []
