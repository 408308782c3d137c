"""Enumerations inside a sentence ("a, b, c ja d", "a; b sekä c") and the bodies their items name.

A conjunction after a coordinated first half ("talous- ja suunnitteluosasto") joins words, not
items; a relative clause (", jotka toimivat …") ends the list. An item names a body through the
mention it ends with ("suoraan hallintojohtajan alaisuudessa toimivat erityisavustajatiimi"), or —
when the sentence has declared what the items are ("kolme tulosyksikköä:", "Liikelaitoksista …") —
through its own words ("Työterveys Helsinki", "taloushallintopalvelu (Talpa)", "rakentamispalvelu
Stara").
"""

from __future__ import annotations

from dataclasses import replace

from .bodies import Mention
from .context import Reader, Sent
from .names import as_written, head_name, is_title, modifier_name, plural_name
from .tokens import Token

SEPARATORS = frozenset({",", ";"})
CONJUNCTIONS = frozenset({"ja", "sekä", "tai"})
RELATIVES = frozenset({"joka", "jotka", "jonka", "joiden", "joita", "mikä", "mitkä"})
STOPS = frozenset({".", ":", "!", "?"})
MAX_ITEM_TOKENS = 8


_NUMBER_WORDS = "kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista"
NUMBERS = {w: n + 2 for n, w in enumerate(_NUMBER_WORDS.split(" "))}


def count_of(tok: Token) -> int | None:
    """The number a count word states ("kolmeen" → 3, "4" → 4), or None ("useita", "seuraavat")."""
    if tok.text.isdigit():
        return int(tok.text)
    return NUMBERS.get(tok.lemma()) or NUMBERS.get(tok.low)


def counted_items(tokens: list[Token], a: int, b: int, count: int | None) -> list[tuple[int, int]]:
    """Items of an enumeration whose size the text states: "kolmeen palvelukokonaisuuteen, jotka ovat
    maankäyttö ja kaupunkirakenne, rakennukset ja yleiset alueet sekä palvelut ja luvat" has three
    items, so "ja" joins words inside an item there and only commas and "sekä" separate."""
    found = items(tokens, a, b)
    if count is None or len(found) == count:
        return found
    coarse = items(tokens, a, b, joins=frozenset({"sekä"}))
    return coarse if len(coarse) == count else found


