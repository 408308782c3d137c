"""Finnish morphology through Voikko, cached: base forms, case and number of one word.

Voikko is the one analyser that knows Finnish compounds ("Kaupunginkansliassa" → kaupunginkanslia,
inessive). A word it does not know ("HR-prosessien", "kaupunginsihteerit-tiimi") is analysed by its
last hyphen part, the prefix kept as written. Lookups are cached because a page repeats its words.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_VOIKKO: list[Any] = []
_LOCK = threading.Lock()  # one Voikko handle is not safe to share between threads


def _voikko() -> Any:
    with _LOCK:
        return _open()


def _open() -> Any:
    if not _VOIKKO:
        try:
            import libvoikko

            _VOIKKO.append(libvoikko.Voikko("fi"))
        except Exception:  # no analyser: every word is unknown, rules still run on surface forms
            _VOIKKO.append(None)
    return _VOIKKO[0]


@dataclass(frozen=True)
class Word:
    """One reading of a word: ``base`` lower-cased unless a proper name; ``case`` Voikko's SIJAMUOTO."""

    surface: str
    base: str
    case: str | None
    plural: bool
    cls: str
    verb_person: str | None = None

    @property
    def proper(self) -> bool:
        return self.cls in {"paikannimi", "etunimi", "sukunimi", "nimi"}


def _raw(word: str) -> list[dict[str, str]]:
    v = _voikko()
    if v is None or not word or len(word) > 80:
        return []
    try:
        with _LOCK:
            return list(v.analyze(word))
    except Exception:
        return []


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[Word, ...]:
    """All readings of ``word``; a hyphenated unknown word is read through its last part."""
    found = _raw(word)
    if not found and "-" in word.strip("-"):
        prefix, last = word.rsplit("-", 1)
        return tuple(
            Word(word, prefix.lower() + "-" + w.base, w.case, w.plural, w.cls, w.verb_person)
            for w in readings(last)
        )
    out = []
    for a in found:
        cls = a.get("CLASS", "")
        base = a.get("BASEFORM", word)
        proper = cls in {"paikannimi", "etunimi", "sukunimi", "nimi"}
        out.append(
            Word(
                word,
                base if proper else base.lower(),
                a.get("SIJAMUOTO"),
                a.get("NUMBER") == "plural",
                cls,
                _person(a) if cls == "teonsana" and a.get("MOOD") == "indicative" else None,
            )
        )
    return tuple(out)


def _person(a: dict[str, str]) -> str | None:
    """The person of a present-tense indicative verb; a past-tense verb ("päätti") reports an event,
    not a standing duty, so it counts as no finite verb here."""
    return a.get("PERSON") if a.get("TENSE") in {"present_simple", None} else None


def noun(word: str) -> Word | None:
    """The first noun/adjective reading (common noun before proper name), or None."""
    rs = readings(word)
    for cls in ("nimisana", "laatusana", "nimisana_laatusana"):
        for r in rs:
            if r.cls == cls:
                return r
    return next((r for r in rs if r.proper), None)


def finite_verb(word: str) -> Word | None:
    """A present indicative verb reading ("huolehtii", passive "laaditaan" = person 4), or None."""
    return next((r for r in readings(word) if r.verb_person), None)


def nominative(word: str, keep_plural: bool) -> str:
    """The nominative of ``word``: plural nominative when it is plural and ``keep_plural``."""
    w = noun(word)
    if w is None:
        return word if word[:1].isupper() and len(word) > 1 and word[1:2].isupper() else word.lower()
    if w.plural and keep_plural:
        return plural_nominative(w.base)
    return w.base


def plural_nominative(base: str) -> str:
    """ "palvelu" → "palvelut", "tekninen" → "tekniset" (enough for body names)."""
    if base.endswith("nen"):
        return base[:-3] + "set"
    if base.endswith("us") or base.endswith("ys"):
        return base[:-1] + "kset"
    return base + "t"
