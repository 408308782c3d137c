"""What belongs to a body's name around its head word: agreeing adjectives, coordinated halves,
genitive descriptors, an owner or a place on the left; an appositive kind, a proper name and a
parenthesised short name on the right (see ``bodies.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...analyse import Analysis
from .lexicon import COUNTS, SAME_AS_OWNER, SAME_AS_OWNER_SINGULAR, SELF_NAMING, SUBORDINATE_WORDS, TEMPORAL
from .mention import Known, Mention
from .names import BodyWord, as_written, body_word, is_title, modifier_name, plural_name
from .tokens import Token

CONJUNCTIONS = frozenset({"ja", "sekä", "tai"})
#: Compounds that start with the municipality's genitive are complete names ("kaupunginhallitus").
MUNICIPAL_PREFIXES = ("kaupungin", "kunnan")
MAX_DESCRIPTORS = 3


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
    if tok.low in COUNTS or tok.is_lemma(*TEMPORAL) or _is_head(tok) is not None:
        return False  # "nykyisen infra- ja kalustoyksikön": when is not part of the name
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
    if tok.is_lemma(*SUBORDINATE_WORDS, *TEMPORAL):
        return False
    verbal = any(r.mood == "MINEN-infinitive" and r.case == "omanto" for r in tok.readings)
    return verbal or _genitive_noun(tok)


#: Bodies named after the post they serve: "kaupunginjohtajan toimisto", "pormestarin kanslia".
OFFICE_WORDS = frozenset({"toimisto", "kanslia", "esikunta", "sihteeristö"})


def _genitive_title(tok: Token) -> bool:
    return tok.word and tok.has_case("omanto") and not tok.plural() and is_title(tok.lemma())


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


def same_as_owner(word: str, plural: bool) -> bool:
    """A class word that, owned by a body, is that body ("Sivistystoimen toimiala"); in the plural it
    names the body's parts ("Hyvinvointialueen toimialat ovat …")."""
    return not plural and (word in SAME_AS_OWNER or word in SAME_AS_OWNER_SINGULAR)


def _names_its_remit(m: Mention, word: str, plural: bool) -> bool:
    """ "Sivistyspalvelujen toimiala": a toimiala named by the (weak) body before it is that body."""
    return same_as_owner(word, plural) and not (m.bare or m.generic) and m.owner is None


@dataclass
class Left:
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


def _starts_name(tokens: list[Token], j: int) -> bool:
    """A capitalised genitive that may open a name: at the start, a proper name, or right after a
    comma, a parenthesis or a conjunction in a list of names ("…, Taiteen edistämiskeskus, …")."""
    return j == 0 or tokens[j].is_name() or not tokens[j - 1].word or tokens[j - 1].low in CONJUNCTIONS


def left_of(
    tokens: list[Token], h: int, head_r: Analysis, previous: Mention | None, known: Known, bw: BodyWord
) -> Left:
    """Modifiers of head ``h``; genitive descriptors only for a bare class word ("johtamisen jaosto")."""
    left = Left(h)
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
        owns = previous is not None and (
            _owns(previous, known) or _names_its_remit(previous, word, head_r.plural)
        )
        acronym = previous is not None and previous.word == "acronym" and previous.last == j
        if previous is not None and previous.last == j and owns and (_genitive_noun(tok) or acronym):
            if previous.word == word:
                break  # "kaupunginhallituksen kaupunginhallitus" names nothing new
            left.owner, left.first = previous, previous.first
            break
        if _genitive_noun(tok) and tok.is_name("paikannimi") and tok.cap:
            left.place, left.first = tok.text, j
            break
        office = word in OFFICE_WORDS and not left.descriptors and _genitive_title(tok)
        if not describable or not (office or _descriptor(tok)) or (tok.cap and not _starts_name(tokens, j)):
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


def right_of(tokens: list[Token], h: int) -> tuple[int, list[str], list[str], Token]:
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
