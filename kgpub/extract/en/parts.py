"""English part-of rules.

"<Body> is made up of / consists of / is divided into / comprises …: a, b and c" (or the bullets after
it), "<Body> has, directly subordinate to …, a, b and c", "There are seven units …: a, b, c" (the
page's body), "Within <body> there operate a and b", "<Body> (and <Body>) is part of / belongs to / is
subordinate to / reports to <Body>".
"""

from __future__ import annotations

import itertools
import re

from ...model import Relation
from ..core.enumeration import count_value, split_list
from ..core.facts import words
from ..core.segments import Segment
from . import names
from .context import State, items_after, known, municipality, plural, resolve, subject_of, topic
from .names import Mention

_COUNT = r"(?:the\s+following|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
#: "various divisions and units, including: …" — a list without a number, only of body nouns.
_VAGUE = r"(?:various|several|many|multiple|a\s+number\s+of)"
_BODY_NOUNS = re.compile(
    r"\b(?:sub-?)?(?:divisions|departments|units|sections|offices|centres|centers|teams|agencies|sectors|"
    r"groups)\b",
    re.IGNORECASE,
)

_ENUM = re.compile(
    r"\s*(?:(?:is|are)\s+(?:made\s+up\s+of|divided\s+(?:up\s+)?(?:into|between|among)|composed\s+of|comprised\s+of|organi[sz]ed\s+into|"
    r"split\s+into)|consists?\s+of|comprises?|includes?|encompass(?:es)?|(?P<has>has|have))"
    r"(?P<aside>\s*,\s*(?:directly\s+)?subordinated?\s+to\s+[^,]+,)?"
    r"\s+(?:(?P<count>" + _COUNT + "|" + _VAGUE + r")\s+(?P<noun>[^:.,]{0,40}?)\s*"
    r"(?:(?P<colon>:)|,?\s*(?:which|that)\s+(?:are|is)\s*:?|,?\s*namely\s*,?|,\s*including\s*:?|"
    r",\s*(?:known|referred\s+to)\s+as\s+[a-z][a-z\s-]{0,30}:|"
    r"(?P<end>\.?\s*$)))?\s*",
    re.IGNORECASE,
)

_THERE = re.compile(r"^\s*There\s+(?:are|is)\s+(?:also\s+)?(?P<count>" + _COUNT + r")\s+(?P<noun>[^:]+):\s*")

_WITHIN = re.compile(
    r"^\s*(?:(?:Additionally|In addition|Also)\s*,\s*)?(?:within|in|under)\s+(?:the\s+)?$", re.I
)

_OPERATE = re.compile(r"\s*there\s+(?:operates?|is|are|works?)\s+", re.IGNORECASE)
#: "Within the Office of the CEO are several important strategic functions such as a, b and c": a
#: class noun announces the items, which are the body's parts even without a body word of their own.
_WITHIN_ARE = re.compile(
    r"\s*,?\s*(?:there\s+)?(?:are|is|sit|operate)\s+(?:also\s+)?(?:(?P<count>"
    + _COUNT
    + "|"
    + _VAGUE
    + r")\s+)?"
    r"(?P<noun>(?:[\w-]+\s+){0,3}?(?:functions|units|teams|services|sections|departments|offices|divisions|"
    r"branches|areas|directorates))\s*(?:,?\s*such\s+as|,?\s*including|:|,?\s*namely)\s*",
    re.IGNORECASE,
)

