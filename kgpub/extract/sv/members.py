"""Swedish member lines: "Name, title, unit" and "Unit, title Name" (member lists, contact cards).

"Pia-Maria Sjöström, Sektordirektör, barn, unga och familjer" and "Affärsverket Borgå lokalservice,
verkställande direktör Annika Malms-Tepponen" state who leads which unit without a verb: a person, a
title that leads (``lexicon.leads``) and the unit it names. The unit is the text after the title (in
the first form) or before it (in the second); with no unit there is no head fact (a title alone heads
nothing we can name).
"""

from __future__ import annotations

import itertools
import re

from ..core.persons import PERSON_RE
from ..core.segments import Segment
from .context import State
from .heads import by_title, generic_title
from .lexicon import is_post, leads, title_base

RULE = "head.sv.member-line"
MAX_WORDS = 14
_TITLE_PERSON = re.compile(
    r"^(?P<title>(?:[a-zåäöA-ZÅÄÖ][\wåäö-]*\s+){0,2}?[\wåäö-]+)\s+(?P<person>" + PERSON_RE.pattern + r")$"
)


def _title(text: str) -> str | None:
    """The base form of a title written as one to three words ending in a post word."""
    words = text.strip().lower().split()
    if not words or len(words) > 3 or not is_post(words[-1]):
        return None
    base = title_base(words[-1])
    if base is None:
        return None
    title = " ".join([*words[:-1], base])
    return title if leads(title) else None


def member_lines(state: State) -> None:
    """Head facts from every short segment written as a member line, and from person cards."""
    for k, seg in enumerate(state.segs):
        if len(seg.text.split()) <= MAX_WORDS and "," in seg.text:
            for cell in _cells(seg):
                _line(state, cell)
        elif len(seg.text.split()) <= MAX_WORDS and (seg.bullet or seg.heading):
            _title_for(state, seg)
        if seg.heading:
            _card(state, k)
        _chair(state, seg)


#: A person card lists the name, then at most this many lines (a party, a role) down to the post line.
CARD_LINES = 3
_PARTY = re.compile(r"(?:parti(?:et)?|förbund(?:et)?)$", re.IGNORECASE)


def _card(state: State, k: int) -> None:
    """A person card: "Owe Sjölund" / "Svenska Folkpartiet" / "Stadsstyrelsens ordförande" — a post
    line naming its body in the genitive and a post that leads it (no deputy: "I viceordförande"),
    with the nearest person line above it (a party name is no person)."""
    seg = state.segs[k]
    text = seg.text.strip()
    found = state.mentions(text)
    first = found[0] if found else None
    if first is None or first.start != 0 or not first.genitive or first.refers is not None:
        return
    title = _title(text[first.end :])
    if title is None or "vice" in title or "biträdande" in title:
        return
    for person in reversed(state.segs[max(0, k - CARD_LINES) : k]):
        name = person.text.strip()
        if not person.heading or seg.line - person.line > CARD_LINES:
            return
        if PERSON_RE.fullmatch(name) and not _PARTY.search(name):
            org = state.resolve(seg, first)
            if org:
                span = Segment(person.start, seg.end, state.facts.text[person.start : seg.end], person.line)
                state.facts.head(org, title, name, span, "head.sv.person-card")
            return


#: Where two table cells were glued together ("… och familjerSofia Svartsjö, Verksamhetsområdesdirektör"):
#: a lower-case letter right before a capitalised person's name and its comma.
_GLUE = re.compile(r"(?<=[a-zåäö])(?=" + PERSON_RE.pattern + r",)")


def _cells(seg: Segment) -> list[Segment]:
    """A member line cut where a flattened two-column table glued the next member's cell onto it."""
    cuts = [0, *(m.start() for m in _GLUE.finditer(seg.text)), len(seg.text)]
    return [
        Segment(seg.start + a, seg.start + b, seg.text[a:b], seg.line, seg.bullet, seg.heading)
        for a, b in itertools.pairwise(cuts)
    ]


