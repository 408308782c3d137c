"""English body and post names as municipal pages write them.

English pages capitalise the names of bodies ("the Administrative Procedures Unit", "Board of
Education", "Culture and Leisure Division") and write generic references in lower case ("the
division", "five units"). So a body is a run of capitalised words (joined by "of", "for", "and")
that ends in — or is headed by — a body noun, with a leading "the" dropped; a few lower-case shapes
also name bodies ("a team of special advisers", "the legal aid office", "the Mayor’s office"). A
capitalised run that ends in a post noun ("Administrative Director") is a post, not a body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sv_en import words

#: Head nouns that make a capitalised run a body, with the kind they suggest.
STRONG: dict[str, str] = {
    "council": "council",
    "board": "board",
    "committee": "committee",
    "commission": "committee",
    "subcommittee": "committee",
    "division": "division",
    "department": "department",
    "unit": "unit",
    "section": "unit",
    "office": "agency",
    "bureau": "agency",
    "agency": "agency",
    "authority": "agency",
    "centre": "unit",
    "center": "unit",
    "team": "team",
    "group": "other",
    "enterprise": "enterprise",
    "company": "enterprise",
    "corporation": "enterprise",
    "institute": "unit",
    "sector": "division",
    "secretariat": "unit",
    "cabinet": "other",
    "assembly": "council",
    "municipality": "municipality",
}
#: Heads that name a body only in a capitalised run of two or more words ("Legal Services").
WEAK: dict[str, str] = {
    "services": "unit",
    "service": "unit",
    "administration": "department",
    "affairs": "unit",
    "auditing": "unit",
    "audit": "unit",
    "management": "unit",
    "resources": "unit",
}
POSTS = (
    "director",
    "mayor",
    "manager",
    "officer",
    "chief",
    "head",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "secretary",
    "controller",
    "ombudsman",
    "president",
    "councillor",
    "counsel",
    "treasurer",
    "auditor",
    "adviser",
    "advisor",
    "coordinator",
    "superintendent",
    "principal",
    "executive",
)
_POST_WORD = re.compile(r"^(?:" + "|".join(POSTS) + r")s?$", re.IGNORECASE)
_GENERIC = words(
    """other same new relevant respective each every main own separate different various whole entire
    this that these those such all any some several city's city’s"""
)
_CAP = r"[A-Z][\w’'&-]*"
_RUN = re.compile(_CAP + r"(?:\s+(?:(?:of|for)\s+(?:the\s+)?|(?:and|&|on)\s+)?" + _CAP + r")*")
_TEAM_OF = re.compile(r"\b(?:a|the)?\s*\b(team\s+of\s+(?:[a-z]+\s+){0,2}[a-z]+s)\b")
_LOWER = re.compile(
    r"\b(?:the|a|an)\s+((?:[a-z][\w-]+\s+){1,3}(?:offices?|unit|agency|centre|center|authority|team))\b"
)
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+[’']s\s+(?:office|unit|team|department|staff))\b")
_CITY = re.compile(r"\b((?:City|Town|Municipality)\s+of\s+[A-Z][\w-]+)")
_REFERENCE = re.compile(
    r"\b(?:the|this|our)\s+(division|department|unit|board|council|committee|office|centre|team|city)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A body named in a sentence: ``text[start:end]``; ``refers`` is set for "the division"-like anaphora."""

    start: int
    end: int
    name: str
    kind: str
    refers: str | None = None
    post: bool = False


def head_word(word: str) -> str:
    return word.lower().rstrip(".").replace("’s", "").replace("'s", "")


def is_post(text: str) -> bool:
    """A title ("Administrative Director", "Deputy Mayors"): ends in a post noun."""
    words = text.split()
    return bool(words) and bool(_POST_WORD.match(head_word(words[-1])))


def body_kind(name: str, strict: bool = True) -> str | None:
    """The kind a capitalised run names, or None when it names no body."""
    words = name.split()
    if not words:
        return None
    last = head_word(words[-1])
    if last in STRONG:
        return STRONG[last]
    if last in WEAK and len(words) >= 2:
        return WEAK[last]
    for i, w in enumerate(words[:-1]):
        if head_word(w) in STRONG and words[i + 1] in ("of", "for"):
            return STRONG[head_word(w)]
    return None if strict else "unit"


def _runs(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _RUN.finditer(text):
        start, name = m.start(), m.group()
        if name.startswith(("The ", "A ", "An ")):
            start += name.index(" ") + 1
            name = name[name.index(" ") + 1 :]
        name = name.rstrip(".")
        for part_start, part in _split_and(name, start):
            kind = body_kind(part)
            if is_post(part):
                out.append(Mention(part_start, part_start + len(part), part, "other", post=True))
            elif kind:
                out.append(Mention(part_start, part_start + len(part), part, kind))
    return out


def _split_and(name: str, start: int) -> list[tuple[int, str]]:
    """ "City Council and City Board" is two bodies; "Culture and Leisure Division" is one."""
    at = name.find(" and ")
    if at > 0 and head_word(name[:at].split()[-1]) in STRONG and body_kind(name[at + 5 :]):
        return [(start, name[:at]), (start + at + 5, name[at + 5 :])]
    return [(start, name)]


def mentions(text: str) -> list[Mention]:
    """Every body (and post) named in ``text``, left to right, without overlaps."""
    found = _runs(text)
    for m in _CITY.finditer(text):
        found.append(Mention(m.start(1), m.end(1), m.group(1), "municipality"))
    for m in _TEAM_OF.finditer(text):
        found.append(Mention(m.start(1), m.end(1), m.group(1), "team"))
    for m in _POSSESSIVE.finditer(text):
        found.append(Mention(m.start(1), m.end(1), m.group(1), "unit"))
    for m in _LOWER.finditer(text):
        words = m.group(1).split()
        if not any(w in _GENERIC for w in words[:-1]):
            found.append(Mention(m.start(1), m.end(1), m.group(1), STRONG.get(words[-1].rstrip("s"), "unit")))
    for m in _REFERENCE.finditer(text):
        head = m.group(1).lower()
        kind = "municipality" if head == "city" else STRONG[head]
        found.append(Mention(m.start(1), m.end(1), m.group(1), kind, refers=head))
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    for x in found:
        if not out or x.start >= out[-1].end:
            out.append(x)
    return out
