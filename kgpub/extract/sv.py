"""Swedish rules: bodies, their parts, heads and duties from Swedish municipal pages.

Each rule reads one segment (sentence, heading or list item) and names the construction it relies on:

* duties — "<organ> svarar/ansvarar för …", "… leder/bereder/sköter/utövar …", "<organ>s uppgift är
  att …", and "<organ> ansvarar för:" followed by a bulleted list (one duty per item);
* parts — "<organ> är indelat i följande avdelningar: a, b och c", "består av", "omfattar", "Till
  <organ> hör …", and "<organ> är underställd / lyder under / hör till / ingår i <organ>";
* heads — "<titel> för <organ>" on one line and the holder's name on the next, "<organ> leds av
  <titel> <Namn>", "<titel> <Namn>" with the body stated in the sentence.

No rule names a city, person or page; the names come from the text (see ``sv_names``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..model import Extraction
from ..sources import Source
from . import sv_names as names
from .sv_en import PERSON, Facts, Segment, person_line, segments, split_list
from .sv_names import Mention

LANG = "sv"

_ADVERBS = r"(?:(?:också|även|dessutom|bland\s+annat|bl\.\s?a\.|främst|huvudsakligen|i\s+första\s+hand)\s+)?"
_DUTY_VERBS = (
    r"svarar\s+" + _ADVERBS + r"för|ansvarar\s+" + _ADVERBS + r"för|har\s+(?:\w+\s+)?ansvar(?:et)?\s+för|"
    r"har\s+hand\s+om|tar\s+hand\s+om|handhar|sköter|sörjer\s+för|ombesörjer|leder|styr|bereder|"
    r"verkställer|övervakar|utövar|beslutar|fattar\s+beslut|erbjuder|producerar|tillhandahåller|"
    r"ordnar|organiserar|planerar|utvecklar|koordinerar|samordnar|handlägger|behandlar|godkänner|"
    r"fastställer|följer\s+upp|främjar|stöder|stödjer|representerar|hanterar|administrerar|förvaltar|"
    r"granskar|bevakar|arbetar\s+med|har\s+(?:till|som)\s+uppgift\s+att"
)
_DUTY = re.compile(r"(?:" + _DUTY_VERBS + r")\b", re.IGNORECASE)
_GAP = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,\s*som\s[^,]*,\s*)?" + _ADVERBS, re.IGNORECASE)
_LEAD = re.compile(r"^\s*(?:(?:Dessutom|Därtill|Vidare|Även|Också)\s*,?\s*)?$")
_NEGATION = re.compile(r"\b(?:inte|ej|icke)\b", re.IGNORECASE)
_LIST_ONLY = re.compile(r"^(?:följande|bland\s+annat|bl\.\s?a\.|till\s+exempel|t\.\s?ex\.)?\s*:?$", re.I)
_TASK = re.compile(r"^\s+(?:\w+\s+)?uppgift(?:er)?\s+(?:är|omfattar|hör)\s+(?:att\s+)?", re.IGNORECASE)

_COUNT = r"(?:följande|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+)"
_ENUM = re.compile(
    r"\s*(?:är\s+(?:in|upp)?dela(?:de|d|t)\s+i|(?:in|upp)?delas\s+(?:in\s+)?i|består\s+av|omfattar|"
    r"innefattar|utgörs\s+av|har)\s+(?P<count>" + _COUNT + r"\s+)?(?P<noun>[a-zåäö-]+\s*)?(?P<colon>:)?\s*",
    re.IGNORECASE,
)
_ENUM_FRONT = re.compile(r"^\s*(?:Till|Under|Inom|I)\s+$")
_ENUM_FRONT_VERB = re.compile(
    r"\s*(?:hör|finns|verkar|lyder|ingår)\s+(?P<count>"
    + _COUNT
    + r"\s+)?(?P<noun>[a-zåäö-]+\s*)?(?P<colon>:)\s*",
    re.IGNORECASE,
)
_RELATION = re.compile(
    r"^\s*,?\s*(?:som\s+)?(?:(?P<sub>är\s+underställd|är\s+underordnad|lyder\s+under|verkar\s+under|"
    r"sorterar\s+under)|(?P<part>hör\s+till|hör\s+under|är\s+en\s+del\s+av|ingår\s+i))\s+$",
    re.IGNORECASE,
)
_NOUN_KINDS = {
    "avdelning": "department",
    "enhet": "unit",
    "sektor": "division",
    "nämnd": "committee",
    "sektion": "division",
    "byrå": "unit",
    "område": "service_area",
    "tjänst": "unit",
    "team": "team",
    "grupp": "team",
}
_TITLE_LINE = re.compile(
    r"^(?:(?:temp|tf|t\.f|vik|tillförordnad|tillförordnade)\.?\s+)?"
    r"(?P<title>(?:(?:biträdande|ställföreträdande)\s+)?[\wåäö-]+)"
    r"(?:\s+(?:för|vid|inom|i)\s+(?P<org>.+))?$",
    re.IGNORECASE,
)
_TITLE_PERSON = re.compile(
    r"(?P<title>(?:(?:biträdande|ställföreträdande)\s+)?[\wåäö-]*(?:" + "|".join(names.POSTS) + r")(?:en|n)?)"
    r"\s+(?P<person>" + PERSON + r")"
)


@dataclass
class State:
    """One text being read: the facts so far and what a bare "nämnden" or "staden" refers to."""

    facts: Facts
    segs: list[Segment]
    last: dict[str, str] = field(default_factory=dict)
    topic: str | None = None


def extract_sv(source: Source) -> Extraction:
    """All facts the Swedish rules find in ``source`` (offsets into ``source.text``)."""
    state = State(Facts(source.meta.id, source.text, LANG), segments(source.text))
    for i, seg in enumerate(state.segs):
        found = _register(state, seg)
        _duties(state, i, found)
        _parts(state, i, found)
        _heads(state, i, found)
    return state.facts.extraction()


# --- bodies -------------------------------------------------------------------------------------------


def _municipality(state: State, seg: Segment, hint: str = "staden") -> str:
    """The municipality's body, recorded on first use (a proper name from the text when it has one)."""
    text = state.facts.text
    proper = names._MUNICIPALITY.search(text)
    if proper:
        name = f"{proper.group(1)} {proper.group(2)}"
        return state.facts.body(
            name, "municipality", seg, "body.sv.municipality", 0.8, (proper.group(2) + "en",)
        )
    unit = "kommunen" if text.lower().count("kommun") > text.lower().count("stad") else hint
    return state.facts.body(unit, "municipality", seg, "body.sv.municipality", 0.6)


