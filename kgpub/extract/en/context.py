"""What the English rules share while reading one text: the bodies recorded so far, what "the
division" refers to, the page's own body (its first heading that names one), the body each heading
opens, and the subject of a sentence."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from ..core.facts import key, words
from ..core.page import PageState
from ..core.segments import Segment
from . import names
from .names import Mention

ADVERBS = r"(?:(?:also|primarily|mainly|chiefly|additionally|jointly|directly|further)\s+)?"

#: "is responsible for", "will be responsible for" (a body being set up), "has overall responsibility for".
COPULA = re.compile(
    r"(?:is|are|(?:will|shall|must|would|should|can)\s+"
    + ADVERBS
    + r"be)\s+"
    + ADVERBS
    + r"(?:responsible\s+for|tasked\s+with|in\s+charge\s+of|charged\s+with)\s*"
    r"|(?:has|have)\s+(?:the\s+)?(?:task|duty|responsibility)\s+(?:of|to)\s+"
    r"|(?:has|have)\s+(?:(?:the\s+)?(?:overall|primary|main|general|sole|statutory|joint)\s+)?"
    r"responsibility\s+for\s+",
    re.IGNORECASE,
)

_LEAD = re.compile(
    r"^\s*(?:(?:In addition|Additionally|Also|Furthermore|Moreover|Lastly|Finally|Firstly|First|Secondly|"
    r"Second|Thirdly|Third|Likewise|Similarly|Meanwhile|In turn|Today|Currently|Now)\s*,?\s*)?"
    r"(?:The\s+(?:organi[sz]ation|structure)\s+of\s+)?(?:(?:the|this|that|a|an)\s+)?"
    r"(?:(?:full|whole|entire|new|current|cross[\s-]party)\s+)?$",
    re.IGNORECASE,
)

IS_A = re.compile(
    r"\s+(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?P<noun>"
    + "|".join(names.STRONG)
    + r")\b(?=\s+(?:that|which|owned|responsible|of|in|for)\b|\s*[.,])",
    re.IGNORECASE,
)
_PLURAL = re.compile(
    r"^\s*(?:Both|All|These|Those|The)\s+(?:(?:two|three|four|five|six)\s+)?(?P<noun>committees|boards|"
    r"councils|divisions|departments|units|sectors|sections|offices|centres|centers|teams|agencies|"
    r"subcommittees)\b"
)
_NOT_FIRST = words("our your my their other all more about how what who where contact the")
_ORGANS = frozenset(("council", "board"))
#: Generic class words a page capitalises for its own body ("the Directorate", "the Ministry", "Council
#: is also guided by …"): named so when no body of that class was named before (gold convention B).
_OWN_CLASS = _ORGANS | {"directorate", "ministry"}
_PRONOUN = re.compile(r"^\s*(?:(?:In addition|Additionally|Also|Furthermore|Moreover)\s*,\s*)?([Ii]t)\s+")
_START_RUN = re.compile(r"^(?:The\s+)?((?:[A-Z][\w’'&-]*\s+){1,5}[A-Z][\w’'&-]*)")


@dataclass
class State(PageState):
    """One text being read (:class:`~..core.page.PageState`) and the subject of the last sentence."""

    subject: str | None = None

    @cached_property
    def municipal_name(self) -> str:
        """ "City of Vaasa" when the text names it so, else the word it uses more — read once."""
        named = names.CITY.search(self.facts.text)
        lowered = self.facts.text.lower()
        return (
            named.group(1)
            if named
            else "municipality"
            if lowered.count("municipal") > lowered.count("city")
            else "city"
        )

    about: str | None = None  # the body "The main responsibility of the department is …" was about
    most_named: tuple[str | None] | None = None  # the page's most named body, computed once
    loose_heading: str | None = None  # "Budget & Treasury": a heading "the department" may refer to
    #: "Director of Department: Jane Smith" before any department is named: (class, title, person, line)
    pending_heads: list[tuple[str, str, str, Segment]] = dataclasses.field(default_factory=list)
    #: The class a body was announced as ("consists of two result divisions" → its sections: "division").
    announced_as: dict[str, str] = dataclasses.field(default_factory=dict)
    #: The body an "Organisation of <Body>" heading opened a section about, until the next heading.
    organisation_of: str | None = None
    #: Title lines already read with the name line above them ("Jane Smith" / "Head of Department").
    paired_titles: set[int] = dataclasses.field(default_factory=set)


def resolve(state: State, seg: Segment, m: Mention) -> str | None:
    """The body a mention names: itself, or the body a reference ("the division") points back to."""
    if m.what != "body":
        return None
    if m.refers == "own":  # "the municipal organisation", "the City's administration"
        return state.last.get("city") or municipality(state, seg)
    if m.refers is not None:
        own = m.refers in _ORGANS or (m.refers in _OWN_CLASS and m.name[:1].isupper())
        if state.loose_heading is not None and not own:
            heading, state.loose_heading = (
                state.loose_heading,
                None,
            )  # "Budget & Treasury" / "The department …"
            kind = names.STRONG.get(m.refers, "unit")
            name = state.facts.find(heading) or state.facts.body(heading, kind, seg, "body.en.heading")
            state.last[m.refers] = name
            return name
        if m.refers not in state.last and m.refers in _OWN_CLASS and m.name[:1].isupper():
            return state.facts.body(m.name, m.kind, seg, "body.en.organ")  # "a Council comprising 75 members"
        return state.last.get(m.refers)
    name = state.facts.body(m.name, m.kind, seg, "body.en.name", aliases=m.aliases)
    state.last[names.head_word(m.name.split()[-1])] = name
    if m.kind == "service_area":
        state.last["service area"] = name
    for head, kind in names.STRONG.items():
        if kind == m.kind:
            state.last.setdefault(head, name)
    if m.parent:
        parent = state.facts.body(m.parent, names.body_kind(m.parent) or "other", seg, "body.en.name")
        state.facts.part(name, parent, "part", seg, "part.en.of")
    return name


def municipality(state: State, seg: Segment) -> str:
    """The municipality's body, recorded on first use: "City of Vaasa" when the text names it so, else
    "municipality" or "city", whichever word the text uses more."""
    name = state.municipal_name
    found = state.facts.find(name) or state.facts.body(name, "municipality", seg, "body.en.municipality")
    state.last.setdefault("city", found)
    return found


_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z&]{0,2}[A-Z][A-Z&]{0,5})\)")
_CAPS = re.compile(r"(?<![\w-])[A-Z][A-Z&]{1,7}(?![\w-])")


def abbreviations(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "the council’s Strategic Leadership Team (SLT)": the abbreviation is an alias of the body."""
    for m in found:
        abbr = _ABBREVIATION.match(seg.text, m.end)
        name = state.facts.find(m.name) if abbr and m.what == "body" and m.refers is None else None
        if abbr and name:
            state.facts.body(name, m.kind, seg, "body.en.name", aliases=(abbr.group(1),))


