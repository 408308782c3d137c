"""Swedish part-of rules.

"<organ> är indelat i följande avdelningar: a, b och c", "<organ> består av fyra sektorer:" with the
bullets after it, "<organ>s enheter är a, b samt c", "Under <organ> verkar dessutom a, b samt c",
"Inom <organ> verkar <organ>", and "<organ> är underställd / lyder under / hör till / ingår i <organ>".
"""

from __future__ import annotations

import itertools
import re

from ...model import Relation
from ..core.enumeration import count_value, split_list
from ..core.segments import Segment
from . import lexicon, mentions
from .context import State
from .mentions import Mention

_LEAD = re.compile(r"^\s*(?:(?:Dessutom|Därtill|Vidare|Även|Också)\s*,?\s*)?(?:Hela\s+)?$")
_COUNT = r"(?:följande|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+)"
_TAIL = (
    r"(?:\s+(?P<count>"
    + _COUNT
    + r")\s+(?P<noun>[^:.,]{0,50}?)\s*(?:(?P<colon>:)|(?P<comma>,)|(?P<end>\.?\s*$)))?\s*"
)
_ENUM = re.compile(
    r"\s*(?:är\s+(?:in|upp)?dela(?:de|d|t)\s+i|(?:in|upp)?delas\s+(?:in\s+)?i|består\s+av|omfattar|"
    r"innefattar|utgörs\s+av|är\s+organiserad[et]?\s+i|(?P<has>har(?:\s+(?:tillsatt|inrättat))?))" + _TAIL,
    re.IGNORECASE,
)
_UNITS_ARE = re.compile(
    r"\s+(?P<noun>(?:\w+)?(?:enheter|avdelningar|sektorer|sektioner|byråer|servicehelheter|resultatområden|"
    r"verksamhetsområden|ansvarsområden|tjänster|nämnder))(?:\s+(?:är|omfattar)\s*:?|\s*:)\s*",
    re.IGNORECASE,
)
_FRONT = re.compile(
    r"(?:^|,|\boch)\s*(?:[Dd]irekt\s+)?"
    r"(?:Till|Under|Inom|I|till|under|inom|I\s+anslutning\s+till|i\s+anslutning\s+till)\s+$"
)
_FRONT_VERB = re.compile(
    r"\s*(?:hör|finns|verkar|lyder|ingår)\s+(?:dessutom\s+|också\s+|även\s+)?"
    r"(?:(?P<count>" + _COUNT + r")\s+(?P<noun>[^:.,]{0,50}?)\s*(?:(?P<colon>:)|(?P<end>\.?\s*$)))?\s*",
    re.IGNORECASE,
)
_RELATION = re.compile(
    r"^\s*,?\s*(?:som\s+)?(?:(?P<sub>(?:är|är\s+direkt)\s+(?:underställd|underordnad)[ae]?|"
    r"(?:lyder|verkar|sorterar)\s+(?:direkt\s+)?under|"
    r"(?:är|blir|kommer\s+att\s+vara)\s+(?:direkt\s+)?(?:placerad|placerat|placerade)\s+under)|"
    r"(?P<part>hör\s+till|hör\s+under|är\s+(?:en\s+)?del(?:ar)?\s+av|ingår\s+i|(?:verkar|finns|ligger)\s+inom|"
    r"inom|av))\s+$",
    re.IGNORECASE,
)
_TILL_HOR = re.compile(r"(?:^|,|\boch)\s*(?:Till|till)\s+\S+\s+hör\s", re.IGNORECASE)
#: Words that open no body name in a "Till <organ> hör …" list: tasks, members, quantities.
_NOT_A_PART = re.compile(
    r"^(?:ansvar|uppgift|ärend|ledamot|ledamöter|medlem|personal|många|flera|olika|alla|övriga|samtliga|"
    r"ett\s+antal|bland\s+annat|bl\.)",
    re.IGNORECASE,
)
_INVERTED = re.compile(
    r"^\s*(?:Dessutom|Därtill|Vidare|Även|Också)\s*,?\s+(?:verkar|finns|hör|lyder)\s+(?:även\s+|också\s+)?"
    r"(?P<prep>inom|under|till|i)\s+$",
    re.IGNORECASE,
)
_AND = re.compile(r"^\s*(?P<is>är\s+(?:en\s+|ett\s+)?)?(?:[\wåäö-]+\s+)?och\s+(?=\S)")
_IS = re.compile(r"^\s*är\s+(?:en\s+|ett\s+)?$")
_COORD = re.compile(r"^\s*(?:,|och|samt)\s+(?:(?:den|det)\s+)?$")
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