_RELATION = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:(?P<sub>(?:is|are)\s+(?:(?:a|an)\s+\w+\s+)?(?:directly\s+)?subordinated?\s+to|"
    r"reports?\s+to|operates?\s+(?:subordinate\s+to|under)|works?\s+under|(?:is|are)\s+under)|"
    r"(?P<part>(?:is|are)\s+(?:a\s+)?part\s+of|(?:is|are)\s+one\s+of|belongs?\s+to|(?:is|are)\s+(?:a|an)\s+\w+\s+(?:of|within)|"
    r"falls?\s+under|sits?\s+(?:within|in|under)|(?:is|are)\s+(?:located|housed|placed)\s+(?:within|in|under)|"
    r"(?:is|are)\s+within|operates?\s+within))\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_NESTED = re.compile(r"(?:^|,\s*|\s+and\s+)(?P<count>" + _COUNT + r")\s+(?P<noun>[^:,.]{1,40}):\s*")

#: "five committees, which are directly subordinate to the City Board:" — the parent follows the count.
_COUNTED_UNDER = re.compile(
    r"\b(?P<count>"
    + _COUNT
    + r")\s+(?P<noun>[^:.,]{1,40}?),\s*(?:which|that|all\s+of\s+which)\s+(?:are|is)\s+"
    r"(?:directly\s+)?(?P<sub>subordinated?\s+to|under|part\s+of)\s+(?:the\s+)?",
    re.IGNORECASE,
)

_COORD = re.compile(r"^\s*(?:,|and|as\s+well\s+as)\s+(?:the\s+)?$")


#: "The duties of the Ministry are divided between eight departments": the body after "of" is the subject.
_WORK_OF = re.compile(
    r"^\s*The\s+(?:duties|work|tasks|activities|operations|functions)\s+of\s+(?:the\s+)?$", re.I
)
#: A piece of an enumeration that only counts a class: "two result divisions".
_COUNTED_PIECE = re.compile(r"^\s*(?P<count>" + _COUNT + r")\s+(?P<noun>(?:[\w-]+\s+){0,2}[\w-]+s)\s*$", re.I)
#: How many segments after a count the bodies it announces are looked for.
ANNOUNCED_WINDOW = 30


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: "… Division 1 of June 2017", "… Division 2024": the date an organisation chart is valid from.
_DATED = re.compile(r"\s+(?:\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"\s+)?\d{4}\s*$")
#: Class nouns of the units an organisation section presents.
_UNIT_NOUNS = words("department unit section division team office services service directorate branch centre")


def _organisation_section(state: State, i: int, found: list[Mention]) -> None:
    """ "Organisation of the Social Services and Health Care Division 1 of June 2017" and, under it, "The
    Family and Social Services Department manages …", "The Hospital … Department manages …": each unit
    a sentence of the section opens with is a part of the body the heading names."""
    seg = state.segs[i]
    titled = not seg.bullet and not seg.text.rstrip().endswith((".", ":", "!", "?", ";", ","))
    if seg.heading or (titled and names.ASPECT_OF.match(seg.text.strip())):  # a dated title is no "heading"
        text = _DATED.sub("", seg.text.strip())
        aspect = names.ASPECT_OF.match(text)
        rest = text[aspect.end() :] if aspect else ""
        kind = names.body_kind(rest) if rest else None
        state.organisation_of = (
            state.facts.find(rest) or state.facts.body(rest, kind, seg, "body.en.heading") if kind else None
        )
        return
    parent = state.organisation_of
    subject = subject_of(state, seg, found) if parent else None
    if parent is None or subject is None or subject.refers is not None or subject.what != "body":
        return
    written = seg.text[subject.start : subject.end].split()
    if written and names.head_word(written[-1]) in _UNIT_NOUNS:
        child = resolve(state, seg, subject)
        if child and child != parent:
            state.facts.part(child, parent, "part", seg, "part.en.enumeration")


def parts(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    _organisation_section(state, i, found)
    subject = subject_of(state, seg, found)
    if subject is None:
        subject = _work_of(state, seg, found)
    if subject is not None:
        enum = _ENUM.match(seg.text, subject.end)
        if (
            enum
            and re.match(_VAGUE, enum.group("count") or "", re.I)
            and not _BODY_NOUNS.search(enum["noun"])
        ):
            enum = None  # "offers various services, including cleaning": no parts
        structural = bool(enum and (enum.group("count") or enum.group("aside")))
        has_a = enum is not None and re.match(r"(?:also\s+)?an?\s", seg.text[enum.end() :]) is not None
        if enum and (structural or not enum.group("has") or has_a):  # "has a Group Section"
            _enumeration(state, i, resolve(state, seg, subject), enum, structural)
    there = _THERE.match(seg.text)
    if there:
        participle = _PARTICIPLE.search(there.group("noun"))
        end = there.start("noun") + participle.start() if participle else there.end("noun")
        inside = [m for m in found if there.start("noun") <= m.start < end and m.what == "body"]
        own = _OWN_PLURAL.match(there.group("noun"))
        parent = (
            resolve(state, seg, inside[-1])
            if inside
            else municipality(state, seg)
            if own
            else topic(state, seg)
        )  # "There are 10 City departments including: …": the city's departments
        before = set(state.facts.part_of)
        _enumeration(state, i, parent, there, True)
        _collective_duty(state, seg, there.group("noun"), [c for c, _ in set(state.facts.part_of) - before])
    _within(state, i, found)
    _its_include(state, i)
    _has_list(state, i, found)
    _possessive(state, seg, found)
    _counted_under(state, i, found)
    _relations(state, seg, found)
    _of_and_its(state, seg, found)
    _subject_relations(state, i, found)


#: "City departments", "Council services": a plural class owned by the municipality (convention B).
_OWN_PLURAL = re.compile(r"(?:City|Town|Municipal|Council|County)\s+[a-z]+s\b")


def _possessive(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "the council’s Strategic Leadership Team": a body named with its owner in the possessive is
    the owner's part (gold convention B for the municipality, F for any body)."""
    for m, nxt in itertools.pairwise(found):
        if (
            m.what == "body"
            and nxt.what == "body"
            and nxt.refers is None
            and _OWNS.fullmatch(seg.text[m.end : nxt.start])
        ):
            owner, child = resolve(state, seg, m) or _own_word(state, seg, m), resolve(state, seg, nxt)
            if owner and child:
                state.facts.part(child, owner, "part", seg, "part.en.possessive")


_OWNS = re.compile(r"[’']s\s+")


def _own_word(state: State, seg: Segment, m: Mention) -> str | None:
    """ "the council’s …", "the city’s …" with no council named before: the generic word names the
    organisation (gold convention B)."""
    if m.refers in ("city", "municipality"):
        return municipality(state, seg)
    if m.refers == "council":
        return state.facts.body(m.name.lower(), "council", seg, "body.en.organ")
    return None


_PARTICIPLE = re.compile(
    r"\b(?P<duty>(?!(?:including|following|concerning|regarding)\b)[a-z]+ing\b.*?)"
    r"(?:\s+(?:under|within|in)\s+(?:the\s+)?[A-Z][^,]*)?$"
)


def _collective_duty(state: State, seg: Segment, noun: str, children: list[str]) -> None:
    """ "There are also seven group units guiding and supporting the operation of …: a, b, …": what
    the listed bodies do, stated once for all of them (gold convention E), is a duty of each."""
    found = _PARTICIPLE.search(noun)
    if found is None or not children:
        return
    for child in sorted(children):
        state.facts.duty(child, found.group("duty"), seg.start, seg.end, "duty.en.collective")


def _counted_under(state: State, i: int, found: list[Mention]) -> None:
    """ "The city has five committees, which are directly subordinate to the City Board:" and the
    committees listed after the colon (or in the bullets below): each is subordinate to that body."""
    seg = state.segs[i]
    cue = _COUNTED_UNDER.search(seg.text)
    body = next((m for m in found if cue and m.start == cue.end() and m.what == "body"), None)
    parent = resolve(state, seg, body) if cue and body else None
    if cue is None or body is None or parent is None:
        return
    rest = re.match(r"\s*:\s*", seg.text[body.end :])
    if rest is None:
        return
    relation: Relation = "subordinate" if cue.group("sub").lower().startswith("subordinat") else "part"
    listed = seg.text[body.end + rest.end() :].rstrip(" .")
    _children(state, i, parent, listed, count_value(cue.group("count")), cue.group("noun"), True, relation)


def _subject_relations(state: State, i: int, found: list[Mention]) -> None:
    """ "It operates under the Technical Board", "Both committees report to the City Board": a pronoun
    or a plural reference as the child of a relation."""
    seg = state.segs[i]
    subject = subject_of(state, seg, found)
    if subject is not None and any(m.start == subject.start for m in found):
        return  # a named subject: ``_relations`` reads it
    refers = plural(state, i) if subject is None else None
    if subject is None and refers is None:
        return
    end, children = (subject.end, [resolve(state, seg, subject)]) if subject else refers  # type: ignore[misc]
    nxt = next((m for m in found if m.what == "body" and m.start >= end), None)
    rel = _RELATION.match(seg.text[end : nxt.start]) if nxt else None
    parent = resolve(state, seg, nxt) if nxt and rel else None
    for child in children:
        if child and parent and rel:
            relation = "subordinate" if rel.group("sub") else "part"
            state.facts.part(child, parent, relation, seg, f"part.en.{relation}")  # type: ignore[arg-type]


def _enumeration(state: State, i: int, parent: str | None, enum: re.Match[str], structural: bool) -> None:
    """Children listed after an enumeration cue, in the sentence or in the bullets that follow it."""
    if parent is None:
        return
    listed = re.split(r",\s*(?:which|that|who)\s", state.segs[i].text[enum.end() :].rstrip(" ."))[0]
    nested = _NESTED.search(listed)
    if nested:  # "the City Council, the City Board and four sectors: a, b, c and d"
        tail, count = listed[nested.end() :], count_value(nested.group("count"))
        _children(state, i, parent, tail, count, nested.group("noun"), True)
        listed = listed[: nested.start()]
    count = count_value(enum.groupdict().get("count"))
    _children(state, i, parent, listed, count, enum.groupdict().get("noun") or "", structural)


def _children(
    state: State,
    i: int,
    parent: str,
    listed: str,
    expected: int | None,
    noun_text: str,
    structural: bool,
    relation: Relation = "part",
) -> None:
    """Each item of ``listed`` (or of the bullets after segment i) that names a body is a child."""
    seg = state.segs[i]
    pieces = [t for _, _, t in split_list(listed, 0, ("and", "as well as"), _named_or_classed, expected)]
    noun = noun_text.lower()
    if not listed.strip() and structural:
        pieces = [s.text.rstrip(" .;") for s in items_after(state.segs, i)]
        if not pieces:  # "is divided into four divisions and the Central Administration."
            pieces = [m.name for m in names.mentions(noun_text) if m.what == "body" and m.refers is None]
    kind = next((k for h, k in names.STRONG.items() if h in noun), "unit")
    structural = structural or _all_names(pieces, _collegial(parent))
    counted = [_COUNTED_PIECE.match(t) for t in pieces]
    if not listed.strip() and structural and not pieces and expected:
        _announced(state, i, parent, expected, noun)  # "… is divided between eight departments."
    for c in counted:
        if c is not None and count_value(c["count"]):
            _announced(state, i, parent, count_value(c["count"]) or 0, c["noun"])
    for text in pieces:
        child = _child(state, seg, text, kind, structural)
        if child:
            rule = "part.en.enumeration" if relation == "part" else "part.en.subordinate"
            state.facts.part(child, parent, relation, seg, rule)


#: Bodies whose members are people: a list of names after them may name persons.
_COLLEGIAL = words(
    "council board committee commission subcommittee assembly cabinet panel government group team"
)


def _collegial(parent: str) -> bool:
    ws = parent.split()
    return bool(ws) and names.head_word(ws[-1]) in _COLLEGIAL


def _all_names(pieces: list[str], members: bool = True) -> bool:
    """ "includes Planning, Highways and Waste Services": every item a capitalised name of at most five
    words (no post; no person where the parent has members — a department's "Vantaa Infos" is a unit),
    at least one of them a body — the items name units, not activities."""
    items = [re.sub(r"^(?:the\s+)", "", p.strip(" ,.")) for p in pieces]
    if len(items) < 2 or not any(_named(t) for t in items):
        return False
    for item in items:
        ws = item.split()
        if not 0 < len(ws) <= 5 or not all(w[:1].isupper() or w in ("and", "&", "of") for w in ws):
            return False
        kinds = ("post", "person") if members else ("post",)
        if names.is_post(item) or any(m.what in kinds for m in names.mentions(item)):
            return False
    return True


def _named_or_classed(text: str) -> bool:
    """An item that names a body, or a lower-case one ending in a class noun ("a service unit")."""
    return _named(text) or _classed(re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,")).split() or ["-"])


def _named(text: str) -> bool:
    return any(m.what == "body" and m.refers is None for m in names.mentions(text))


def _child(state: State, seg: Segment, text: str, kind: str, structural: bool) -> str | None:
    """The body an enumeration item names: a recognised name, or (in a structural list) the item."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,"), flags=re.IGNORECASE)
    text = re.sub(r",?\s+and$", "", text)
    found = [m for m in known(state, text, names.mentions(text)) if m.what != "person"]
    if len(found) == 1 and found[0].refers is None and found[0].end - found[0].start >= len(text) - 1:
        return resolve(state, seg, found[0])
    if (found and found[0].what == "post") or names.is_post(text):
        return None
    ws = text.split()
    if not ws or len(ws) > 6 or re.search(r"\d|[()]", text):
        return None
    if not structural and not _classed(ws):
        return None
    return state.facts.body(text, kind, seg, "body.en.enumerated")


def _classed(ws: list[str]) -> bool:
    """ "service unit", "work training unit", "the division's administration": a lower-case item of at
    most four words that ends in a body's class noun names a body in any enumeration of parts."""
    last = names.head_word(ws[-1])
    lower = all(w[:1].islower() for w in ws)
    return lower and len(ws) <= 4 and (last in names.STRONG or last == "administration") and last != "body"


#: "Its operations include …": what the body the sentence before was about is made of.
_ITS_INCLUDE = re.compile(
    r"^\s*(?:(?:In addition|Also)\s*,\s*)?Its\s+(?:operations|activities|units|functions|services|"
    r"departments|divisions|sections|teams)\s+(?:also\s+)?include\s+",
    re.IGNORECASE,
)


def _its_include(state: State, i: int) -> None:
    """ "Its operations include Rehabilitation Work Activities, Vantaa Labor Service Center (TYP), as
    well as employment projects …": the items that name bodies are parts of the body the sentence
    before was about; activities named without a body word are not."""
    seg = state.segs[i]
    its = _ITS_INCLUDE.match(seg.text)
    if its is None or state.subject is None:
        return
    listed = seg.text[its.end() :].rstrip(" .")
    for _, _, text in split_list(listed, 0, ("and", "as well as"), _named, None):
        text = re.sub(r"\s*\([^)]*\)\s*$", "", text.strip(" ,"))  # "… Center (TYP)": the abbreviation
        found = [m for m in names.mentions(text) if m.what == "body" and m.refers is None]
        if (
            len(found) == 1
            and found[0].end - found[0].start >= len(re.sub(r"^(?:the|a|an)\s+", "", text)) - 1
        ):
            child = resolve(state, seg, found[0])
            if child and child != state.subject:
                state.facts.part(child, state.subject, "part", seg, "part.en.enumeration")


#: "… the County Council has:", "The Council includes:": an owner and a colon, its bodies in the bullets.
_HAS_COLON = re.compile(r"\b(?:has|have|includes?|comprises?|consists\s+of)\s*:\s*$", re.IGNORECASE)
#: What may stand before the body an item names: an article or a count and lower-case modifiers ("A cross
#: party Regulation Committee", "Three cross party …").
_ITEM_LEAD_WORDS = re.compile(
    r"^\s*(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}$",
    re.IGNORECASE,
)
#: "Three cross party Scrutiny Committees:": an item that counts a class and opens the name lines below it.
_ITEM_CLASS = re.compile(
    r"^\s*(?P<count>"
    + _COUNT
    + r")\s+(?:[a-z][\w-]*\s+){0,3}(?P<noun>(?:[A-Z][\w-]*\s+){0,3}[A-Za-z]+s)\s*:\s*$",
    re.IGNORECASE,
)


def _has_list(state: State, i: int, found: list[Mention]) -> None:
    """ "In accordance with legislation, the County Council has:" and bullets: each bullet that opens
    with a body ("A cross party Regulation Committee of nine members, …") names a part of that body;
    a bullet that counts a class with a colon ("Three cross party Scrutiny Committees:") announces the
    name lines under it, each a part. Bullets that open otherwise ("Appointed a Leader of Council …")
    name none."""
    seg = state.segs[i]
    if not _HAS_COLON.search(seg.text) or seg.bullet:
        return
    owner = next((m for m in reversed(found) if m.what == "body"), None)
    if owner is None or not re.fullmatch(
        r"\s*(?:(?:the|this|our)\s+)?$", seg.text[: owner.start].rsplit(",", 1)[-1], re.IGNORECASE
    ):
        return  # the owner is the subject just before the verb ("…, the County Council has:")
    parent = resolve(state, seg, owner)
    j, nested = i + 1, None
    while parent and j < len(state.segs) and j - i <= ANNOUNCED_WINDOW:
        item = state.segs[j]
        if item.bullet:
            nested = _ITEM_CLASS.match(item.text)
            first = next(iter(names.mentions(item.text)), None)
            if (
                nested is None
                and first
                and first.what == "body"
                and first.refers is None
                and (_ITEM_LEAD_WORDS.match(item.text[: first.start]))
            ):
                child = resolve(state, item, first)
                if child:
                    state.facts.part(child, parent, "part", item, "part.en.has-list")
        elif nested and item.heading and _heading_name(item.text.strip()):
            kind = names.STRONG.get(names.singular(nested["noun"].split()[-1]), "unit")
            child = state.facts.find(item.text.strip()) or state.facts.body(
                item.text.strip(), kind, item, "body.en.enumerated"
            )
            state.facts.part(child, parent, "part", item, "part.en.has-list")
        else:
            break
        j += 1


def _within(state: State, i: int, found: list[Mention]) -> None:
    """ "Within the division there operate a team of … and a team of …"."""
    seg = state.segs[i]
    for m in found:
        if m.start > 60 or not _WITHIN.match(seg.text[: m.start]):
            continue
        there = _OPERATE.match(seg.text, m.end)
        parent = resolve(state, seg, m)
        are = _WITHIN_ARE.match(seg.text, m.end) if there is None else None
        if (there or are) and parent:
            _enumeration(state, i, parent, there or are, are is not None)  # type: ignore[arg-type]
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
        parent = resolve(state, seg, nxt)
        for c in children:
            child = resolve(state, seg, c)
            if child and parent:
                relation = "subordinate" if rel.group("sub") else "part"
                state.facts.part(child, parent, relation, seg, f"part.en.{relation}")  # type: ignore[arg-type]


_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
_AND_ITS = re.compile(r"\s*,?\s+and\s+its\s+")


def _of_and_its(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "the Services Development unit of the Corporate Group Administration": a body named with its
    class noun, then "of" and another body, is that body's part; "the Sector Management of X and its
    Public Works Department": the body after "and its" is a part of the one before."""
    for m, nxt in itertools.pairwise(found):
        if m.what != "body" or nxt.what != "body" or nxt.refers is not None:
            continue
        gap = seg.text[m.end : nxt.start]
        child, parent = (
            (m, nxt) if _OF_GAP.fullmatch(gap) else (nxt, m) if _AND_ITS.fullmatch(gap) else (None, m)
        )
        if child is None or child.refers is not None:
            continue
        written = seg.text[m.start : m.end].split()  # "Data Services unit": the class noun as written
        if child is m and (not written or names.head_word(written[-1]) not in names.STRONG):
            continue  # "Sector Management of Technical Services": one name, no part
        c, p = resolve(state, seg, child), resolve(state, seg, parent)
        if c and p and c != p:
            state.facts.part(c, p, "part", seg, "part.en.of")


def _work_of(state: State, seg: Segment, found: list[Mention]) -> Mention | None:
    """ "The duties of the Ministry are …": the body after "of" — named, or a class word that refers
    back to the body of that class the page named before."""
    named = next((m for m in found if m.what == "body" and _WORK_OF.match(seg.text[: m.start])), None)
    if named is not None:
        return named
    lead = re.match(
        r"^\s*The\s+(?:duties|work|tasks|activities|operations|functions)\s+of\s+the\s+([A-Za-z]+)\b",
        seg.text,
    )
    head = names.head_word(lead.group(1)) if lead else ""
    if lead is None or head not in state.last:
        return None
    return Mention(lead.start(1), lead.end(1), lead.group(1), names.STRONG.get(head, "unit"), refers=head)


def _announced(state: State, i: int, parent: str, count: int, noun: str) -> None:
    """A count of a class with no items after it ("consists of two result divisions", "divided between
    eight departments.") announces bodies the page names next: its following section headings that
    are names ("Employment Services" / "Municipal Services"), or bodies named with that class word
    ("The Political Department, Department for …"). They are the parent's parts when exactly that
    many are found before the window ends; fewer, and nothing is said."""
    plural = noun.lower().split()[-1] if noun.split() else ""
    singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    if singular not in names.STRONG and singular not in names.WEAK:
        return
    picked: list[str] = []
    for seg in state.segs[i + 1 : i + 1 + ANNOUNCED_WINDOW]:
        if seg.heading:
            text = re.sub(r"^The\s+", "", seg.text.strip())
            if _heading_name(text) and text != parent:
                picked.append(
                    state.facts.find(text) or state.facts.body(text, "unit", seg, "body.en.heading")
                )
        else:
            for m in names.mentions(seg.text):
                if m.what == "body" and m.refers is None and singular in m.name.lower().split():
                    name = resolve(state, seg, m)
                    if name and name != parent and name not in picked:
                        picked.append(name)
        if len(picked) >= count:
            break
    if len(picked) != count:
        return
    for child in picked:
        state.announced_as[child] = singular  # "The result division consists of …" in its section
        if not any(c == child for c, _ in state.facts.part_of):
            state.facts.part(child, parent, "part", state.segs[i], "part.en.enumeration")


def _heading_name(text: str) -> bool:
    """A heading that is a name: two to six capitalised words ("Municipal Services"), no post."""
    words = text.split()
    return (
        1 <= len(words) <= 6
        and all(w[:1].isupper() or w in ("and", "of", "for", "the", "&") for w in words)
        and not re.search(r"[\d:.!?]", text)
        and not names.is_post(text)
    )
