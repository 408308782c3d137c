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

import re
from dataclasses import replace

from ...analyse import Analysis
from .lexicon import MUNICIPALITY, ORGANISATION
from .mention import Known, Mention
from .modifiers import CONJUNCTIONS, Left, head_reading, is_count, left_of, right_of, same_as_owner
from .names import as_written, head_name, is_title, join, plural_name
from .tokens import Token

__all__ = ["Known", "Mention", "find_mentions", "head_reading", "is_count", "mention_at"]

_ACRONYM = re.compile(r"[A-ZÅÄÖ]{2,}-")

#: Elected organs: their "toimiala" is mostly a remit, a division only where a sentence says so.
ORGANS = frozenset({"council", "board", "committee"})


def _shared_first_part(tokens: list[Token], h: int, previous: Mention | None) -> str:
    """ "kaupunginvaltuuston ja -hallituksen": the second word shares the first one's first part."""
    if not tokens[h].text.startswith("-") or previous is None or h < 2 or previous.last != h - 2:
        return ""
    if tokens[h - 1].low not in CONJUNCTIONS or not previous.name.endswith(previous.word):
        return ""
    return previous.name[: len(previous.name) - len(previous.word)]


#: How many words a name set apart by a "-yksikkö" suffix may have.
MAX_SUFFIXED_NAME = 5


def _named_before_suffix(tokens: list[Token], h: int, known: Known) -> tuple[int, str] | None:
    """ "Rahoitus ja talous -yksikkö", "Tila ja ympäristö -tulosalue": a class word written as a
    suffix after a name that has no body word of its own. The name is the words back to the start
    of the sentence or a punctuation mark, written in the base form (a list item's name) or
    capitalised at its start; returns its first token and the lower-cased name."""
    if not tokens[h].text.startswith("-") or h == 0 or not tokens[h - 1].word:
        return None
    first = h
    while first > 0 and h - first < MAX_SUFFIXED_NAME and tokens[first - 1].word:
        if tokens[first - 1].case() not in {None, "nimento"}:
            break
        first -= 1
    words = tokens[first:h]
    if not words or words[-1].low in CONJUNCTIONS or words[0].low in CONJUNCTIONS:
        return None
    name = " ".join(t.text for t in words)
    name = name[:1].lower() + name[1:] if not words[0].is_name() else name
    if known(name) or (words[0].cap and (first == 0 or not tokens[first - 1].word)):
        return first, name
    return None


def _case(carrier: Token, head_r: Analysis) -> str | None:
    found = head_reading(carrier)
    return found[0].case if found else head_r.case


def _surface(tokens: list[Token], first: int, last: int) -> str:
    return " ".join(as_written(t) for t in tokens[first : last + 1]).replace(" : ", ":")  # "HSL:n"


def _aliases(head: Token, carrier: Token, core: str, short: list[str]) -> list[str]:
    aliases = list(short)
    prefix = core.rsplit("-", 1)[0] if "-" in core.strip("-") else ""
    before = Token(prefix, 0, len(prefix))
    if prefix and " " not in prefix and before.plural() and plural_name(before.lemma()):
        aliases.append(prefix)  # "oikeuspalvelut-yksikkö" is also "oikeuspalvelut"
    if carrier is not head:
        aliases.append(core + " -" + carrier.lemma().lower())  # "keskushallintopalvelut -toimiala"
    return aliases


def _plural_by_nature(head_r: Analysis, acronym: re.Match[str] | None) -> bool:
    """A plural that names one body: "hallintopalvelut", or an acronym's "ELY-keskukset"."""
    return plural_name(head_r.lemma) or acronym is not None


def _with_acronym(name: str, acronym: re.Match[str] | None) -> str:
    """ "ely-keskus" as written: "ELY-keskus" (the analyser lower-cases the acronym)."""
    if acronym is None or not name.lower().startswith(acronym.group().lower()):
        return name
    return acronym.group() + name[len(acronym.group()) :]


