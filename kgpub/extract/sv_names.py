"""Swedish body and post names: which words name a body, in which form the gold writes them.

Swedish compounds carry the body type at their end ("stads|styrelsen", "förvaltnings|avdelningen",
"lednings|gruppen"), so a body is recognised by a known head noun at the end of a word, in any of its
singular forms (indefinite, definite, genitive). The canonical name is the definite singular
("stadsstyrelsen"), as Swedish municipal pages write their bodies; the indefinite form is an alias.
A bare head noun is a body name only with a modifier that makes it one: "avdelningen för teknisk och
samhällsbyggnad", "tekniska nämnden", "stadens ämbetsverk". Otherwise a definite bare head
("nämnden") refers back to a body named before, and an indefinite one ("respektive nämnd") is generic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sv_en import words


@dataclass(frozen=True)
class Head:
    """A head noun: body kind, definite-singular suffix, plural suffixes, shortest compound prefix."""

    kind: str
    definite: str
    plural: tuple[str, ...] = ()
    min_prefix: int = 0
    banned_prefixes: tuple[str, ...] = ()


HEADS: dict[str, Head] = {
    "fullmäktige": Head("council", ""),
    "styrelse": Head("board", "n", ("r", "rna")),
    "nämnd": Head("committee", "en", ("er", "erna"), 0, ("be", "om")),
    "sektion": Head("division", "en", ("er", "erna")),
    "utskott": Head("committee", "et", ("en",)),
    "direktion": Head("board", "en", ("er", "erna")),
    "avdelning": Head("department", "en", ("ar", "arna")),
    "enhet": Head("unit", "en", ("er", "erna"), 3),
    "byrå": Head("unit", "n", ("er", "erna")),
    "kansli": Head("agency", "et", ("er", "erna")),
    "ämbetsverk": Head("agency", "et"),
    "affärsverk": Head("enterprise", "et"),
    "förvaltning": Head("agency", "en", ("ar", "arna"), 3, ("själv", "stads", "kommun")),
    "sektor": Head("division", "n", ("er", "erna"), 3),
    "väsende": Head("department", "t", ("n", "na"), 3),
    "central": Head("unit", "en", ("er", "erna"), 4),
    "grupp": Head("team", "en", ("er", "erna"), 4, ("mål", "ålders", "kund", "yrkes", "befolknings")),
    "team": Head("team", "et", (), 3),
    "bolag": Head("enterprise", "et", (), 3),
    "samkommun": Head("other", "en", ("er", "erna")),
    "råd": Head("other", "et", (), 4, ("sam", "för", "stats", "stads", "kommun")),
    "kontor": Head("unit", "et", (), 3),
}
_BY_LENGTH = sorted(HEADS, key=len, reverse=True)

#: Words for posts (titles), matched at the end of a word: "stadsdirektör", "avdelningschef".
POSTS = (
    "direktör",
    "chef",
    "ordförande",
    "borgmästare",
    "sekreterare",
    "ombudsman",
    "föreståndare",
    "ledare",
    "rektor",
    "jurist",
    "kamrer",
    "controller",
    "samordnare",
    "koordinator",
    "intendent",
    "inspektör",
)
_POST_RE = re.compile(r"(?:" + "|".join(POSTS) + r")(?:en|n|ns|ens|s)?$")
_POST_PLURAL = re.compile(r"(?:direktörer|chefer|ordförandena|sekreterare|ledare)(?:na)?$")

#: Titles of the person who leads the whole municipality.
MUNICIPAL_TITLES = re.compile(r"^(?:biträdande\s+)?(?:stads|kommun)direktör$|^borgmästare$")


@dataclass(frozen=True)
class Word:
    """A word read as a body name: ``prefix + head + ending``; ``form`` is indef|def|gen|gendef|plural."""

    prefix: str
    head: str
    form: str

    @property
    def definite(self) -> str:
        return self.prefix + self.head + HEADS[self.head].definite

    @property
    def indefinite(self) -> str:
        return self.prefix + self.head


def read_word(word: str) -> Word | None:
    """Read a (lowercased) word as a body head noun in one of its forms, or None."""
    for head in _BY_LENGTH:
        spec = HEADS[head]
        at = word.rfind(head)
        if at < 0:
            continue
        prefix, ending = word[:at], word[at + len(head) :]
        if prefix and (len(prefix) < spec.min_prefix or prefix.endswith(spec.banned_prefixes)):
            continue
        if not prefix and spec.min_prefix:
            continue
        form = _form(ending, spec)
        if form:
            return Word(prefix, head, form)
    return None


def _form(ending: str, spec: Head) -> str | None:
    forms = {"": "indef", "s": "gen", spec.definite: "def", spec.definite + "s": "gendef"}
    forms.update(dict.fromkeys(spec.plural, "plural"))
    forms.update({p + "s": "plural" for p in spec.plural})
    return forms.get(ending)


def is_post(word: str) -> bool:
    """A title word ("stadsdirektören", "chef"), singular or plural."""
    w = word.lower()
    return bool(_POST_RE.search(w) or _POST_PLURAL.search(w))


def title_base(word: str) -> str | None:
    """The base form of a singular title word ("stadsdirektören" → "stadsdirektör"), or None."""
    w = word.lower()
    if _POST_PLURAL.search(w) and not _POST_RE.search(w):
        return None
    for post in POSTS:
        at = w.rfind(post)
        if at >= 0 and w[at + len(post) :] in ("", "en", "n", "ns", "ens", "s"):
            if post == "ombudsman" and w.endswith("mannen"):
                return w[:at] + post
            return w[: at + len(post)]
    return None


# --- mentions in a sentence -------------------------------------------------------------------------


_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_CONJ = ("och", "eller", "samt")
#: Words that end a "för …" complement of a bare head: verbs and clause openers.
_PP_STOP = words(
    """som är var har hade ska skall kan får blir leds leder svarar ansvarar sköter bereder
    verkställer och samt eller med enligt"""
)
_QUANTIFIERS = words(
    """övriga samtliga alla olika respektive varje andra egna nya flera många vissa dessa
    sina våra hela första andra enda"""
)
_GENITIVE = re.compile(r"^(?:stadens|kommunens|samkommunens|[A-ZÅÄÖ][\wåäö-]+s)$")
_MUNICIPALITY = re.compile(r"\b([A-ZÅÄÖ][\wåäö]+(?:-[A-ZÅÄÖ][\wåäö]+)?)\s+(stad|kommun)(?:s)?\b")
_MUNICIPALITY_REF = re.compile(r"^(?:staden|stadens|kommunen|kommunens)$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A body named in a sentence: ``text[start:end]``; ``refers`` is set for "nämnden"-like anaphora."""

    start: int
    end: int
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    genitive: bool = False
    refers: str | None = None


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def _compound(text: str, toks: list[re.Match[str]], i: int, word: Word) -> Mention:
    """A compound such as "stadsstyrelsen" or "byggnads- och miljöväsendet" (coordinated halves)."""
    j = i
    if j >= 2 and toks[j - 1].group().lower() in _CONJ and toks[j - 2].group().endswith("-"):
        j -= 2
        while (
            j >= 1
            and toks[j - 1].group().endswith("-")
            and text[toks[j - 1].end() : toks[j].start()].strip() == ","
        ):
            j -= 1
    lead = _lower_first(text[toks[j].start() : toks[i].start()]) if j < i else ""
    prefix = (
        _lower_first(toks[i].group()[: len(word.prefix)]) if not lead else toks[i].group()[: len(word.prefix)]
    )
    definite = lead + prefix + word.head + HEADS[word.head].definite
    indefinite = lead + prefix + word.head
    return Mention(
        toks[j].start(),
        toks[i].end(),
        definite,
        HEADS[word.head].kind,
        (indefinite,),
        word.form.startswith("gen"),
    )


