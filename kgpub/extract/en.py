"""English rules: bodies, their parts, heads and duties from English municipal pages.

Each rule reads one segment (sentence, heading or list item) and names the construction it relies on:

* duties — "<Body> is responsible for / is tasked with / is in charge of …", "<Body> guides,
  supervises and supports …" (a duty verb right after the body), "<Body>’s job is to …", and "<Body>
  is responsible for" followed by a bulleted list (one duty per item);
* parts — "<Body> is made up of / consists of / is divided into / comprises …: a, b and c" (or the
  bullets after it), "<Body> has, directly subordinate to …, a, b and c", "There are seven units …:
  a, b, c" (the page's body), "Within <body> there operate a and b", "<Body> is part of / belongs
  to / is subordinate to / reports to <Body>", "Road Division of the Official Committee";
* heads — "<Title>, Mr <Name>, is the head of <Body>", "<Body>, headed by <title> <Name>", "<Body>
  is managed by <title> <Name>", "The Director of <Body> is <Name>", "Director of <Body> <Name>",
  and a title line followed by the holder's name.

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
from .sv_en import Facts, Segment, find_sites, person_line, segments, split_list

LANG = "en"

_ADVERBS = r"(?:(?:also|primarily|mainly|chiefly|additionally|jointly|directly|further)\s+)?"
_VERBS = (
    r"guide|supervise|support|coordinate|manage|provide|prepare|produce|offer|develop|lead|direct|steer|"
    r"monitor|promote|plan|maintain|ensure|administer|organi[sz]e|implement|execute|oversee|handle|"
    r"control|represent|assist|arrange|process|draft|approve|appoint|elect|exercise|decide|serve|cover|"
    r"evaluate|supervise|make|run|deliver|operate|govern|attend\s+to|see\s+to|look\s+after|deal\s+with|"
    r"take\s+care\s+of|carry\s+out|answer\s+for|work\s+on|focus\s+on|set"
)
_COPULA = re.compile(
    r"(?:is|are)\s+" + _ADVERBS + r"(?:responsible\s+for|tasked\s+with|in\s+charge\s+of|charged\s+with)\s*"
    r"|(?:has|have)\s+(?:the\s+)?(?:task|duty|responsibility)\s+(?:of|to)\s+",
    re.IGNORECASE,
)
_FINITE = re.compile(
    r"(?:(?:must|shall|will|should)\s+)?(?:" + _VERBS.replace("|", r"|") + r")(?:e?s)?\b"
    r"|(?:attends|sees|looks|deals|takes|carries|answers|works|focuses)\s+(?:to|after|with|care\s+of|out|for|"
    r"on)\b",
    re.IGNORECASE,
)
_TASK = re.compile(
    r"(?:[’']s?)?\s*(?:job|task|duty|duties|role|mission|purpose)\s+(?:is|are|include)\s+(?:to\s+)?", re.I
)
_GAP = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:which|who|headed|led|managed|chaired|directed)\s[^,]*,\s*)?" + _ADVERBS,
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^\s*(?:(?:In addition|Additionally|Also|Furthermore|Moreover)\s*,?\s*)?"
    r"(?:The\s+(?:organi[sz]ation|structure)\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_LIST_ONLY = re.compile(r"^(?:the\s+following|among\s+other\s+things|e\.g\.|for\s+example)?\s*:?$", re.I)

_COUNT = r"(?:the\s+following|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_ENUM = re.compile(
    r"\s*(?:(?:is|are)\s+(?:made\s+up\s+of|divided\s+into|composed\s+of|comprised\s+of|organi[sz]ed\s+into|"
    r"split\s+into)|consists?\s+of|comprises?|includes?|encompass(?:es)?|(?P<has>has|have))"
    r"(?P<aside>\s*,\s*(?:directly\s+)?subordinated?\s+to\s+[^,]+,)?"
    r"\s+(?:(?P<count>" + _COUNT + r")\s+(?P<noun>[^:.,]{0,40}?)\s*(?:(?P<colon>:)|(?P<end>\.?\s*$)))?\s*",
    re.IGNORECASE,
)
_THERE = re.compile(r"^\s*There\s+(?:are|is)\s+(?:also\s+)?(?P<count>" + _COUNT + r")\s+(?P<noun>[^:]+):\s*")
_WITHIN = re.compile(
    r"^\s*(?:(?:Additionally|In addition|Also)\s*,\s*)?(?:within|in|under)\s+(?:the\s+)?$", re.I
)
_OPERATE = re.compile(r"\s*there\s+(?:operates?|is|are|works?)\s+", re.IGNORECASE)
_RELATION = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:(?P<sub>(?:is|are)\s+(?:(?:a|an)\s+\w+\s+)?(?:directly\s+)?subordinated?\s+to|"
    r"reports?\s+to|operates?\s+(?:subordinate\s+to|under)|works?\s+under|(?:is|are)\s+under)|"
    r"(?P<part>(?:is|are)\s+(?:a\s+)?part\s+of|belongs?\s+to|(?:is|are)\s+(?:a|an)\s+\w+\s+(?:of|within)|"
    r"falls?\s+under))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COORD = re.compile(r"^\s*(?:,|and|as\s+well\s+as)\s+(?:the\s+)?$")
_HEAD_BY = re.compile(
    r"^\s*,?\s*(?:(?:is|are|was)\s+)?(?:headed|led|managed|directed|chaired)\s+by\s+(?:the\s+)?$", re.I
)
_IS_HEAD = re.compile(
    r"^\s*,?\s*(?:is|was)\s+(?:the\s+)?(?:head|leader|director|chair)\s+(?:of\s+)?(?:the\s+)?$"
)
_HEAD_OF = re.compile(r"^\s*(?:The\s+)?(?:head|director|chair)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_TITLE_GAP = re.compile(r"^\s*,?\s*(?:(?:is|was)\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_START_RUN = re.compile(r"^(?:The\s+)?((?:[A-Z][\w’'&-]*\s+){1,5}[A-Z][\w’'&-]*)")


@dataclass
class State:
    """One text being read: the facts so far and what "the division" refers to."""

    facts: Facts
    segs: list[Segment]
    last: dict[str, str] = field(default_factory=dict)
    topic: str | None = None
    section: dict[int, str] = field(default_factory=dict)


def extract_en(source: Source) -> Extraction:
    """All facts the English rules find in ``source`` (offsets into ``source.text``)."""
    state = State(Facts(source.meta.id, source.text, LANG), segments(source.text))
    for i in range(len(state.segs)):
        found = _register(state, i)
        _duties(state, i, found)
        _parts(state, i, found)
        _heads(state, i, found)
    find_sites(state.facts, state.segs, state.section)
    return state.facts.extraction()


# --- bodies -------------------------------------------------------------------------------------------


def _resolve(state: State, seg: Segment, m: Mention) -> str | None:
    """The body a mention names: itself, or the body a reference ("the division") points back to."""
    if m.what != "body":
        return None
    if m.refers is not None:
        return state.last.get(m.refers)
    name = state.facts.body(m.name, m.kind, seg, "body.en.name", 0.7, m.aliases)
    state.last[names.head_word(m.name.split()[-1])] = name
    for head, kind in names.STRONG.items():
        if kind == m.kind:
            state.last.setdefault(head, name)
    if m.parent:
        parent = state.facts.body(m.parent, names.body_kind(m.parent) or "other", seg, "body.en.name", 0.7)
        state.facts.part(name, parent, "part", seg, "part.en.of", 0.75)
    return name


def _known(state: State, text: str, found: list[Mention]) -> list[Mention]:
    """Bodies named before, met again in another case ("Administrative and vitality services")."""
    lowered = text.lower()
    extra: list[Mention] = []
    for body in state.facts.bodies.values():
        if body.name.lower() not in lowered:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(body.name) + r"(?!\w)", text, re.IGNORECASE):
            if not any(f.start < m.end() and m.start() < f.end for f in [*found, *extra]):
                extra.append(Mention(m.start(), m.end(), body.name, body.kind))
    return sorted([*found, *extra], key=lambda x: x.start)


def _register(state: State, i: int) -> list[Mention]:
    seg = state.segs[i]
    found = _known(state, seg.text, names.mentions(seg.text))
    for m in found:
        _resolve(state, seg, m)
    text = seg.text.strip()
    if seg.heading and len(text.split()) <= 6 and names.body_kind(text.title()):
        state.topic = state.topic or text
        state.section[seg.line] = text
    elif seg.heading:
        state.section[seg.line] = ""
    return found


def _topic(state: State, seg: Segment) -> str | None:
    """The body the page is about (its first heading that names one), recorded on first use."""
    if state.topic is None:
        return None
    kind = names.body_kind(state.topic.title()) or "unit"
    return state.facts.find(state.topic) or state.facts.body(state.topic, kind, seg, "body.en.heading", 0.6)


# --- duties -------------------------------------------------------------------------------------------


def _subject(seg: Segment, found: list[Mention]) -> Mention | None:
    """The body a sentence is about: its first mention, at the start of the sentence.

    A capitalised name with no body noun ("Helsinki City Transport HKL") is a body when it is the
    subject of "is responsible for" and the like.
    """
    if found and found[0].what == "body" and _LEAD.match(seg.text[: found[0].start]):
        return found[0]
    run = _START_RUN.match(seg.text)
    if run and not names.is_post(run.group(1)) and _COPULA.match(seg.text, run.end() + 1):
        return Mention(run.start(1), run.end(1), run.group(1), "other")
    return None


def _duties(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    subject = _subject(seg, found)
    if subject is None:
        return
    task = _TASK.match(seg.text, subject.end)
    at = _GAP.match(seg.text, subject.end).end()  # type: ignore[union-attr]
    copula, finite = _COPULA.match(seg.text, at), _FINITE.match(seg.text, at)
    cue = task or copula or finite
    org = _resolve(state, seg, subject) if cue else None
    if cue is None or org is None:
        return
    if _LIST_ONLY.match(seg.text[cue.end() :].strip()):
        for item in _items_after(state.segs, i):
            state.facts.duty(org, item.text, item.start, item.end, "duty.en.list", 0.75)
        return
    text = seg.text[cue.start() :] if finite and cue is finite else seg.text[cue.end() :]
    text = re.sub(r"^(?:must|shall|will|should)\s+", "", text)
    rule = "duty.en.verb" if cue is finite else "duty.en.task" if cue is task else "duty.en.responsible"
    state.facts.duty(org, text.rstrip(" ."), seg.start, seg.end, rule, 0.8)


def _items_after(segs: list[Segment], i: int) -> list[Segment]:
    return list(itertools.takewhile(lambda s: s.bullet, segs[i + 1 :]))


# --- parts --------------------------------------------------------------------------------------------


def _parts(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    subject = _subject(seg, found)
    if subject is not None:
        enum = _ENUM.match(seg.text, subject.end)
        structural = bool(enum and (enum.group("count") or enum.group("aside")))
        if enum and (structural or not enum.group("has")):
            _enumeration(state, i, _resolve(state, seg, subject), enum, structural)
    there = _THERE.match(seg.text)
    if there:
        inside = [m for m in found if there.start("noun") <= m.start < there.end("noun") and m.what == "body"]
        parent = _resolve(state, seg, inside[-1]) if inside else _topic(state, seg)
        _enumeration(state, i, parent, there, True)
    _within(state, i, found)
    _relations(state, seg, found)


def _enumeration(state: State, i: int, parent: str | None, enum: re.Match[str], structural: bool) -> None:
    """Children listed after an enumeration cue, in the sentence or in the bullets that follow it."""
    seg = state.segs[i]
    if parent is None:
        return
    listed = re.split(r",\s*(?:which|that|who)\s", seg.text[enum.end() :].rstrip(" ."))[0]
    pieces = [t for _, _, t in split_list(listed, 0, ("and", "as well as"), _named)]
    if not listed.strip() and structural:
        pieces = [s.text.rstrip(" .;") for s in _items_after(state.segs, i)]
    noun = (enum.groupdict().get("noun") or "").lower()
    kind = next((k for h, k in names.STRONG.items() if h in noun), "unit")
    for text in pieces:
        child = _child(state, seg, text, kind, structural)
        if child:
            state.facts.part(child, parent, "part", seg, "part.en.enumeration", 0.8 if structural else 0.7)


def _named(text: str) -> bool:
    return any(m.what == "body" and m.refers is None for m in names.mentions(text))


def _child(state: State, seg: Segment, text: str, kind: str, structural: bool) -> str | None:
    """The body an enumeration item names: a recognised name, or (in a structural list) the item."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,"), flags=re.IGNORECASE)
    text = re.sub(r",?\s+and$", "", text)
    found = [m for m in _known(state, text, names.mentions(text)) if m.what != "person"]
    if len(found) == 1 and found[0].refers is None and found[0].end - found[0].start >= len(text) - 1:
        return _resolve(state, seg, found[0])
    if (found and found[0].what == "post") or names.is_post(text):
        return None
    ws = text.split()
    if not structural or not ws or len(ws) > 6 or re.search(r"\d|[()]", text):
        return None
    return state.facts.body(text, kind, seg, "body.en.enumerated", 0.6)


