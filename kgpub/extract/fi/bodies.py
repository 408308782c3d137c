"""Body mentions in one sentence: the noun phrases that name (or refer back to) a body.

A mention is headed by a word that ends in a body word (``names.body_word``) and reaches left over
what belongs to the name — agreeing adjectives ("sisäinen tarkastus"), coordinated first halves
("talous- ja suunnitteluosasto"), genitive descriptors ("johtamisen jaosto") and an owner
("Kaupunginhallituksen johtamisen jaosto": the jaosto is part of the kaupunginhallitus) or a place
("Helsingin kaupunki") — and right over an appositive kind ("Keskushallintopalvelut -toimialalla"), a
proper name ("rakentamispalvelu Stara") and a parenthesised short name ("(Talpa)").

Whether a mention becomes a body is for the rules: a STRONG named mention always does, a weak one
("talousohjaus") or a bare class word ("Osasto") only where the sentence gives it a role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ...analyse import Analysis
from .lexicon import COUNTS, MUNICIPALITY, ORGANISATION, SAME_AS_OWNER, SELF_NAMING, SUBORDINATE_WORDS
from .names import BodyWord, as_written, body_word, head_name, is_title, join, modifier_name, plural_name
from .tokens import Token

CONJUNCTIONS = frozenset({"ja", "sekä", "tai"})
#: Elected organs: their "toimiala" is mostly a remit, a division only where a sentence says so.
ORGANS = frozenset({"council", "board", "committee"})
#: Compounds that start with the municipality's genitive are complete names ("kaupunginhallitus").
MUNICIPAL_PREFIXES = ("kaupungin", "kunnan")
MAX_DESCRIPTORS = 3


@dataclass(frozen=True)
class Mention:
    """Tokens ``first..last`` (inclusive) name a body; ``head`` carries its case."""

    name: str
    kind: str
    word: str
    first: int
    head: int
    last: int
    case: str | None
    strong: bool
    bare: bool
    generic: bool = False
    owner: Mention | None = None
    place: str | None = None
    aliases: tuple[str, ...] = field(default=())
    descriptors: tuple[str, ...] = field(default=())
    core: str = ""

    def split(self) -> list[str]:
        """Names of a plural class word with coordinated descriptors: "yksilöasioiden ja
        ympäristöterveydenhuollon jaostot" are "yksilöasioiden jaosto" and "ympäristöterveydenhuollon
        jaosto"."""
        if "ja" not in self.descriptors:
            return [self.name]
        parts = " ".join(self.descriptors).split(" ja ")
        return [f"{d} {self.core}" for d in parts if d]

    @property
    def named(self) -> bool:
        """Names a body by itself (not a bare class word, not a generic plural)."""
        return not self.bare and not self.generic

    @property
    def municipality(self) -> bool:
        return self.kind == "municipality"


Known = Callable[[str], bool]


def head_reading(tok: Token) -> tuple[Analysis, BodyWord] | None:
    """The noun reading of ``tok`` that ends in a body word, with that word ("Liikelaitosta" is
    liikelaitos, not liikelaitto), or None."""
    if not tok.word:
        return None
    for r in tok.nouns():
        if not is_title(r.lemma) and (bw := body_word(r.lemma)) is not None:
            return r, bw
    return None


def _is_head(tok: Token) -> BodyWord | None:
    found = head_reading(tok)
    return found[1] if found else None


def _agrees(tok: Token, head_r: Analysis) -> bool:
    """An adjective in the head's case and number ("sisäisen tarkastuksen", "tekniset palvelut")."""
    if tok.low in COUNTS or _is_head(tok) is not None:
        return False
    return any(
        r.cls in {"laatusana", "nimisana_laatusana"}
        and not r.participle
        and (r.case, r.number) == (head_r.case, head_r.number)
        for r in tok.readings
    )


def _descriptor(tok: Token) -> bool:
    """A genitive that describes which body ("johtamisen jaosto", "Keskushallinnon toimiala")."""
    head = _is_head(tok)
    if head is not None and head.strong:
        return False
    if tok.is_lemma(*SUBORDINATE_WORDS):
        return False
    verbal = any(r.mood == "MINEN-infinitive" and r.case == "omanto" for r in tok.readings)
    return verbal or _genitive_noun(tok)


def _genitive_noun(tok: Token) -> bool:
    return (
        tok.word
        and not tok.text.endswith("-")
        and tok.has_case("omanto")
        and not tok.is_lemma("se", "ne", "joka", "koko", "kunkin", "oma")
        and not is_title(tok.lemma())
        and (tok.noun() is not None)
    )


def is_count(tok: Token) -> bool:
    """A number or count word: "kuusi osastoa", "neljästä eri palvelualueesta", "seuraavat"."""
    return tok.text.isdigit() or tok.low in COUNTS or tok.lemma() in COUNTS


