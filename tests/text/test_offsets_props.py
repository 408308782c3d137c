"""Properties of the offset map and segmentation: every span quotes the original exactly.

Evidence is published as ``#char=start,end`` into the text as scraped, so for ANY text — CRLF, lone
CR, U+2028, menus and banners that cleaning drops, combining marks, emoji and other astral code
points, very long lines — every sentence span and every extracted fact's evidence must slice the
original to exactly its quote.
"""

from __future__ import annotations

import itertools

from hypothesis import example, given
from hypothesis import strategies as st

from kgpub.extract import extract
from kgpub.model import Extraction
from kgpub.sources import Source, SourceMeta
from kgpub.text import segment
from kgpub.text.offsets import MapBuilder
from tests.strategies import pages
from tests.text.test_segment import _check as check_document


def _spaced(text: str) -> str:
    """What cleaning may do to copied text: each white-space character becomes one space."""
    return "".join(" " if c.isspace() else c for c in text)


Op = tuple[str, int, int] | tuple[str, str]  # ("copy", start, end) or ("insert", text)


@st.composite
def _edits(draw: st.DrawFn) -> tuple[str, list[Op]]:
    """An original text and the copies (in increasing original order) and insertions that clean it."""
    original = draw(pages(max_lines=8) | st.text(st.characters(codec="utf-8"), max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(original)), max_size=12)))
    ops: list[Op] = []
    for a, b in itertools.pairwise(cuts):
        if draw(st.booleans()):
            ops.append(("copy", a, b))
        if draw(st.booleans()):
            ops.append(("insert", draw(st.sampled_from([" ", "\n", " | ", ""]))))
    return original, ops


@given(_edits())
def test_every_copied_character_maps_back_to_itself(edits: tuple[str, list[Op]]) -> None:
    original, ops = edits
    builder = MapBuilder(original)
    copied: list[tuple[int, int, int]] = []  # (clean start, original start, length)
    for op in ops:
        if op[0] == "copy":
            _, a, b = op
            copied.append((builder.length, a, b - a))
            builder.copy(a, b)
        else:
            builder.insert(op[1])
    cleaned, offsets = builder.build()
    assert len(cleaned) == builder.length
    for clean_at, orig_at, n in copied:
        assert cleaned[clean_at : clean_at + n] == _spaced(original[orig_at : orig_at + n])
        for i in range(n):
            assert offsets.to_original(clean_at + i) == orig_at + i
        if n:
            start, end = offsets.span(clean_at, clean_at + n)
            assert original[start:end] == original[orig_at : orig_at + n]
    # pieces of the whole cleaned text are exactly the copied runs (merged where they touch)
    pieces = offsets.pieces(0, len(cleaned))
    assert sum(n for _, _, n in pieces) == sum(n for _, _, n in copied)
    for clean_at, orig_at, n in pieces:
        assert cleaned[clean_at : clean_at + n] == _spaced(original[orig_at : orig_at + n])
    # a span across runs starts at the first copied character and ends after the last one
    if pieces:
        start, end = offsets.span(pieces[0][0], pieces[-1][0] + pieces[-1][2])
        assert (start, end) == (pieces[0][1], pieces[-1][1] + pieces[-1][2])


@given(pages())
@example("Osasto.\r\nToinen lause.\r\n")
@example("Hallinto-osasto huolehtii\r\nkoordinoinnista. 😀 Sisa\u0308inen tarkastus.\u2028Uusi rivi")
@example("Etusivu > Kaupunki > Organisaatio\nValikko\nKaupunginkanslia on virasto.")
def test_every_sentence_is_an_exact_slice_of_the_page(text: str) -> None:
    doc = segment(text)
    check_document(doc)
    for sentence in doc.sentences:
        quote = text[sentence.start : sentence.end]
        assert _spaced(quote) == sentence.text
        assert sentence.span(0, len(sentence.text)) == (sentence.start, sentence.end)


def _facts(ex: Extraction) -> list[object]:
    return [*ex.bodies, *ex.part_of, *ex.heads, *ex.duties, *ex.sites]


def assert_exact_evidence(text: str, ex: Extraction) -> None:
    """Every fact's evidence is a non-empty slice of ``text`` equal to its quote."""
    for fact in _facts(ex):
        ev = fact.evidence  # type: ignore[attr-defined]
        assert 0 <= ev.start < ev.end <= len(text), fact
        assert text[ev.start : ev.end] == ev.quote, fact


@given(pages(), st.sampled_from(["fi", "sv", "en", "und"]))
@example(
    "Kaupunginkanslia\r\n\r\nKaupunginkansliassa on kuusi osastoa: elinkeino-osasto, hallinto-osasto ja"
    "\r\nviestintäosasto.\r\nOsastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva. 😀\r\n",
    "fi",
)
def test_every_extracted_fact_quotes_the_page_exactly(text: str, language: str) -> None:
    source = Source(SourceMeta("prop", "prop", "p", "helsinki", language, "unknown", "unknown"), text)
    assert_exact_evidence(text, extract(source))
