"""Swedish head rules: who leads which body, with the title as written (base form).

"Biträdande stadsdirektören för bildningsväsendet" on one line and "Ritva Viljanen" on the next;
"koncernförvaltningen som leds av stadsdirektör Minna Arve"; "direktören för bildningssektorn Timo
Jalonen"; "<organ>s chef är <Namn>"; "… under ledning av stadsdirektör <Namn>" (the sentence's body);
a leading title whose first part names a body of the text ("bildningsdirektör" → bildningssektorn);
and the municipality's own director ("stadsdirektör", "kommundirektör", "borgmästare").
Titles of staff who lead nothing (controller, sekreterare) and deputies give no head.
"""

from __future__ import annotations

import re

from ..core.facts import key
from ..core.persons import PERSON, person_line
from ..core.segments import Segment
from . import lexicon, mentions
from .context import State
from .mentions import Mention

_TITLE = (
    r"(?<![\w-])(?i:(?:(?:biträdande|ställföreträdande|vice)\s+)?(?:[a-zåäö]+(?:isk|ell)\s+)?[\w-]{0,40}?(?:"
    + "|".join(lexicon.POSTS)
    + r")(?:en|n)?)"
)
_TITLE_PERSON = re.compile(
    r"(?P<title>" + _TITLE + r")(?P<of>\s+för\s+(?:(?!\sär\s)[^,.;:]){1,80}?)?"  # "för X", not "för X är"
    r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+län)?(?=\s+är\s))?"  # "Landshövding i Skåne är …": the region
    r"(?:\s*:\s*|\s+)(?:är\s+)?(?P<person>" + PERSON + ")"  # "Teknisk direktör: Lars Lindholm"
)
_TITLE_LINE = re.compile(
    r"^(?:(?:temp|tf|t\.f|vik|tillförordnad|tillförordnade)\.?\s+)?"
    r"(?P<title>(?:(?:biträdande|ställföreträdande)\s+)?(?:[\wåäö]+-\s+(?:och|samt)\s+)?[\wåäö-]+)"
    r"(?:\s+(?:för|vid|inom|i)\s+(?P<org>.+))?$",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"^\s*,?\s*(?:som\s+)?leds\s+av\s+$|^\s*(?:chef|ordförande|direktör)\s+är\s+$", re.I)
_LED_BY_POST = re.compile(
    r"\s*,?\s*(?:som\s+)?leds\s+av\s+(?P<title>" + _TITLE + r")\b(?!\s+" + PERSON + ")", re.I
)
#: "Sektorn leds av Anna Berg": a holder named with no title (the title stays empty, as in the text).
_LED_BY_NAME = re.compile(r"\s*,?\s*(?:som\s+)?leds\s+av\s+(?P<person>" + PERSON + r")(?=\s*[,.;]|\s*$)")
_PERSON_FIRST = re.compile(
    r"(?P<person>" + PERSON + r")(?:\s+är\s+|\s*,\s*)(?P<title>" + _TITLE + r")\s+(?:för|vid|inom|i)\s+$"
)  # "Anna Berg är chef för …", and the apposition "Anna Berg, chef för …"
#: Titles of the one who heads a whole agency: they lead the page's own body ("Statskontoret" /
#: "Generaldirektör Knut Rexed har beslutat …").
_AGENCY_TITLES = frozenset(("generaldirektör", "landshövding"))
#: "Tomas Häyry är Vasas stadsdirektör", "Anna Berg är kommunens kommundirektör".
_PERSON_IS_MUNICIPAL = re.compile(
    r"(?P<person>" + PERSON + r")\s+är\s+(?:[A-ZÅÄÖ][\wåäö]+s\s+|stadens\s+|kommunens\s+)?"
    r"(?P<title>(?i:stadsdirektör|kommundirektör|borgmästare))(?:en|n)?\b"
)
#: Bodies that decide rather than run an administration: a "-direktör" leads no committee.
_ORGANS = ("council", "board", "committee")
_UNDER = re.compile(r"\bunder\s+ledning\s+av\s+$", re.IGNORECASE)
#: "<titel> <Namn> leder <organ>": the holder as the subject of leading.
_LEADS = re.compile(
    r"^\s*,?\s*(?:leder|är\s+chef\s+för|basar\s+för)\s+(?:(?:arbetet|verksamheten)\s+(?:inom|vid|i)\s+)?$",
    re.I,
)
_CHIEF_OF = re.compile(r"^\s*(?:Chef|Ordförande|Direktör)\s+för\s+$", re.IGNORECASE)


