"""Heads: "Osastoa johtaa elinkeinojohtaja X", "Viraston päällikkönä on kansliapäällikkö X",
"Hallinto-osaston päällikkö on hallintojohtaja X", "jaoston puheenjohtaja X", and "Johto" bullets
("Toimialajohtaja X", "Varhaiskasvatus: palvelujohtajat X ja Y"). A title with no person is a post
without holder; no head is ever invented."""

from __future__ import annotations

import re

from ..sv_en import PERSON, Segment
from .names import Mention, is_title, mentions, title_word
from .state import State, openers

_PERSONS = rf"(?P<person>{PERSON}(?:\s+ja\s+{PERSON})?)"
_JOHTAA = re.compile(rf"(?P<org>\S+)\s+johtaa\s+(?P<title>(?:\w+\s+){{0,2}}?\w+)(?:\s+{_PERSONS})?\s*[.,]?$")
_PAALLIKKO = re.compile(
    rf"(?P<org>\S+)\s+(?P<cue>päällikkö|johtaja)(?:nä|na)?\s+(?:on|toimii)\s+(?:(?P<title>[a-zåäö]\w+)\s+)?{_PERSONS}"
)
#: "Toimialajohtajana toimii Matti Meikäläinen." (the section's body)
_ACTING = re.compile(rf"^(?P<title>\w+)(?:na|nä)\s+(?:toimii|on)\s+{_PERSONS}$")
#: "Osaston johdossa on osastopäällikkö Matti Meikäläinen."
_JOHDOSSA = re.compile(
    rf"(?P<org>\S+)\s+johdossa\s+(?:on|toimii)\s+(?P<title>(?:[a-zåäö]\w*nen\s+)?[a-zåäö][\w-]+)\s+{_PERSONS}"
)
#: "Hallintojohtaja Kirsi Remes johtaa hallinto-osastoa."
_TITLE_FIRST = re.compile(rf"^(?P<title>\w+)\s+{_PERSONS}\s+johtaa\s+(?P<org>\S+)")
_CHAIR = re.compile(
    rf"(?P<org>\S+)\s+(?P<title>puheenjohtaja(?:na)?|varapuheenjohtaja(?:na)?)\s+(?:on\s+|toimii\s+)?{_PERSONS}"
)
#: "Rahoitus ja talous, johtajana rahoitusjohtaja" (a list item naming a unit and its post)
_LED_BY = re.compile(
    rf"^(?P<org>[^,:]{{2,60}}),\s+(?:johtajana|päällikkönä|vetäjänä)\s+(?P<title>(?:[\w-]+\s+ja\s+)?[\w-]+)"
    rf"(?:\s+{_PERSONS})?$"
)
#: "Keskushallintopalvelujen toimialajohtaja on kehitysjohtaja": a post, its holder named by title only.
_POST_IS = re.compile(r"^(?P<org>\S+)\s+(?P<title>\w+)\s+on\s+(?P<other>\w+)$")
_BULLET = re.compile(rf"^(?:(?P<org>[^:]{{2,60}}):\s*)?(?P<title>\w+)(?:\s+(?:\([^)]*\)\s+)?{_PERSONS})?$")


def heads(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    text = seg.text.strip().rstrip(".")
    for rx, rule in (
        (_PAALLIKKO, "head.paallikko"),
        (_CHAIR, "head.puheenjohtaja"),
        (_JOHDOSSA, "head.johdossa"),
    ):
        for m in rx.finditer(text):
            org = _org(state, seg, found, m.start("org"), m.end("org"))
            word = m.group("title") or m.group("cue") if "cue" in rx.groupindex else m.group("title")
            title = title_word(word) or word.lower()
            if org:
                _record(state, seg, org, title, m.group("person"), rule)
    acting = _ACTING.match(text)
    if acting and title_word(acting.group("title")):
        org = state.section_body() or state.subject
        if org:
            _record(
                state,
                seg,
                org,
                title_word(acting.group("title")) or "",
                acting.group("person"),
                "head.acting",
            )
    first = _TITLE_FIRST.match(text)
    if first and title_word(first.group("title")):
        org = _org(state, seg, found, first.start("org"), first.end("org"))
        if org:
            _record(
                state,
                seg,
                org,
                title_word(first.group("title")) or "",
                first.group("person"),
                "head.title-first",
            )
    for clause in re.split(r"\s+ja\s+(?=sitä\s)|,\s+", text):
        j = _JOHTAA.search(clause)
        if j is None:
            continue
        m = j
        at = text.find(clause)
        if m.group("org").lower() == "sitä":
            opener = [x for x in openers(seg.text, found) if x.case == "nimento"]
            org = state.resolve(seg, opener[0], weak=True, subject=True) if opener else state.subject
        else:
            org = _org(state, seg, found, at + m.start("org"), at + m.end("org"))
        words = m.group("title").split()
        title = title_word(words[-1])
        if org and title:
            full = " ".join([*(w.lower() for w in words[:-1]), title])
            _record(state, seg, org, full, m.group("person"), "head.johtaa")
    if seg.bullet:
        _bullet(state, seg)
    post = _POST_IS.match(text)
    if post and is_title(post.group("title")) and is_title(post.group("other")):
        org = _org(state, seg, found, post.start("org"), post.end("org"))
        essive = post.group("title").endswith(("na", "nä"))  # "X:n päällikkönä on kunnanjohtaja"
        title = title_word(post.group("other" if essive else "title")) or ""
        if org:
            _record(state, seg, org, title, None, "head.post")


def _org(state: State, seg: Segment, found: list[Mention], start: int, end: int) -> str | None:
    for m in found:
        if m.start <= start < m.end or (m.start < end <= m.end):
            return state.resolve(seg, m, weak=True, subject=True)
    return None


def _record(state: State, seg: Segment, org: str, title: str, persons: str | None, rule: str) -> None:
    names = re.split(r"\s+ja\s+", persons) if persons else [None]
    for person in names:
        state.facts.head(org, title, person, seg, rule, 0.85 if person else 0.6)
    state.posts.setdefault(title, org)


def _bullet(state: State, seg: Segment) -> None:
    led = _LED_BY.match(seg.text.strip().rstrip("."))
    unit = state.facts.find(led.group("org")) if led else None
    if led and unit and is_title(led.group("title").split()[-1]):
        *first, last = led.group("title").split()
        title = " ".join([*first, title_word(last) or last])
        _record(state, seg, unit, title.lower(), led.group("person"), "head.item")
        return
    m = _BULLET.match(seg.text.strip())
    if m is None or not is_title(m.group("title")) or not (m.group("person") or m.group("org")):
        return
    title = title_word(m.group("title")) or ""
    org: str | None
    if m.group("org"):
        ms = [x for x in mentions(m.group("org")) if x.start == 0]
        if not m.group("person"):  # "Hallinto- ja kehittämispalvelut: hallintopäällikkö": a post only
            org = state.facts.find(ms[0].name) if ms else None
        else:
            org = state.resolve(seg, ms[0], weak=True) if ms else _plain(state, seg, m.group("org"))
    else:
        org = state.section_body() or (state.recent[0] if state.recent else None)
    if org:
        _record(state, seg, org, title, m.group("person"), "head.list")


def _plain(state: State, seg: Segment, text: str) -> str | None:
    """An item label that is no known body word ("Varhaiskasvatus") names a service area."""
    words = text.split()
    if not 1 <= len(words) <= 4:
        return None
    name = text.strip().lower()
    return state.register(
        seg, Mention(0, len(text), name, "service_area", "nimento", False), "body.label", 0.6
    )
