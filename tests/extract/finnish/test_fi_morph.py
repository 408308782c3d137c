"""Voikko readings: base forms, case, number, and the hyphen fallback for unknown compounds."""

from __future__ import annotations

from kgpub.extract.finnish.morph import finite_verb, nominative, noun, plural_nominative, readings


def test_base_form_case_and_number() -> None:
    w = noun("Kaupunginkansliassa")
    assert w is not None and (w.base, w.case, w.plural) == ("kaupunginkanslia", "sisaolento", False)
    assert nominative("hallintopalveluihin", keep_plural=True) == "hallintopalvelut"
    assert nominative("yleishallinnosta", keep_plural=True) == "yleishallinto"


def test_unknown_hyphenated_word_is_read_by_its_last_part() -> None:
    w = noun("kaupunginsihteerit-tiimi")
    assert w is not None and w.base == "kaupunginsihteerit-tiimi" and w.case == "nimento"
    assert readings("HR-prosessien")[0].case == "omanto"


def test_verbs_and_plurals() -> None:
    passive = finite_verb("laaditaan")
    assert passive is not None and passive.verb_person == "4"
    assert finite_verb("osasto") is None
    assert plural_nominative("tekninen") == "tekniset"


def test_odd_words_give_no_reading() -> None:
    assert readings("") == ()
    assert readings("x" * 200) == ()
    assert noun("\u200b") is None
