"""Swedish rules: bodies, their parts, heads and duties from Swedish municipal pages.

Each rule reads one segment (sentence, heading or list item) and names the construction it relies on:

* duties — "<organ> svarar/ansvarar för …", "<organ> leder/bereder/sköter/utövar …", "<organ>, som
  ansvarar för …", "<organ>s uppgift är att …", and "<organ> ansvarar för:" or "<organ>s uppgift är"
  followed by a bulleted or numbered list (one duty per item);
* parts — "<organ> är indelat i följande avdelningar: a, b och c", "består av fyra sektorer:" (and
  the bullets after it), "<organ>s enheter är …", "Under/Inom/Till <organ> verkar/finns/hör …", and
  "<organ> är underställd / lyder under / hör till / ingår i <organ>";
* heads — "<titel> för <organ>" on one line and the holder's name on the next, "<organ> leds av
  <titel> <Namn>", "direktören för <organ> <Namn>", "<organ>s <titel> är <Namn>", "under ledning av
  <titel> <Namn>", and a title whose first part names the body ("bildningsdirektör" → bildningssektorn);
* sites — labelled addresses and phone numbers under a body's heading (``core.sites.find_sites``).

Rooms: ``duties``; ``parts``, ``layout`` and ``collective``; ``heads`` and ``members``; the
body mentions in ``mentions`` over the words of ``lexicon``; what a reference points to in ``context``.

No rule names a city, person or page; the names come from the text (see ``lexicon`` and ``mentions``).
"""

from __future__ import annotations

import re

from ...model import Extraction
from ...sources import Source
from ..core.facts import Facts
from ..core.segments import Segment, segments
from ..core.sites import contact_phone, find_sites, prose_address
from . import layout
from .collective import class_parts, collective
from .context import State
from .duties import DUTY, NEGATION, duties
from .heads import heads
from .lexicon import HEADS, is_post, read_word
from .members import member_lines
from .mentions import Mention
from .parts import parts

LANG = "sv"


#: The municipality spoken of as an organisation (gold convention B): its administration,
#: organisation, management, activities or staff, or the municipality as an actor or owner.
_MUNICIPAL_ORGANISATION = re.compile(
    r"\b(?:stadens|kommunens)\s+(?:\w+\s+)?(?:förvaltning|organisation|verksamhet|ledning|regering|"
    r"personal|ekonomi|anställda|strategi|förvaltningsorgan|organ|serviceområden|sektorer|sektioner|"
    r"nämnder|ämbetsverk)\w*"
    r"|\b(?:representera|företräda)\s+(?:staden|kommunen)\b"
    r"|\b(?:[Ss]taden|[Kk]ommunen|[A-ZÅÄÖ][\wåäö]+\s+(?:stad|kommun))\s+(?:är\s+arbetsgivare|har\s+(?:en|ett|\w+)\s)",
    re.IGNORECASE,
)


_HAS_A = re.compile(
    r"^\s*(?:[Ss]taden|[Kk]ommunen|[A-ZÅÄÖ][\wåäö]+\s+(?:stad|kommun))\s+har\s+(?:även\s+|också\s+)?(?:en|ett)\s+"
)


def _municipal_parts(state: State, seg: Segment, found: list[Mention]) -> None:
    """Gold convention B: "stadens ämbetsverk" and "Staden har en ledningsgrupp" are the municipality's
    parts (a body named with it in the genitive, or that it has)."""
    has = _HAS_A.match(seg.text)
    for m in found:
        owned = m.name.lower().startswith(("stadens ", "kommunens ")) and m.owner is None
        if m.refers is not None or not (owned or (has is not None and m.start == has.end())):
            continue
        child = state.facts.find(m.name)
        if child is not None:
            state.facts.part(child, state.municipality(seg), "part", seg, "part.sv.municipality")


def _heading_items(state: State) -> None:
    """Bullets that each start with a body's name, right under a heading or line that starts with one
    ("Stadsstyrelse, 11 ledamöter" / "• Personalsektion, 5 ledamöter"): parts of that body, unless a
    sentence gave them a parent."""
    parent: str | None = None
    for seg in state.segs:
        first = next((m for m in state.mentions(seg.text) if not seg.text[: m.start].strip()), None)
        name = state.facts.find(first.name) if first is not None and first.refers is None else None
        if not seg.bullet:
            short = not re.search(r"[.!?]\s*$", seg.text) and len(seg.text.split()) <= 10
            parent = name if short else None
            continue
        if parent is None or name is None or name == parent:
            continue
        if not any(c == name for c, _ in state.facts.part_of):
            state.facts.part(name, parent, "part", seg, "part.sv.heading-items")


def extract_sv(source: Source) -> Extraction:
    """All facts the Swedish rules find in ``source`` (offsets into ``source.text``)."""
    state = State(Facts(source.meta.id, source.text, LANG), segments(source.text))
    listed = layout.blocks(state.segs)
    list_names: dict[int, str] = {}
    for i in range(len(state.segs)):
        if _MUNICIPAL_ORGANISATION.search(state.segs[i].text):
            state.municipality(state.segs[i])  # first, so "stadens ämbetsverk" is its part
        found = _register(state, i)
        _municipal_parts(state, state.segs[i], found)
        duties(state, i, found)
        parts(state, i, found)
        layout.read_lists(state, listed, i, list_names)
        layout.inline_list(state, listed, i)
        layout.announced(state, i, found)
        if not state.segs[i].bullet and re.match(r"\s*Här\s", state.segs[i].text):
            layout.here_parts(state, state.segs[i], state.section_body(state.segs[i].line))
        heads(state, i, found)
        _prose_sites(state, state.segs[i], found)
        subject = state.subject(state.segs[i], found)
        named = subject is not None and subject.kind != "municipality"
        state.previous = _den(state, state.segs[i], found, subject) if subject and named else None
        state.about = state.topics(state.segs[i], found)
    _heading_items(state)
    member_lines(state)  # "Name, title, unit" / "Unit, title Name"
    collective(state)  # "Nämndernas uppgift är …" for each nämnd the page names, before or after
    class_parts(state)  # "Enheterna inom X": each enhet the page names and nothing else owns is X's
    find_sites(state.facts, state.segs, state.section, is_post, lambda name, seg: state.municipality(seg))
    return state.facts.extraction()


