"""Group names: "ledningsgruppen för …" is named with its complement, and a body written only with the
municipality's genitive ("stadens ledningsgrupp") is named as written (invented sentences)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import names, parts, run


def test_a_group_is_named_with_what_it_is_for() -> None:
    e = run(
        "Styrgruppen för digitalisering\n\n"
        "Styrgruppen för digitalisering består av stadens ledningsgrupp och it-chefen.\n"
    )
    assert {"styrgruppen för digitalisering", "stadens ledningsgrupp"} <= names(e)
    assert "styrgruppen" not in names(e)
    got = parts(e)
    assert ("stadens ledningsgrupp", "styrgruppen för digitalisering", "part") in got
    assert ("stadens ledningsgrupp", "staden", "part") in got


def test_a_board_followed_by_for_is_no_longer_name() -> None:
    e = run("Kommunstyrelsen för talan i kommunens vägnar.")
    assert "kommunstyrelsen" in names(e)
    assert not any(name.startswith("kommunstyrelsen för") for name in names(e))


def test_the_group_named_later_without_the_genitive_is_the_same_body() -> None:
    e = run("Staden har en ledningsgrupp. Ledningsgruppen sammanträder varje vecka.")
    assert "ledningsgruppen" in names(e) and "stadens ledningsgrupp" not in names(e)
