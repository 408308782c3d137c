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

from ..core.facts import words


@dataclass(frozen=True)
class Head:
    """A head noun: kind, definite-singular suffix, plural suffixes, shortest compound prefix, and
    whether the bare noun ("sektorn") may stand for a body (a reference back, or with "för …")."""

    kind: str
    definite: str
    plural: tuple[str, ...] = ()
    min_prefix: int = 0
    banned_prefixes: tuple[str, ...] = ()
    bare: bool = True


HEADS: dict[str, Head] = {
    "fullmäktige": Head("council", ""),
    "styrelse": Head("board", "n", ("r", "rna")),
    "nämnd": Head("committee", "en", ("er", "erna"), 0, ("be", "om")),
    "sektion": Head("division", "en", ("er", "erna")),
    "utskott": Head("committee", "et", ("en",)),
    "direktion": Head("board", "en", ("er", "erna")),
    "avdelning": Head("department", "en", ("ar", "arna")),
    "enhet": Head("unit", "en", ("er", "erna"), 3),
    "servicehelhet": Head("unit", "en", ("er", "erna")),
    "byrå": Head("unit", "n", ("er", "erna")),
    "kansli": Head("agency", "et", ("er", "erna")),
    "ämbetsverk": Head("agency", "et"),
    "affärsverk": Head("enterprise", "et"),
    "räddningsverk": Head("agency", "et"),
    "förvaltning": Head(
        "agency", "en", ("ar", "arna"), 3, ("själv", "stads", "kommun", "kommunal", "stats"), bare=False
    ),
    # not "kommunsektorn", "statssektorn", "privatsektorn": the public or private sector as a whole
    "sektor": Head("division", "n", ("er", "erna"), 3, ("kommun", "stats", "privat", "offentlig")),
    "väsende": Head("department", "t", ("n", "na"), 3, bare=False),
    "central": Head("unit", "en", ("er", "erna"), 4, bare=False),
    "grupp": Head(
        "team", "en", ("er", "erna"), 4, ("mål", "ålders", "kund", "yrkes", "befolknings", "språk")
    ),
    "team": Head("team", "et", (), 3),
    # "koncernbolag", "dotterbolag", "intressebolag": a class of companies by their owner, not one company
    "bolag": Head("enterprise", "et", (), 3, ("koncern", "dotter", "intresse"), bare=False),
    "samkommun": Head("other", "en", ("er", "erna")),
    # "länsråd", "kommunalråd", "oppositionsråd", "kansliråd", "regeringsråd": titles of a person
    "råd": Head(
        "other",
        "et",
        (),
        4,
        (
            "sam",
            "för",
            "stats",
            "stads",
            "kommun",
            "kommunal",
            "om",
            "läns",
            "oppositions",
            "kansli",
            "regerings",
        ),
        bare=False,
    ),
    "kontor": Head("unit", "et", (), 3),
    # "arbetsledning" (supervising work) is an activity, not a management body
    "ledning": Head("team", "en", (), 4, ("risk", "arbets"), bare=False),
    "stab": Head("unit", "en", ("er", "erna"), 4, bare=False),
    # open class words: any compound ending in one is a body ("miljöprövningsdelegationen",
    # "samarbetskommittén", "beredningsorganet", "serviceområdet för utbildning", "ungdomsparlamentet")
    "delegation": Head("committee", "en", ("er", "erna"), 4),
    "kommitté": Head("committee", "n", ("er", "erna")),
    "organ": Head(
        "other", "et", ("en",), 4, ("förtroende", "besluts", "sakkunnig", "förvaltnings"), bare=False
    ),
    "område": Head(
        "service_area",
        "t",
        ("n", "na"),
        4,
        (
            "bostads",
            "centrum",
            "industri",
            "natur",
            "ansvars",
            "verksamhets",
            "skydds",
            "fritids",
            "widget",
            "uppgifts",
            "förvaltnings",  # a ministry's "förvaltningsområde": its branch of government, no unit
        ),
        bare=False,
    ),
    "parlament": Head("council", "et", ("en",), 4),
    # state agencies: "Regionförvaltningsverket", "Skatteverket", "Naturresursinstitutet",
    # "Folkpensionsanstalten" (not a network, a work of art, a plant or a school: "nätverket", "konstverk",
    # "reningsverket", "läroanstalten")
    "verk": Head(
        "agency",
        "et",
        ("en",),
        3,
        (
            "nät",
            "hant",
            "konst",
            "regel",
            "ram",
            "kraft",
            "renings",
            "värme",
            "vatten",
            "mäster",
            "mästar",
            "uppslags",
            "hjul",
            "ur",
            "fyr",
            "lyft",
            "driv",
            "spel",
            "tryck",
            "fäst",
            "stick",
            "löv",
            "bild",
            "ord",
            "fot",
            "lager",
            "bygg",
            "sam",
            "mål",
            "lednings",
            "skruv",
            "sågs",
            "pump",
            "bruks",
        ),
        bare=False,
    ),
    # ministries: "Finansdepartementet" (Sweden), "Finansministeriet", "Undervisnings- och
    # kulturministeriet" (Finland; the definite forms, the indefinite "-ministerium" is not read)
    "departement": Head("agency", "et", ("en",), 3, bare=False),
    "ministeri": Head("agency", "et", ("er", "erna"), 3, bare=False),
    "institut": Head("agency", "et", ("en",), 4, ("forsknings",), bare=False),
    "anstalt": Head(
        "agency", "en", ("er", "erna"), 4, ("läro", "kur", "bad", "tvätt", "straff", "fång"), bare=False
    ),
    # a body's chair and vice chairs as one organ: "kommunstyrelsens presidium", "presidiet"
    "presidium": Head("team", "et", ("er", "erna")),
    # joint authorities and federations: "kommunalförbundet", "regionförbundet", "räddningsförbundet"
    # (not the party in a council's member list, "Vänsterförbundet")
    "förbund": Head("other", "et", ("en",), 4, ("sam", "for", "vänster"), bare=False),
}
_BY_LENGTH = sorted(HEADS, key=len, reverse=True)