def _resolve(state: State, seg: Segment, m: Mention, create: bool = False) -> str | None:
    """The body a mention names: itself, the body a reference points back to, or the municipality."""
    if m.refers == "municipality":
        return _municipality(state, seg, m.name) if create else state.facts.find(m.name)
    if m.refers is not None:
        if m.refers in state.last:
            return state.last[m.refers]
        if m.refers != "fullmäktige":
            return None
    name = state.facts.body(m.name, m.kind, seg, "body.sv.noun", 0.7, m.aliases)
    head = names.read_word(m.name.split()[-1].lower())
    if head is not None:
        state.last[head.head] = name
    return name


def _register(state: State, seg: Segment) -> list[Mention]:
    found = names.mentions(seg.text)
    for m in found:
        if m.refers is None:
            _resolve(state, seg, m)
    whole = len(found) == 1 and found[0].end - found[0].start >= len(seg.text.strip()) - 1
    if seg.heading and state.topic is None and whole and found[0].refers is None:
        state.topic = state.facts.find(found[0].name)
    return found


def _at(found: list[Mention], start: int) -> Mention | None:
    return next((m for m in found if m.start == start), None)


# --- duties -------------------------------------------------------------------------------------------


def _subject(seg: Segment, found: list[Mention]) -> Mention | None:
    """The body a sentence is about: its first mention, at the start of the sentence."""
    if not found or not _LEAD.match(seg.text[: found[0].start]) or found[0].genitive:
        return None
    return found[0]


