"""English side of the shared list reader (:mod:`kgpub.extract.core.lists`).

An introducer announces parts when it ends in a colon after a composition verb ("The Directorate
consists of:", "… is divided into the following branches:", "comprises:") or names a plural class of
bodies with "following" or a count ("The following departments:", "The council has four directorates:").
The owner is the first body the introducer names, else the section's body, else the page's. List
context makes an item a body without a body word; its name keeps the case the page uses
("Corporate Services", "Finance").

Written before any English v2 page was read, so the English v2 figures measure it blind.
"""

from __future__ import annotations

import re

from ..core.lists import ListBlock, Role
from ..core.page import list_of, read_list_item, segment_lists
from ..core.segments import Segment
from . import names
from .context import State, municipality, resolve, topic

RULE = "part.en.list"
_COMPOSE = re.compile(
    r"\b(?:consists?\s+of|comprises?|(?:is|are)\s+made\s+up\s+of|(?:is|are)\s+(?:divided(?:\s+up)?|organi[sz]ed|"
    r"structured)\s+(?:in(?:to)?|as)|includes?|(?:has|have)\s+(?:the\s+)?following)\b",
    re.IGNORECASE,
)
_CLASS = re.compile(
    r"\b(?:following|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+)?(?:departments|"
    r"directorates|divisions|units|sections|services|service\s+areas|branches|teams|committees|"
    r"sub-committees|boards|offices|agencies|sectors|functions)\b",
    re.IGNORECASE,
)
#: "The Administration Policy Department units are:", "Our services include:".
_CLASS_ARE = re.compile(
    r"\b(?:departments|directorates|divisions|units|sections|services|branches|teams|committees|offices|"
    r"agencies|sectors|functions)\s+(?:are|include)\s*:$",
    re.IGNORECASE,
)
_CUT = re.compile(r"\s+[–-]\s+|[:(,;]|\s+(?:which|who|that|is|are|led|headed)\s")
_POST = re.compile(r"\b(?:director|manager|officer|mayor|chief|head|chair(?:man|person)?)\b", re.IGNORECASE)
MAX_ITEM_WORDS = 7


#: An introducer of what a body does, not of what it is made of: "’s responsibilities include:", "The
#: department provides the following services:".
_DOES = re.compile(
    r"\b(?:responsibilit(?:y|ies)|tasks?|duties|remit|provides?|offers?|delivers?|performs?|handles?)\b"
    r"|^\s*(?:Our|Its|Their)\s+(?:main\s+|key\s+)?services\b",
    re.IGNORECASE,
)


def _role(seg: Segment) -> Role | None:
    text = seg.text.rstrip()
    if len(text) > 250 or not text.endswith(":") or _DOES.search(text):
        return None
    return "parts" if _COMPOSE.search(text) or _CLASS.search(text) or _CLASS_ARE.search(text) else None


def blocks(segs: list[Segment]) -> list[ListBlock]:
    """The page's introduced lists of parts (and, in Swedish, of duties)."""
    return segment_lists(segs, _role)


def owner(state: State, i: int) -> str | None:
    """The body the list at introducer ``i`` belongs to."""
    seg = state.segs[i]
    found_in = names.mentions(seg.text)
    for m in found_in:
        if m.what == "body" and m.refers is None:
            found = resolve(state, seg, m)
            if found is not None:
                return found
    own = found_in[0] if found_in and found_in[0].refers in ("city", "municipality", "council") else None
    if own is not None and re.fullmatch(r"\s*(?:The|Our)\s+", seg.text[: own.start], re.IGNORECASE):
        # "The council is organised into four directorates:": the page's own organisation (convention B)
        if own.refers == "council":
            return resolve(state, seg, own) or state.facts.body(
                own.name.lower(), "council", seg, "body.en.organ"
            )
        return resolve(state, seg, own) or municipality(state, seg)
    if (above := state.heading_above(seg.line)) is not None:
        return state.facts.find(above) or None
    return topic(state, seg) or _most_named(state, seg)


#: Bodies compared when the page's main body is looked for (a 1 MB page must stay linear).
MAX_CANDIDATES = 200
#: How much text before the first owner-less introducer is counted.
MAX_COUNTED = 50_000


def _most_named(state: State, seg: Segment) -> str | None:
    """The body named most often before an introducer that names no owner ("Outside the departmental
    division are the following functions:" on a ministry's page): the body the page is about. At least
    twice, and more often than any other."""
    if state.most_named is not None:
        return state.most_named[0]  # counted once per page: a page of many lists stays linear
    before = state.facts.text[max(0, seg.start - MAX_COUNTED) : seg.start]
    candidates = list(state.facts.bodies.values())[:MAX_CANDIDATES]
    counts = sorted(((_times_named(state, before, b.name), b.name) for b in candidates), reverse=True)
    unique = counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[1][0] < counts[0][0])
    state.most_named = (counts[0][1] if unique else None,)
    return state.most_named[0]


def item(state: State, i: int) -> str | None:
    """The body an item names: its body mention when it starts the item, else the item as written."""
    seg = state.segs[i]
    for m in names.mentions(seg.text):
        if m.what == "body" and m.refers is None and not seg.text[: m.start].strip():
            return resolve(state, seg, m)
        if m.what in ("post", "person") and not seg.text[: m.start].strip():
            return None  # "Chief Executive", "Jane Smith": no body
    head = _CUT.split(seg.text.strip(), maxsplit=1)[0].strip().rstrip(".;")
    head = re.sub(r"^(?:the|a|an)\s+", "", head, flags=re.IGNORECASE)
    words = head.split()
    if not words or len(words) > MAX_ITEM_WORDS or re.search(r"\d", head) or _POST.search(head):
        return None
    if names.ASPECT_OF.match(head):  # "Leadership of the Council - Commissioners": an aspect, no body
        return None
    return state.facts.body(head, names.body_kind(head) or "unit", seg, "body.en.list")


def read_lists(state: State, listed: list[ListBlock], i: int, found: dict[int, str]) -> None:
    """If segment ``i`` is an item of a list, record it as a part of the list's owner (or of its group
    heading), unless a sentence rule already gave it a parent."""
    listed_in = list_of(listed, i)
    if listed_in is not None:
        block, group = listed_in
        read_list_item(
            state, block, group, i, found, lambda k: owner(state, k), lambda k: item(state, k), RULE
        )


def _times_named(state: State, text: str, name: str) -> int:
    """How often ``text`` names a body: by its name as written, and by "the <Head>" ("the Ministry")
    when that class word refers to it."""
    times = len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))
    ws = name.split()
    head = ws[0] if len(ws) > 2 and ws[1] in ("of", "for") else ws[-1] if ws else ""
    if head[:1].isupper() and state.last.get(names.head_word(head)) == name:
        times += len(re.findall(r"\b[Tt]he\s+" + re.escape(head) + r"(?!\w)(?!\s+(?:of|for)\b)", text))
    return times