def _complement(text: str, toks: list[re.Match[str]], i: int) -> int | None:
    """Index of the last word of a "för …" complement after token i ("avdelningen för teknisk och …")."""
    if i + 2 >= len(toks) or toks[i + 1].group().lower() != "för":
        return None
    last = None
    for k in range(i + 2, min(i + 8, len(toks))):
        gap = text[toks[k - 1].end() : toks[k].start()]
        if re.search(r"[,.;:()\n]", gap) or toks[k].group().lower() in _PP_STOP - {"och"}:
            break
        if toks[k].group().lower() != "och":
            last = k
    return last


def _bare(text: str, toks: list[re.Match[str]], i: int, word: Word) -> Mention | None:
    """A bare head noun: named by a modifier, a reference back, or generic (None)."""
    tok, spec = toks[i], HEADS[word.head]
    last = _complement(text, toks, i) if word.form in ("def", "indef") else None
    if last is not None:
        return Mention(
            tok.start(), toks[last].end(), _lower_first(text[tok.start() : toks[last].end()]), spec.kind
        )
    prev = toks[i - 1] if i else None
    adjacent = prev is not None and text[prev.end() : tok.start()] == " "
    if adjacent and prev and word.form == "def":
        adj = prev.group().lower()
        if adj.endswith("a") and len(adj) >= 5 and adj not in _QUANTIFIERS:
            return Mention(prev.start(), tok.end(), _lower_first(text[prev.start() : tok.end()]), spec.kind)
    if adjacent and prev and word.form == "indef" and _GENITIVE.match(prev.group()):
        name = text[prev.start() : tok.end()]
        name = _lower_first(name) if _MUNICIPALITY_REF.match(prev.group()) else name
        return Mention(prev.start(), tok.end(), name, spec.kind)
    if word.head == "fullmäktige" or word.form in ("def", "gendef"):
        return Mention(
            tok.start(), tok.end(), word.definite, spec.kind, refers=word.head, genitive=word.form == "gendef"
        )
    return None


def mentions(text: str) -> list[Mention]:
    """Every body named in ``text`` (a sentence), left to right, without overlaps."""
    toks = list(_TOKEN.finditer(text))
    found: list[Mention] = []
    for m in _MUNICIPALITY.finditer(text):
        name = f"{m.group(1)} {m.group(2)}"
        found.append(Mention(m.start(), m.end(), name, "municipality", (m.group(2) + "en",)))
    for i, tok in enumerate(toks):
        if _MUNICIPALITY_REF.match(tok.group()):
            unit = "staden" if tok.group().lower().startswith("stad") else "kommunen"
            found.append(
                Mention(
                    tok.start(),
                    tok.end(),
                    unit,
                    "municipality",
                    refers="municipality",
                    genitive=tok.group().lower().endswith("s"),
                )
            )
            continue
        word = read_word(tok.group().lower())
        if word is None or word.form == "plural":
            continue
        mention = _compound(text, toks, i, word) if word.prefix else _bare(text, toks, i, word)
        if mention is not None:
            found.append(mention)
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    for x in found:
        if not out or x.start >= out[-1].end:
            out.append(x)
    return out
