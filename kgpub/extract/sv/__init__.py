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

No rule names a city, person or page; the names come from the text (see ``lexicon`` and ``mentions``).
"""

from __future__ import annotations

import re

from ...model import Extraction
from ...sources import Source
from ..core.facts import Facts, Segment, segments
from ..core.sites import contact_phone, find_sites, prose_address
from . import layout
from .collective import collective
from .context import State
from .heads import heads
from .lexicon import is_post
from .members import member_lines
from .mentions import Mention
from .parts import named_children, parts

LANG = "sv"

_ADVERBS = r"(?:(?:också|även|dessutom|bland\s+annat|bl\.\s?a\.|främst|huvudsakligen|i\s+första\s+hand)\s+)?"
_DUTY_VERBS = (
    r"svarar\s+" + _ADVERBS + r"för|ansvarar\s+" + _ADVERBS + r"för|har\s+(?:\w+\s+)?ansvar(?:et)?\s+för|"
    r"har\s+hand\s+om|tar\s+hand\s+om|står\s+för|ser\s+till|handhar|sköter|sörjer\s+för|ombesörjer|leder|"
    r"styr|bereder|verkställer|övervakar|utövar|beslutar|fattar\s+beslut|erbjuder|producerar|ordnar|"
    r"tillhandahåller|anordnar|organiserar|planerar|utvecklar|koordinerar|samordnar|handlägger|behandlar|"
    r"godkänner|fastställer|följer\s+upp|främjar|stöder|stödjer|bistår|representerar|företräder|hanterar|"
    r"administrerar|förvaltar|granskar|bevakar|utvärderar|skapar|genomför|utför|driver|arbetar\s+med|"
    r"verkar\s+för|har\s+(?:till|som)\s+uppgift\s+att|ger|lägger\s+fram|tar\s+ställning\s+till|"
    r"har\s+fokus\s+på|överlämnar|remitterar"
)  # no "väljer", "utser", "tillsätter": electing or appointing is no duty (gold convention D)
_DUTY = re.compile(
    r"(?:"
    + _DUTY_VERBS
    + r"|(?:ska|skall)\s+(?:också\s+|även\s+)?(?!väljas?\b|utse\b|tillsätta\b)[a-zåäö]+a\b)",
    re.IGNORECASE,
)  # "Utskottet ska följa och förbereda ärenden som handlar om" (a task in the infinitive)
#: A duty sentence whose object is the bullets below it: "… ärenden som handlar om" / "… ansvarar för".
_DANGLING = re.compile(r"\b(?:om|för|med|kring|inom)\s*:?$")
#: "<organ> är … och <duty verb>": a predicate noun, then the duty.
_IS_AND = re.compile(r"\s+är\s+[^,.;:]{1,80}?\s+och\s+" + _ADVERBS, re.IGNORECASE)
_GAP = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*som\s[^,]*,\s*)?" + _ADVERBS, re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,?\s+som\s+" + _ADVERBS, re.IGNORECASE)  # "en koncernsektion som behandlar …"
_LEAD = re.compile(r"^\s*(?:(?:Dessutom|Därtill|Vidare|Även|Också)\s*,?\s*)?(?:Hela\s+)?$")
_PRONOUN = re.compile(r"^\s*Den(?=\s)")
_THEY = re.compile(r"^\s*De(?=\s)")
_NEGATION = re.compile(r"\b(?:inte|ej|icke)\b", re.IGNORECASE)
_LIST_ONLY = re.compile(r"^(?:följande|bland\s+annat|bl\.\s?a\.|till\s+exempel|t\.\s?ex\.)?\s*:?$", re.I)
_TASK = re.compile(r"\s*(?:\w+\s+)?uppgift(?:er)?\s+(?:är|omfattar|hör)\s*(?:att\s+)?", re.IGNORECASE)


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
            state.facts.part(child, state.municipality(seg), "part", seg, "part.sv.municipality", 0.7)


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
            state.facts.part(name, parent, "part", seg, "part.sv.heading-items", 0.65)


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
        _duties(state, i, found)
        parts(state, i, found)
        layout.read_lists(state, listed, i, list_names)
        heads(state, i, found)
        _prose_sites(state, state.segs[i], found)
        subject = state.subject(state.segs[i], found)
        named = subject is not None and subject.kind != "municipality"
        state.previous = state.resolve(state.segs[i], subject) if subject and named else None
        state.about = state.topics(state.segs[i], found)
    _heading_items(state)
    member_lines(state)  # "Name, title, unit" / "Unit, title Name"
    collective(state)  # "Nämndernas uppgift är …" for each nämnd the page names, before or after
    find_sites(state.facts, state.segs, state.section, is_post, lambda name, seg: state.municipality(seg))
    return state.facts.extraction()


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
    found = [m for m in state.mentions(seg.text) if not _activity(seg, m)]
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


def _activity(seg: Segment, m: Mention) -> bool:
    """An indefinite "-förvaltning" after a duty verb is what a body does, not a body."""
    if not seg.text[m.start : m.end].lower().endswith("förvaltning"):
        return False
    cue = _DUTY.search(seg.text, 0, m.start)
    return cue is not None and not _NEGATION.search(seg.text[cue.start() : m.start])


# --- duties -------------------------------------------------------------------------------------------


def _heading_list(state: State, i: int, found: list[Mention]) -> None:
    """A heading that names a body, then bullets that say what it does ("• leder stadens förvaltning")
    or which parts it has ("• har koncernsektionen, allmänna sektionen och planeringssektionen")."""
    seg = state.segs[i]
    if not (seg.heading and len(found) == 1 and found[0].refers is None):
        return
    if found[0].end - found[0].start < len(seg.text.strip()) - 1:
        return
    for item in state.items_after(i):
        text = item.text.strip().rstrip(" .;")
        wanted = re.match(r"har\s", text) or (_DUTY.match(text) and not _NEGATION.search(text[:30]))
        org = state.resolve(seg, found[0]) if wanted else None
        if org and re.match(r"har\s", text):
            named_children(state, item, org, 4)
        elif org:
            state.facts.duty(
                org, re.sub(r"\s+(?:samt|och)$", "", text), item.start, item.end, "duty.sv.heading-list", 0.7
            )


def _duties(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    _heading_list(state, i, found)
    subject = state.subject(seg, found)
    plural = state.plural(i) if subject is None else None
    pronoun = _PRONOUN.match(seg.text) if subject is None and state.previous else None
    if plural is not None:
        _plural_duties(state, seg, *plural)
        return
    if pronoun is not None and state.previous:  # "Koncernförvaltningen är … . Den svarar för …"
        _plural_duties(state, seg, pronoun.end(), [state.previous])
        return
    they = _THEY.match(seg.text) if subject is None else None
    if they is not None and state.about:  # "Stadsledningens uppgift är … . De ansvarar för …"
        _plural_duties(state, seg, they.end(), state.about)
        return
    if subject is None:
        _task_duty(state, i, found)
        _relative_duties(state, seg, found)
        return
    rest_at = _GAP.match(seg.text, subject.end).end()  # type: ignore[union-attr]
    cue = _DUTY.match(seg.text, rest_at)
    also = _IS_AND.match(seg.text, subject.end) if cue is None else None
    if also:  # "Kommunstyrelsen är kommunens ledande förvaltningsorgan och har hand om ekonomin"
        cue = _DUTY.match(seg.text, also.end())
    if cue is None:
        _task_duty(state, i, found)
        _relative_duties(state, seg, found)
        return
    if _NEGATION.search(cue.group()) or _NEGATION.match(seg.text[cue.end() :].lstrip()):
        return
    org = state.resolve(seg, subject)
    if org is None:
        return
    if _LIST_ONLY.match(seg.text[cue.end() :].strip()):
        _list_duties(state, i, org)
        return
    if _DANGLING.search(seg.text.rstrip(" .")) and state.items_after(i):
        _list_duties(state, i, org)  # one duty per bullet: "… ärenden som handlar om • Äldreomsorg • Miljö"
        return
    state.facts.duty(org, seg.text[cue.start() :].rstrip(" ."), seg.start, seg.end, "duty.sv.verb", 0.8)


def _plural_duties(state: State, seg: Segment, at: int, orgs: list[str]) -> None:
    """ "Sektionerna beslutar om …": the same duty for each body the plural refers to ("Den svarar
    för …": the body the sentence before was about)."""
    cue = _DUTY.match(seg.text, _GAP.match(seg.text, at).end())  # type: ignore[union-attr]
    if cue is None or _NEGATION.search(cue.group()) or _NEGATION.match(seg.text[cue.end() :].lstrip()):
        return
    for org in orgs:
        text = seg.text[cue.start() :].rstrip(" .")
        state.facts.duty(org, text, seg.start, seg.end, "duty.sv.reference", 0.7)


def _relative_duties(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Idrottsservicehelheten, som ansvarar för idrotten …": a duty in a relative clause."""
    for m in found:
        rel = _RELATIVE.match(seg.text, m.end)
        cue = _DUTY.match(seg.text, rel.end()) if rel else None
        if cue is None or m.refers == "municipality":
            continue
        org = state.resolve(seg, m)
        text = re.split(r"[.;]", seg.text[cue.start() :])[0]
        if org and not _NEGATION.search(cue.group()):
            state.facts.duty(org, text, seg.start, seg.end, "duty.sv.relative", 0.7)


def _task_duty(state: State, i: int, found: list[Mention]) -> None:
    """ "<organ>s uppgift är att …" / "Till <organ>s uppgifter hör …" (or the list that follows)."""
    seg = state.segs[i]
    for m in found[:1]:
        if not m.genitive or not re.match(r"^\s*(?:Till\s+)?$", seg.text[: m.start]):
            continue
        task = _TASK.match(seg.text, m.end)
        org = state.resolve(seg, m) if task else None
        if task is None or org is None:
            continue
        if _LIST_ONLY.match(seg.text[task.end() :].strip()):
            _list_duties(state, i, org)
        else:
            state.facts.duty(
                org, seg.text[task.end() :].rstrip(" ."), seg.start, seg.end, "duty.sv.task", 0.75
            )


def _list_duties(state: State, i: int, org: str) -> None:
    """The bulleted items after "<organ> ansvarar för:" — one duty each."""
    for seg in state.items_after(i):
        state.facts.duty(org, seg.text, seg.start, seg.end, "duty.sv.list", 0.75)
