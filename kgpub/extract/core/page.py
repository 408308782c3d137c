"""What a pack that reads a page one segment at a time remembers while it reads (Swedish, English).

:class:`PageState` holds the facts so far, the page's segments, the body each head noun last referred
to ("nämnden", "the division"), the page's own body and the body each heading opens; a pack's state
adds what its own grammar needs. :func:`segment_lists` finds the page's introduced lists (:mod:`.lists`)
and :func:`read_list_item` records an item as a part of the list's owner or of its group heading — the
same for every pack, which says only what an introducer announces, who owns a list and what body an
item names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .facts import Facts
from .lists import Kind, ListBlock, Role, list_blocks
from .segments import Segment


@dataclass
class PageState:
    """One page being read: the facts so far and what references and headings point to."""

    facts: Facts
    segs: list[Segment]
    last: dict[str, str] = field(default_factory=dict)  # head noun → the body it last named
    topic: str | None = None  # the page's own body
    section: dict[int, str] = field(default_factory=dict)  # heading line → the body it names

    def heading_above(self, line: int, *, inclusive: bool = False) -> str | None:
        """The name the nearest heading above ``line`` gives (at ``line`` too when ``inclusive``: a
        label line under its heading); None when no heading above names a body."""
        lines = [n for n in self.section if n < line or (inclusive and n == line)]
        return self.section[max(lines)] if lines else None

    def section_body(self, line: int, *, inclusive: bool = False) -> str | None:
        """The recorded body the nearest heading above ``line`` names, if any."""
        above = self.heading_above(line, inclusive=inclusive)
        return self.facts.find(above) if above is not None else None


def segment_lists(segs: list[Segment], role: Callable[[Segment], Role | None]) -> list[ListBlock]:
    """The page's introduced lists (:func:`.lists.list_blocks`) over segments: a bullet is an item, a
    whole short line a heading, anything else a paragraph; ``role`` is the pack's reading of an
    introducer."""
    kinds: list[Kind] = ["item" if s.bullet else "heading" if s.heading else "paragraph" for s in segs]
    return list_blocks(segs, kinds, lambda i: role(segs[i]))


def list_of(blocks: Sequence[ListBlock], i: int) -> tuple[ListBlock, int | None] | None:
    """The introduced list segment ``i`` is an item of, and the group heading it sits under (None:
    directly under the introducer); None when it is no list item."""
    for block in blocks:
        group = next((g for g, under in block.groups.items() if i in under), None)
        if i in block.items or group is not None:
            return block, group
    return None


def read_list_item(
    state: PageState,
    block: ListBlock,
    group: int | None,
    i: int,
    names: dict[int, str],
    owner: Callable[[int], str | None],
    item: Callable[[int], str | None],
    rule: str,
) -> None:
    """Record item ``i`` as a part of the list's owner (or of its group heading), unless a sentence
    rule already gave it a parent. ``names`` remembers each introducer's owner and each item's body
    (a group heading owns the bullets under it); ``owner`` and ``item`` are the pack's readings."""
    if block.intro not in names:
        names[block.intro] = owner(block.intro) or ""
    parent = names.get(group, "") if group is not None else names[block.intro]
    child = item(i)
    if child is None:
        return
    names[i] = child
    if parent and child != parent and not any(c == child for c, _ in state.facts.part_of):
        state.facts.part(child, parent, "part", state.segs[i], rule)
