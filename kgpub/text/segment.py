"""Headings, lines, paragraphs, list items and sentences of a page, with spans in the ORIGINAL text.

The rules read :class:`Sentence` objects: ``text`` is what to match (white space normalised one
character for one), ``start``/``end`` are code-point offsets into the text as published, and
``original[start:end]`` is the exact evidence quote — including the newline of a line that cleaning
joined. Because ``len(text) == end - start``, a match at ``text[i:j]`` is evidence at
``(start + i, start + j)``. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clean import BlockKind, CleanText, clean


@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading, line, list item) with its original span."""

    text: str
    start: int
    end: int
    block: int
    kind: BlockKind

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The original span of ``self.text[i:j]``."""
        return self.start + i, self.start + j


@dataclass(frozen=True)
class Block:
    """A heading, line, paragraph or list item; ``para`` groups lines not separated by a blank line."""

    kind: BlockKind
    start: int
    end: int
    para: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Document:
    """A segmented page: the original text, its blocks, and every sentence in reading order."""

    text: str
    blocks: tuple[Block, ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for b in self.blocks for s in b.sentences)


def _sentences(cleaned: CleanText, index: int) -> tuple[Sentence, ...]:
    block = cleaned.blocks[index]
    out = []
    for start, end in block.sentences:
        for clean_start, original, length in cleaned.offsets.pieces(start, end):
            text = cleaned.text[clean_start : clean_start + length]
            out.append(Sentence(text, original, original + length, index, block.kind))
    return tuple(out)


def segment(text: str) -> Document:
    """Clean ``text`` and cut it into blocks and sentences with original spans."""
    return from_clean(clean(text))


def from_clean(cleaned: CleanText) -> Document:
    """The :class:`Document` of an already cleaned text."""
    blocks = []
    for i, b in enumerate(cleaned.blocks):
        start, end = cleaned.offsets.span(b.start, b.end)
        blocks.append(Block(b.kind, start, end, b.para, _sentences(cleaned, i)))
    return Document(cleaned.original, tuple(blocks))
