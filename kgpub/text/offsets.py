"""Map positions in cleaned text back to code-point positions in the ORIGINAL text.

Evidence must point into the text as published (``/source/<id>`` and ``#char=a,b``), not into the
cleaned copy the rules read, so cleaning records where every kept character came from. Cleaning only
ever copies runs of original characters (white space may be replaced by a space one-for-one) and
inserts separators between them; an :class:`OffsetMap` is the sorted list of those runs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """``length`` characters at ``clean`` in the cleaned text were copied from ``original``."""

    clean: int
    original: int
    length: int


@dataclass(frozen=True)
class OffsetMap:
    """Cleaned position ↔ original position. Characters cleaning inserted map to the nearest copied one."""

    runs: tuple[Run, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(r.clean for r in self.runs))

    def _run_at(self, pos: int) -> int:
        """Index of the last run starting at or before ``pos`` (−1 when none does)."""
        return bisect_right(self._starts, pos) - 1

    def to_original(self, pos: int) -> int:
        """The original position of cleaned position ``pos`` (an inserted character: the end of the
        run before it)."""
        i = self._run_at(pos)
        if i < 0:
            return self.runs[0].original if self.runs else 0
        run = self.runs[i]
        return run.original + min(pos - run.clean, run.length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering cleaned ``[start, end)``: from the first character's origin to
        just after the last character's origin."""
        if end <= start:
            at = self.to_original(start)
            return at, at
        return self.to_original(start), self.to_original(end - 1) + 1

    def pieces(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """The contiguous parts of cleaned ``[start, end)`` as ``(clean_start, original_start, length)``;
        text that cleaning inserted between runs belongs to no piece."""
        out: list[tuple[int, int, int]] = []
        i = max(self._run_at(start), 0)
        while i < len(self.runs) and self.runs[i].clean < end:
            run = self.runs[i]
            lo, hi = max(start, run.clean), min(end, run.clean + run.length)
            if hi > lo:
                out.append((lo, run.original + lo - run.clean, hi - lo))
            i += 1
        return out


class MapBuilder:
    """Builds a cleaned string and its :class:`OffsetMap` by copying original runs and inserting text."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        """Copy ``original[start:end]`` with each white-space character replaced by one space."""
        if end <= start:
            return
        chunk = self.original[start:end]
        self.parts.append(
            "".join(" " if c.isspace() else c for c in chunk) if _has_odd_space(chunk) else chunk
        )
        last = self.runs[-1] if self.runs else None
        if last and last.clean + last.length == self.length and last.original + last.length == start:
            self.runs[-1] = Run(last.clean, last.original, last.length + end - start)
        else:
            self.runs.append(Run(self.length, start, end - start))
        self.length += end - start

    def insert(self, text: str) -> None:
        """Add text that is not in the original (a separator)."""
        self.parts.append(text)
        self.length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(tuple(self.runs))


def _has_odd_space(chunk: str) -> bool:
    return any(c.isspace() and c != " " for c in chunk)