def parts(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    subject = state.subject(seg, found)
    if subject is not None:
        enum = _ENUM.match(seg.text, subject.end)
        structural = bool(enum and enum.group("count") and not enum.group("comma"))
        if enum and enum.group("has") and enum.group("comma"):
            _enumeration(state, i, subject, enum, False)
            enum = None
        appointed = bool(enum and enum.group("has") and " " in enum.group("has"))  # "har tillsatt en …"
        if enum and (structural or not enum.group("has") or appointed):
            _enumeration(state, i, subject, enum, structural)
            composed = _CONSISTS.search(seg.text[subject.end : enum.end()])
            if composed and not structural and subject.kind not in _ORGANS_WITH_MEMBERS:
                _loose_children(state, seg, subject, enum.end())  # "X består av biblioteket och kulturskolan"
    if found and found[0].genitive and _LEAD.match(seg.text[: found[0].start]):
        units = _UNITS_ARE.match(seg.text, found[0].end)
        if units:
            _enumeration(state, i, found[0], units, True)
    for m in found:
        window = seg.text[max(0, m.start - 40) : m.start]
        front = _FRONT_VERB.match(seg.text, m.end) if _FRONT.search(window) else None
        if front:
            sub = re.search(r"under\s+$", window, re.IGNORECASE) is not None
            _enumeration(state, i, m, front, bool(front.group("count")), "subordinate" if sub else "part")
            if not front.group("count") and _TILL_HOR.search(seg.text[: front.end()]):
                _loose_children(state, seg, m, front.end())
            break
    _pronoun_parent(state, seg, found)
    for (
        m
    ) in found:  # "kommunstyrelsen med två tillhörande utskott, beredningsutskottet och personalutskottet"
        belonging = _WITH_OWN.match(seg.text, m.end)
        if belonging and m.kind != "municipality" and (parent := state.resolve(seg, m, create=True)):
            named_children(state, seg, parent, belonging.end())
    inverted = _INVERTED.match(seg.text[: found[0].start]) if found else None
    if inverted:  # "Dessutom verkar inom stadskansliet X, som …"
        relation: Relation = "subordinate" if inverted.group("prep").lower() == "under" else "part"
        parent = state.resolve(seg, found[0], create=True)
        if parent:
            named_children(state, seg, parent, found[0].end, relation)
    _relations(state, seg, found)
    _is_owners(state, seg, found)


#: "<body> är <organ>s förvaltning / ämbetsverk / kansli": the owner's administrative body.
_OWNERS_CLASS = re.compile(
    r"\s+(?:(?:förvaltning|ämbetsverk|kansli|stab|sekretariat|förvaltningsorgan)(?:en|et)?)\b", re.IGNORECASE
)


def _is_owners(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Kommunledningskontoret är kommunstyrelsens förvaltning": the subject is a part of the organ
    it serves (the bare class noun after the genitive names no other body)."""
    if len(found) < 2 or found[0].start > 4 or found[0].refers is not None or found[0].genitive:
        return
    owner = found[1]
    if not owner.genitive or not re.fullmatch(r"\s+är\s+", seg.text[found[0].end : owner.start]):
        return
    if _OWNERS_CLASS.match(seg.text, owner.end) is None:
        return
    child, parent = state.resolve(seg, found[0]), state.resolve(seg, owner, create=True)
    if child and parent:
        state.facts.part(child, parent, "part", seg, "part.sv.owners-body")


_CONSISTS = re.compile(r"\b(?:består\s+av|omfattar)\b", re.IGNORECASE)
#: Organs whose composition is their members ("Nämnden består av sju ledamöter"), not units.
_ORGANS_WITH_MEMBERS = frozenset(("council", "board", "committee", "team"))

_WITH_OWN = re.compile(
    r"\s+med\s+(?:sina\s+|dess\s+)?(?:" + _COUNT + r"\s+)?(?:tillhörande|underlydande|underställda)\s+"
    r"[\wåäö-]+\s*[,:]\s*",
    re.IGNORECASE,
)
_TILL_PRONOUN = re.compile(
    r"(?:,|\boch)\s+till\s+(?:den|det|dem)\s+hör\s+(?:(?:bland\s+annat|bl\.\s?a\.|även|också)\s+)?"
    r"(?:(?:enhete|avdelninga|sektione|byråe|sektore|funktione)r(?:na)?\s+)?",
    re.IGNORECASE,
)


def _pronoun_parent(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Direktören leder avdelningen för teknik och miljö och till den hör bland annat enheterna A, B
    samt C": "den" is the body named last before it; the items are its parts."""
    cue = _TILL_PRONOUN.search(seg.text)
    before = [m for m in found if m.end <= (cue.start() if cue else 0) and m.kind != "municipality"]
    if cue is None or not before:
        return
    parent = state.resolve(seg, before[-1], create=True)
    listed = re.split(r"[.;:]", seg.text[cue.end() :])[0]
    for piece in re.split(r"\s*,\s*", listed.strip()):
        for item in _coordinated(piece):
            child = _child(state, seg, item, "unit")
            if child and parent and child != parent:
                state.facts.part(child, parent, "part", seg, "part.sv.till-den-hor")


def _relations(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "<organ> (och <organ>) är underställd(a) / lyder under / hör till <organ>"."""
    for k, (m, nxt) in enumerate(itertools.pairwise(found)):
        gap = seg.text[m.end : nxt.start]
        also = _AND.match(gap)  # "Stadskansliet är stadsstyrelsens ämbetsverk och lyder under …"
        rel = _RELATION.match(gap[also.end() :] if also else gap)
        if rel is None or lexicon.is_post(seg.text[m.start : m.end].split()[-1]):
            continue
        if also and not also.group("is"):  # the relation is the subject's: "A är Bs ämbetsverk och lyder …"
            if k == 0 or not _IS.match(seg.text[found[k - 1].end : m.start]):
                continue
            m, k = found[k - 1], k - 1
        children = [m]
        while k > 0 and _COORD.match(seg.text[found[k - 1].end : found[k].start]):
            children.append(found[k - 1])
            k -= 1
        parent = state.resolve(seg, nxt, create=True)
        for c in children:
            child = state.resolve(seg, c)
            if child and parent and rel.group("sub"):
                state.facts.part(child, parent, "subordinate", seg, "part.sv.subordinate")
            elif child and parent:
                state.facts.part(child, parent, "part", seg, "part.sv.part")


def _enumeration(
    state: State,
    i: int,
    parent_m: Mention,
    enum: re.Match[str],
    structural: bool,
    relation: Relation = "part",
) -> None:
    """Children listed after an enumeration cue, in the sentence or in the bullets that follow it."""
    seg = state.segs[i]
    parent = state.resolve(seg, parent_m, create=True)
    if parent is None:
        return
    noun = (enum.groupdict().get("noun") or "").strip().lower()
    kind = next((k for stem, k in _NOUN_KINDS.items() if stem in noun), "unit")
    listed = seg.text[enum.end() :].rstrip(" .")
    if lexicon.is_post(listed.split(" ")[0] if listed else ""):
        return
    if not structural:
        named_children(state, seg, parent, enum.end(), relation)
        return
    expected = count_value(enum.groupdict().get("count"))
    texts = [t for _, _, t in split_list(listed, 0, ("och", "samt"), _named, expected)]
    if not listed.strip():
        texts = [s.text.rstrip(" .;") for s in state.items_after(i)]
    for text in texts:
        child = _child(state, seg, re.split(r",?\s+som\s", text)[0], kind)
        if child:
            state.facts.part(child, parent, "part", seg, "part.sv.enumeration")


def named_children(state: State, seg: Segment, parent: str, at: int, relation: Relation = "part") -> None:
    """Each body named in an enumeration without a count ("… verkar nämnden X samt dess tre
    sektioner, A, B samt C"): a part of the parent, or — after "dess"/"deras" — of the item before."""
    previous = None
    limit = _post_modifier_start(seg.text, at)
    for m in mentions.mentions(seg.text):
        if m.start < at or m.refers is not None or m.genitive or m.kind == "municipality":
            continue
        if m.start >= limit:
            break  # "… består av generaldirektören, cheferna för A, B och C": bodies a post names
        if previous and re.search(r"\b(?:dess|deras)\b", seg.text[at : m.start]):
            parent = previous
        child = state.resolve(seg, m)
        if child:
            state.facts.part(child, parent, relation, seg, "part.sv.enumeration")
            previous, at = child, m.end


def _post_modifier_start(text: str, at: int) -> int:
    """Where an enumeration ends: at a relative clause ("… en koncernsektion som behandlar ärenden som
    rör stadens koncernbolag"), or where it turns into the modifier of a post ("cheferna för A, B och
    C", gold convention C: posts in an enumeration are skipped, and so are the bodies they name)."""
    relative = re.search(r",?\s+(?:som|vilken|vilka)\s", text[at:])  # "… en koncernsektion som behandlar …"
    end = at + relative.start() if relative else len(text)
    for w in re.finditer(r"\b([\wåäö-]+)\s+för\s", text[at:end]):
        if lexicon.is_post(w.group(1)):
            return at + w.start()
    return end


def _loose_children(state: State, seg: Segment, parent_m: Mention, at: int) -> None:
    """ "Till fritidsavdelningen hör biblioteket och ungdomsgården samt simhallen Vågen": in this
    construction the items are parts even without a body noun, so each short noun phrase that is no
    body word, post, task or quantity is a part ("kommunens museum och musikskola" gives two)."""
    parent = state.resolve(seg, parent_m, create=True)
    listed = re.split(r"[.;:]", seg.text[at:])[0]
    if parent is None or _NOT_A_PART.match(listed.strip()) or re.match(r"\s*att\s", listed):
        return
    for _, _, piece in split_list(listed, 0, ("och", "samt"), _named):
        for item in _coordinated(re.sub(r"^(?:även|också|dessutom)\s+", "", piece.strip())):
            if _NOT_A_PART.match(item) or any(m.refers != "municipality" for m in mentions.mentions(item)):
                continue
            child = _child(state, seg, item, "unit")
            if child:
                state.facts.part(child, parent, "part", seg, "part.sv.enumeration")


def _coordinated(piece: str) -> list[str]:
    """ "museum och musikskola samt Gator och parker" → its items: "samt" always separates, "och"
    only between lower-case words (in "Gator och parker" it belongs to a capitalised name)."""
    items: list[str] = []
    for part in re.split(r"\s+samt\s+", piece):
        halves = re.split(r"(?<!-)\s+och\s+", part)
        if len(halves) == 2 and not part[:1].isupper() and all(len(h.split()) <= 3 for h in halves):
            items.extend(halves)
        else:
            items.append(part)
    return [t for t in items if t]


def _named(text: str) -> bool:
    return any(m.refers is None for m in mentions.mentions(text))


def _child(state: State, seg: Segment, text: str, kind: str) -> str | None:
    """The body an enumeration item names: a recognised body name, or (after "följande X:") the item."""
    text = re.sub(r"^(?:och|samt)\s+", "", text.strip(" ,"))
    text = re.sub(r"^(?:den|det|de)\s+(?=[a-zåäö])", "", text)  # "den grundläggande utbildningen"
    text = re.sub(r"\s+(?:och|samt)$", "", text)
    found = [m for m in mentions.mentions(text) if m.refers != "municipality"]
    if found and found[0].start == 0 and found[0].end >= len(text) - 1:
        m = found[0]
        if text[:1].isupper() and text.lower() in (a.lower() for a in m.aliases) and m.refers is None:
            written = (
                text[:1].lower() + text[1:]
            )  # a unit listed by its name as written: "Lokalitetsförvaltning"
            return state.facts.body(written, m.kind, seg, "body.sv.enumerated", aliases=(m.name,))
        return state.resolve(seg, m)
    words = text.split()
    if not words or len(words) > 6 or re.search(r"\d|[()]", text) or lexicon.is_post(words[0]):
        return None
    if lexicon.is_post(words[-1]):
        return None  # a post in a composition, "tekniska direktören" (convention C)
    name = text[:1].lower() + text[1:] if not text[1:2].isupper() else text
    return state.facts.body(name, kind, seg, "body.sv.enumerated")