#: Words for posts (titles), matched at the end of a word: "stadsdirektör", "avdelningschef".
POSTS = (
    "direktör",
    "chef",
    "ordförande",
    "borgmästare",
    "landshövding",
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
#: Posts whose holder leads a body (a controller or secretary does not).
LEADERS = (
    "direktör",
    "chef",
    "ordförande",
    "borgmästare",
    "landshövding",
    "föreståndare",
    "ledare",
    "rektor",
)
_POST_RE = re.compile(r"(?:" + "|".join(POSTS) + r")(?:en|n|ns|ens|s)?$")
_POST_PLURAL = re.compile(r"(?:direktörer|chefer|ordförandena|sekreterare|ledare)(?:na)?$")

#: Titles of the person who leads the whole municipality.
MUNICIPAL_TITLES = re.compile(r"^(?:stads|kommun)direktör$|^borgmästare$")

#: Present-tense verbs: they end the "för …" complement of a bare head ("avdelningen för X svarar …").
VERBS = words(
    """som är var har hade ska skall kan får bör måste blir omfattar består hör finns verkar lyder
    ingår utgör leds leder svarar ansvarar sköter bereder verkställer ordnar erbjuder producerar
    tillhandahåller utvecklar planerar samordnar koordinerar handhar handlägger behandlar beslutar
    fattar främjar stöder stödjer övervakar utövar styr representerar hanterar förvaltar granskar
    bevakar arbetar utvärderar skapar genomför står tar ger ser fungerar sammanträder väljer tillsätter
    utser godkänner fastställer samt eller med enligt"""
)


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


def _endings(spec: Head) -> set[str]:
    forms = {"", "s", spec.definite, spec.definite + "s", *spec.plural}
    return forms | {p + "s" for p in spec.plural}


#: Every way a word can end in a head noun and one of its endings: a quick test before reading it.
_TAILS = frozenset(head + ending for head, spec in HEADS.items() for ending in _endings(spec))
_TAIL_LENGTHS = sorted({len(t) for t in _TAILS})


def read_word(word: str) -> Word | None:
    """Read a (lowercased) word as a body head noun in one of its forms, or None."""
    if not any(word[-n:] in _TAILS for n in _TAIL_LENGTHS if n <= len(word)):
        return None
    for head in _BY_LENGTH:
        spec = HEADS[head]
        at = word.rfind(head)
        if at < 0:
            continue
        prefix, ending = word[:at], word[at + len(head) :]
        if prefix and (len(prefix) < spec.min_prefix or prefix.endswith(spec.banned_prefixes)):
            continue
        if not prefix and not spec.bare:
            continue
        form = _form(ending, spec)
        if form:
            return Word(prefix, head, form)
    return None


_ANAPHOR_START = re.compile("|".join(h for h, spec in HEADS.items() if not spec.bare))


def read_anaphor(word: str) -> Word | None:
    """A bare head that names no body by itself ("förvaltningen", "området", "bolagets") in its
    definite singular: it may only refer back to a body with that head named before."""
    if not _ANAPHOR_START.match(word):
        return None
    for head, spec in HEADS.items():
        if not spec.bare and word.startswith(head):
            form = _form(word[len(head) :], spec)
            if form in ("def", "gendef"):
                return Word("", head, form)
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
            return w[: at + len(post)]
    return None


def leads(title: str) -> bool:
    """Whether a title's holder leads a body ("bildningsdirektör" yes, "ekonomicontroller" no)."""
    return title.endswith(LEADERS) and not title.startswith(("vice", "biträdande ", "ställföreträdande "))
