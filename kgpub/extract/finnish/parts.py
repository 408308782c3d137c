"""Part-of: enumerations ("Kaupunginkansliassa on kuusi osastoa: a, b … ja f"), composition
("koostuvat neljästä palvelualueesta; a, b, c ja d", "jakautuu toimialoihin, jotka ovat …"),
membership ("osastoon kuuluu … a ja b"), subordination ("X on Y:n alainen virasto", "Y:n alaisena",
"toimii <post>:n alaisuudessa" → reports_to) and groupings ("Yleishallinto tarkoittaa a:ta, b:tä …")."""

from __future__ import annotations

import re

from ...model import Relation
from ..sv_en import Segment, split_list, words
from .morph import noun, readings
from .names import Mention, body_kind, mentions, title_word
from .state import SELF_NAMING, State

_CONJ = ("ja", "sekä", "tai")
#: Stems of the numerals two to ten in any case ("kuusi", "neljästä", "kolmeen", "viiteen").
_NUMBER_STEMS = (
    ("kah", 2),
    ("kol", 3),
    ("nel", 4),
    ("vii", 5),
    ("kuu", 6),
    ("seits", 7),
    ("kahdeks", 8),
    ("yhdeks", 9),
    ("kymmen", 10),
)


def _count(cue: str) -> int | None:
    """How many items the cue announces ("on kuusi osastoa:" → 6), or None."""
    for word in cue.lower().split():
        if word.isdigit():
            return int(word)
        if word in _NUMS or word in _COUNTS:
            found = [n for stem, n in _NUMBER_STEMS if word.startswith(stem)]
            return max(found) if found else None
    return None


_NUMS = ["kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan", "yhdeksän", "kymmenen"]
_LIST = re.compile(r"\bon\s+(?:(?:" + "|".join(_NUMS) + r"|\d+|seuraavat)\s+)?(\w+)\s*:\s*", re.I)
#: "Kaupunginkanslian osastot:" followed by list items.
_HEADED = re.compile(r"^\S+\s+(\w+)\s*:\s*$")
_COUNTS = words(
    "kahdesta kolmesta neljästä viidestä kuudesta seitsemästä kahdeksasta kahteen kolmeen neljään viiteen "
    "kuuteen seuraavista seuraaviin eri"
)
_COMPOSE = re.compile(
    r"\b(?:koostuu|koostuvat|muodostuu|muodostuvat|jakautuu|jakautuvat|jakaantuu|jakaantuvat|jaetaan|jakaantuen)\s+"
    r"(?:[^\s,.:;]+\s+){0,6}?(?:(?:" + "|".join([*_NUMS, *sorted(_COUNTS)]) + r"|\d+)\s+)*(\w+)"
    r"(?:,\s*(?:joiden|joissa|joita|joihin)\s[^:;.]{0,80})?\s*(?:[:;]|,\s*jotka\s+ovat)\s*",
    re.I,
)


