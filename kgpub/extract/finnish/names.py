"""Body mentions in Finnish text: which words name a body, its kind, and its base-form name.

A body is named by a compound whose last part is a body word ("elinkeino-osasto", "kaupunginhallitus",
"hallintopalvelut"), with what belongs to the name before it: a coordinated first half ("talous- ja
suunnitteluosasto"), an agreeing adjective ("sisäinen tarkastus", "tekniset palvelut"), genitives
that make a sub-body ("kaupunginhallituksen johtamisen jaosto", "kuntayhtymän hallinto") or a place
("Helsingin kaupunginkanslia", "Tornion kaupunki"). STRONG body words name a body wherever they occur;
WEAK ones ("-palvelut", "-hallinto", "-ohjaus") only where the sentence structure says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..sv_en import words
from .morph import Word, noun, plural_nominative, readings

STRONG: dict[str, str] = {
    "valtuusto": "council",
    "kaupunginhallitus": "board",
    "kunnanhallitus": "board",
    "hallitus": "board",
    "lautakunta": "committee",
    "jaosto": "division",
    "toimiala": "division",
    "kanslia": "agency",
    "virasto": "agency",
    "toimisto": "agency",
    "osasto": "department",
    "yksikkö": "unit",
    "tiimi": "team",
    "liikelaitos": "enterprise",
    "palvelualue": "service_area",
    "vastuualue": "service_area",
    "tulosalue": "service_area",
    "kuntayhtymä": "other",
    "yhtymä": "other",
    "johtajisto": "other",
    "pormestarikunta": "other",
}
WEAK: dict[str, str] = {
    "palvelu": "unit",
    "hallinto": "division",
    "ohjaus": "service_area",
    "opetus": "service_area",
    "kasvatus": "service_area",
    "toimi": "unit",
    "tarkastus": "unit",
    "organisaatio": "other",
}
#: Words that end like a body word but are not bodies.
NOT_BODY = frozenset(["hallitusohjelma", "kuntalaki", "työhyvinvointikeskus", "keskus", "hallitus-"])
#: Bare body words that refer back to a body already named ("Osastoa johtaa", "Virastossa on").
GENERIC = frozenset(
    [
        "osasto",
        "virasto",
        "yksikkö",
        "hallitus",
        "valtuusto",
        "hallinto",
        "toimiala",
        "jaosto",
        "lautakunta",
        "kanslia",
        "tiimi",
        "palvelualue",
        "kuntayhtymä",
        "yhtymä",
        "toimisto",
        "keskus",
    ]
)
#: Bare body words that name a kind of body, not one body ("vastuualueensa", "palveluja").
CLASS_WORDS = GENERIC | words(
    "lautakunta liikelaitos palvelualue vastuualue tulosalue toimisto yksikkö tiimi yhtymä organisaatio "
    "palvelu ohjaus opetus kasvatus tarkastus toimi"
)
#: Heads whose genitive modifiers are part of the name ("kaupunginhallituksen johtamisen jaosto").
GENITIVE_HEADS = ("jaosto", "toimiala", "hallinto", "toimi")
MUNICIPALITY = ("kaupunki", "kunta")
NUMERALS = words("kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen seuraavat")
TITLE_ENDS = (
    "johtaja",
    "päällikkö",
    "puheenjohtaja",
    "sihteeri",
    "esimies",
    "pormestari",
    "apulaispormestari",
)

_LETTERS = "A-Za-zÅÄÖåäöÉéÜüÕõŠšŽž"
TOKEN = re.compile(rf"-?[{_LETTERS}]+(?:-[{_LETTERS}]+)*-?")


@dataclass(frozen=True)
class Mention:
    """A body named in a segment: ``start``/``end`` relative to the segment text."""

    start: int
    end: int
    name: str
    kind: str
    case: str | None
    strong: bool
    generic: bool = False
    parent: str | None = None  # the body a genitive modifier names ("kaupunginhallituksen" jaosto)
    place: str | None = None  # the municipality a place genitive names ("Kalajoen kaupungin" X)
    aliases: tuple[str, ...] = ()


def body_kind(w: Word) -> tuple[str, bool] | None:
    """(kind, strong) when the word's base ends with a body word."""
    base = w.base.lower()
    if base in NOT_BODY or any(base.endswith(t) for t in TITLE_ENDS):
        return None
    for suffix, kind in STRONG.items():
        if base.endswith(suffix) and not (suffix == "keskus" and base == "keskus"):
            if suffix == "hallitus" and base != "hallitus" and not base.endswith("nhallitus"):
                continue
            return kind, True
    for suffix, kind in WEAK.items():
        if base.endswith(suffix):
            if suffix == "palvelu" and not w.plural:
                return None
            if suffix == "toimi" and base == "toimi":
                return None
            return kind, False
    return None


