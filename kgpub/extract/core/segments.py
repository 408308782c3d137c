"""The segments rules read: the sentences, headings and list items of a page, cut by :mod:`kgpub.text`."""

from __future__ import annotations

from dataclasses import dataclass

from ...text import segment


@dataclass(frozen=True)
class Segment:
    """A sentence, heading or list item: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    line: int
    bullet: bool = False
    heading: bool = False


def segments(text: str) -> list[Segment]:
    """The page's sentences, headings and list items as :mod:`kgpub.text` cuts them.

    Swedish and English read the same cleaned page as Finnish: cookie, login and menu lines are gone,
    a sentence broken over two lines is one, a repeated sentence is read once, "•" items inside a line
    stand alone. ``line`` is the block (logical line) a segment comes from; a segment is a heading when
    it is a whole short line without final punctuation. ``text`` is the cleaned sentence (white space
    one-for-one), so ``original[start:end]`` is its exact evidence.
    """
    out: list[Segment] = []
    for index, block in enumerate(segment(text).blocks):
        whole = len(block.sentences) == 1
        for sentence in block.sentences:
            out.append(
                Segment(
                    sentence.start,
                    sentence.end,
                    sentence.text,
                    index,
                    bullet=block.kind == "item",
                    heading=whole and block.kind in ("heading", "line"),
                )
            )
    return out