def items(tokens: list[Token], a: int, b: int, joins: frozenset[str] = CONJUNCTIONS) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the items of an enumeration in ``tokens[a:b]``; ``joins``
    are the conjunctions that separate items."""
    out: list[tuple[int, int]] = []
    start = a
    depth = 0
    i = a
    while i < b:
        tok = tokens[i]
        depth += (tok.text == "(") - (tok.text == ")")
        stop = tok.text in STOPS and not _case_colon(tokens, i)
        if depth == 0 and (stop or (tok.text in SEPARATORS and _relative(tokens, i + 1))):
            break
        joined = _joins_halves(tokens, i) or _shared_head(tokens, start, i, b)
        if depth == 0 and (tok.text in SEPARATORS or (tok.low in joins and not joined)):
            if i > start:
                out.append((start, i))
            start = i + 1
        i += 1
    if i > start:
        out.append((start, i))
    return [(s, e) for s, e in out if e - s <= MAX_ITEM_TOKENS]


def _shared_head(tokens: list[Token], start: int, i: int, b: int) -> bool:
    """ "kasvun ja oppimisen palvelualue": only genitives before the conjunction, and the words after
    it end in a noun of another case — the genitives share that head, one item."""
    if tokens[i].low not in CONJUNCTIONS:
        return False
    before = [t for t in tokens[start:i] if t.word]
    if not before or not all(t.case() == "omanto" for t in before):
        return False
    ends = SEPARATORS | STOPS | CONJUNCTIONS
    end = next((k for k in range(i + 1, b) if tokens[k].text in ends or tokens[k].low in ends), b)
    after = [t for t in tokens[i + 1 : end] if t.word]
    return len(after) >= 2 and after[-1].case() not in {None, "omanto"}


def _case_colon(tokens: list[Token], i: int) -> bool:
    """The colon of an inflected abbreviation ("Oy:ssä", "HSL:n"): it ends no list."""
    return (
        tokens[i].text == ":"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].end == tokens[i].start
        and tokens[i].end == tokens[i + 1].start
        and tokens[i + 1].text.islower()
        and len(tokens[i + 1].text) <= 4
    )


def _relative(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].low in RELATIVES


def _joins_halves(tokens: list[Token], i: int) -> bool:
    """ "talous- ja suunnitteluosasto": the conjunction joins the halves of one word."""
    return i > 0 and tokens[i - 1].text.endswith("-")


def item_mention(s: Sent, a: int, b: int) -> Mention | None:
    """The body mention an item ends with (its head is the item's last word, or a parenthesis follows)."""
    for m in reversed(s.mentions):
        if a <= m.head < b and (m.last >= b - 1 or _only_parenthesis(s.tokens, m.last + 1, b)):
            return m
    return None


def _only_parenthesis(tokens: list[Token], a: int, b: int) -> bool:
    return a < b and tokens[a].text == "(" and tokens[b - 1].text == ")"


def phrase_name(tokens: list[Token], a: int, b: int) -> tuple[str, tuple[str, ...]]:
    """The base-form name of a noun phrase with no body word, and its parenthesised short names.

    The last common noun is the head: it and the adjectives before it go to the nominative, proper
    names and genitives stay as written ("perusopetuksesta" → "perusopetus", "Työterveys Helsinki").
    """
    aliases = tuple(t.text for t in tokens[a:b] if t.cap and _in_parenthesis(tokens, a, b, t))
    words = [t for t in tokens[a:b] if t.word and not _in_parenthesis(tokens, a, b, t)]
    if not words:
        return "", aliases
    if all(t.case() in {None, "nimento"} or t.has_case("nimento") for t in words):
        first = words[0]
        text = " ".join(t.text for t in words)
        if any(t.text == "," for t in tokens[a:b]):  # "elinkeinot, työvoima ja osaaminen"
            text = " ".join(t.text for t in tokens[a:b] if t in words or t.text == ",").replace(" ,", ",")
        proper = first.cap and ((len(words) > 1 and words[-1].cap) or first.is_name())
        return (text if proper else as_written(first) + text[len(first.text) :]), aliases
    head = max(
        (i for i, t in enumerate(words) if t.noun() is not None and not t.is_name()), default=len(words) - 1
    )
    plural = words[head].plural()
    parts = [
        modifier_name(t, plural)
        if i < head and t.is_adjective() and t.case() == words[head].case()
        else as_written(t)
        for i, t in enumerate(words[:head])
    ]
    return " ".join(
        [
            *parts,
            head_name(words[head].noun(), words[head].text, plural),
            *(t.text for t in words[head + 1 :]),
        ]
    ), aliases


def _in_parenthesis(tokens: list[Token], a: int, b: int, tok: Token) -> bool:
    depth = 0
    for t in tokens[a:b]:
        if t is tok:
            return depth > 0
        depth += (t.text == "(") - (t.text == ")")
    return False


def item_bodies(
    reader: Reader, s: Sent, ranges: list[tuple[int, int]], kind: str | None, rule: str
) -> list[str]:
    """The bodies the items name; with a declared ``kind``, items without a body word count too."""
    out = []
    for a, b in ranges:
        m = item_mention(s, a, b)
        name: str | None = None
        if m is not None and not m.generic:
            name = reader.body(s, replace(m, kind=kind) if kind else m, rule)
        elif kind is not None and m is None and not (s.kind == "item" and _class_plural(s.tokens, a, b)):
            text, aliases = phrase_name(s.tokens, a, b)
            if text and len(text) > 2 and not is_title(text.rsplit(" ", 1)[-1]):
                name = reader.facts.body(text, kind, s.segment(), rule, aliases=aliases)
                reader.touch(name)
        if name:
            out.append(name)
    return out


#: The most words a bare proper name in an enumeration of bodies may have ("Business Finland").
MAX_PROPER_WORDS = 3


def proper_items(reader: Reader, s: Sent) -> list[str]:
    """ "… työskentelevät Aluehallintovirasto (AVI), Maanmittauslaitos, Business Finland, Traficom,
    Puolustuskiinteistöt ja Senaatti-kiinteistöt": in an enumeration whose items are mostly named
    bodies, an item of capitalised words only (no body word, no place, no person) is a body too —
    list context names it. The sentence's first word is capitalised anyway and never counts."""
    ranges = items(s.tokens, 0, len(s.tokens))
    named = [(a, b) for a, b in ranges if (m := item_mention(s, a, b)) is not None and m.named]
    if len(named) < 2 or 2 * len(named) < len(ranges):
        return []
    kinds = [m.kind for a, b in named if (m := item_mention(s, a, b)) is not None]
    kind = max(set(kinds), key=kinds.count)
    out = []
    for a, b in ranges:
        words = [t for t in s.tokens[a:b] if t.word]
        if (
            (a, b) in named
            or a <= s.start
            or not words
            or len(words) > MAX_PROPER_WORDS
            or len(words) < b - a
        ):
            continue
        if not all(t.cap and not t.text.endswith("-") for t in words) or any(
            t.is_name("paikannimi", "etunimi", "sukunimi") for t in words
        ):
            continue
        name = s.sentence.text[s.tokens[a].start : s.tokens[b - 1].end]
        found = reader.facts.find(name) or reader.facts.body(name, kind, s.segment(), "body.fi.list-context")
        reader.touch(found)
        out.append(found)
    return out


def shared_class(reader: Reader, s: Sent) -> list[str]:
    """ "Heinäveden, Joroisten, Juvan ja Leppävirran kunnat": capitalised genitives coordinated before
    one plural class word name one body each, in the singular ("Heinäveden kunta", …)."""
    toks, out = s.tokens, []
    for m in s.mentions:
        owner = toks[m.first] if m.first == m.head - 1 else None
        if not m.generic or not toks[m.head].plural() or owner is None or not owner.cap:
            continue
        owners, k = [m.first], m.first - 1
        while (
            k >= 1
            and toks[k].low in {",", "ja", "sekä"}
            and toks[k - 1].cap
            and toks[k - 1].has_case("omanto")
        ):
            owners.insert(0, k - 1)
            k -= 2
        if len(owners) < 2 or not owner.has_case("omanto"):
            continue
        word = toks[m.head].lemma().lower()
        for i in owners:
            name = reader.facts.body(f"{toks[i].text} {word}", m.kind, s.segment(), "body.fi.shared-class")
            reader.touch(name)
            out.append(name)
    return out


def _class_plural(tokens: list[Token], a: int, b: int) -> bool:
    """ "• tuomioistuimet", "• valtion oikeusapu- ja edunvalvontapiirit": a bulleted item written in
    lower case whose one noun in the nominative is plural (not a plural name such as "-palvelut")
    names a class of bodies, none in particular. A capitalised item ("• Kadut ja puistot") is a name."""
    words = [t for t in tokens[a:b] if t.word and not t.text.endswith("-")]
    heads = [t for t in words if t.case() == "nimento" and t.noun() is not None and t.low not in CONJUNCTIONS]
    return (
        bool(words)
        and words[0].text[:1].islower()
        and len(heads) == 1
        and heads[0].plural()
        and not plural_name(heads[0].lemma())
    )


def after_modifiers(s: Sent, verb: int) -> list[tuple[int, int]]:
    """Items after the verb, skipping modifiers such as "suoraan hallintojohtajan alaisuudessa toimivat"."""
    ranges = items(s.tokens, verb + 1, len(s.tokens))
    return [(a, b) for a, b in ranges if any(a <= m.head < b and not m.generic for m in s.mentions)]


def siblings(
    reader: Reader,
    s: Sent,
    listed: list[tuple[int, int]],
    every: list[tuple[int, int]],
    declared: bool = False,
) -> list[str]:
    """Items with no body word listed among bodies ("kuntatekniikka, rakennusvalvonta ja
    tilapalvelut"): parts of the same kind when bodies are at least half of the list, or whenever
    the construction ``declared`` that the items are bodies ("X:n alaisuudessa toimivat a, b ja c")."""
    if not listed or (not declared and (len(listed) < 2 or 2 * len(listed) < len(every))):
        return []
    first = item_mention(s, *listed[0])
    kind = first.kind if first is not None else None
    missing = [
        (a, b) for a, b in every if (a, b) not in listed and b - a <= 3 and s.tokens[a].has_case("nimento")
    ]
    if any(t.low == "sekä" for t in s.tokens):  # "a, b sekä viestintä ja markkinointi": "ja" joins one name
        merged: list[tuple[int, int]] = []
        for a, b in missing:
            if merged and a == merged[-1][1] + 1 and s.tokens[merged[-1][1]].low == "ja":
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        missing = merged
    return item_bodies(reader, s, missing, kind, "part.fi.belongs") if kind else []


def declared_items(reader: Reader, s: Sent, a: int, b: int, rule: str) -> list[str]:
    """The bodies listed in ``tokens[a:b]`` where the construction says the items are bodies ("X:n
    alaisuudessa toimivat a, b ja c"): items with a body word, and the plain nouns among them."""
    every = items(s.tokens, a, b)
    listed = [(x, y) for x, y in every if any(x <= m.head < y and not m.generic for m in s.mentions)]
    return item_bodies(reader, s, listed, None, rule) + siblings(reader, s, listed, every, declared=True)