def title_word(word: str) -> str | None:
    """The base form of a post title ("kansliapäällikön" → kansliapäällikkö), singular."""
    w = noun(word)
    if w is None:
        return None
    return w.base if any(w.base.endswith(t) for t in TITLE_ENDS) else None


def is_title(word: str) -> bool:
    return title_word(word) is not None


def _modifier(word: str) -> Word | None:
    """A reading of a word before a body word: its genitive reading first ("johtamisen")."""
    rs = readings(word)
    if word[:1].isupper():
        proper = next((r for r in rs if r.case == "omanto" and r.cls == "paikannimi"), None)
        if proper:
            return proper
    return (
        next((r for r in rs if r.case == "omanto" and r.cls != "teonsana"), None)
        or next((r for r in rs if r.case == "omanto"), None)
        or noun(word)
    )


def _head_name(w: Word) -> str:
    if w.plural and w.base.endswith("palvelu"):
        return plural_nominative(w.base)
    return w.base


Tok = tuple[int, int, str]


def mentions(text: str) -> list[Mention]:
    """Every body mention in ``text``, left to right, bounded by the token count."""
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)][:4000]
    out: list[Mention] = []
    for i, (_, _, tok) in enumerate(toks):
        if tok.endswith("-") or tok.startswith("-"):
            continue
        w = noun(tok)
        if w is None:
            continue
        found = _municipality(text, toks, i, w) if w.base in MUNICIPALITY else _mention(text, toks, i, w)
        if found:
            out.append(found)
    return out


def _adjacent(text: str, toks: list[Tok], i: int) -> bool:
    return i > 0 and text[toks[i - 1][1] : toks[i][0]] in {" ", "\n", "\xa0"}


def _town(genitive: str, word: str) -> str:
    """ "Helsingin" + "kaupunki" → "Helsingin kaupunki" (the genitive as written, capitalised)."""
    return f"{genitive[:1].upper()}{genitive[1:]} {word}"


def _municipality(text: str, toks: list[Tok], i: int, w: Word) -> Mention | None:
    """ "Helsingin kaupunki" (any case): a place genitive before kaupunki/kunta."""
    if not _adjacent(text, toks, i):
        return None
    p = _modifier(toks[i - 1][2])
    if p and p.proper and p.case == "omanto":
        return Mention(
            toks[i - 1][0], toks[i][1], _town(toks[i - 1][2], w.base), "municipality", w.case, True
        )
    return None


def _counted(toks: list[Tok], i: int) -> bool:
    """ "kuusi osastoa", "neljä palveluyksikköä": a count noun, not a body."""
    if i == 0:
        return False
    prev = toks[i - 1][2].lower()
    return prev in NUMERALS or any(r.cls == "lukusana" for r in readings(prev))


@dataclass
class _Name:
    name: str
    start: int
    generic: bool
    weak: bool = False
    parent: str | None = None
    place: str | None = None
    aliases: list[str] = field(default_factory=list)


