"""English rules: bodies, their parts, heads and duties from English municipal pages.

Each rule reads one segment (sentence, heading or list item) and names the construction it relies on:

* duties — "<Body> is responsible for / is tasked with / is in charge of …", "<Body> guides,
  supervises and supports …" (a duty verb right after the body), and "<Body> is responsible for"
  followed by a bulleted list (one duty per item);
* parts — "<Body> is made up of / consists of / is divided into / comprises …: a, b and c", "<Body>
  has, directly subordinate to …, a, b and c", "There are seven units …: a, b, c" (the page's body),
  "Within <body> there operate a and b", and "<Body> is part of / belongs to / is subordinate to
  / reports to <Body>";
* heads — "<Title>, Mr <Name>, is the head of <Body>", "<Body> is headed/led/managed by <title>
  <Name>", "The head of <Body> is …", a title line followed by the holder's name.

No rule names a city, person or page; names come from the text (see ``en_names``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..model import Extraction
from ..sources import Source
from . import en_names as names
from .en_names import Mention
from .sv_en import HONORIFIC, PERSON, Facts, Segment, person_line, segments, split_list

LANG = "en"

_ADVERBS = r"(?:(?:also|primarily|mainly|chiefly|additionally|jointly|directly)\s+)?"
_VERBS = (
    r"guide|supervise|support|coordinate|manage|provide|prepare|produce|offer|develop|lead|direct|steer|"
    r"monitor|promote|plan|maintain|ensure|administer|organi[sz]e|implement|execute|oversee|handle|"
    r"control|represent|assist|arrange|process|draft|approve|appoint|elect|exercise|decide|serve"
)
_COPULA = re.compile(
    r"(?:is|are)\s+" + _ADVERBS + r"(?:responsible\s+for|tasked\s+with|in\s+charge\s+of|charged\s+with)\s*"
    r"|(?:has|have)\s+(?:the\s+)?(?:task|duty|responsibility)\s+(?:of|to)\s+",
    re.IGNORECASE,
)
_FINITE = re.compile(
    r"(?:(?:" + _VERBS + r")(?:e?s)?|takes?\s+care\s+of|looks?\s+after|deals?\s+with|carr(?:y|ies)\s+out)\b",
    re.IGNORECASE,
)
_GAP = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*which\s[^,]*,\s*)?" + _ADVERBS, re.IGNORECASE)
_LEAD = re.compile(
    r"^\s*(?:(?:In addition|Additionally|Also|Furthermore|Moreover)\s*,?\s*)?(?:The\s+)?$", re.I
)
_LIST_ONLY = re.compile(r"^(?:the\s+following|among\s+other\s+things|e\.g\.|for\s+example)?\s*:?$", re.I)

_COUNT = r"(?:the\s+following|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_UNIT_NOUN = (
    r"(?:[a-z-]+\s+){0,2}(?:units?|divisions?|departments?|sections?|teams?|areas?|offices?|agencies|"
    r"sectors?|committees?|boards?|services|bodies|groups?)"
)
_ENUM = re.compile(
    r"\s*(?:(?:is|are)\s+(?:made\s+up\s+of|divided\s+into|composed\s+of|comprised\s+of|organi[sz]ed\s+into|"
    r"split\s+into)|consists?\s+of|comprises?|includes?|encompass(?:es)?|(?P<has>has|have))"
    r"(?P<aside>\s*,\s*(?:directly\s+)?subordinated?\s+to\s+[^,]+,)?"
    r"\s+(?:(?P<count>" + _COUNT + r")\s+(?P<noun>" + _UNIT_NOUN + r")?)?\s*(?P<colon>:)?\s*",
    re.IGNORECASE,
)
_THERE = re.compile(
    r"^\s*There\s+(?:are|is)\s+(?:also\s+)?(?P<count>" + _COUNT + r")?\s*(?P<noun>" + _UNIT_NOUN + r")"
    r"(?P<intro>[^:]*):\s*",
)
_WITHIN = re.compile(
    r"^\s*(?:(?:Additionally|In addition|Also)\s*,\s*)?(?:within|in|under)\s+(?:the\s+)?$", re.I
)
_OPERATE = re.compile(r"\s*there\s+(?:operates?|is|are|works?)\s+", re.IGNORECASE)
_RELATION = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:(?P<sub>(?:is|are)\s+(?:directly\s+)?subordinated?\s+to|reports?\s+to|"
    r"operates?\s+under|works?\s+under|(?:is|are)\s+under)|(?P<part>(?:is|are)\s+(?:a\s+)?part\s+of|"
    r"belongs?\s+to|(?:is|are)\s+(?:a|an)\s+\w+\s+(?:of|within)|falls?\s+under))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HEAD_BY = re.compile(r"\s*(?:is|are)\s+(?:headed|led|managed|directed|chaired)\s+by\s+(?:the\s+)?", re.I)
_IS_HEAD = re.compile(
    r"^\s*,?\s*(?:is|was)\s+(?:the\s+)?(?:head|leader|director|chair)\s+(?:of\s+)?(?:the\s+)?$"
)
_HEAD_OF = re.compile(r"^\s*(?:The\s+)?(?:head|director|chair)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_TITLE_PERSON = re.compile(
    r"(?P<title>(?:[A-Z][a-z]+\s+){0,4}(?:" + "|".join(p.capitalize() for p in names.POSTS) + r"))"
    r"\s*,?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<person>" + PERSON + r")"
)


@dataclass
class State:
    """One text being read: the facts so far and what "the division" refers to."""

    facts: Facts
    segs: list[Segment]
    last: dict[str, str] = field(default_factory=dict)
    topic: str | None = None


def extract_en(source: Source) -> Extraction:
    """All facts the English rules find in ``source`` (offsets into ``source.text``)."""
    state = State(Facts(source.meta.id, source.text, LANG), segments(source.text))
    for i, seg in enumerate(state.segs):
        found = _register(state, seg)
        _duties(state, i, found)
        _parts(state, i, found)
        _heads(state, i, found)
    return state.facts.extraction()


# --- bodies -------------------------------------------------------------------------------------------


def _resolve(state: State, seg: Segment, m: Mention) -> str | None:
    """The body a mention names: itself, or the body a reference ("the division") points back to."""
    if m.post:
        return None
    if m.refers is not None:
        return state.last.get(m.refers)
    name = state.facts.body(m.name, m.kind, seg, "body.en.name", 0.7)
    state.last[names.head_word(m.name.split()[-1])] = name
    for head, kind in names.STRONG.items():
        if kind == m.kind:
            state.last.setdefault(head, name)
    return name


def _register(state: State, seg: Segment) -> list[Mention]:
    found = names.mentions(seg.text)
    for m in found:
        _resolve(state, seg, m)
    text = seg.text.strip()
    if seg.heading and state.topic is None and len(text.split()) <= 6 and names.body_kind(text.title()):
        state.topic = text
    return found


def _topic(state: State, seg: Segment) -> str | None:
    """The body the page is about (its first heading that names one), recorded on first use."""
    if state.topic is None:
        return None
    known = state.facts.find(state.topic)
    return known or state.facts.body(
        state.topic, names.body_kind(state.topic.title()) or "unit", seg, "body.en.heading", 0.6
    )


# --- duties -------------------------------------------------------------------------------------------


def _subject(seg: Segment, found: list[Mention]) -> Mention | None:
    if not found or found[0].post or not _LEAD.match(seg.text[: found[0].start]):
        return None
    return found[0]


def _duties(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    subject = _subject(seg, found)
    if subject is None:
        return
    at = _GAP.match(seg.text, subject.end).end()  # type: ignore[union-attr]
    copula, finite = _COPULA.match(seg.text, at), _FINITE.match(seg.text, at)
    cue = copula or finite
    org = _resolve(state, seg, subject) if cue else None
    if cue is None or org is None:
        return
    if _LIST_ONLY.match(seg.text[cue.end() :].strip()):
        for item in _items_after(state.segs, i):
            state.facts.duty(org, item.text, item.start, item.end, "duty.en.list", 0.75)
        return
    text = seg.text[cue.end() :] if copula else seg.text[cue.start() :]
    rule = "duty.en.responsible" if copula else "duty.en.verb"
    state.facts.duty(org, text.rstrip(" ."), seg.start, seg.end, rule, 0.8)


def _items_after(segs: list[Segment], i: int) -> list[Segment]:
    return list(itertools.takewhile(lambda s: s.bullet, segs[i + 1 :]))


# --- parts --------------------------------------------------------------------------------------------


def _parts(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    subject = _subject(seg, found)
    if subject is not None:
        enum = _ENUM.match(seg.text, subject.end)
        if enum and (enum.group("colon") or enum.group("aside") or not enum.group("has")):
            parent = _resolve(state, seg, subject)
            _enumeration(state, i, parent, enum, bool(enum.group("colon") or enum.group("aside")))
    there = _THERE.match(seg.text)
    if there:
        inside = [m for m in found if there.start("intro") <= m.start < there.end("intro") and not m.post]
        parent = _resolve(state, seg, inside[-1]) if inside else _topic(state, seg)
        _enumeration(state, i, parent, there, True)
    _within(state, seg, found)
    _relations(state, seg, found)


def _enumeration(state: State, i: int, parent: str | None, enum: re.Match[str], structural: bool) -> None:
    """Children listed after an enumeration cue, in the sentence or in the bullets that follow it."""
    seg = state.segs[i]
    if parent is None:
        return
    listed = seg.text[enum.end() :].rstrip(" .")
    listed = re.split(r",\s*(?:which|that|who)\s", listed)[0]
    pieces = [t for _, _, t in split_list(listed, 0, ("and", "as well as"), _named)]
    if not listed and structural:
        pieces = [s.text.rstrip(" .;") for s in _items_after(state.segs, i)]
    noun = (enum.groupdict().get("noun") or "").lower()
    kind = next((k for h, k in names.STRONG.items() if h in noun), "unit")
    for text in pieces:
        child = _child(state, seg, text, kind, structural)
        if child:
            state.facts.part(child, parent, "part", seg, "part.en.enumeration", 0.8 if structural else 0.7)


def _named(text: str) -> bool:
    return any(not m.post and m.refers is None for m in names.mentions(text))


def _child(state: State, seg: Segment, text: str, kind: str, structural: bool) -> str | None:
    """The body an enumeration item names: a recognised name, or (in a structural list) the item."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    found = names.mentions(text)
    if len(found) == 1 and found[0].refers is None and found[0].end - found[0].start >= len(text) - 1:
        return _resolve(state, seg, found[0])
    if (found and found[0].post) or names.is_post(text):
        return None
    words = text.split()
    if not structural or not words or len(words) > 6 or re.search(r"\d", text):
        return None
    return state.facts.body(text, kind, seg, "body.en.enumerated", 0.6)