def _den(state: State, seg: Segment, found: list[Mention], subject: Mention) -> str | None:
    """What "Den" in the next sentence refers to: the subject when it is of common gender
    ("nämnden", "sektionen"); after a neuter or plural subject ("Stadsfullmäktige utser en
    stadsstyrelse, som leder …") the last body of common gender the sentence names."""
    if subject.head is None or HEADS[subject.head].definite in ("n", "en"):
        return state.resolve(seg, subject)
    common = [m for m in found if m.head and m.refers is None and HEADS[m.head].definite in ("n", "en")]
    return state.resolve(seg, common[-1]) if common else None


def _prose_sites(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Stadsstyrelsen sammanträder i Stadshuset, Strengbergsgatan 1": a site of each body named
    before the cue (not of a genitive owner); "kontakta registratorskontoret på 06 …": its phone."""
    for m in found:
        phone = contact_phone(seg.text, m.start, m.end)
        address = prose_address(seg.text, m.end) if not m.genitive else None
        org = state.resolve(seg, m) if address or phone else None
        if org:
            state.facts.site(org, seg, address, phone, "site.prose")


def _register(state: State, i: int) -> list[Mention]:
    """Record the bodies a segment names; a heading that is a body name opens a section.

    The municipality ("Vasa stad" in a page banner) is recorded only when a fact needs it, and an
    administration named as a task ("svarar för stadens ekonomiförvaltning") is no body.
    """
    seg = state.segs[i]
    found = [m for m in state.mentions(seg.text) if not _activity(seg, m) and not _description(seg, m)]
    for m in found:
        if m.refers is None and m.kind != "municipality":
            state.resolve(seg, m)
    named = [m for m in found if m.refers is None]
    if seg.heading and named:
        state.context[seg.line] = state.facts.find(named[0].name) or ""
    whole = len(found) == 1 and found[0].end - found[0].start >= len(seg.text.strip()) - 1
    if seg.heading and whole and found[0].refers is None:
        name = state.facts.find(found[0].name)
        state.topic = state.topic or name
        if name or found[0].kind == "municipality":
            state.section[seg.line] = name or found[0].name
    elif seg.heading and len(named) > 1 and _only_names(seg.text, named):
        state.section[seg.line] = state.facts.find(named[-1].name) or ""  # "Åbo stad, registratorskontoret"
    return found


def _only_names(text: str, found: list[Mention]) -> bool:
    """Whether a line is nothing but body names and separators (the last one is the most specific)."""
    ends = [0, *(m.end for m in found)]
    rest = "".join(text[end : m.start] for end, m in zip(ends, found, strict=False)) + text[found[-1].end :]
    return not rest.strip(" ,/–-|")


#: What stands before a body word used as a description: "… är också koncernledning",
#: "Qulturum, utvecklingsenhet".
_DESCRIBED = re.compile(r"(?:\bär\s+(?:också\s+|även\s+|därmed\s+)?|[A-ZÅÄÖ][\wåäö-]+\s*,\s*)$")


_AS_ROLE = re.compile(
    r"\b(?:fungerar|verkar|agerar|tjänstgör|arbetar|fungera|verka)\s+som\s+$", re.IGNORECASE
)


def _description(seg: Segment, m: Mention) -> bool:
    """An indefinite body word with no article, owner or adjective, used as a predicate or an
    apposition ("Kommunledningsförvaltningen är också koncernledning", "• Qulturum, utvecklingsenhet"),
    says what something is; it names no body of its own."""
    written = seg.text[m.start : m.end]
    word = read_word(written.lower()) if " " not in written.strip() else None
    if word is None or word.form != "indef" or not seg.text[: m.start].strip():
        return False
    if _AS_ROLE.search(seg.text[: m.start]):
        return True  # "… fungerar som serviceorgan åt kommunens skolor"
    return bool(_DESCRIBED.search(seg.text[: m.start])) and not seg.text[m.end :].strip(" .")


def _activity(seg: Segment, m: Mention) -> bool:
    """An indefinite "-förvaltning" after a duty verb is what a body does, not a body; a
    "-förvaltning" a sentence is about ("i frågor om viltförvaltningen", "om ekonomiförvaltningens
    organisation", "frågor som rör viltförvaltningen") is a field of activity."""
    written = seg.text[m.start : m.end].lower()
    if re.search(r"\b(?:om|rör|gäller|kring)\s+$", seg.text[: m.start]) and re.search(
        r"förvaltning(?:en)?s?$", written
    ):
        return " " not in written.strip()  # one compound word, not "om Vasa stads förvaltning"
    if not written.endswith("förvaltning"):
        return False
    cue = DUTY.search(seg.text, 0, m.start)
    return cue is not None and not NEGATION.search(seg.text[cue.start() : m.start])