def _within(state: State, i: int, found: list[Mention]) -> None:
    """ "Within the division there operate a team of … and a team of …"."""
    seg = state.segs[i]
    for m in found:
        if not _WITHIN.match(seg.text[: m.start]):
            continue
        there = _OPERATE.match(seg.text, m.end)
        parent = _resolve(state, seg, m)
        if there and parent:
            _enumeration(state, i, parent, there, False)
        return


def _relations(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "<Body> (and <Body>) is part of / belongs to / is subordinate to <Body>"."""
    bodies = [m for m in found if m.what == "body"]
    for k, (m, nxt) in enumerate(itertools.pairwise(bodies)):
        rel = _RELATION.match(seg.text[m.end : nxt.start])
        if rel is None:
            continue
        children = [m]
        while k > 0 and _COORD.match(seg.text[bodies[k - 1].end : bodies[k].start]):
            children.append(bodies[k - 1])
            k -= 1
        parent = _resolve(state, seg, nxt)
        for c in children:
            child = _resolve(state, seg, c)
            if child and parent:
                relation = "subordinate" if rel.group("sub") else "part"
                state.facts.part(child, parent, relation, seg, f"part.en.{relation}", 0.8)  # type: ignore[arg-type]


# --- heads --------------------------------------------------------------------------------------------


def _heads(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    if seg.heading and i + 1 < len(state.segs):
        _title_line(state, seg, state.segs[i + 1])
    for k, post in enumerate(found):
        if post.what != "post":
            continue
        _post_without_holder(state, seg, found, k)
        j = k + 2 if post.parent and k + 1 < len(found) and found[k + 1].name == post.parent else k + 1
        person = found[j] if j < len(found) else None
        if person is None or person.what != "person":
            continue
        if not _TITLE_GAP.match(seg.text[found[j - 1].end : person.start]):
            continue
        org = _head_org(state, seg, found, k, j)
        if org:
            title = re.sub(r"^the\s+", "", post.name.lower())
            state.facts.head(org, title, person.name, seg, "head.en.title-name", 0.8)


def _post_without_holder(state: State, seg: Segment, found: list[Mention], k: int) -> None:
    """ "The Central Administration, headed by the Mayor, …": the body has a head post, no name given."""
    post = found[k]
    nxt = found[k + 1] if k + 1 < len(found) else None
    body = next((m for m in reversed(found[:k]) if m.what == "body"), None)
    if body is None or (nxt is not None and nxt.what == "person" and nxt.start - post.end < 6):
        return
    if _HEAD_BY.match(seg.text[body.end : post.start]):
        org = _resolve(state, seg, body)
        if org:
            state.facts.head(org, post.name.lower(), None, seg, "head.en.headed-by-post", 0.7)


def _head_org(state: State, seg: Segment, found: list[Mention], k: int, j: int) -> str | None:
    """The body a sentence says the titled person heads; None when it says none."""
    post, person = found[k], found[j]
    if post.parent:
        return state.facts.find(post.parent)
    before = [m for m in found[:k] if m.what == "body"]
    after = [m for m in found[j + 1 :] if m.what == "body"]
    if after and _IS_HEAD.match(seg.text[person.end : after[0].start]):
        return _resolve(state, seg, after[0])
    if before and _HEAD_BY.match(seg.text[before[-1].end : post.start]):
        return _resolve(state, seg, before[-1])
    if (
        before
        and _HEAD_OF.match(seg.text[: before[0].start])
        and re.match(r"\s*is\s", seg.text[before[0].end :])
    ):
        return _resolve(state, seg, before[0])
    return None


def _title_line(state: State, seg: Segment, nxt: Segment) -> None:
    """A title line ("Director of Education Services") with the holder's name on the next line."""
    found = names.mentions(seg.text)
    if not nxt.heading or nxt.line != seg.line + 1 or not found or found[0].what != "post":
        return
    person = person_line(nxt.text, lambda w: names.head_word(w) in names.STRONG or names.is_post(w))
    if person is None:
        return
    org = state.facts.find(found[0].parent) if found[0].parent else _topic(state, seg)
    span = Segment(seg.start, nxt.end, state.facts.text[seg.start : nxt.end], seg.line)
    if org:
        state.facts.head(org, found[0].name.lower(), person, span, "head.en.title-line", 0.75)