def known(state: State, text: str, found: list[Mention]) -> list[Mention]:
    """Bodies named before, met again in another case ("Administrative and vitality services") or by
    the abbreviation the text gave them ("SLT is led by …")."""
    lowered = text.lower()
    extra: list[Mention] = []
    for m in _CAPS.finditer(text):
        name = state.facts.find(m.group())
        if name and not any(f.start < m.end() and m.start() < f.end for f in found):
            extra.append(Mention(m.start(), m.end(), name, state.facts.bodies[key(name)].kind))
    for body in state.facts.named_in(text):
        if body.name.lower() not in lowered:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(body.name) + r"(?!\w)", text, re.IGNORECASE):
            if not any(f.start < m.end() and m.start() < f.end for f in [*found, *extra]):
                extra.append(Mention(m.start(), m.end(), body.name, body.kind))
    return sorted([*found, *extra], key=lambda x: x.start)


def register(state: State, i: int) -> list[Mention]:
    seg = state.segs[i]
    found = known(state, seg.text, names.mentions(seg.text))
    duty = COPULA.search(seg.text)
    found = [m for m in found if not (duty and m.start >= duty.end() and _activity(state, m))]
    for m in found:
        if m.refers != "own":  # the municipality is recorded when a fact needs it
            resolve(state, seg, m)
    abbreviations(state, seg, found)
    text = seg.text.strip()
    if seg.heading:
        state.loose_heading = text if _loose_heading(text, found) else None
    lead = (re.match(r"The\s+(?=[A-Z])", text) or names.ASPECT_OF.match(text)) if seg.heading else None
    in_heading = found
    if lead and found and found[0].what == "body" and found[0].start == lead.end():
        # "The Town Office", "Organisation of the Social Services Division": the body the heading names
        text, cut = text[lead.end() :], lead.end()
        in_heading = [dataclasses.replace(m, start=m.start - cut, end=m.end - cut) for m in found]
    if seg.heading and _heading_body(text, in_heading):
        name = state.facts.find(text) or state.facts.body(
            text, names.body_kind(text.title()) or "unit", seg, "body.en.heading"
        )
        state.last[names.head_word(text.split()[-1])] = name
        state.topic = state.topic or name
        state.section[seg.line] = name
    elif seg.heading and len(text.split()) <= 6 and names.body_kind(text.title()):
        state.topic = state.topic or text
    return found


def _activity(state: State, m: Mention) -> bool:
    """A capitalised service named inside what a body is responsible for ("provision of Social
    Services, Emergency Services …"): an activity, unless recorded as a body before."""
    ws = m.name.split()
    last = ws[-1].lower() if ws else ""
    headed = len(ws) >= 3 and names.head_word(ws[0]) in names.STRONG and ws[1] in ("of", "for")
    return (
        m.what == "body"
        and m.refers is None
        and last in names.WEAK
        and not headed  # "Ministry for Foreign Affairs" is a ministry, not an activity
        and state.facts.find(m.name) is None
    )