#: "Marina Kinnunen (ordf.)", "Anna Berg (S), ordförande": the chair marked in a member list.
_CHAIR = re.compile(
    r"^\s*(?P<person>" + PERSON_RE.pattern + r")\s*(?:\((?:ordf|ordför|ordförande)\.?\)"
    r"|(?:\([^()]{1,30}\)\s*)?,\s*ordförande\s*$)"
)  # "Anna Berg (S), ordförande" too (not "…, vice ordförande")


def _chair(state: State, seg: Segment) -> None:
    """A member marked as chair ("Name (ordf.)") at the start of a line chairs the body of the
    heading right above the list (at most three lines up: "Nämndens sammansättning")."""
    m = _CHAIR.match(seg.text)
    if m is None:
        return
    above = [line for line in state.context if seg.line - 3 <= line < seg.line]
    org = state.context[max(above)] if above else None
    if org:
        state.facts.head(org, "ordförande", m.group("person"), seg, "head.sv.chair-marker")


def _line(state: State, seg: Segment) -> None:
    parts = [p.strip() for p in seg.text.strip().rstrip(".").split(",")]
    if len(parts) < 2:
        return
    if PERSON_RE.fullmatch(parts[0]) and len(parts) >= 3:
        title = _title(parts[1])
        unit = ", ".join(parts[2:]).strip()
        if title and unit and not PERSON_RE.fullmatch(unit):
            _head(state, seg, unit, title, parts[0])
        return
    if len(parts) == 2 and PERSON_RE.fullmatch(parts[0]):
        _name_title(state, seg, parts[0], parts[1])
        return
    last = _TITLE_PERSON.match(parts[-1])
    if last is not None and len(parts) == 2:
        title = _title(last.group("title"))
        if title:
            _head(state, seg, parts[0], title, last.group("person"))


def _name_title(state: State, seg: Segment, person: str, written: str) -> None:
    """ "Berit Högman, Landshövding", "Karin Lund, förvaltningschef" on a body's page: the title names
    the body it leads ("stadsdirektör" → the municipality), or it names none of its own and leads the
    body whose heading the line is under."""
    title = _title(written)
    if title is None or "vice" in title or "biträdande" in title:
        return
    org = by_title(state, seg, title) or (state.section_body(seg.line) if generic_title(title) else None)
    if org:
        state.facts.head(org, title, person, seg, "head.sv.name-comma-title")


_TITLE_FOR = re.compile(
    r"^(?P<title>[A-ZÅÄÖa-zåäö][\wåäö-]*)\s+för\s+(?P<unit>[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,4})\s+"
    r"(?P<person>" + PERSON_RE.pattern + r")$"
)


def _title_for(state: State, seg: Segment) -> None:
    """A member line "Direktör för centralen förvaltningstjänster Marith Kullström": the title, the unit
    after "för" (lower case, as written) and the holder."""
    m = _TITLE_FOR.match(seg.text.strip().rstrip("."))
    title = _title(m.group("title")) if m else None
    if m and title and "vice" not in title:
        _head(state, seg, m.group("unit"), title, m.group("person"))


def _head(state: State, seg: Segment, unit: str, title: str, person: str) -> None:
    if len(unit.split()) > 6 or re.search(r"\d|[a-zåäö][A-ZÅÄÖ]", unit):
        return  # a number, or two cells glued together ("äldre personerTony Pellfolk")
    if unit.split()[-1].lower() in {"i", "för", "av", "och", "med", "till", "på", "samt"}:
        return  # the unit runs on to the next line
    found = [m for m in state.mentions(unit) if m.refers is None]
    if found and found[0].start == 0 and found[0].end >= len(unit) - 1:
        org = state.resolve(seg, found[0])
    else:
        name = (
            unit
            if unit[:1].isupper() and " " in unit and unit.split()[1][:1].isupper()
            else unit[:1].lower() + unit[1:]
        )
        org = state.facts.body(name, "unit", seg, "body.sv.member-line")
    if org:
        state.facts.head(org, title, person, seg, RULE)
