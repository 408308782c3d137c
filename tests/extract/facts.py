"""What the language packs' tests share: run a pack's extractor on a text with every evidence span
checked against it, and read the facts as plain sets."""

from __future__ import annotations

from collections.abc import Callable

from kgpub.model import Extraction
from kgpub.sources import Source, SourceMeta


def run_checked(extract: Callable[[Source], Extraction], language: str, text: str) -> Extraction:
    """``extract`` on ``text``; every fact's evidence quotes ``text`` exactly and is trimmed."""
    meta = SourceMeta(f"test-{language}", "test", "test", "test", language, "unknown", "unknown")
    extraction = extract(Source(meta, text))
    for fact in (
        *extraction.bodies,
        *extraction.part_of,
        *extraction.heads,
        *extraction.duties,
        *extraction.sites,
    ):
        ev = fact.evidence
        assert text[ev.start : ev.end] == ev.quote, fact
        assert ev.quote.strip() == ev.quote and ev.quote
    return extraction


def names(e: Extraction) -> set[str]:
    return {b.name for b in e.bodies}


def duties(e: Extraction) -> set[tuple[str, str]]:
    return {(d.org, d.text) for d in e.duties}


def parts(e: Extraction) -> set[tuple[str, str, str]]:
    return {(p.child, p.parent, p.relation) for p in e.part_of}


def heads(e: Extraction) -> set[tuple[str, str, str | None]]:
    return {(h.org, h.title, h.person) for h in e.heads}
