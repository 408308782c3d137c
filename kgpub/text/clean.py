"""Clean scraped page text into blocks the rules can read, remembering where every character came from.

What cleaning does, and why:

* drops web noise — cookie and feedback banners, login errors, menu and breadcrumb lines
  (``noise.py``) — so that "Toiminnon käyttämiseksi vaaditaan, että hyväksyt sivuston evästeet" never
  becomes a duty or a body;
* drops a sentence the page already said (pages repeat their lead paragraph; seed 000 states
  "Kaupunginkansliassa on kuusi osastoa…" twice): the first occurrence is the evidence;
* joins a line broken mid-sentence ("…hankkeiden\\nkoordinoinnista…": a line without final
  punctuation followed directly by a lower-case continuation) — the evidence of the joined sentence is
  the exact original slice, newline included;
* keeps headings as blocks of their own (a short line without final punctuation followed by a blank
  line, or the first line of the page): a section heading names the body its paragraphs talk about;
* separates list items (a bullet or number at line start, "•" inside a line).

Only white space is ever changed inside a kept sentence (each white-space character becomes one
space), so a cleaned sentence has exactly the length of its original slice. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .noise import is_nav_line, is_noise_sentence
from .offsets import MapBuilder, OffsetMap
from .sentences import sentence_bounds

BlockKind = Literal["heading", "line", "paragraph", "item"]

_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣⁃*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))[ \t]*")
_INLINE_BULLET = re.compile(r"\s[•▪◦‣]\s|\s\*\s")
_TRAILING_BULLET = re.compile(r"\s[•▪◦‣*]$")
_FINAL_PUNCT = re.compile(r"[.!?:;,…]\s*$")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_LOWER_START = re.compile(r"\s*[a-zåäöüé]")
#: A lower-case line that is contact data, not a continuation: "p. 040 763 2303", "puh. …", an e-mail.
_CONTACT_START = re.compile(r"\s*(?:[a-zåäö]{1,4}\.?\s*[+\d(]|puh|tel|[^\s@]{1,64}@)")
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 120
MIN_REPEAT_WORDS = 4


@dataclass(frozen=True)
class CleanBlock:
    """A heading, line, paragraph or list item: cleaned ``[start, end)`` and its sentences (cleaned spans).

    ``para`` counts blank-line separated groups, so blocks with the same ``para`` were adjacent lines.
    """

    kind: BlockKind
    start: int
    end: int
    para: int
    sentences: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class CleanText:
    """The cleaned text (one block per line), its map to the original, and its blocks."""

    original: str
    text: str
    offsets: OffsetMap
    blocks: tuple[CleanBlock, ...]


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    para: int
    blank_after: bool
    first: bool


_TERMINATORS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _physical_lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every line, its terminator (``\\n``, ``\\r\\n``, …) excluded."""
    pos = 0
    for chunk in text.splitlines(keepends=True):
        yield pos, pos + len(chunk.rstrip(_TERMINATORS))
        pos += len(chunk)


def _content_lines(text: str) -> list[_Line]:
    """Non-blank, non-navigation lines with their paragraph number and whether a blank line follows."""
    out: list[_Line] = []
    para = 0
    for start, end in _physical_lines(text):
        line = text[start:end]
        if not line.strip():
            if out and not out[-1].blank_after:
                para += 1
                last = out[-1]
                out[-1] = _Line(last.start, last.end, last.para, True, last.first)
            continue
        if not is_nav_line(line):
            out.append(_Line(start, end, para, False, not out))
    if out:
        last = out[-1]
        out[-1] = _Line(last.start, last.end, last.para, True, last.first)
    return out


#: A line that opens with a short capitalised name ending a sentence ("Ari Aaltonen. …").
_NAME_ENDS_SENTENCE = re.compile(r"^[A-ZÅÄÖ][\w-]+(?:\s[A-ZÅÄÖ][\w-]+){1,2}\.(?:\s|$)")


def _joins(text: str, prev: _Line, line: _Line) -> bool:
    """A line broken mid-sentence: no final punctuation, no blank line, lower-case continuation."""
    before = text[prev.start : prev.end]
    after = text[line.start : line.end]
    continues = bool(_LOWER_START.match(after)) or (
        len(before.split()) >= 4
        and before.rstrip()[-1:].islower()
        and not any(ch.isdigit() for ch in before)
        and bool(_NAME_ENDS_SENTENCE.match(after))
    )  # "… johtaa kunnanjohtaja" / "Ari Aaltonen. Sivistyspalveluita …": a name ends the broken sentence
    return (
        not prev.blank_after
        and not _SENTENCE_END.search(before)
        and continues
        and not _CONTACT_START.match(after)
        and not _BULLET.match(after)
    )


