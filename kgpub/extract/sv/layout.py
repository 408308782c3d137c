"""Swedish side of the shared list reader (:mod:`kgpub.extract.core.lists`).

An introducer announces parts when it ends in a colon after a composition verb ("X består av:",
"… är indelad i:") or "finns/verkar/ingår följande" ("På regionledningskontoret finns följande
funktioner:"). The owner is the first body the introducer names, else the section's body, else the
page's. (A bare plural class word alone — "Det finns fem nämnder i staden:" — names the place, not an
owner, by gold convention B, so it opens no list here.) List context makes an item a body without a body word,
named as written ("Kost och lokalvård").
"""

from __future__ import annotations

import re

from ..core.enumeration import count_value, split_list
from ..core.lists import ListBlock, Role
from ..core.page import list_of, read_list_item, segment_lists
from ..core.segments import Segment
from .context import State
from .lexicon import is_post, read_word
from .mentions import Mention
from .parts import _child, _named

RULE = "part.sv.list"
_COMPOSE = re.compile(r"\b(?:består av|är indelad[e]? i|är uppdelad[e]? i|omfattar|har följande)\b", re.I)
_DUTY_NOUN = re.compile(r"\b(?:uppgift(?:er|erna)?|uppdrag(?:et)?|ansvarsområden?|arbetsuppgifter)\b", re.I)
#: "Det innebär:" after a sentence saying what a body is: the items are what it does.
_MEANS = re.compile(
    r"^\s*(?:Det|Detta|Det\s+här)\s+(?:innebär|betyder)(?:\s+bland\s+annat|\s+bl\.\s?a\.)?\s*:$"
)
_CUT = re.compile(r"\s+[–-]\s+|[:(,]|\s+(?:som|med\s+ansvar)\s")  # "X med ansvar för …": X
MAX_ITEM_WORDS = 6
#: "sex enheter", "fyra serviceområden", "tre nya sektorer": a count and a plural class word.
_COUNTED = re.compile(
    r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d{1,2})\s+(?P<next>[\wåäö-]+)(?:\s+(?P<noun>[\wåäö-]+))?",
    re.IGNORECASE,
)
#: The speaker's own organisation owns the list: "Våra fyra serviceområden heter:", "Stadens sektorer".
_OWN = re.compile(r"^\s*(?:Våra|Vår|Vårt|Stadens|Kommunens)\b", re.IGNORECASE)


def _counted_class(text: str) -> bool:
    """The text counts bodies of a class: "Verksamheten är uppdelad på sex enheter"."""
    for m in _COUNTED.finditer(text):
        for noun in (m["next"], m["noun"]):  # "sex enheter", "tre nya sektorer"
            word = read_word(noun.lower()) if noun else None
            if word is not None and word.form == "plural":
                return True
    return False


def role(seg: Segment) -> Role | None:
    """A colon introducer that says its items make up a body: "På regionledningskontoret finns
    följande funktioner:", "Förvaltningen består av:", "Nämnden har följande sektioner:"."""
    text = seg.text.rstrip()
    if len(text) > 200:
        return None
    if not text.endswith(":"):
        label = seg.heading and len(text.split()) <= 4
        if seg.heading and _counted_class(text) and not _DUTY_NOUN.search(text):
            return "parts"  # a heading "Verksamheten är uppdelad på sex enheter"
        return "duties" if label and _DUTY_NOUN.search(text) else None  # a heading "Andra uppdrag"
    if _counted_class(text) and not _DUTY_NOUN.search(text):
        return "parts"  # "Våra fyra serviceområden heter från och med nu:"
    if _COMPOSE.search(text) or re.search(r"\b(?:finns|verkar|ingår)\s+(?:\w+\s+)?följande\b", text, re.I):
        return "parts"
    if _DUTY_NOUN.search(text) or _MEANS.match(text):
        return "duties"  # "Uppgifter:", "Förvaltningen bistår kommunstyrelsen i deras uppdrag:"
    return None


def blocks(segs: list[Segment]) -> list[ListBlock]:
    """The page's introduced lists of parts (and, in Swedish, of duties)."""
    return segment_lists(segs, role)


def owner(state: State, i: int) -> str | None:
    """The body the list at introducer ``i`` belongs to."""
    seg = state.segs[i]
    for m in state.mentions(seg.text):
        if m.refers is None and m.kind != "municipality":
            name = state.resolve(seg, m)
            if name is not None:
                return name
    if _OWN.match(seg.text):
        return state.municipality(seg)
    if seg.heading:  # a heading opens a section of its own: the page's body owns what it lists
        return state.topic or _most_named(state, seg)
    if (above := state.heading_above(seg.line)) is not None:
        return state.facts.find(above) or None
    return state.topic


