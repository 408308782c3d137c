"""Bytes of a page → its text, with the right charset even when the server declares a wrong one.

Servers often say ``charset=iso-8859-1`` for pages that are UTF-8 (or the other way round); a
wrong guess turns "Sivistyslautakunta päättää" into "pÃ¤Ã¤ttÃ¤Ã¤" in every published name. The order:

1. a byte-order mark decides;
2. bytes that decode as UTF-8 and are not plain ASCII are UTF-8 — text in a legacy 8-bit charset
   with letters like ä/ö/å is practically never valid UTF-8, so this overrides a header that says
   otherwise;
3. the charset the HTTP header declares, then the one a ``<meta>`` declares, when the bytes decode
   with it (``iso-8859-1`` and ``ascii`` mean windows-1252, as browsers read them);
4. windows-1252 with replacement characters, and a note saying so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Labels browsers read as windows-1252 (WHATWG Encoding): its extra letters (€, š, ž, ”) decode too.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}


@dataclass(frozen=True)
class Decoded:
    """The text, the charset it was decoded with, and why when that is not what the server said."""

    text: str
    charset: str
    note: str | None = None


def meta_charset(body: bytes) -> str | None:
    """The charset a ``<meta charset>`` or ``http-equiv`` tag declares in the first 4 KiB."""
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("'\"").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_page(body: bytes, header_charset: str | None = None) -> Decoded:
    """Decode ``body``; ``note`` says when the declared charset was wrong or absent and what was used."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(codec, errors="replace"), codec, "byte-order mark")
    labels = ((header_charset, "the HTTP header"), (meta_charset(body), "the meta tag"))
    if not body.isascii():
        text = _try(body, "utf-8")
        if text is not None:
            wrong = next(
                (f"{where} says {label}" for label, where in labels if _codec(label) not in (None, "utf-8")),
                None,
            )
            return Decoded(text, "utf-8", f"{wrong}, but the bytes are UTF-8" if wrong else None)
    for label, where in labels:
        chosen = _codec(label)
        decoded = _try(body, chosen) if chosen else None
        if chosen and decoded is not None:
            overridden = where != "the HTTP header" and header_charset
            note = (
                f"the HTTP header says {header_charset}; decoded as {label} from {where}"
                if overridden
                else None
            )
            return Decoded(decoded, chosen, note)
    if body.isascii():
        return Decoded(body.decode("ascii"), "ascii")
    return Decoded(
        body.decode("cp1252", errors="replace"),
        "cp1252",
        "no declared charset decodes the bytes; read as windows-1252",
    )