def _logical_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    for line in _content_lines(text):
        if out and _joins(text, out[-1], line):
            prev = out[-1]
            out[-1] = _Line(prev.start, line.end, prev.para, line.blank_after, prev.first)
        else:
            out.append(line)
    return out


def _pieces(text: str, line: _Line) -> Iterator[tuple[int, int, bool]]:
    """The line cut at inline bullets: ``(start, end, is_item)`` with bullet markers left out."""
    s, e = line.start, line.end
    cuts = [m.start() + 1 for m in _INLINE_BULLET.finditer(text, s, e)]
    bounds = [s, *cuts, e]
    for i in range(len(bounds) - 1):
        a, b = bounds[i], bounds[i + 1]
        lead = _BULLET.match(text, a, b)
        item = bool(lead) or i > 0
        if lead:
            a = lead.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if _TRAILING_BULLET.search(text, a, b):
            b -= 2
        if b > a:
            yield a, b, item


def _kind(text: str, start: int, end: int, line: _Line, item: bool) -> BlockKind:
    if item:
        return "item"
    piece = text[start:end]
    if _FINAL_PUNCT.search(piece) or len(piece) > MAX_HEADING_CHARS or len(piece.split()) > MAX_HEADING_WORDS:
        return "paragraph"
    return "heading" if line.blank_after or line.first else "line"


#: The longest line an introducer's list takes as an item without a bullet marker.
MAX_UNMARKED_ITEM_WORDS = 20
#: What an unmarked item does not end with: a sentence (prose after a colon is prose) or an introducer.
_NOT_AN_ITEM_END = re.compile(r"[.!?:…]\s*$")


def _unmarked_items(text: str, lines: list[_Line], pieces: list[list[tuple[int, int, bool]]]) -> set[int]:
    """The lines that are list items although the page (or its conversion to text) lost the markers.

    Only on a page with no marker at all (a page that marks its items marks them all): after a line
    ending with a colon ("Osastot ovat:", "Nämnder:"), a block of two or more lines that a blank line
    (or the end of the text) closes, each a short name-like line — one sentence, no final full stop, no
    digits (an address, a phone), not a contact line — is that list's items. One line after a colon is
    a value, not a list; lines that run on into prose are no separate list. ``pieces``: each line's
    :func:`_pieces`.
    """
    if any(item for line in pieces for _s, _e, item in line):
        return set()
    found: set[int] = set()
    n = 0
    while n < len(lines):
        last = text[pieces[n][-1][0] : pieces[n][-1][1]].rstrip() if pieces[n] else ""
        n += 1
        if not last.endswith(":"):
            continue
        run: list[int] = []
        closed = False
        while n < len(lines) and len(pieces[n]) == 1 and _name_like(text, *pieces[n][0][:2]):
            run.append(n)
            n += 1
            if lines[run[-1]].blank_after or n == len(lines):
                closed = True
                break
        if len(run) >= 2 and closed:
            found.update(run)
    return found


def _name_like(text: str, start: int, end: int) -> bool:
    body = text[start:end]
    return (
        len(body.split()) <= MAX_UNMARKED_ITEM_WORDS
        and not _NOT_AN_ITEM_END.search(body)
        and not any(ch.isdigit() for ch in body)
        and not _CONTACT_START.match(body)
        and len(sentence_bounds(body)) == 1
    )


def _key(sentence: str) -> str:
    return " ".join(sentence.casefold().split())


def clean(text: str) -> CleanText:
    """Cleaned blocks of ``text`` with the map back to it; never raises on any string."""
    builder = MapBuilder(text)
    blocks: list[CleanBlock] = []
    seen: set[str] = set()
    lines = _logical_lines(text)
    pieces = [list(_pieces(text, line)) for line in lines]
    unmarked = _unmarked_items(text, lines, pieces)
    for n, (line, parts) in enumerate(zip(lines, pieces, strict=True)):
        for start, end, item in parts:
            kind = _kind(text, start, end, line, item or n in unmarked)
            spans: list[tuple[int, int]] = []
            block_start = builder.length
            for s, e in sentence_bounds(text[start:end]):
                sentence = text[start + s : start + e]
                if is_noise_sentence(sentence) or not any(c.isalnum() for c in sentence):
                    continue
                key = _key(sentence)
                if len(key.split()) >= MIN_REPEAT_WORDS:
                    if key in seen:
                        continue
                    seen.add(key)
                if spans:
                    builder.insert(" ")
                begin = builder.length
                builder.copy(start + s, start + e)
                spans.append((begin, builder.length))
            if spans:
                blocks.append(CleanBlock(kind, block_start, builder.length, line.para, tuple(spans)))
                builder.insert("\n")
    cleaned, offsets = builder.build()
    return CleanText(text, cleaned, offsets, tuple(blocks))