def item(state: State, i: int) -> str | None:
    """The body an item names: its body mention when it starts the item, else the item as written."""
    seg = state.segs[i]
    if seg.heading and role(seg) is not None:
        return None  # "Utbildningsnämndens två sektioner" after a list's bullets opens a list of its own
    head = _CUT.split(seg.text.strip(), maxsplit=1)[0].strip().rstrip(".;")
    if head.split() and is_post(head.split()[0]):
        return None  # a post in a composition ("• Sektorchef Barn och utbildning"), convention C
    for m in state.mentions(seg.text):
        starts = not seg.text[: m.start].strip()
        if starts and re.match(r"\s+för\s+\w", seg.text[m.end :]) and len(head.split()) <= MAX_ITEM_WORDS:
            # "Serviceområdet för kultur och fritid (tidigare: välfärd)": the list item names the body
            # in full, though the class word alone is what the mention reader found
            return state.facts.body(head[:1].lower() + head[1:], m.kind, seg, "body.sv.list")
        if m.refers is None and m.kind != "municipality" and starts:
            return state.resolve(seg, m)
    words = head.split()
    if not words or len(words) > MAX_ITEM_WORDS or re.search(r"\d", head):
        return None
    name = head if len(words) > 1 and all(w[:1].isupper() for w in words) else head[:1].lower() + head[1:]
    return state.facts.body(name, "unit", seg, "body.sv.list")


def read_lists(state: State, listed: list[ListBlock], i: int, names: dict[int, str]) -> None:
    """If segment ``i`` is an item of a list, record it as a part of the list's owner (or of its group
    heading), unless a sentence rule already gave it a parent."""
    found = list_of(listed, i)
    if found is None:
        return
    block, group = found
    if block.role == "duties":
        _duty_item(state, block.intro, i, names)
        return
    read_list_item(state, block, group, i, names, lambda k: owner(state, k), lambda k: item(state, k), RULE)
    if i in names:
        _item_duty(state, state.segs[i], names[i])
        here_parts(state, state.segs[i], names[i])


#: "Här ingår även arbetsmiljöenheten …": the bodies that belong to the one being described.
_HERE_PARTS = re.compile(r"\b[Hh]är\s+(?:ingår|finns|verkar)\s+(?:även\s+|också\s+|dessutom\s+)?")


def here_parts(state: State, seg: Segment, org: str | None) -> None:
    """ "• Personal (Här ingår även arbetsmiljöenheten som …)", or "Här ingår enheterna A och B" under
    a body's heading: each body named after the cue is a part of the item's or section's body."""
    cue = _HERE_PARTS.search(seg.text)
    if cue is None or org is None:
        return
    for m in state.mentions(seg.text[cue.end() :]):
        if m.refers is None and m.kind != "municipality" and not m.genitive:
            child = state.resolve(seg, m)
            if child and child != org and not any(c == child for c, _ in state.facts.part_of):
                state.facts.part(child, org, "part", seg, "part.sv.here")


#: An item that says what its body does after the name: "Futurum med ansvar för forskning …",
#: "Kansliet, som ansvarar för …".
_ITEM_DUTY = re.compile(r"\s(?:med\s+(?:\w+\s+)?ansvar\s+för|som\s+(?:ansvarar|svarar|sköter)\b)\s", re.I)


def _item_duty(state: State, seg: Segment, org: str) -> None:
    cue = _ITEM_DUTY.search(seg.text)
    text = seg.text[cue.start() :].strip().rstrip(".;") if cue else ""
    if cue and len(text.split()) >= 4:
        state.facts.duty(org, text, seg.start, seg.end, "duty.sv.list-item")


def _duty_item(state: State, intro: int, i: int, names: dict[int, str]) -> None:
    """An item of a duty list: a duty of the introducer's subject, else of the section's body."""
    if intro not in names:
        seg = state.segs[intro]
        said = state.segs[intro - 1] if _MEANS.match(seg.text) and intro else seg  # "X är … / Det innebär:"
        first = next((m for m in state.mentions(said.text) if not said.text[: m.start].strip()), None)
        org = state.resolve(seg, first) if first is not None else None
        if org is None:
            org = state.section_body(seg.line) or state.topic
        names[intro] = org or ""
    seg = state.segs[i]
    text = seg.text.strip().rstrip(".;")
    if names[intro] and len(text.split()) >= 1:
        state.facts.duty(names[intro], text, seg.start, seg.end, "duty.sv.list-label")


