"""Sentence boundaries in one line of Finnish (or Swedish/English) prose.

A sentence ends at ``.``, ``!`` or ``?`` followed by white space and a capital letter (or an opening
quote). A full stop does not end a sentence after an abbreviation ("mm.", "esim.", "ns.", "n."), an
initial ("Eino J. Leisimo"), a day or ordinal number ("21.9.", "3. kerros") — Finnish writes those
with a full stop and the next word is often a capitalised name. Patterns are linear: one pass of a
bounded regex, no backtracking over the line.
"""

from __future__ import annotations

import re

#: Abbreviations written with a full stop that does not end a sentence (compared lower-cased).
_ABBREVIATIONS = """
    mm esim ns n ks ym yms jne tms vrt ts em ko ao vs va vt os puh p s klo nro no kpl milj mrd t
    tk ma ti ke to pe la su v pj vpj tj siht apul ap dipl ins fil yo kv ev tri prof toim ed lk
    eaa jaa ca mr mrs ms dr st jr tel tfn bl resp inkl jfr etc temp tf vik kl nr
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())

_END = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[\"“”'(\[]?[A-ZÅÄÖÜÉ])")
_WORD_BEFORE = re.compile(r"([\w.]{1,20})[.!?]*[\"”’)\]]*\s*$")
_DATE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*$")


def _abbreviated(before: str) -> bool:
    """Whether the full stop ending ``before`` belongs to an abbreviation, initial or number."""
    if not before.rstrip().endswith("."):
        return False
    m = _WORD_BEFORE.search(before[-40:])
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if "." in word and not _DATE.match(word):  # "esim.", "e.g.", "jne.", "1.1.2020"?
        last = word.rsplit(".", 1)[-1]
        return len(last) <= 2 and not last.isdigit()
    if _DATE.match(word):
        return True
    if len(word) == 1 and word.isupper():
        return True
    return word.lower() in ABBREVIATIONS


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, white space at either end trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        if _abbreviated(text[pos:end]):
            continue
        _add(out, text, pos, end)
        pos = m.end()
    _add(out, text, pos, len(text))
    return out


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
