"""Charset: the text must be right even when the server's header is wrong."""

from __future__ import annotations

from kgpub.ingest.decode import decode_page, meta_charset

FI = "<p>Sivistyslautakunta päättää kouluista; Närpes ja Åbo</p>"


def test_utf8_body_under_a_latin1_header_is_read_as_utf8() -> None:
    decoded = decode_page(FI.encode("utf-8"), "iso-8859-1")
    assert decoded.text == FI
    assert decoded.note == "the HTTP header says iso-8859-1, but the bytes are UTF-8"


def test_latin1_body_under_a_utf8_header_uses_the_meta_charset() -> None:
    html = '<meta charset="iso-8859-1">' + FI
    decoded = decode_page(html.encode("latin-1"), "utf-8")
    assert decoded.text == html
    assert decoded.note is not None and "meta tag" in decoded.note


def test_a_correct_legacy_header_is_used_quietly() -> None:
    decoded = decode_page(FI.encode("latin-1"), "ISO-8859-1")
    assert decoded.text == FI and decoded.note is None


def test_windows_1252_letters_decode_under_an_iso_8859_1_label() -> None:
    text = "<p>Budjetti 5 € – ”hyväksytty”</p>"
    assert decode_page(text.encode("cp1252"), "iso-8859-1").text == text


def test_a_byte_order_mark_wins_over_the_header() -> None:
    assert decode_page(FI.encode("utf-16"), "iso-8859-1").text == FI
    assert decode_page(b"\xef\xbb\xbf" + FI.encode("utf-8"), "iso-8859-1").text == FI


def test_undeclared_latin1_falls_back_with_a_note() -> None:
    decoded = decode_page(FI.encode("latin-1"), None)
    assert decoded.text == FI
    assert decoded.note is not None and "windows-1252" in decoded.note


def test_meta_charset_in_http_equiv_form() -> None:
    assert (
        meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">')
        == "iso-8859-15"
    )
