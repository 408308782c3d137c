"""Swedish statements about a bare plural class: "Nämndernas uppgift är att …", "Till nämndernas roll
hör …", "De övriga nämnderna är underställda stadsstyrelsen", "Utskotten bereder …".

Gold convention E: what is stated of a bare plural class ("nämnderna", "utskotten", "sektionerna")
holds for each body of that class the page names — before or after the statement, so this is read
once the whole page has been read. "De övriga …" leaves out the bodies of the class that the page has
already given a parent. Two bodies of the class at least, or the statement stays unattributed.
"""

from __future__ import annotations

import re

from ..core.facts import key
from ..core.segments import Segment
from .context import State
from .lexicon import read_word
from .mentions import Mention

_LEAD = re.compile(
    r"^\s*(?P<till>Till\s+)?(?P<others>(?:de\s+)?övriga\s+|alla\s+|samtliga\s+)?(?P<noun>[^\W\d_]+)\b",
    re.IGNORECASE,
)
_TASK = re.compile(
    r"\s+(?:\w+\s+)?(?:uppgift(?:er)?|roll|ansvar)\s+(?:är|omfattar|hör)\s+(?:(?:dessutom|också|även)\s+)?",
    re.IGNORECASE,
)
_ROLE_OF = re.compile(r"\s+(?:uppgift(?:er)?|roll)\s+hör\s+(?:(?:dessutom|också|även)\s+)?", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\s+är\s+(?:direkt\s+)?underställda\s+", re.IGNORECASE)
_VERB = re.compile(
    r"\s+(?:(?:kan|ska|skall)\s+(?:\w+\s+)?)?(?:bereder|beslutar|ansvarar|svarar|handlägger|behandlar|"
    r"sköter|leder|övervakar|verkställer|följer|utvecklar)\b",
    re.IGNORECASE,
)
MIN_MEMBERS = 2


def _page_mentions(state: State) -> list[list[Mention]]:
    """Every segment's mentions, read once for the passes that run after the page has been read."""
    return [state.mentions(seg.text) for seg in state.segs]


def _members(state: State, head: str, page: list[list[Mention]]) -> list[str]:
    """The bodies of class ``head`` the page names, in page order."""
    out: list[str] = []
    for found in page:
        for m in found:
            if m.head == head and m.refers is None:
                name = state.facts.find(m.name)
                if name and name not in out:
                    out.append(name)
    return out


def collective(state: State) -> None:
    """Record the duties and relations stated of a bare plural class, for each of its bodies."""
    cache: dict[str, list[str]] = {}
    page: list[list[Mention]] | None = None
    for seg in state.segs:
        lead = _LEAD.match(seg.text)
        if lead is None:
            continue
        noun = lead.group("noun").lower()
        genitive = noun.endswith("nas")
        noun = noun[:-1] if genitive else noun
        word = read_word(noun)
        if word is None or word.prefix or word.form != "plural" or not noun.endswith("na"):
            continue  # the definite plural ("nämnderna"), not "nämnder" (any committees)
        if word.head not in cache:
            page = page if page is not None else _page_mentions(state)
            cache[word.head] = _members(state, word.head, page)
        members = cache[word.head]
        if lead.group("others"):
            parented = {key(c) for c, _ in state.facts.part_of}
            members = [m for m in members if key(m) not in parented]
        if len(members) < MIN_MEMBERS:
            continue
        _state(state, seg, lead, genitive, members)


def _state(state: State, seg: Segment, lead: re.Match[str], genitive: bool, members: list[str]) -> None:
    rest = seg.text[lead.end() :]
    cue = (_ROLE_OF if lead.group("till") else _TASK).match(rest) if genitive else None
    if cue is not None:
        _duties(state, seg, members, rest[cue.end() :])
        return
    if genitive:
        return
    sub = _SUBORDINATE.match(rest)
    if sub is not None:
        found = [m for m in state.mentions(rest[sub.end() :]) if m.refers is None]
        parent = state.resolve(seg, found[0]) if found else None
        if parent is not None:
            for child in members:
                if child != parent:
                    state.facts.part(child, parent, "subordinate", seg, "part.sv.collective")
        return
    verb = _VERB.match(rest)
    if verb is not None:
        _duties(state, seg, members, rest[verb.start() :].strip())


def _duties(state: State, seg: Segment, members: list[str], text: str) -> None:
    text = text.strip().rstrip(".")
    if len(text.split()) < 2 or re.match(r"(?:att\s+)?(?:välja|utse|tillsätta)\b", text, re.I):
        return  # gold convention D: electing or appointing is no duty
    for org in members:
        state.facts.duty(org, text, seg.start, seg.end, "duty.sv.collective")


#: "Enheterna inom Skatteförvaltningen": a definite plural class word and the body that has them.
_CLASS_WITHIN = re.compile(r"\b(?P<noun>[^\W\d_]+na)\s+(?:inom|vid|på|under)\s+$", re.IGNORECASE)
_PLURAL_WORD = re.compile(r"\s+(?P<noun>[^\W\d_]+)\b")


def _class_owners(state: State, page: list[list[Mention]]) -> dict[str, dict[str, Segment]]:
    """Which bodies the page says have bodies of a class: "Skatteförvaltningens enheter", "cheferna för
    regionens avdelningar", "Enheterna inom Skatteförvaltningen" — class head → owners."""
    owners: dict[str, dict[str, Segment]] = {}
    for seg, found in zip(state.segs, page, strict=True):
        for m in found:
            if m.refers is not None or m.kind == "municipality":
                continue
            head = None
            if m.genitive:
                after = _PLURAL_WORD.match(seg.text, m.end)
                word = read_word(after.group("noun").lower()) if after else None
                head = word.head if word and not word.prefix and word.form == "plural" else None
            else:
                before = _CLASS_WITHIN.search(seg.text, 0, m.start)
                word = read_word(before.group("noun").lower()) if before else None
                head = word.head if word and not word.prefix and word.form == "plural" else None
            owner = state.facts.find(m.name) if head else None
            if head and owner:
                owners.setdefault(head, {}).setdefault(owner, seg)
    return owners


def class_parts(state: State) -> None:
    """Gold convention E for parts: a page that says a body has bodies of a class ("Enheterna inom
    Skatteförvaltningen leds av enhetens chefer", "cheferna för Skatteförvaltningens enheter") makes
    each body of that class it names, and that nothing else owns, a part of that body. Only when the
    page names one owner of the class and two such bodies at least."""
    page = _page_mentions(state)
    owners = _class_owners(state, page)
    for head, found in owners.items():
        if len(found) != 1:
            continue
        owner, said = next(iter(found.items()))
        parented = {key(c) for c, _ in state.facts.part_of}
        members = [m for m in _members(state, head, page) if key(m) != key(owner) and key(m) not in parented]
        if len(members) < MIN_MEMBERS:
            continue
        for child in members:  # the evidence is the sentence that says the owner has them
            state.facts.part(child, owner, "part", said, "part.sv.class-owner")
