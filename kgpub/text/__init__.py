"""Text preparation: clean scraped pages, map cleaned positions to original ones, cut sentences.

``segment(text) -> Document`` is the entry point the extractors use; every :class:`Sentence` it
returns carries its span in the ORIGINAL text, so evidence quotes are exact slices of what was
published.
"""

from __future__ import annotations

from .clean import BlockKind, CleanBlock, CleanText, clean
from .offsets import OffsetMap, Run
from .segment import Block, Document, Sentence, segment
from .sentences import sentence_bounds

__all__ = [
    "Block",
    "BlockKind",
    "CleanBlock",
    "CleanText",
    "Document",
    "OffsetMap",
    "Run",
    "Sentence",
    "clean",
    "segment",
    "sentence_bounds",
]