def mention_at(tokens: list[Token], h: int, previous: Mention | None, known: Known) -> Mention | None:
    """The mention headed by token ``h``, or None when ``h`` is no body word."""
    found = head_reading(tokens[h])
    if found is None:
        return None
    head_r, bw = found
    head = tokens[h]
    plural = head_r.plural
    acronym = _ACRONYM.match(head.text)  # "ELY-keskukset": a network of agencies named as one
    by_nature = plural and _plural_by_nature(head_r, acronym)
    left = left_of(tokens, h, head_r, previous, known, bw)
    if bw.word == "toimiala" and left.owner is not None and left.owner.kind in ORGANS:
        bw = replace(bw, strong=False)  # "kaupunginhallituksen toimialaan kuuluvista asioista": a remit
    elif same_as_owner(bw.word, plural) and bw.bare and left.owner is not None and not left.descriptors:
        alias = _surface(tokens, left.first, h - 1) + " " + head_r.lemma.lower()
        owner = left.owner
        same = (*owner.aliases, alias)
        return replace(owner, first=left.first, head=h, last=h, case=head_r.case, aliases=same)
    if same_as_owner(bw.word, plural) and bw.bare and left.owner is None and len(left.descriptors) == 1:
        owner_name = next((r.lemma for r in tokens[h - 1].nouns() if known(r.lemma)), None)
        if (
            owner_name is not None and not left.mods
        ):  # "Varhaiskasvatuksen tulosalue" once varhaiskasvatus is read
            last = right_of(tokens, h)[0]
            alias = f"{left.descriptors[0]} {head_r.lemma.lower()}"
            return Mention(
                owner_name,
                bw.kind,
                bw.word,
                h - 1,
                h,
                last,
                _case(tokens[h], head_r),
                True,
                False,
                aliases=(alias,),
                core=owner_name,
            )
    last, proper, short, carrier = right_of(tokens, h)
    core = join([*left.mods, _with_acronym(head_name(head_r, head.text, by_nature), acronym)])
    shared = _shared_first_part(tokens, h, previous)
    if shared:
        core, bw = shared + core, replace(bw, bare=False)
    elif (named := _named_before_suffix(tokens, h, known)) is not None:
        first, name = named  # "Rahoitus ja talous -yksikkö": the words before name the unit
        return Mention(
            name=name,
            kind=bw.kind,
            word=bw.word,
            first=first,
            head=h,
            last=last,
            case=_case(carrier, head_r),
            strong=True,
            bare=False,
            aliases=(f"{name} -{head_r.lemma.lower()}",),
            core=name,
        )
    if bw.word == "palvelu" and bw.bare and not left.mods and left.owner is not None:
        owner = left.owner  # "Kunnan palvelut on jaettu …", "Kuntayhtymän palvelut …": the owner itself
        return replace(owner, first=left.first, head=h, last=last, case=carrier.case())
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
    if left.owner is not None and left.owner.municipality:
        full, inner = inner, full  # "kunnan tekninen lautakunta" is the municipality's "tekninen lautakunta"
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


def _organisation(tokens: list[Token], left: Left, h: int, last: int, carrier: Token) -> Mention | None:
    """ "Tornion kaupungin virasto-organisaatio" is the municipality itself, "HKL:n organisaatio" the
    enterprise; alone it names nothing."""
    owner = left.owner
    if owner is None or owner.generic:
        return None
    alias = _surface(tokens, left.first, h - 1) + " " + (tokens[h].lemma().lower())
    return replace(
        owner, first=left.first, head=h, last=last, case=carrier.case(), aliases=(*owner.aliases, alias)
    )


#: Company forms that end a company's name ("Turun Rakennustiimi Oy", "MH-Kivi Oy:ssä").
COMPANY_FORMS = frozenset({"Oy", "Oyj", "Ab", "Ky", "Ltd"})
#: How many capitalised words a company's name may have before its form.
MAX_COMPANY_WORDS = 4
#: The case a suffix after a colon gives an abbreviation ("Oy:ssä", "Oy:n").
SUFFIX_CASES = {
    "n": "omanto",
    "ssä": "sisaolento",
    "ssa": "sisaolento",
    "stä": "sisaeronto",
    "sta": "sisaeronto",
    "lle": "ulkotulento",
    "llä": "ulkoolento",
    "lla": "ulkoolento",
    "ltä": "ulkoeronto",
    "lta": "ulkoeronto",
    "tä": "osanto",
    "ta": "osanto",
    "nä": "olento",
    "na": "olento",
}


def company_at(tokens: list[Token], h: int) -> Mention | None:
    """ "Metsähallitus Metsätalous Oy:ssä": capitalised words ended by a company form name an
    enterprise, whatever its words (the form is its body word)."""
    if tokens[h].text not in COMPANY_FORMS or h == 0:
        return None
    first = h
    while first > 0 and h - first < MAX_COMPANY_WORDS and tokens[first - 1].word and tokens[first - 1].cap:
        first -= 1
    if first == h:
        return None
    last, case = h, "nimento"
    if h + 2 < len(tokens) and tokens[h + 1].text == ":" and tokens[h + 2].low in SUFFIX_CASES:
        last, case = h + 2, SUFFIX_CASES[tokens[h + 2].low]
    name = " ".join(t.text for t in tokens[first : h + 1])
    return Mention(name, "enterprise", "oy", first, h, last, case, True, False, core=name)


_ACRONYM_WORD = re.compile(r"[A-ZÅÄÖ]{2,6}")


def acronym_at(tokens: list[Token], h: int) -> Mention | None:
    """ "HSL:n toimitusjohtaja", "HKL:n organisaatio": an acronym whose inflected form owns a post or
    a body names a body (an acronym before anything else — "EU:n ohjelma" — is left alone)."""
    if h + 3 >= len(tokens) or not _ACRONYM_WORD.fullmatch(tokens[h].text) or tokens[h + 1].text != ":":
        return None
    if tokens[h + 2].low != "n":
        return None
    nxt = tokens[h + 3]
    if not nxt.word or not (is_title(nxt.lemma()) or head_reading(nxt) is not None):
        return None
    name = tokens[h].text
    return Mention(name, "other", "acronym", h, h, h + 2, "omanto", True, False, core=name)


def find_mentions(tokens: list[Token], known: Known) -> list[Mention]:
    """Every body mention of a sentence, in reading order (an owner precedes what it owns)."""
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        previous = out[-1] if out else None
        m = company_at(tokens, i) or acronym_at(tokens, i) or mention_at(tokens, i, previous, known)
        if m is None:
            i += 1
            continue
        if previous is not None and m.first <= previous.last and m.owner is not previous:
            out.pop()  # an adjective or half absorbed what looked like a mention of its own
        out.append(m)
        i = m.last + 1
    return out