def _loose_heading(text: str, found: list[Mention]) -> bool:
    """A heading of capitalised words with no body noun ("Corporate Services", "Budget & Treasury")."""
    words = text.split()
    weak = (
        len(found) == 1
        and found[0].what == "body"
        and found[0].end - found[0].start >= len(text) - 1
        and words[-1].lower() in names.WEAK
    )  # "Corporate Services": no class word of its own, so "the department" below is this heading
    plural_class = words[-1].lower().endswith("s") and words[-1].lower()[:-1] in names.STRONG
    if not 2 <= len(words) <= 5 or words[0].lower() in _NOT_FIRST or (found and not weak) or plural_class:
        # a heading with a class word ("Administrative Department") is referred to by it; "City
        # Departments" heads a list of departments and is none itself
        return False
    return all(w[:1].isupper() or w in {"&", "and", "of"} for w in words) and not text.endswith((".", ":"))


def _heading_body(text: str, found: list[Mention]) -> bool:
    """A heading that is a body's name: "Education division", "Audit department" (a strong head noun,
    or a capitalised name) — not "Our services"."""
    words = text.split()
    if not 2 <= len(words) <= 6 or words[0].lower() in _NOT_FIRST:
        return False
    if found and found[0].what == "body" and found[0].end - found[0].start >= len(text) - 1:
        return found[0].refers is None  # "City organisation" is the municipality, no body of its own
    return names.head_word(words[-1]) in names.STRONG and not any(m.what != "body" for m in found)


def topic(state: State, seg: Segment) -> str | None:
    """The body the page is about (its first heading that names one), recorded on first use."""
    if state.topic is None:
        return None
    kind = names.body_kind(state.topic.title()) or "unit"
    return state.facts.find(state.topic) or state.facts.body(state.topic, kind, seg, "body.en.heading")


def subject_of(state: State, seg: Segment, found: list[Mention]) -> Mention | None:
    """The body a sentence is about: its first mention, at the start of the sentence.

    A capitalised name with no body noun ("Helsinki City Transport HKL") is a body when it is the
    subject of "is responsible for" and the like; "It" is the body the sentence before was about.
    """
    if found and found[0].what == "body" and _LEAD.match(seg.text[: found[0].start]):
        owned = len(found) > 1 and found[1].parent == found[0].name and found[1].start - found[0].end <= 3
        return found[1] if owned else found[0]  # "The City of Turku's Central Administration is …"
    pronoun = _PRONOUN.match(seg.text)
    if pronoun and state.subject:
        kind = state.facts.bodies[key(state.subject)].kind
        return Mention(pronoun.start(1), pronoun.end(1), state.subject, kind)
    described = _described(state, seg)
    if described is not None:
        return described
    run = _START_RUN.match(seg.text)
    if run and not names.is_post(run.group(1)) and COPULA.match(seg.text, run.end() + 1):
        return Mention(run.start(1), run.end(1), run.group(1), "other")
    is_a = IS_A.match(seg.text, run.end()) if run and not names.is_post(run.group(1)) else None
    if run and is_a:  # "Oulu Water is a municipal enterprise that …"
        kind = names.STRONG[is_a.group("noun").lower()]
        return Mention(run.start(1), run.end(1), run.group(1), kind)
    return None


#: "An interim preparatory body will …": a sentence that opens with lower-case words before a class noun.
_DESCRIBED = re.compile(
    r"^\s*(?:The|An?|This|Our)\s+(?P<mods>(?:[a-z][\w-]*\s+){1,3}?)(?P<noun>[a-z]+)"
    r"(?=\s+(?:will|shall|must|is|are|has|have|[a-z]+s)\s)"
)


def _described(state: State, seg: Segment) -> Mention | None:
    """ "Temporary preparatory body" / "An interim preparatory body will be responsible for …": a
    sentence whose subject is a description ending in the class noun of the body its section's heading
    names is about that body (not a generic "a separate committee", "the same board")."""
    found = _DESCRIBED.match(seg.text)
    if found is None or names.head_word(found["noun"]) not in names.STRONG:
        return None
    if any(w in names.GENERIC for w in found["mods"].split()):
        return None
    body = state.heading_above(seg.line)
    noun = found["noun"]
    if body is None or (names.head_word(body.split()[-1]) != noun and state.announced_as.get(body) != noun):
        return None
    kind = state.facts.bodies[key(body)].kind if key(body) in state.facts.bodies else "other"
    return Mention(found.start("mods"), found.end("noun"), body, kind)


def plural(state: State, i: int) -> tuple[int, list[str]] | None:
    """ "Both committees report to …", "The sections decide …": a plural head noun opening segment i
    refers to the bodies with that head named in the two segments before it (at least two)."""
    seg = state.segs[i]
    lead = _PLURAL.match(seg.text)
    if lead is None:
        return None
    head = lead.group("noun").lower()
    head = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    found: list[str] = []
    for prev in state.segs[max(0, i - 2) : i]:
        for m in names.mentions(prev.text):
            name = state.facts.find(m.name) if m.what == "body" and m.refers is None else None
            if name and names.head_word(name.split()[-1]) == head and name not in found:
                found.append(name)
    return (lead.end(), found) if len(found) >= 2 else None


def items_after(segs: list[Segment], i: int) -> list[Segment]:
    return list(itertools.takewhile(lambda s: s.bullet, segs[i + 1 :]))