def _owns(m: Mention, known: Known) -> bool:
    """A genitive mention that can own a body: a named STRONG body, an organ that names itself
    ("Kuntayhtymän hallinto"), or one recorded."""
    if m.owner is not None and m.owner.owner is not None:
        return False  # three genitives deep is a list, not a name
    return (m.strong and (m.named or m.word in SELF_NAMING)) or known(m.name)


@dataclass
class _Left:
    """What lies left of a head inside its name."""

    first: int
    mods: list[str] = field(default_factory=list)  # adjectives and coordinated halves, reading order
    descriptors: list[str] = field(default_factory=list)
    owner: Mention | None = None
    place: str | None = None


def _halves(tokens: list[Token]) -> str:
    """ "talous-, hallinto- ja" as written (lower case, commas attached)."""
    return " ".join(t.text.lower() for t in tokens).replace(" ,", ",")


def _coordinated(tokens: list[Token], j: int) -> int:
    """Index of the first token of "talous-, hallinto- ja" ending at ``j`` (a conjunction), or -1."""
    if j < 1 or tokens[j].low not in CONJUNCTIONS or not tokens[j - 1].text.endswith("-"):
        return -1
    k = j - 1
    while k >= 2 and tokens[k - 1].text == "," and tokens[k - 2].text.endswith("-"):
        k -= 2
    return k


def _left(
    tokens: list[Token], h: int, head_r: Analysis, previous: Mention | None, known: Known, bw: BodyWord
) -> _Left:
    """Modifiers of head ``h``; genitive descriptors only for a bare class word ("johtamisen jaosto")."""
    left = _Left(h)
    word = bw.word
    describable = bw.bare or not head_r.lemma.lower().startswith(MUNICIPAL_PREFIXES)
    plural = head_r.plural and plural_name(head_r.lemma)
    j = h - 1
    while j >= 0 and _agrees(tokens[j], head_r):
        left.mods.insert(0, modifier_name(tokens[j], plural))
        left.first = j
        j -= 1
    if j >= 1 and tokens[j].low in CONJUNCTIONS and _agrees(tokens[j - 1], head_r):
        # "tekniset ja ympäristöpalvelut"
        left.mods[:0] = [modifier_name(tokens[j - 1], plural), tokens[j].low]
        left.first = j - 1
        j -= 2
    k = _coordinated(tokens, j)
    if k >= 0:
        left.mods = [_halves(tokens[k : j + 1]), *left.mods]
        left.first = k
        j = k - 1
    while j >= 0 and len(left.descriptors) < MAX_DESCRIPTORS:
        tok = tokens[j]
        if previous is not None and previous.last == j and _owns(previous, known) and _genitive_noun(tok):
            if previous.word == word:
                break  # "kaupunginhallituksen kaupunginhallitus" names nothing new
            left.owner, left.first = previous, previous.first
            break
        if _genitive_noun(tok) and tok.is_name("paikannimi") and tok.cap:
            left.place, left.first = tok.text, j
            break
        if not describable or not _descriptor(tok) or (tok.cap and j > 0 and not tok.is_name()):
            break
        left.descriptors.insert(0, as_written(tok))
        left.first = j
        j -= 1
        k = _coordinated(tokens, j)
        if k >= 0:  # "sosiaali- ja terveyspalveluiden tilaajajaosto"
            left.descriptors[0] = _halves(tokens[k : j + 1]) + " " + left.descriptors[0]
            left.first, j = k, k - 1
        elif j >= 1 and tokens[j].low == "ja" and _descriptor(tokens[j - 1]):
            left.descriptors.insert(0, "ja")
            j -= 1
    return left


def _right(tokens: list[Token], h: int) -> tuple[int, list[str], list[str], Token]:
    """Last index, appositive proper-name words, parenthesised aliases and the case-carrying token."""
    last, carrier = h, tokens[h]
    proper: list[str] = []
    aliases: list[str] = []
    n = len(tokens)
    nxt = tokens[last + 1] if last + 1 < n else None
    if nxt and nxt.text.startswith("-") and _is_head(nxt) and nxt.start == tokens[last].end + 1:
        last += 1
        carrier = nxt
    while (
        last + 1 < n
        and len(proper) < 2
        and tokens[last + 1].cap
        and tokens[last + 1].start == tokens[last].end + 1
        and (not tokens[last + 1].readings or tokens[last + 1].is_name("paikannimi", "nimi"))
        and _is_head(tokens[last + 1]) is None
    ):
        last += 1
        proper.append(tokens[last].text)
    if (
        last + 3 < n
        and tokens[last + 1].text == "("
        and tokens[last + 3].text == ")"
        and tokens[last + 2].cap
    ):
        aliases.append(tokens[last + 2].text)
        last += 3
    return last, proper, aliases, carrier


