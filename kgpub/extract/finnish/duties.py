"""Duties: what a body does, one statement each ("Osasto huolehtii …", "X:n tehtävänä on …",
"Talousohjauksessa laaditaan …", "Kuntayhtymää johtaa hallitus", bulleted lists)."""

from __future__ import annotations

import re

from ..sv_en import Segment
from .morph import finite_verb
from .names import TOKEN, Mention
from .state import State, at_start, openers

#: Verbs that state structure or place, not a duty.
NOT_DUTY = frozenset(
    [
        "olla",
        "kuulua",
        "koostua",
        "jakautua",
        "jakaantua",
        "muodostua",
        "sijaita",
        "sijoittua",
        "tarkoittaa",
        "muodostaa",
        "ei",
    ]
)
_CUE = re.compile(r"^(?:huolehtii|vastaa)(?:\s+(?:myös|mm\.|muun\s+muassa|lisäksi))?\s+", re.I)
_ADVERB = re.compile(r"\s*(?:(?:myös|mm\.|lisäksi|siis|edelleen|osaltaan)\s+)*")


def duties(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    text = seg.text
    if _truncated(state, seg):
        return
    subject = _subject(state, seg, found)
    if subject is not None:
        org, end = subject
        rest_at = _ADVERB.match(text, end).end()  # type: ignore[union-attr]
        tok = TOKEN.match(text, rest_at)
        verb = finite_verb(tok.group()) if tok else None
        if tok and verb and verb.verb_person == "3" and verb.base not in NOT_DUTY:
            if "alaisuudessa" in text[tok.end() : tok.end() + 60]:
                return
            what = _CUE.sub("", text[tok.start() :])
            if re.fullmatch(r"\s*:?\s*", re.sub(r"^\w+", "", what)) and state.items_after(i):
                for item in state.items_after(i):
                    state.facts.duty(org, item.text, item.start, item.end, "duty.list", 0.75)
                return
            state.facts.duty(org, what, seg.start, seg.end, "duty.verb", 0.8)
        elif tok and verb and verb.base == "olla":
            _copula(state, seg, org, tok.end())
        else:
            _genitive(state, i, found)
        state.subject = org
        return
    _genitive(state, i, found)
    _passive(state, seg, found)
    _inverted(state, seg, found)


def _subject(state: State, seg: Segment, found: list[Mention]) -> tuple[str, int] | None:
    """The body that opens the sentence in the nominative, or "Se"/"Hallitus" pointing back."""
    pron = re.match(r"\s*(?:Lisäksi\s+|Myös\s+)?(?:se|Se)\b", seg.text)
    if pron and state.subject:
        return state.subject, pron.end()
    for m in openers(seg.text, found):
        if m.case == "nimento" and at_start(seg.text, m) and not _title_after(seg.text, m.end):
            org = state.resolve(seg, m, weak=_verb_follows(seg.text, m.end), subject=True)
            if org:
                return org, m.end
    return None


def _verb_follows(text: str, end: int) -> bool:
    """A finite verb (or a task cue) right after the name: the name is a subject, so a body."""
    tok = TOKEN.match(text, _ADVERB.match(text, end).end())  # type: ignore[union-attr]
    return bool(tok and finite_verb(tok.group())) or _GEN_TASK.match(text, end) is not None


def _title_after(text: str, end: int) -> bool:
    return re.match(r"\s*(?:-tiimi|:)", text[end:]) is not None


def _copula(state: State, seg: Segment, org: str, at: int) -> None:
    """ "X on … toimintaa" (what it is), ", jonka tehtävänä on …", ", joka tuottaa …"."""
    text = seg.text
    rel = re.search(r",\s*jonka\s+tehtävänä\s+on\s+", text[at:])
    if rel:
        state.facts.duty(org, text[at + rel.end() :], seg.start, seg.end, "duty.relative-task", 0.75)
        return
    rel = re.search(r",\s*joka\s+(\w+)\s", text[at:])
    if rel:
        v = finite_verb(rel.group(1))
        if v and v.base not in NOT_DUTY:
            what = re.split(r"\.\s", text[at + rel.start(1) :])[0]
            state.facts.duty(org, what, seg.start, seg.end, "duty.relative", 0.7)
        return
    m = re.match(r"\s*(.+\btoimintaa\b.*)", text[at:])
    if m:
        state.facts.duty(org, m.group(1), seg.start, seg.end, "duty.copula", 0.6)


_GEN_TASK = re.compile(
    r"\s*(?:(?:\w+(?:mpana|mpänä)\s+)?tehtävänä\s+on|tehtävänä\s+ovat|tehtäviin\s+kuuluu|tehtäviin\s+kuuluvat|vastuisiin\s+kuuluvat|"
    r"vastuisiin\s+kuuluu|tehtävät(?:\s+ovat)?(?=\s*:?\s*$)|tehtäviä\s+ovat|vastuuseen\s+(?:\w+\s+){0,2}kuuluu(?:\s+mm\.)?|on(?:\s+myös)?(?=\s+\w+(?:tava|tävä)\b))\s*",
    re.I,
)


def _genitive(state: State, i: int, found: list[Mention]) -> None:
    """ "X:n tehtävänä on …", "X:n vastuisiin kuuluvat …", "X:n on valmisteltava …"."""
    seg = state.segs[i]
    text = seg.text
    for m in openers(seg.text, found):
        if not at_start(text, m):
            continue
        task = _GEN_TASK.match(text, m.end)
        if task is None:
            continue
        org = state.resolve(seg, m, weak=True, subject=True)
        if org:
            what = text[task.end() :]
            if not what.strip().rstrip(":") and state.items_after(i):
                for item in state.items_after(i):
                    state.facts.duty(org, item.text, item.start, item.end, "duty.task-list", 0.75)
            else:
                state.facts.duty(org, what, seg.start, seg.end, "duty.task", 0.8)
            state.subject = org
        return
    pron = re.match(r"\s*(?:Lisäksi\s+)?Sen(?=\s)", text)
    task = _GEN_TASK.match(text, pron.end()) if pron else None
    if task and state.subject:
        state.facts.duty(state.subject, text[task.end() :], seg.start, seg.end, "duty.task", 0.7)
        return
    vastuu = re.match(r"\s*\w+\s+vastuu\s+käsittää\s+", text)
    section = state.section_body() if vastuu else None
    if vastuu and section:
        state.facts.duty(section, text[vastuu.end() :], seg.start, seg.end, "duty.section", 0.6)
        return
    kuuluu = re.match(r"\s*(?:Samoin\s+|Lisäksi\s+)?(\w+)\s+kuuluu\s+", text)
    if kuuluu and found and found[0].start == kuuluu.start(1) and not found[0].generic:
        rest = [m for m in found[1:] if m.start >= kuuluu.end()]
        org = state.resolve(seg, found[0])
        if org and not rest:
            state.facts.duty(org, text[kuuluu.end() :], seg.start, seg.end, "duty.kuuluu", 0.6)


def _passive(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Talousohjauksessa kootaan ja valmistellaan …" (inessive body + passive verb)."""
    for m in openers(seg.text, found):
        if m.case != "sisaolento" or not at_start(seg.text, m):
            continue
        tok = TOKEN.match(seg.text, _ADVERB.match(seg.text, m.end).end())  # type: ignore[union-attr]
        verb = finite_verb(tok.group()) if tok else None
        if tok and verb and verb.verb_person == "4":
            org = state.resolve(seg, m, weak=True)
            if org:
                state.facts.duty(org, seg.text[tok.start() :], seg.start, seg.end, "duty.passive", 0.7)
        return
    m2 = re.match(r"\s*Niin\s+ikään\s+", seg.text)
    if m2:
        for m in found[:1]:
            if m.start == m2.end() and m.case == "sisaolento":
                tok = TOKEN.match(seg.text, m.end + 1)
                verb = finite_verb(tok.group()) if tok else None
                org = state.resolve(seg, m, weak=True)
                if tok and verb and verb.verb_person == "4" and org:
                    state.facts.duty(org, seg.text[tok.start() :], seg.start, seg.end, "duty.passive", 0.7)


def _inverted(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Kuntayhtymän ylintä päätösvaltaa käyttää valtuusto, …": the body after its verb."""
    text = seg.text
    for m in found:
        if m.case != "nimento" or at_start(text, m) or not re.match(r"\s*(?:[,.]|$)", text[m.end :]):
            continue
        before = list(TOKEN.finditer(text[: m.start]))
        if len(before) < 2:
            continue
        verb = finite_verb(before[-1].group())
        if verb is None or verb.verb_person != "3" or verb.base in NOT_DUTY:
            continue
        org = state.resolve(seg, m, weak=True, subject=True)
        if org is None:
            continue
        lead = re.match(r"\s*\w+\s+alaisena\s+", text)
        start = lead.end() if lead else 0
        state.facts.duty(org, text[start : before[-1].end()], seg.start, seg.end, "duty.inverted", 0.6)
        return


def _truncated(state: State, seg: Segment) -> bool:
    """The page's last sentence cut off mid-word ("… hyvinvoinnin ja elämänh"): no duty from it."""
    whole = state.facts.text
    return seg.end >= len(whole.rstrip()) and not re.search(r"[.!?:;)\]\"”]\s*$", seg.text)