def _duties(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    subject = _subject(seg, found)
    if subject is None:
        _task_duty(state, seg, found)
        return
    rest_at = subject.end + _GAP.match(seg.text[subject.end :]).end()  # type: ignore[union-attr]
    cue = _DUTY.match(seg.text, rest_at)
    if cue is None or _NEGATION.search(cue.group()) or _NEGATION.match(seg.text[cue.end() :].lstrip()):
        return
    org = _resolve(state, seg, subject)
    if org is None:
        return
    text = seg.text[cue.start() :].rstrip(" .")
    if _LIST_ONLY.match(seg.text[cue.end() :].strip()):
        _list_duties(state, i, org)
        return
    state.facts.duty(org, text, seg.start, seg.end, "duty.sv.verb", 0.8)


def _task_duty(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "<organ>s uppgift är att …" / "Till <organ>s uppgifter hör …"."""
    for m in found[:1]:
        if not m.genitive or not re.match(r"^\s*(?:Till\s+)?$", seg.text[: m.start]):
            continue
        task = _TASK.match(seg.text[m.end :])
        org = _resolve(state, seg, m)
        if task and org:
            start = m.end + task.end()
            state.facts.duty(org, seg.text[start:], seg.start, seg.end, "duty.sv.task", 0.75)


def _list_duties(state: State, i: int, org: str) -> None:
    """The bulleted items after "<organ> ansvarar för:" — one duty each."""
    for seg in _items_after(state.segs, i):
        state.facts.duty(org, seg.text, seg.start, seg.end, "duty.sv.list", 0.75)


def _items_after(segs: list[Segment], i: int) -> list[Segment]:
    items = []
    for seg in segs[i + 1 :]:
        if not seg.bullet:
            break
        items.append(seg)
    return items


# --- parts --------------------------------------------------------------------------------------------


def _parts(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    subject = _subject(seg, found)
    if subject is not None:
        enum = _ENUM.match(seg.text, subject.end)
        if enum and (enum.group("colon") or not enum.group(0).lower().lstrip().startswith("har")):
            _enumeration(state, i, subject, enum)
    for m, nxt in itertools.pairwise(found):
        rel = _RELATION.match(seg.text[m.end : nxt.start])
        if rel and not names.is_post(seg.text[m.start : m.end].split()[-1]):
            child, parent = _resolve(state, seg, m), _resolve(state, seg, nxt, create=True)
            if child and parent and rel.group("sub"):
                state.facts.part(child, parent, "subordinate", seg, "part.sv.subordinate", 0.8)
            elif child and parent:
                state.facts.part(child, parent, "part", seg, "part.sv.part", 0.8)
    if len(found) >= 1 and _ENUM_FRONT.match(seg.text[: found[0].start]):
        front = _ENUM_FRONT_VERB.match(seg.text, found[0].end)
        if front:
            _enumeration(state, i, found[0], front)


def _enumeration(state: State, i: int, parent_m: Mention, enum: re.Match[str]) -> None:
    """Children listed after an enumeration cue, in the sentence or in the bullets that follow it."""
    seg = state.segs[i]
    parent = _resolve(state, seg, parent_m, create=True)
    if parent is None:
        return
    structural = bool(enum.group("colon"))
    noun = (enum.group("noun") or "").strip().lower()
    kind = next((k for stem, k in _NOUN_KINDS.items() if stem in noun), "unit")
    listed = seg.text[enum.end() :].rstrip(" .")
    pieces = [
        (seg.start + s, seg.start + e, t)
        for s, e, t in split_list(listed, enum.end(), ("och", "samt"), _named)
    ]
    if not listed and structural:
        pieces = [(s.start, s.end, s.text.rstrip(" .;")) for s in _items_after(state.segs, i)]
    for _start, _end, text in pieces:
        child = _child(state, seg, text, kind, structural)
        if child:
            state.facts.part(child, parent, "part", seg, "part.sv.enumeration", 0.8 if structural else 0.7)


def _named(text: str) -> bool:
    return any(m.refers is None for m in names.mentions(text))


def _child(state: State, seg: Segment, text: str, kind: str, structural: bool) -> str | None:
    """The body an enumeration item names: a recognised body name, or (after "följande X:") the item."""
    found = names.mentions(text)
    if len(found) == 1 and found[0].refers is None and found[0].end - found[0].start >= len(text.strip()) - 1:
        return _resolve(state, seg, found[0])
    words = text.split()
    if not structural or not words or len(words) > 6 or re.search(r"\d", text) or names.is_post(words[-1]):
        return None
    name = text.strip()
    name = name[:1].lower() + name[1:] if not name[1:2].isupper() else name
    return state.facts.body(name, kind, seg, "body.sv.enumerated", 0.6)


# --- heads --------------------------------------------------------------------------------------------


def _heads(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    if seg.heading and i + 1 < len(state.segs):
        _title_line(state, seg, state.segs[i + 1])
    for tp in _TITLE_PERSON.finditer(seg.text):
        title = _title(tp.group("title"))
        if title is None or not _real_person(tp.group("person")):
            continue
        org = _head_org(state, seg, found, tp, title)
        if org:
            state.facts.head(org, title, tp.group("person"), seg, "head.sv.title-name", 0.8)


def _real_person(person: str) -> bool:
    return not any(names.read_word(w.lower()) or names.is_post(w) for w in person.split())


def _title(text: str) -> str | None:
    """ "Biträdande stadsdirektören" → "biträdande stadsdirektör" (None for a plural or no title)."""
    words = text.lower().split()
    base = names.title_base(words[-1]) if words else None
    return " ".join([*words[:-1], base]) if base else None


def _title_line(state: State, seg: Segment, nxt: Segment) -> None:
    """A title line ("Biträdande stadsdirektören för bildningsväsendet") and the holder on the next line."""
    m = _TITLE_LINE.match(seg.text.strip())
    if m is None or not nxt.heading or nxt.line != seg.line + 1:
        return
    title = _title(m.group("title"))
    person = person_line(nxt.text, lambda w: bool(names.read_word(w.lower()) or names.is_post(w)))
    if title is None or person is None:
        return
    org = None
    if m.group("org"):
        found = names.mentions(m.group("org"))
        org = _resolve(state, seg, found[0], create=True) if found else None
    elif names.MUNICIPAL_TITLES.match(title):
        org = _municipality(state, seg)
    else:
        org = state.topic
    span = Segment(seg.start, nxt.end, state.facts.text[seg.start : nxt.end], seg.line)
    if org:
        state.facts.head(org, title, person, span, "head.sv.title-line", 0.8)


def _head_org(state: State, seg: Segment, found: list[Mention], tp: re.Match[str], title: str) -> str | None:
    """Which body a "<titel> <Namn>" in a sentence leads: the one the sentence ties to the title."""
    before = [m for m in found if m.end <= tp.start()]
    after = [m for m in found if m.start >= tp.end()]
    if before and re.search(
        r"\bleds\s+av\s+$|\b(?:chef|ordförande)\s+är\s+$", seg.text[before[-1].end : tp.start()]
    ):
        return _resolve(state, seg, before[-1], create=True)
    if before and re.match(r"^(?:Chef|Ordförande|Direktör)\s+för\s+$", seg.text[: before[0].start], re.I):
        return _resolve(state, seg, before[0], create=True)
    if after and re.match(r"^\s*(?:för|vid|inom|i)\s+$", seg.text[tp.end("title") : after[0].start]):
        return _resolve(state, seg, after[0], create=True)
    if names.MUNICIPAL_TITLES.match(title):
        return _municipality(state, seg)
    named = [m for m in found if m.refers is None]
    if len(named) == 1:
        return _resolve(state, seg, named[0])
    return state.topic