def inline_list(state: State, listed: list[ListBlock], i: int) -> None:
    """A parts introducer followed by one paragraph that only enumerates names ("Verksamheten är
    uppdelad på sex enheter" / "Ekonomi/personal, Enheten för landsbygd och tillväxt, … och
    Rättsenheten."): the list is written inline, so each name is a part of the introducer's owner.
    Every piece must look like a name (short, no digits, capitalised or a body word), else the
    paragraph is prose and the sentence rules read it."""
    if i == 0 or state.segs[i].bullet or state.segs[i].heading or any(b.intro == i - 1 for b in listed):
        return
    intro, seg = state.segs[i - 1], state.segs[i]
    if role(intro) != "parts":
        return
    counted = _COUNTED.search(intro.text)
    text = seg.text.strip().rstrip(".")
    pieces = split_list(
        text, 0, ("och", "samt"), _named, count_value(counted.group(0).split()[0]) if counted else None
    )
    names = [p.strip() for _, _, p in pieces]
    if len(names) < 2 or not all(_name_piece(n) for n in names):
        return
    parent = owner(state, i - 1)
    for name in names:
        child = _child(state, seg, name, "unit")
        if parent and child and child != parent and not any(c == child for c, _ in state.facts.part_of):
            state.facts.part(child, parent, "part", seg, RULE)


def _name_piece(text: str) -> bool:
    """A piece of an inline list that can be a name on its own: "Miljöenheten", "Ekonomi/personal"."""
    words = text.split()
    return 0 < len(words) <= MAX_ITEM_WORDS and text[:1].isupper() and not re.search(r"\d|[:;]", text)


#: Bodies compared when the page's main body is looked for, and how much text before the introducer
#: is counted (a 1 MB page must stay linear).
MAX_CANDIDATES = 200
MAX_COUNTED = 50_000


def _most_named(state: State, seg: Segment) -> str | None:
    """The body named most often before an introducer that names no owner ("Verksamheten är uppdelad
    på sex enheter" on a county board's page): the body the page is about — in any of its forms
    ("Länsstyrelsens", "länsstyrelsen"), at least twice, and more often than any other."""
    before = state.facts.text[max(0, seg.start - MAX_COUNTED) : seg.start].lower()
    counts: list[tuple[int, str]] = []
    for body in list(state.facts.bodies.values())[:MAX_CANDIDATES]:
        word = read_word(body.name.lower()) if " " not in body.name else None
        stem = word.indefinite if word is not None else body.name.lower()
        counts.append((len(re.findall(r"(?<!\w)" + re.escape(stem) + r"\w{0,4}(?!\w)", before)), body.name))
    counts.sort(reverse=True)
    unique = bool(counts) and counts[0][0] >= 2 and (len(counts) == 1 or counts[1][0] < counts[0][0])
    return counts[0][1] if unique else None


#: "Vanda stad har fem sektioner som …", "Förvaltningen består av fem sektorer som leds av …": a count
#: of a class, no list after it.
_ANNOUNCE = re.compile(
    r"\s*(?:har|består\s+av|är\s+indelad[e]?\s+i|omfattar)\s+(?P<count>två|tre|fyra|fem|sex|sju|åtta|nio|tio|"
    r"elva|tolv|\d{1,2})\s+(?P<noun>[\wåäö-]+)\b(?!\s*:)",
    re.IGNORECASE,
)
#: How many segments after a count the bodies it announces are looked for.
ANNOUNCED_WINDOW = 30


def announced(state: State, i: int, found: list[Mention]) -> None:
    """A count of a class with no list after it announces the bodies of that class the page names
    next, in headings or sentences ("Vanda stad har fem sektioner som …" and then "I anslutning till
    stadsstyrelsen finns en koncernsektion", "Sektionen för individärenden …"): the subject's parts
    when exactly that many are named in the window — or at least two when the page ends first (a
    stored excerpt is cut off)."""
    seg = state.segs[i]
    subject = state.subject(seg, found)
    announce = _ANNOUNCE.match(seg.text, subject.end) if subject is not None else None
    word = read_word(announce["noun"].lower()) if announce else None
    if subject is None or announce is None or word is None or word.form != "plural":
        return
    count = count_value(announce["count"]) or 0
    parent = state.municipality(seg) if subject.kind == "municipality" else state.resolve(seg, subject)
    picked: list[str] = []
    window = state.segs[i + 1 : i + 1 + ANNOUNCED_WINDOW]
    for later in window:
        for m in state.mentions(later.text):
            if m.head != word.head or m.refers is not None or m.genitive:
                continue
            name = state.resolve(later, m)
            if name and name != parent and name not in picked:
                picked.append(name)
        if len(picked) >= count:
            break
    cut_off = i + 1 + ANNOUNCED_WINDOW >= len(state.segs)
    if parent is None or not (len(picked) == count or (cut_off and 2 <= len(picked) < count)):
        return
    for child in picked:  # also when a sentence gave it a nearer parent: the count states this one
        state.facts.part(child, parent, "part", seg, "part.sv.enumeration")
