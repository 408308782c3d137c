"""Tokens of one sentence with their Voikko readings, and the questions the rules ask of a token.

A token keeps its offsets in the sentence text, so any run of tokens is an exact span of the
original (``Sentence.span``). Words are analysed through :mod:`kgpub.analyse` (cached); punctuation
and numbers are tokens too, because lists and titles are read from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ...analyse import Analysis, analyse

_TOKEN = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*-?|-[^\W_]+(?:[-‐][^\W_]+)*|[^\w\s]|_")
_GLUED = re.compile(r"((?:[^\W\d_]+[-‐])*[^\W\d_]*[a-zåäö]{3})(\d+)")
#: Longest sentence (in tokens) the rules read; longer runs are not prose.
MAX_TOKENS = 400
NOUNS = frozenset({"nimisana", "nimisana_laatusana"})
ADJECTIVES = frozenset({"laatusana", "nimisana_laatusana"})
NAMES = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @cached_property
    def readings(self) -> tuple[Analysis, ...]:
        return analyse(self.text.lstrip("-")) if self.word else ()

    @property
    def word(self) -> bool:
        return self.text[:1].isalpha() or (self.text[:1] == "-" and self.text[1:2].isalpha())

    @cached_property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    def nouns(self) -> list[Analysis]:
        """Noun-like readings, the likeliest first: common nouns, adjectives, names."""
        return list(self._nouns)

    @cached_property
    def _nouns(self) -> tuple[Analysis, ...]:
        """Of two readings that differ only in the base form, the one closer to the surface comes
        first: "perusturvasta" is "perusturva", not the consonant-gradation guess "perusturpa"."""
        out = [r for group in (NOUNS, ADJECTIVES, NAMES) for r in self.readings if r.cls in group]
        if len(out) > 1:
            first, low = out[0], self.text.lstrip("-").lower()
            twins = [r for r in out if (r.cls, r.case, r.plural) == (first.cls, first.case, first.plural)]
            best = max(twins, key=lambda r: _shared_prefix(r.lemma.lower(), low))
            if best is not first:
                out.remove(best)
                out.insert(0, best)
        return tuple(out)

    def noun(self) -> Analysis | None:
        """The reading the rules use for a noun-like token."""
        nouns = self.nouns()
        return nouns[0] if nouns else None

    def lemma(self) -> str:
        """Base form (lower case unless a proper name); the surface when the analyser does not know it."""
        r = self.noun()
        if r is not None:
            return r.lemma
        return self.readings[0].lemma if self.readings else self.text.lstrip("-").lower()

    def case(self) -> str | None:
        r = self.noun()
        return r.case if r else None

    def has_case(self, *cases: str) -> bool:
        return any(r.case in cases for r in self.readings if r.cls not in {"teonsana"})

    def plural(self) -> bool:
        r = self.noun()
        return bool(r and r.plural)

    def is_adjective(self) -> bool:
        return any(r.cls in ADJECTIVES for r in self.readings)

    def is_name(self, *classes: str) -> bool:
        return any(r.cls in (classes or NAMES) for r in self.readings)

    def verb(self) -> Analysis | None:
        """An indicative reading of a finite verb (3rd person or passive), or None."""
        for r in self.readings:
            if r.cls == "teonsana" and r.mood == "indicative" and r.person in {"3", "4"}:
                return r
        return None

    def verb_lemma(self) -> str | None:
        v = self.verb()
        return v.lemma if v else None

    @cached_property
    def forms(self) -> frozenset[str]:
        """Every base form the analyser gives, and the lower-cased surface."""
        return frozenset(r.lemma for r in self.readings) | {self.low}

    def is_lemma(self, *lemmas: str) -> bool:
        return any(lemma in self.forms for lemma in lemmas)


def tokenize(text: str) -> list[Token]:
    """The tokens of one sentence (at most :data:`MAX_TOKENS`)."""
    out = []
    for m in _TOKEN.finditer(text):
        glued = _GLUED.fullmatch(m.group())
        if glued:  # "liitto28": a table flattened to text glues a cell's number to the word before
            cut = m.start() + glued.end(1)
            out += [Token(glued.group(1), m.start(), cut), Token(glued.group(2), cut, m.end())]
        elif _spaced_hyphen(text, out, m.group(), m.start()):
            # "Itä -Suomen elinvoimakeskus": a typed space before the hyphen of one compound name
            out[-1] = Token(out[-1].text + m.group(), out[-1].start, m.end())
        else:
            out.append(Token(m.group(), m.start(), m.end()))
        if len(out) >= MAX_TOKENS:
            break
    return out[:MAX_TOKENS]


def _spaced_hyphen(text: str, out: list[Token], word: str, start: int) -> bool:
    """ "-Suomen" one space after a capitalised word ("Itä -Suomen"): the second half of a compound
    proper name. A lower-case suffix ("Suuret kaupunkiraidehankkeet -yksikkö") stays a token."""
    prev = out[-1] if out else None
    return (
        prev is not None
        and word[:1] == "-"
        and word[1:2].isupper()
        and prev.text[:1].isupper()
        and prev.text[-1:].isalpha()
        and text[prev.end : start] == " "
    )


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n
