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
    lines = [line for line in state.section if line < seg.line]
    if lines:
        return state.facts.find(state.section[max(lines)]) or None
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
    for block in listed:
        group = next((g for g, under in block.groups.items() if i in under), None)
        if i not in block.items and group is None:
            continue
        if block.role == "duties":
            _duty_item(state, block.intro, i, names)
            return
        if block.intro not in names:
            names[block.intro] = owner(state, block.intro) or ""
        parent = names.get(group, "") if group is not None else names[block.intro]
        child = item(state, i)
        if child is None:
            return
        names[i] = child
        if parent and child != parent and not any(c == child for c, _ in state.facts.part_of):
            state.facts.part(child, parent, "part", state.segs[i], RULE, 0.75)
        return


def _duty_item(state: State, intro: int, i: int, names: dict[int, str]) -> None:
    """An item of a duty list: a duty of the introducer's subject, else of the section's body."""
    if intro not in names:
        seg = state.segs[intro]
        first = next((m for m in state.mentions(seg.text) if not seg.text[: m.start].strip()), None)
        org = state.resolve(seg, first) if first is not None else None
        if org is None:
            lines = [line for line in state.section if line < seg.line]
            org = (state.facts.find(state.section[max(lines)]) if lines else None) or state.topic
        names[intro] = org or ""
    seg = state.segs[i]
    text = seg.text.strip().rstrip(".;")
    if names[intro] and len(text.split()) >= 1:
        state.facts.duty(names[intro], text, seg.start, seg.end, "duty.sv.list-label", 0.65)