def _within(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Within the division there operate a team of … and a team of …"."""
    for m in found:
        if not _WITHIN.match(seg.text[: m.start]):
            continue
        there = _OPERATE.match(seg.text, m.end)
        parent = _resolve(state, seg, m)
        if there and parent:
            _enumeration(state, state.segs.index(seg), parent, there, False)
        return


def _relations(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "<Body> is part of / belongs to / is subordinate to <Body>"."""
    for m, nxt in itertools.pairwise(found):
        rel = _RELATION.match(seg.text[m.end : nxt.start])
        if rel is None or m.post or nxt.post:
            continue
        child, parent = _resolve(state, seg, m), _resolve(state, seg, nxt)
        if child and parent and rel.group("sub"):
            state.facts.part(child, parent, "subordinate", seg, "part.en.subordinate", 0.8)
        elif child and parent:
            state.facts.part(child, parent, "part", seg, "part.en.part", 0.8)


# --- heads --------------------------------------------------------------------------------------------


def _heads(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    if seg.heading and i + 1 < len(state.segs):
        _title_line(state, seg, state.segs[i + 1])
    for tp in _TITLE_PERSON.finditer(seg.text):
        person = HONORIFIC.sub("", tp.group("person"))
        if not _real_person(person):
            continue
        org = _head_org(state, seg, found, tp)
        if org:
            title = re.sub(r"^the\s+", "", tp.group("title").lower())
            state.facts.head(org, title, person, seg, "head.en.title-name", 0.8)


def _real_person(person: str) -> bool:
    return not any(names.head_word(w) in names.STRONG or names.is_post(w) for w in person.split())


def _head_org(state: State, seg: Segment, found: list[Mention], tp: re.Match[str]) -> str | None:
    """The body a sentence says the titled person heads; None when it says none."""
    before = [m for m in found if m.end <= tp.start() and not m.post]
    after = [m for m in found if m.start >= tp.end() and not m.post]
    if after and _IS_HEAD.match(seg.text[tp.end() : after[0].start]):
        return _resolve(state, seg, after[0])
    if before and _HEAD_BY.fullmatch(seg.text[before[-1].end : tp.start()]):
        return _resolve(state, seg, before[-1])
    if (
        before
        and _HEAD_OF.match(seg.text[: before[0].start])
        and re.match(r"\s*is\s+", seg.text[before[0].end :])
    ):
        return _resolve(state, seg, before[0])
    return None


def _title_line(state: State, seg: Segment, nxt: Segment) -> None:
    """A title line ("Director of Education Services") with the holder's name on the next line."""
    text = seg.text.strip()
    m = re.match(r"^(?P<title>.+?)(?:,?\s+(?:of|for)\s+(?:the\s+)?(?P<org>.+))?$", text)
    if m is None or not nxt.heading or nxt.line != seg.line + 1 or not names.is_post(m.group("title")):
        return
    person = person_line(nxt.text, lambda w: names.head_word(w) in names.STRONG or names.is_post(w))
    if person is None:
        return
    org = None
    if m.group("org"):
        found = [x for x in names.mentions(m.group("org")) if not x.post]
        org = _resolve(state, seg, found[0]) if found else None
    if org is None:
        org = _topic(state, seg)
    span = Segment(seg.start, nxt.end, state.facts.text[seg.start : nxt.end], seg.line)
    if org:
        state.facts.head(org, m.group("title").lower(), person, span, "head.en.title-line", 0.75)
