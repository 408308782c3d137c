"""Run the Finnish rules on a snippet of real text and check every fact's evidence span."""

from __future__ import annotations

from collections.abc import Callable

from kgpub.extract.fi import extract_fi
from kgpub.model import Extraction
from kgpub.sources import Source, SourceMeta

Run = Callable[[str], Extraction]


def run_fi(text: str) -> Extraction:
    meta = SourceMeta("snippet", "snippet", "kgpub tests", "unknown", "fi", "unknown", "unknown")
    ex = extract_fi(Source(meta=meta, text=text))
    for fact in (*ex.bodies, *ex.part_of, *ex.heads, *ex.duties, *ex.sites):
        ev = fact.evidence
        assert text[ev.start : ev.end] == ev.quote, fact
        assert ev.quote == ev.quote.strip() and ev.quote, fact
    return ex


def names(ex: Extraction) -> set[str]:
    return {b.name for b in ex.bodies}


def parts(ex: Extraction) -> set[tuple[str, str]]:
    return {(p.child, p.parent) for p in ex.part_of}


def heads(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(h.org, h.title, h.person) for h in ex.heads}


def duties(ex: Extraction) -> set[tuple[str, str]]:
    return {(d.org, d.text) for d in ex.duties}
