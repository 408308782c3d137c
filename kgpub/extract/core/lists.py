"""The page-structure list reader every language shares: an introducer and the list it opens.

A page states a list in its layout rather than in a sentence: a heading ("Osastot", "Units"), a
label line or a colon sentence ("Opetus- ja kulttuuriministeriössä on:", "Nämndens uppgifter är:")
is followed by bullets, dashes, numbers or one name per line, and sometimes by group headings each
with bullets of its own ("Uudet toimialat ja palvelualueet ovat:" / "Kaupunkiympäristö" / "• Kadut ja
puistot" …). This module finds that layout once, for all languages; a language pack says what an
introducer announces (:data:`Role`: parts, duties or heads — from the class noun it contains) and
reads the items' names and the owner in its own grammar.

The reader looks only at layout (segment kinds and text), so it is linear in the number of segments
and cannot hang on a large page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

Role = Literal["parts", "duties", "heads"]
Kind = Literal["heading", "line", "paragraph", "item"]

#: A list item or a name line longer than this (in words) is prose, not a name.
MAX_NAME_WORDS = 8
#: A list is this long at most (a runaway list on a 1 MB page stops here).
MAX_ITEMS = 60


class Segmentish(Protocol):
    """What the reader needs of a segment: its text and its layout kind."""

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class ListBlock:
    """One introduced list: ``intro`` and ``items`` are indices into the segment sequence.

    ``groups`` maps an item that is a group heading to the bullets under it ("Kaupunkiympäristö" /
    "• Kiinteistöt ja tilat"): the group heading is an item of the list, its bullets items of it.
    """

    intro: int
    role: Role
    items: tuple[int, ...]
    groups: dict[int, tuple[int, ...]] = field(default_factory=dict)


def opens_list(text: str) -> bool:
    """An introducer ends in a colon, or is a heading or label with no final punctuation."""
    stripped = text.rstrip()
    return stripped.endswith(":") or not re.search(r"[.!?;,]$", stripped)


def name_like(text: str) -> bool:
    """A short segment with no sentence punctuation inside: a name on its own line."""
    stripped = text.strip().rstrip(".;,")
    return (
        0 < len(stripped.split()) <= MAX_NAME_WORDS
        and not re.search(r"[.!?:]\s", stripped)
        and not re.search(r"\d", stripped)  # an address or a phone line is no name
    )


_MARKED = re.compile(r"^\s*(?:\d{1,2}|[a-z])\)\s*\S|[;]\s*(?:sekä|ja|och|samt|and|or|tai)?\s*$")


def item_kinds(segments: Sequence[Segmentish], kinds: Sequence[Kind]) -> list[Kind]:
    """Kinds with statute-style items made items: "1)yleinen osasto;", "b) …", a line ending in ";"
    or "; sekä" — list items the segmenter read as paragraphs or headings."""
    return [
        "item" if k != "item" and _MARKED.search(s.text) else k for s, k in zip(segments, kinds, strict=True)
    ]


def list_blocks(
    segments: Sequence[Segmentish],
    kinds: Sequence[Kind],
    role_of: Callable[[int], Role | None],
) -> list[ListBlock]:
    """Every introduced list of a page.

    ``kinds[i]`` is the layout kind of ``segments[i]``; ``role_of(i)`` is the language pack's
    judgement of segment ``i`` as an introducer (None: it introduces nothing). An introducer must
    end in a colon or be a heading/label line, and be followed directly by items: bullets, name
    lines, or group headings with bullets under them. A colon sentence followed by prose opens
    nothing (its items, if any, are inline and read by the sentence rules).
    """
    kinds = item_kinds(segments, kinds)
    blocks: list[ListBlock] = []
    n = len(segments)
    i = 0
    while i < n:
        if kinds[i] == "item" or not opens_list(segments[i].text):
            i += 1
            continue
        role = role_of(i)
        if role is None:
            i += 1
            continue
        block = _read_list(segments, kinds, i, role)
        if block is not None:
            blocks.append(block)
            i = max([block.items[-1], *(g[-1] for g in block.groups.values() if g)]) + 1
        else:
            i += 1
    return blocks


def _read_list(
    segments: Sequence[Segmentish], kinds: Sequence[Kind], intro: int, role: Role
) -> ListBlock | None:
    colon = segments[intro].text.rstrip().endswith(":")
    items: list[int] = []
    groups: dict[int, tuple[int, ...]] = {}
    j = intro + 1
    n = len(segments)
    while j < n and len(items) < MAX_ITEMS:
        kind, text = kinds[j], segments[j].text
        if role == "heads" and label_line(text):
            items.append(j)  # "Body: Person" lines, bulleted or not
            j += 1
            continue
        if kind == "item":
            items.append(j)
            j += 1
            continue
        if kind in {"heading", "line"} and name_like(text) and not text.rstrip().endswith(":"):
            under = _bullets(kinds, j + 1)
            if under and role == "parts":
                items.append(j)
                groups[j] = tuple(under)
                j = under[-1] + 1
                continue
            bulleted = any(kinds[k] == "item" for k in items)
            if not bulleted and (
                kind == "line" or (colon and not under and _next_is_name(segments, kinds, j))
            ):
                items.append(j)  # one name per line (a heading after bullets starts something else)
                j += 1
                continue
        break
    if not items:
        return None
    return ListBlock(intro, role, tuple(items), groups)


def label_line(text: str) -> bool:
    """ "Uudenmaan elinvoimakeskus: Petri Knaapinen", "Director of Finance: Jane Smith": a short
    label, one colon, a short value — an item of a list of heads."""
    label, sep, value = text.strip().partition(":")
    return (
        bool(sep)
        and 0 < len(label.split()) <= MAX_NAME_WORDS
        and 0 < len(value.split()) <= 5
        and ":" not in value
        and not re.search(r"[.!?]$", value.strip())
    )


def _bullets(kinds: Sequence[Kind], start: int) -> list[int]:
    out: list[int] = []
    k = start
    while k < len(kinds) and kinds[k] == "item" and len(out) < MAX_ITEMS:
        out.append(k)
        k += 1
    return out


def _next_is_name(segments: Sequence[Segmentish], kinds: Sequence[Kind], j: int) -> bool:
    """A heading-like name right after a colon is an item when another name or the end follows."""
    nxt = j + 1
    return nxt >= len(segments) or (kinds[nxt] in {"heading", "line"} and name_like(segments[nxt].text))
