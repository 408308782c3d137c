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

from ..core.lists import Kind, ListBlock, Role, list_blocks
from ..core.page import list_of, read_list_item
from ..core.segments import Segment
from .context import State

RULE = "part.sv.list"
_COMPOSE = re.compile(r"\b(?:består av|är indelad[e]? i|är uppdelad[e]? i|omfattar|har följande)\b", re.I)
_DUTY_NOUN = re.compile(r"\b(?:uppgift(?:er|erna)?|uppdrag(?:et)?|ansvarsområden?|arbetsuppgifter)\b", re.I)
_CUT = re.compile(r"\s+[–-]\s+|[:(,]|\s+(?:som|med\s+ansvar)\s")  # "X med ansvar för …": X
MAX_ITEM_WORDS = 6


def _role(seg: Segment) -> Role | None:
    """A colon introducer that says its items make up a body: "På regionledningskontoret finns
    följande funktioner:", "Förvaltningen består av:", "Nämnden har följande sektioner:"."""
    text = seg.text.rstrip()
    if len(text) > 200:
        return None
    if not text.endswith(":"):
        label = seg.heading and len(text.split()) <= 4
        return "duties" if label and _DUTY_NOUN.search(text) else None  # a heading "Andra uppdrag"
    if _COMPOSE.search(text) or re.search(r"\b(?:finns|verkar|ingår)\s+(?:\w+\s+)?följande\b", text, re.I):
        return "parts"
    if _DUTY_NOUN.search(text):
        return "duties"  # "Uppgifter:", "Förvaltningen bistår kommunstyrelsen i deras uppdrag:"
    return None


def blocks(segs: list[Segment]) -> list[ListBlock]:
    """The page's introduced lists of parts."""
    kinds: list[Kind] = ["item" if s.bullet else "heading" if s.heading else "paragraph" for s in segs]
    return list_blocks(segs, kinds, lambda i: _role(segs[i]))


def owner(state: State, i: int) -> str | None:
    """The body the list at introducer ``i`` belongs to."""
    seg = state.segs[i]
    for m in state.mentions(seg.text):
        if m.refers is None and m.kind != "municipality":
            name = state.resolve(seg, m)
            if name is not None:
                return name
    if (above := state.heading_above(seg.line)) is not None:
        return state.facts.find(above) or None
    return state.topic


def item(state: State, i: int) -> str | None:
    """The body an item names: its body mention when it starts the item, else the item as written."""
    seg = state.segs[i]
    head = _CUT.split(seg.text.strip(), maxsplit=1)[0].strip().rstrip(".;")
    for m in state.mentions(seg.text):
        if m.refers is None and m.kind != "municipality" and not seg.text[: m.start].strip():
            return state.resolve(seg, m)
    words = head.split()
    if not words or len(words) > MAX_ITEM_WORDS or re.search(r"\d", head):
        return None
    name = head if len(words) > 1 and all(w[:1].isupper() for w in words) else head[:1].lower() + head[1:]
    return state.facts.body(name, "unit", seg, "body.sv.list", 0.7)


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


def _duty_item(state: State, intro: int, i: int, names: dict[int, str]) -> None:
    """An item of a duty list: a duty of the introducer's subject, else of the section's body."""
    if intro not in names:
        seg = state.segs[intro]
        first = next((m for m in state.mentions(seg.text) if not seg.text[: m.start].strip()), None)
        org = state.resolve(seg, first) if first is not None else None
        if org is None:
            org = state.section_body(seg.line) or state.topic
        names[intro] = org or ""
    seg = state.segs[i]
    text = seg.text.strip().rstrip(".;")
    if names[intro] and len(text.split()) >= 1:
        state.facts.duty(names[intro], text, seg.start, seg.end, "duty.sv.list-label", 0.65)