def parts(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    _enumeration(state, i, found)
    _class_list(state, seg, found)
    _membership(state, seg, found)
    _formed_by(state, seg, found)
    _subordination(state, seg, found)
    _grouping(state, seg, found)


def _parent(state: State, seg: Segment, found: list[Mention], before: int) -> str | None:
    labelled = re.match(r"\s*(?P<n>[^,.:;]{2,60}?)\s+-(?P<k>\w+)\b", seg.text[:before])
    kind = noun(labelled.group("k")) if labelled else None
    if labelled and kind and body_kind(kind) and state.facts.find(labelled.group("n")):
        return state.facts.find(labelled.group("n"))  # "Rahoitus ja talous -yksikkö jakautuu …"
    for m in found:
        if m.end <= before and not m.parent:
            org = state.resolve(seg, m, weak=True)
            if org:
                return org
    town = re.match(r"\s*(Kunnan|Kaupungin)\s+(?:\w*organisaatio|hallinto|toiminta)\b", seg.text)
    if town and town.end() <= before:
        named = [b.name for b in state.facts.bodies.values() if b.kind == "municipality"]
        word = "kunta" if town.group(1) == "Kunnan" else "kaupunki"
        mention = Mention(0, town.end(), word, "municipality", "omanto", True)
        return named[0] if len(named) == 1 else state.register(seg, mention, "body.municipality", 0.6)
    return None


def _enumeration(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    cues = (rx.search(seg.text) for rx in (_LIST, _COMPOSE, _HEADED))
    kinds = ((c, body_kind(w) if (w := noun(c.group(1))) else None) for c in cues if c)
    cue, kb = next(((c, k) for c, k in kinds if k), (None, None))
    if cue is None or kb is None:
        return
    parent = _parent(state, seg, found, cue.start(1))
    if parent is None:
        return
    tail = seg.text[cue.end() :]
    if tail.strip():
        pieces = split_list(tail, seg.start + cue.end(), _CONJ, lambda _: True, _count(cue.group()))
        target = [(seg, t) for _, _, t in pieces]
    else:
        target = [(item, item.text) for item in state.items_after(i)]
    for where, text in target:
        child = _item_body(state, where, text, kb[0])
        if child:
            state.facts.part(child, parent, "part", seg, "part.enumeration", 0.85)


def _item_body(state: State, seg: Segment, text: str, kind: str) -> str | None:
    """The body a list item names: its first mention, or the item's words in the nominative."""
    head = re.split(r"\s+(?:vastaa|huolehtii|hoitaa)\b|[:,(]", text)[0].strip().rstrip(".;")
    ms = [m for m in mentions(head) if not m.generic]
    if ms and ms[0].start == 0:
        if state.facts.find(ms[0].name) or ms[0].strong:
            return state.resolve(seg, ms[0], weak=True)
        return state.register(seg, ms[0], "body.item", 0.7, kind=kind)  # the list says what kind
    if ms and ms[-1].end == len(head) and re.fullmatch(r"(?:[A-ZÅÄÖ]\w*\s+){1,2}", head[: ms[-1].start]):
        # "Vähänkyrön aluehallinto": a place Voikko does not know, then the body word
        name = head[: ms[-1].start] + ms[-1].name
        return state.register(
            seg, Mention(0, len(head), name, ms[-1].kind, "nimento", False), "body.item", 0.6
        )
    words = head.split()
    content = [w for w in words if w not in {"ja", "sekä"}]
    if not content or len(words) > 4 or not all(_nominal(w) for w in content):
        return None
    n = noun(words[-1])
    last = words[-1].lower() if n is None or n.case == "nimento" else n.base
    name = " ".join([*(w.lower() for w in words[:-1]), last])
    return state.register(seg, Mention(0, len(head), name, kind, "nimento", False), "body.item", 0.6)


def _nominal(word: str) -> bool:
    """A noun, adjective or verbal noun ("kehittäminen") — a word a unit name is made of."""
    return noun(word) is not None or any(r.case == "nimento" for r in readings(word))


def _membership(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "X:ään kuuluvat a, b ja c", "osastoon kuuluu … a ja b"."""
    cue = re.search(r"\bkuuluu|kuuluvat\b", seg.text)
    if cue is None:
        return
    parents = [m for m in found if m.end <= cue.start() and m.case == "sisatulento"]
    children = [
        m
        for m in found
        if m.start >= cue.end() and (not m.generic or m.name in SELF_NAMING) and m.case == "nimento"
    ]
    if not parents:
        # "Rakennusvalvonta kuuluu teknisiin palveluihin": the subject belongs to the illative body
        subj = [m for m in found if m.start == 0 and m.case == "nimento" and m.end < cue.start()]
        first = re.match(r"\w+", seg.text)
        word = noun(first.group()) if first else None
        if (
            not subj
            and first
            and word
            and word.case == "nimento"
            and not word.plural
            and word.cls == "nimisana"
        ):
            subj = [Mention(0, first.end(), word.base, "unit", "nimento", False)]
        into = [m for m in found if m.start >= cue.end() and m.case == "sisatulento"]
        if subj and into and re.fullmatch(r"\s*(?:suoraan\s+|myös\s+)?", seg.text[subj[0].end : cue.start()]):
            child, parent = state.resolve(seg, subj[0], weak=True), state.resolve(seg, into[0], weak=True)
            if child and parent:
                state.facts.part(child, parent, "part", seg, "part.kuuluu", 0.75)
        return
    if not children:
        return
    parent = state.resolve(seg, parents[-1], weak=True)
    for m in children:
        child = state.resolve(seg, m, weak=True)
        if parent and child:
            state.facts.part(child, parent, "part", seg, "part.kuuluu", 0.8)


def _subordination(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "X on Y:n alainen virasto", "Y:n alaisena …", "toimii Z:n alaisuudessa"."""
    for cue in re.finditer(r"(\S+)\s+(alainen|alaisena|alaisuudessa|alle)\b", seg.text):
        kids = _children(state, seg, found, cue.start(), cue.end())
        if not kids:
            continue
        child = kids[0]
        gen = [m for m in found if m.end == cue.end(1) and m.case == "omanto"]
        if gen:
            parent = state.resolve(seg, gen[-1], weak=True, subject=True)
            for kid in kids if parent else []:
                state.facts.part(kid, parent or "", "subordinate", seg, "part.alainen", 0.8)
            continue
        title = title_word(cue.group(1))
        if title and title in state.posts:
            rel: Relation = "reports_to"
            state.facts.part(child, state.posts[title], rel, seg, "part.reports-to", 0.75, via_post=title)


def _children(state: State, seg: Segment, found: list[Mention], cue_at: int, cue_end: int) -> list[str]:
    """The subject before the cue, or the bodies it introduces ("X:n alaisuudessa toimivat a ja b")."""
    before = [m for m in found if m.case == "nimento" and m.end <= cue_at and m.start == 0]
    if before:
        one = state.resolve(seg, before[0], weak=True, subject=True)
        return [one] if one else []
    after = [m for m in found if m.case == "nimento" and m.start > cue_at]
    verb = re.match(r"\s+toimi(?:i|vat)\s+", seg.text[cue_end:])
    if verb and not after:
        # "Lautakunnan alaisuudessa toimii rakennusvalvonta": plain nouns name the bodies
        tail = re.split(r"[.;]", seg.text[cue_end + verb.end() :])[0]
        named = [_item_body(state, seg, t, "unit") for _, _, t in split_list(tail, 0, _CONJ, lambda _: True)]
        return [n for n in named if n]
    after = ([m for m in after if not m.generic] or after[:1]) if verb else after[:1]
    names = [state.resolve(seg, m, weak=True, subject=True) for m in after]
    return [n for n in names if n]


def _grouping(state: State, seg: Segment, found: list[Mention]) -> None:
    cue = re.search(r"\btarkoittaa\s+", seg.text)
    if cue is None or not found or found[0].start != 0:
        return
    group = state.resolve(seg, found[0], weak=True, subject=True)
    for m in found[1:]:
        if m.start >= cue.end() and m.strong and not m.generic and group:
            child = state.resolve(seg, m)
            if child:
                state.facts.part(child, group, "grouping", seg, "part.grouping", 0.7)


_CLASS_LIST = re.compile(
    r"^(?P<cls>\w+)\s+(?P<items>[^.]+?)\s+(?:sijoittuvat|kuuluvat|toimivat)\s+(?P<rest>.*)$"
)


def _class_list(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Liikelaitoksista A, B (C) ja D sijoittuvat X:n alle": named members of a class of bodies."""
    m = _CLASS_LIST.match(seg.text)
    cls = noun(m.group("cls")) if m else None
    kb = body_kind(cls) if cls and cls.plural and cls.case == "sisaeronto" else None
    if m is None or kb is None:
        return
    rest_at = m.start("rest")
    parents = [x for x in found if x.start >= rest_at and x.case in {"omanto", "sisatulento"}]
    parent = state.resolve(seg, parents[0], weak=True) if parents else None
    if parent is None:
        return
    base = seg.start + m.start("items")
    for _, _, item in split_list(m.group("items"), base, _CONJ, lambda _: True):
        alias = re.search(r"\(([^)]{1,40})\)", item)
        name = re.sub(r"\s*\([^)]*\)", "", item).strip()
        if not name or len(name.split()) > 4:
            continue
        first = noun(name.split()[0])
        if first and not first.proper and name[:1].isupper() and len(name.split()) == 1:
            name = name.lower()
        aliases = (alias.group(1), item) if alias else ()
        mention = Mention(0, len(item), name, kb[0], "nimento", True, aliases=aliases)
        child = state.register(seg, mention, "body.class-list", 0.7)
        state.facts.part(child, parent, "part", seg, "part.class-list", 0.75)


def _formed_by(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Kunnan luottamushenkilöorganisaation muodostavat valtuusto, kunnanhallitus ja lautakunnat"."""
    cue = re.search(r"\bmuodostavat\s+", seg.text)
    if cue is None:
        return
    wholes = [m for m in found if m.end <= cue.start() and m.case == "omanto" and not m.generic]
    parent = state.resolve(seg, wholes[-1], weak=True) if wholes else None
    for m in found:
        if (
            parent
            and m.start >= cue.end()
            and m.case == "nimento"
            and (not m.generic or m.name in SELF_NAMING)
        ):
            child = state.resolve(seg, m, weak=True, subject=True)
            if child:
                state.facts.part(child, parent, "part", seg, "part.muodostavat", 0.75)