def heads(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    if seg.heading and i + 1 < len(state.segs):
        _title_line(state, seg, state.segs[i + 1])
    if seg.heading:
        _name_line(state, seg, state.segs[i + 1] if i + 1 < len(state.segs) else None)
    for m in found:
        named = _LED_BY_NAME.match(seg.text, m.end)
        org = state.resolve(seg, m) if named and _real_person(named.group("person")) else None
        if org and named:
            state.facts.head(org, "", named.group("person"), seg, "head.sv.led-by-name")
        post = _LED_BY_POST.match(seg.text, m.end)
        title = title_of(post.group("title")) if post else None
        org = state.resolve(seg, m, create=True) if title and lexicon.leads(title) else None
        if org and title:
            state.facts.head(org, title, None, seg, "head.sv.led-by-post")
    for tp in _TITLE_PERSON.finditer(seg.text):
        title = title_of(tp.group("title"))
        if title is None or not _real_person(tp.group("person")):
            continue
        if not lexicon.leads(title) and not (tp.group("of") and title.endswith(lexicon.LEADERS)):
            continue
        org = _org(state, seg, found, tp, title)
        if org:
            state.facts.head(org, title, tp.group("person"), seg, "head.sv.title-name")
    _person_first(state, seg, found)
    mayor = _PERSON_IS_MUNICIPAL.search(seg.text)
    if mayor is not None and _real_person(mayor.group("person")):
        title = mayor.group("title").lower()
        state.facts.head(state.municipality(seg), title, mayor.group("person"), seg, "head.sv.name-title")


def _person_first(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Anna Berg är chef för förvaltningsavdelningen", "Thomas Pålsson, chef för Enheten för X, …"."""
    for m in found:
        pf = _PERSON_FIRST.search(seg.text[max(0, m.start - 160) : m.start])
        title = title_of(pf.group("title")) if pf else None
        person = _without_title(pf.group("person")) if pf else ""
        if pf is None or title is None or not lexicon.leads(title) or not _real_person(person):
            continue
        org = state.resolve(seg, m, create=True)
        if org:
            state.facts.head(org, title, person, seg, "head.sv.name-title")


def _without_title(person: str) -> str:
    """ "Direktör Thomas Pålsson" → "Thomas Pålsson": a capitalised title before a name is no name."""
    words = person.split()
    return " ".join(words[1:]) if len(words) >= 3 and lexicon.is_post(words[0]) else person


def title_of(text: str) -> str | None:
    """ "Biträdande stadsdirektören" → "biträdande stadsdirektör" (None for a plural or no title)."""
    words = text.lower().split()
    base = lexicon.title_base(words[-1]) if words else None
    return " ".join([*words[:-1], base]) if base else None


def _real_person(person: str) -> bool:
    return not any(lexicon.read_word(w.lower()) or lexicon.is_post(w) for w in person.split())


def _org(state: State, seg: Segment, found: list[Mention], tp: re.Match[str], title: str) -> str | None:
    """Which body a "<titel> <Namn>" leads: the one the sentence ties to the title, else by its name."""
    if tp.group("of"):
        named = mentions.mentions(tp.group("of"))
        return state.resolve(seg, named[0], create=True) if named else None
    before = [m for m in found if m.end <= tp.start()]
    if before and _LED_BY.match(seg.text[before[-1].end : tp.start()]):
        return state.resolve(seg, before[-1], create=True)
    if before and before[-1].genitive and seg.text[before[-1].end : tp.start()] == " ":
        return state.resolve(seg, before[-1], create=True)
    if before and _UNDER.search(seg.text[max(0, tp.start() - 40) : tp.start()]):
        return state.resolve(seg, before[0], create=True)
    if before and _CHIEF_OF.match(seg.text[: before[0].start]):
        return state.resolve(seg, before[0], create=True)
    after = [m for m in found if m.start >= tp.end()]
    if after and _LEADS.match(seg.text[tp.end() : after[0].start]) and not after[0].genitive:
        return state.resolve(
            seg, after[0], create=True
        )  # "Förvaltningschef Maria Ek leder socialförvaltningen"
    return by_title(state, seg, title) or _listed_under(state, seg, title)


def _listed_under(state: State, seg: Segment, title: str) -> str | None:
    """A "Ordförande Hanna Kosonen" line in a listing under "Stadsstyrelsens ordföranden": the body
    of the heading right above (at most three lines up)."""
    if not seg.heading or not lexicon.leads(title):
        return None
    above = [line for line in state.context if seg.line - 3 <= line < seg.line]
    return state.context[max(above)] or None if above else None


def by_title(state: State, seg: Segment, title: str) -> str | None:
    """The body a title names by its first part: "bildningsdirektör" → "bildningssektorn",
    "sektorchef" → the sector named last, "stadsdirektör" → the municipality."""
    if lexicon.MUNICIPAL_TITLES.match(title):
        return state.municipality(seg)
    if title in _AGENCY_TITLES and state.topic:
        topic = state.facts.bodies.get(key(state.topic))
        organ = topic is not None and topic.kind in _ORGANS and title != "landshövding"  # a länsstyrelse
        return None if organ else state.topic
    if not lexicon.leads(title):
        return None
    prefix = _prefix(title)
    if len(prefix) < 4:
        return None
    head = _class_word(prefix.split()[-1])
    if head is not None and head in state.last:
        return state.last[head]  # "förvaltningschef" → the förvaltning named last
    for start in (prefix, prefix.split()[-1]):  # "kultur- och fritids", then "fritids"
        matches = [
            b.name
            for b in state.facts.bodies.values()
            if b.name.lower().startswith(start) and b.kind not in _ORGANS
        ]
        if matches:
            return matches[0] if len(matches) == 1 else None
    return None


def _prefix(title: str) -> str:
    """What a title says its holder leads: "kultur- och fritidsdirektör" → "kultur- och fritids"."""
    post = next((p for p in lexicon.LEADERS if title.endswith(p)), "")
    return title[: len(title) - len(post)].removeprefix("biträdande ").strip()


def generic_title(title: str) -> bool:
    """A title that names no area of its own ("direktör", "sektorchef", "förvaltningschef"): it leads
    the body the page is about."""
    prefix = _prefix(title)
    return not prefix or _class_word(prefix) is not None


def _class_word(prefix: str) -> str | None:
    """The head noun a title's first part is ("förvaltnings" → "förvaltning", "sektor" → "sektor"),
    also one that names no body by itself."""
    stem = prefix.rstrip("s") if prefix.rstrip("s") in lexicon.HEADS else prefix
    word = lexicon.read_word(stem)
    if word is not None and not word.prefix:
        return word.head
    return stem if stem in lexicon.HEADS else None


def _name_line(state: State, seg: Segment, nxt: Segment | None) -> None:
    """A contact card the other way round: the holder's name, then the bare title ("Tomas Häyry" /
    "stadsdirektör", one line once the lower-case title is joined to it): the body the title names,
    or the section's body for a title that names none of its own ("förvaltningschef")."""
    joined = _NAME_TITLE.match(seg.text.strip())
    if joined is not None:
        person, words, span = joined.group("person"), joined.group("title").split(), seg
    elif nxt is not None and nxt.heading and nxt.line == seg.line + 1 and len(nxt.text.split()) <= 2:
        person = person_line(seg.text, lambda w: bool(lexicon.read_word(w.lower()) or lexicon.is_post(w)))
        words = nxt.text.strip().rstrip(".").split()
        span = Segment(seg.start, nxt.end, state.facts.text[seg.start : nxt.end], seg.line)
    else:
        return
    if person is None or _PARTY.search(person) or not words or not lexicon.is_post(words[-1]):
        return
    if any(lexicon.read_word(w.lower()) for w in words):
        return  # "Stadsstyrelsens ordförande": a person card, read by the member lines
    title = title_of(" ".join(words))
    if title is None or not lexicon.leads(title) or not _real_person(person):
        return
    org = by_title(state, seg, title) or (state.section_body(seg.line) if generic_title(title) else None)
    if org:
        state.facts.head(org, title, person, span, "head.sv.name-line")


_NAME_TITLE = re.compile(
    r"^(?P<person>" + PERSON + r")\s+(?P<title>[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*)?)$"
)
_PARTY = re.compile(r"(?:parti(?:et)?|förbund(?:et)?)\b", re.IGNORECASE)


def _title_line(state: State, seg: Segment, nxt: Segment) -> None:
    """A title line ("Biträdande stadsdirektören för bildningsväsendet") and the holder on the next line."""
    m = _TITLE_LINE.match(seg.text.strip())
    if m is None or not nxt.heading or nxt.line != seg.line + 1:
        return
    title = title_of(m.group("title"))
    person = person_line(nxt.text, lambda w: bool(lexicon.read_word(w.lower()) or lexicon.is_post(w)))
    if title is None or person is None:
        return
    org = None
    if m.group("org"):
        found = mentions.mentions(m.group("org"))
        org = state.resolve(seg, found[0], create=True) if found else state.facts.find(m.group("org"))
    else:
        generic = lexicon.leads(title) and generic_title(title)
        org = by_title(state, seg, title) or (state.topic if generic else None)
    span = Segment(seg.start, nxt.end, state.facts.text[seg.start : nxt.end], seg.line)
    if org:
        state.facts.head(org, title, person, span, "head.sv.title-line")
