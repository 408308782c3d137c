"""Base-form names of bodies: which word ends a body's name, and how an inflected phrase is named.

"Kaupunginkansliassa" names "kaupunginkanslia"; "teknisten palvelujen" names "tekniset palvelut"
(plural by nature); "sisäisen tarkastuksen" names "sisäinen tarkastus" (the adjective agrees);
"talous- ja suunnitteluosastoa" names "talous- ja suunnitteluosasto"; genitive modifiers stay as
written ("kaupunginhallituksen johtamisen jaosto", "Helsingin kaupunki").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...analyse import Analysis, nominative_plural
from .lexicon import (
    GENERIC,
    MUNICIPALITY,
    NOT_BODIES,
    ORGANISATION,
    PLURAL_NAMES,
    STRONG,
    STRONG_IN_COMPOUNDS,
    TITLE_ENDINGS,
    WEAK,
)
from .tokens import Token

_ENDINGS = sorted([*STRONG, *WEAK, *MUNICIPALITY], key=len, reverse=True)


@dataclass(frozen=True)
class BodyWord:
    """The body word a base form ends in: ``word`` ("osasto"), its kind, and whether the base form is
    the bare word ("osasto") or a compound that names one ("elinkeino-osasto")."""

    word: str
    kind: str
    strong: bool
    bare: bool


@lru_cache(maxsize=65536)
def is_title(lemma: str) -> bool:
    """A post ("elinkeinojohtaja", "kansliapäällikkö", "palvelujohtaja"), not a body."""
    return lemma.lower().endswith(TITLE_ENDINGS)


@lru_cache(maxsize=65536)
def body_word(lemma: str) -> BodyWord | None:
    """The body word ``lemma`` ends in, or None ("toimintasääntö", "toimialajohtaja", "toimielin")."""
    low = lemma.lower()
    if low in NOT_BODIES or is_title(low):
        return None
    if low in ORGANISATION:
        return BodyWord(low, "municipality", False, True)
    for word in _ENDINGS:
        if not low.endswith(word):
            continue
        prefix = low[: len(low) - len(word)]
        if prefix and not (prefix.endswith("-") or len(prefix) >= 3):
            continue
        if prefix and word in MUNICIPALITY:
            continue  # "jäsenkunta", "pormestarikunta" are no municipalities
        kind = STRONG.get(word) or WEAK.get(word) or "municipality"
        generic = word in GENERIC or word in WEAK or word in MUNICIPALITY
        strong = word in STRONG or word in MUNICIPALITY or (bool(prefix) and word in STRONG_IN_COMPOUNDS)
        return BodyWord(word, kind, strong, generic and not prefix)
    return None


def plural_name(lemma: str) -> bool:
    """Whether a plural of this base form is a name ("hallintopalvelut") rather than generic ("osastot")."""
    low = lemma.lower()
    return any(low.endswith(w) for w in PLURAL_NAMES)


def head_name(r: Analysis | None, surface: str, plural: bool) -> str:
    """The nominative of a head word (reading ``r``): singular, or plural for names plural by nature."""
    base = r.lemma if r else surface.lstrip("-")
    if (r is None or not r.proper) and not base[1:2].isupper():
        base = base[:1].lower() + base[1:]
    return nominative_plural(base) if plural else base


def modifier_name(tok: Token, plural: bool) -> str:
    """An agreeing adjective in the nominative ("sisäisen" → "sisäinen", "teknisten" → "tekniset")."""
    r = next((r for r in tok.readings if r.cls in {"laatusana", "nimisana_laatusana"}), None)
    if r is None:
        return as_written(tok)
    return nominative_plural(r.lemma) if plural else r.lemma


def as_written(tok: Token) -> str:
    """A modifier kept as written: lower-cased unless a proper name ("Helsingin", "johtamisen")."""
    if tok.is_name("paikannimi", "etunimi", "sukunimi") or (tok.text[1:2].isupper()):
        return tok.text
    return tok.text[:1].lower() + tok.text[1:]


def join(parts: list[str]) -> str:
    """Words of a name joined by spaces, nothing doubled."""
    return " ".join(p for p in parts if p)
