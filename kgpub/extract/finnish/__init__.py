"""Finnish rules: bodies, their parts, heads, duties and sites from Finnish municipal pages.

The page is read segment by segment (``sv_en.segments``: lines, sentences, list items with their
original offsets; a line broken mid-sentence is joined, its span keeping the newline). Each segment's
body mentions are found by morphology (``names``, Voikko base forms), then the rules in ``parts``,
``heads`` and ``duties`` read the constructions around them; ``sites`` reads address and phone lines.
Cookie banners and log-in messages are skipped (``clean``). No rule names a city, person or page.
"""

from __future__ import annotations

import re

from ...model import Extraction
from ...sources import Source
from ..sv_en import Facts, Segment, segments
from .clean import is_noise
from .duties import duties
from .heads import heads
from .names import Mention, mentions
from .parts import parts
from .sites import sites
from .state import State

LANG = "fi"
#: Segments longer than this are not read by the sentence rules (a run-on blob, not prose).
MAX_SEGMENT = 2000


def extract_fi(source: Source) -> Extraction:
    """All facts the Finnish rules find in ``source`` (offsets into ``source.text``)."""
    state = State(Facts(source.meta.id, source.text, LANG), segments(source.text))
    seen: set[str] = set()
    for i, seg in enumerate(state.segs):
        if is_noise(seg.text) or len(seg.text) > MAX_SEGMENT:
            continue
        if seg.text in seen:  # a repeated sentence states its facts once; a repeated heading still opens
            if seg.heading:  # its section again ("Hallinto-osasto" in a menu, then as a heading)
                _heading(state, seg, mentions(seg.text))
            continue
        seen.add(seg.text)
        found = mentions(seg.text)
        before = len(state.recent)
        for m in found:
            strong = m.strong or m.place or state.facts.find(m.name)
            if strong and not m.generic and not _predicate(seg.text, m):
                state.resolve(seg, m, weak=bool(m.place))
        if seg.heading:
            _heading(state, seg, found)
        heads(state, i, found)
        parts(state, i, found)
        duties(state, i, found)
        if len(state.recent) > before:
            state.last_in[i] = state.recent[-1]
    sites(state)
    return state.facts.extraction()


def _heading(state: State, seg: Segment, found: list[Mention]) -> None:
    """A heading that is a body name opens its section. A weak name ("Perusopetus") becomes a body
    only when the section refers to it, so menu and crumb lines name nothing."""
    whole = bool(found) and found[-1].end - found[0].start >= len(seg.text.strip()) - 1
    if not whole or not (len(found) == 1 or found[-1].start == 0):
        return
    m = found[-1]
    if m.strong or state.facts.find(m.name):
        state.section = state.subject = state.resolve(seg, m, weak=True)
        state.pending = None
    elif not m.generic:
        state.section = state.subject = None
        state.pending = (seg, m)


def _predicate(text: str, m: Mention) -> bool:
    """A body word after the copula ("… on … tukipalveluyksikkö") or in the essive ("toimii …
    virastona") describes the subject; it names no body of its own."""
    if m.case == "olento":
        return True
    copula = list(re.finditer(r"\son\s", text[: m.start]))
    return (
        m.case == "nimento"
        and bool(copula)
        and "," not in text[copula[-1].end() : m.start]
        and "alainen" not in text[m.start - 12 : m.start]
    )