def _mention(text: str, toks: list[Tok], i: int, w: Word) -> Mention | None:
    kb = body_kind(w)
    if kb is None or _counted(toks, i):
        return None
    if w.plural and kb[1]:
        return None  # "liikelaitokset", "kunnanvaltuustot": a class of bodies, none named
    bare = w.base.lower()
    n = _Name(_head_name(w), toks[i][0], bare in CLASS_WORDS)
    adj = _modifier(toks[i - 2][2]) if i >= 2 else None
    if i >= 2 and toks[i - 1][2] in {"ja", "sekä", "tai"} and toks[i - 2][2].endswith("-"):
        # a coordinated first half: "talous- ja suunnitteluosasto"
        n.name = toks[i - 2][2].lower() + " " + toks[i - 1][2] + " " + n.name
        n.start, n.generic = toks[i - 2][0], False
    elif toks[i - 1][2] in {"ja", "sekä"} and adj and _agrees(adj, w):
        # "Tekniset ja ympäristöpalvelut", "Teknisiä ja ympäristöpalveluja"
        first = plural_nominative(adj.base) if w.plural else adj.base
        n.name = f"{first} {toks[i - 1][2]} {n.name}"
        n.start, n.generic = toks[i - 2][0], False
    else:
        _modifiers(text, toks, i, w, n)
    end = toks[i][1]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt and nxt[2].startswith("-") and text[end : nxt[0]] in {" ", "\xa0"}:
        # "Keskushallintopalvelut -toimialalla": the body word after a spaced hyphen names the kind
        k = noun(nxt[2][1:])
        if k and body_kind(k):
            n.aliases.append(f"{n.name} -{k.base}")
            end = nxt[1]
    strong = kb[1] and not n.weak
    return Mention(
        n.start, end, n.name, kb[0], w.case, strong, n.generic, n.parent, n.place, tuple(n.aliases)
    )


def _agrees(adj: Word, w: Word) -> bool:
    """An adjective ("tekninen") in the noun's case and number."""
    return (
        adj.cls == "laatusana" and adj.base.endswith("nen") and adj.case == w.case and adj.plural == w.plural
    )


def _modifiers(text: str, toks: list[Tok], i: int, w: Word, n: _Name) -> None:
    """Adjectives, place and body genitives before the body word that belong to its name."""
    base = w.base.lower()
    j = i
    mods: list[str] = []
    while j > 0 and _adjacent(text, toks, j) and len(mods) < 2:
        word = toks[j - 1][2]
        p = _modifier(word) if word not in {"ja", "sekä"} else None
        if (p is None and not (mods and word in {"ja", "sekä"})) or word.endswith("-"):
            break
        if p is None:
            # "kasvatuksen ja opetuksen toimiala": coordinated genitives
            q = _modifier(toks[j - 2][2]) if j >= 2 and _adjacent(text, toks, j - 1) else None
            qk = body_kind(q) if q else None
            if q is None or q.case != "omanto" or q.proper or (qk and qk[1]):
                break
            mods[:0] = [toks[j - 2][2].lower(), word]
            j -= 1
        elif _agrees(p, w):
            mods.insert(0, plural_nominative(p.base) if w.plural and n.name.endswith("t") else p.base)
        elif p.case == "omanto" and p.proper:
            mods.insert(0, word)
        elif p.case == "omanto" and p.base in MUNICIPALITY and j >= 2 and _adjacent(text, toks, j - 1):
            q = _modifier(toks[j - 2][2])
            if q and q.proper and q.case == "omanto":
                n.place = _town(toks[j - 2][2], p.base)
                n.aliases.append(f"{toks[j - 2][2]} {word} {n.name}")
            break
        elif p.case == "omanto" and (base == "palvelu" or base.endswith(GENITIVE_HEADS)) and not p.proper:
            pk = body_kind(p)
            strong_parent = pk is not None and pk[1]
            if strong_parent and base.endswith("toimiala"):
                n.weak = True  # "kaupunginhallituksen toimiala": a body, or only the board's field
            mods.insert(0, word.lower())
            if strong_parent:
                n.parent = _head_name(p)
                j -= 1
                break
        else:
            break
        j -= 1
    if mods:
        n.start = toks[j][0]
        if any(m[:1].isupper() for m in mods) or (n.generic and n.parent is None):
            n.aliases.append(n.name)
        n.name = " ".join([*mods, n.name])
        n.generic = False