def _shared_first_part(tokens: list[Token], h: int, previous: Mention | None) -> str:
    """ "kaupunginvaltuuston ja -hallituksen": the second word shares the first one's first part."""
    if not tokens[h].text.startswith("-") or previous is None or h < 2 or previous.last != h - 2:
        return ""
    if tokens[h - 1].low not in CONJUNCTIONS or not previous.name.endswith(previous.word):
        return ""
    return previous.name[: len(previous.name) - len(previous.word)]


def _case(carrier: Token, head_r: Analysis) -> str | None:
    found = head_reading(carrier)
    return found[0].case if found else head_r.case


def _surface(tokens: list[Token], first: int, last: int) -> str:
    return " ".join(as_written(t) for t in tokens[first : last + 1])


def _aliases(head: Token, carrier: Token, core: str, short: list[str]) -> list[str]:
    aliases = list(short)
    prefix = core.rsplit("-", 1)[0] if "-" in core.strip("-") else ""
    before = Token(prefix, 0, len(prefix))
    if prefix and " " not in prefix and before.plural() and plural_name(before.lemma()):
        aliases.append(prefix)  # "oikeuspalvelut-yksikkö" is also "oikeuspalvelut"
    if carrier is not head:
        aliases.append(core + " -" + carrier.lemma().lower())  # "keskushallintopalvelut -toimiala"
    return aliases


def mention_at(tokens: list[Token], h: int, previous: Mention | None, known: Known) -> Mention | None:
    """The mention headed by token ``h``, or None when ``h`` is no body word."""
    found = head_reading(tokens[h])
    if found is None:
        return None
    head_r, bw = found
    head = tokens[h]
    plural = head_r.plural
    by_nature = plural and plural_name(head_r.lemma)
    left = _left(tokens, h, head_r, previous, known, bw)
    if bw.word == "toimiala" and left.owner is not None and left.owner.kind in ORGANS:
        bw = replace(bw, strong=False)  # "kaupunginhallituksen toimialaan kuuluvista asioista": a remit
    elif bw.word in SAME_AS_OWNER and bw.bare and left.owner is not None and not left.descriptors:
        alias = _surface(tokens, left.first, h - 1) + " " + head_r.lemma.lower()
        owner = left.owner
        same = (*owner.aliases, alias)
        return replace(owner, first=left.first, head=h, last=h, case=head_r.case, aliases=same)
    last, proper, short, carrier = _right(tokens, h)
    core = join([*left.mods, head_name(head_r, head.text, by_nature)])
    shared = _shared_first_part(tokens, h, previous)
    if shared:
        core, bw = shared + core, replace(bw, bare=False)
    if head_r.lemma.lower() in ORGANISATION:
        if (left.owner is not None and left.owner.municipality) or (bw.bare and not left.mods):
            return _organisation(tokens, left, h, last, carrier)
        bw = replace(bw, kind="other")  # "luottamushenkilöorganisaatio": a part of the organisation
    if proper and head.cap and not left.mods:
        core = core[:1].upper() + core[1:]  # "Palvelukeskus Helsinki" is a proper name
    aliases = _aliases(head, carrier, core, short)
    outer = _surface(tokens, left.owner.first, left.owner.last) if left.owner else left.place or ""
    inner = join([*left.descriptors, core, *proper])
    full = join([outer, inner])
    if outer:
        aliases.append(inner)
    bare = bw.bare and not (left.place or left.owner or left.descriptors or left.mods or proper)
    counted = left.first > 0 and is_count(tokens[left.first - 1])
    if bw.word in MUNICIPALITY and not left.place:
        bare = True
    return Mention(
        name=full,
        kind=bw.kind,
        word=bw.word,
        first=left.first,
        head=h,
        last=last,
        case=_case(carrier, head_r),
        strong=bw.strong,
        bare=bare,
        generic=(plural and not by_nature) or counted,
        owner=left.owner,
        place=left.place,
        aliases=tuple(a for a in dict.fromkeys(aliases) if a and a != full),
        descriptors=tuple(left.descriptors),
        core=core,
    )


def _organisation(tokens: list[Token], left: _Left, h: int, last: int, carrier: Token) -> Mention | None:
    """ "Tornion kaupungin virasto-organisaatio" is the municipality itself; alone it names nothing."""
    owner = left.owner
    if owner is None or not owner.municipality:
        return None
    alias = _surface(tokens, left.first, h - 1) + " " + (tokens[h].lemma().lower())
    return replace(
        owner, first=left.first, head=h, last=last, case=carrier.case(), aliases=(*owner.aliases, alias)
    )


def find_mentions(tokens: list[Token], known: Known) -> list[Mention]:
    """Every body mention of a sentence, in reading order (an owner precedes what it owns)."""
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        previous = out[-1] if out else None
        m = mention_at(tokens, i, previous, known)
        if m is None:
            i += 1
            continue
        if previous is not None and m.first <= previous.last and m.owner is not previous:
            out.pop()  # an adjective or half absorbed what looked like a mention of its own
        out.append(m)
        i = m.last + 1
    return out
