"""Body mentions: which words name a body, its base-form name, and the words that are not bodies."""

from __future__ import annotations

from kgpub.extract.finnish.clean import is_noise
from kgpub.extract.finnish.names import mentions


def names(text: str) -> list[tuple[str, bool]]:
    return [(m.name, m.strong) for m in mentions(text) if not m.generic]


def test_compound_coordinated_adjective_and_place_names() -> None:
    assert ("talous- ja suunnitteluosasto", True) in names("talous- ja suunnitteluosasto ja viestintäosasto")
    assert names("Sisäinen tarkastus toimii") == [("sisäinen tarkastus", False)]
    assert ("Helsingin kaupunginkanslia", True) in names("Helsingin kaupunginkanslia on virasto")
    town = [m for m in mentions("Kalajoen kaupungin hallintopalveluihin sijoitettu") if m.place]
    assert [(m.name, m.place) for m in town] == [("hallintopalvelut", "Kalajoen kaupunki")]


def test_genitive_parent_is_part_of_the_name() -> None:
    found = [m for m in mentions("Kaupunginhallituksen johtamisen jaosto") if m.parent]
    assert [(m.name, m.parent) for m in found] == [
        ("kaupunginhallituksen johtamisen jaosto", "kaupunginhallitus")
    ]


def test_counted_plural_and_bare_class_words_are_no_names() -> None:
    assert names("Kaupunginkansliassa on kuusi osastoa") == [("kaupunginkanslia", True)]
    assert names("Kaupunginkansliaan kuuluvat liikelaitokset") == [("kaupunginkanslia", True)]
    assert names("oman vastuualueensa asioiden hoitamisesta") == []


def test_noise_lines() -> None:
    assert is_noise("Toiminnon käyttämiseksi vaaditaan, että hyväksyt sivuston evästeet.")
    assert is_noise("Kirjautuminen epäonnistui.")
    assert not is_noise("Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva.")
