"""English body, post and person names as municipal pages write them.

English pages capitalise the names of bodies ("the Administrative Procedures Unit", "Board of
Education", "Culture and Leisure Division") and write generic references in lower case ("the
division", "five units"). So a body is a run of capitalised words (joined by "of", "for", "and")
that ends in — or is headed by — a body noun, with a leading "the" and a trailing possessive
dropped. A run that ends in a post noun ("Administrative Director") is a post; "Director of the
Administration Group" is a post of a body; a run of two to four plain capitalised words is a person.
A few lower-case shapes also name bodies: "a team of special advisers", "the legal aid office",
"the Mayor’s office", "the municipal board".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.facts import words
from ..core.persons import HONORIFIC, PERSON_RE

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
    "government": "board",
    "body": "other",
    # open class words of state bodies: "Education Directorate", "Ministry for Foreign Affairs"
    "directorate": "agency",
    "ministry": "agency",
    "inspectorate": "agency",
    "panel": "committee",
    "branch": "unit",
    "federation": "other",
    "chamber": "other",
    "university": "other",
    "college": "other",
    "oy": "enterprise",
    "ltd": "enterprise",
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
POSTS = words(
    """director directors mayor mayors manager managers officer officers chief head chair chairman
    chairperson chairwoman secretary controller ombudsman president councillor councillors counsel
    treasurer auditor adviser advisers advisor advisors coordinator superintendent principal
    commissioner commissioners executive executives minister ministers leader leaders planner planners
    heads chiefs chairs chairmen"""
)
GENERIC = words(
    """other same new relevant respective each every main own separate different various whole entire
    this that these those such all any some several city's city’s highest the of in under to for and
    by with at on from its their our"""
)
#: A capitalised name followed by a lower-case body noun: "the Building Control unit".
_NOUN_AFTER = re.compile(
    r"\s+(unit|service\s+area|division|department|directorate|branch|sector|team|section|centre|center)\b"
)
_DETERMINERS = words("the a an each every one another which this that these all some any our your its their")
_NOT_AFTER_HEAD = words("holder holders hours space spaces building premises work worker workers staff")
_CAP = r"[A-Z][\w’'&-]*"
#: "… Issues and Vantaa’s local Roma working group": a possessive word after "and" whose noun is in lower
#: case opens a new phrase, so the run ends before the "and".
_RUN = re.compile(
    _CAP + r"(?:\s+(?:(?:of|for)\s+(?:the\s+)?|(?:and|&|on)\s+(?![A-Z][\w-]*[’']s\s+[a-z]))?" + _CAP + r")*"
)
_THIS = re.compile(r"(?:This|That|Each|Every|Our)\s+([A-Z][a-z]+)")
_TEAM_OF = re.compile(r"\b(team\s+of\s+(?:[a-z]+\s+){0,2}[a-z]+s)\b")
_LOWER = re.compile(
    r"\b(?:the|a|an)\s+((?:[a-z][\w-]+\s+){1,3}(?:offices?|unit|agency|centre|center|authority|team))\b"
    r"(?=\s*[.,;:)]|\s+(?:for|in|of|to|at|on|is|are|was|were|which|that|who|has|have|provides?)\b)"
)
_MUNICIPAL = re.compile(
    r"\b((?:municipal|city|town)\s+(?:council|board|government(?:\s+office)?|executive\s+board|assembly))\b"
)
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+[’']s\s+(?:office|unit|team|department))\b")
CITY = re.compile(
    r"\b((?:City|Town|Municipality)\s+of\s+[A-Z][\w-]+)(?:[’']s)?(?:\s+(?:organi[sz]ation|administration))?"
)
#: The municipality's own organisation, named without its name.
_OWN = re.compile(
    r"\b(?:(?:municipal|city|town)\s+organi[sz]ation|(?:municipality|city|town)[’']s\s+(?:organi[sz]ation|"
    r"administration))\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:the|this|our|that)\s+(division|department|unit|board|council|committee|office|centre|center|team|"
    r"sector|section|enterprise|company|agency|city|municipality|service\s+area|directorate)\b"
    # "Council is also guided by …", "Council’s plan": the capitalised word with no article (AU/UK usage)
    r"|(?:^|(?<=[.;:]\s)|(?<=\b(?:by|to|of|at)\s)|(?<=\b(?:for|and)\s)|(?<=\b(?:with|from)\s))"
    r"(Council)(?=\s+[a-z]|[’']s\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A name in a sentence, ``text[start:end]``.

    ``what`` is body, post or person. A body may refer back ("the division": ``refers`` is the head
    noun) or be named as part of another ("Road Division of the Official Committee": ``parent``). A
    post may name the body it is in ("Director of the Administration Group": ``parent``).
    """

    start: int
    end: int
    name: str
    kind: str
    what: str = "body"
    refers: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()


def head_word(word: str) -> str:
    return re.sub(r"[’']s?$", "", word.lower().rstrip("."))


def is_post(text: str) -> bool:
    """A title ("Administrative Director", "Deputy Mayors"): ends in a post noun."""
    ws = text.split()
    return bool(ws) and head_word(ws[-1]) in POSTS


def body_kind(name: str) -> str | None:
    """The kind a capitalised run names, or None when it names no body."""
    ws = name.split()
    if not ws:
        return None
    if len(ws) >= 3 and head_word(ws[0]) in STRONG and ws[1] in ("of", "for"):
        return STRONG[head_word(ws[0])]
    if len(ws) == 3 and ws[0] in ("City", "Town", "Municipality") and ws[1] == "of" and ws[2][:1].isupper():
        return "municipality"
    last = head_word(ws[-1])
    if len(ws) >= 3 and last in ("area", "areas") and ws[-2].lower() == "service":
        return "service_area"
    if len(ws) >= 2 and last in STRONG:
        return STRONG[last]
    if len(ws) >= 2 and last in WEAK:
        return WEAK[last]
    return _named_of(ws)


def _named_of(ws: list[str]) -> str | None:
    """ "Advisory Committee for Multicultural Issues", "Dublin Institute of Technology": a body noun
    followed by "of"/"for" and what the body is of or for, named whole."""
    for k in range(1, len(ws) - 2):
        if ws[k + 1] in ("of", "for") and head_word(ws[k]) in STRONG and ws[k][:1].isupper():
            rest = ws[k + 2 :]
            if rest and rest[0] == "the":
                rest = rest[1:]
            bare = len(rest) == 1 and head_word(rest[0]) in STRONG  # "… Department of the Ministry"
            if rest and rest[0][:1].isupper() and not bare:
                return STRONG[head_word(ws[k])]
    return None


#: Endings of English common nouns that no Finnish or Swedish personal name has ("Early Childhood
#: Education" is no person).
_COMMON = re.compile(r"(?:tion|sion|ment|ness|ship|hood|ity|ture|ance|ence|ing|ics|ogy|ies|ices|ism)s?$")
_COMMON_WORDS = words(
    """Staff Water Energy Health Youth Culture Sports Sport Leisure Care Welfare Wellbeing Environment
    Planning Finance Housing Transport Library Museum School Schools Education Learning Growth Group
    Affairs Resources Technical Financial Legal Social Public General Internal External Municipal City"""
)


def singular(word: str) -> str:
    """ "Committees" → "committee", "Agencies" → "agency": a plural class word's singular (lower case)."""
    w = head_word(word)
    return w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w


def _class_plural(word: str) -> bool:
    """ "Scrutiny Committees", "Area Boards": a plural of a body class word, which no surname is."""
    return head_word(word).endswith("s") and singular(word) in STRONG


def _person(name: str) -> str | None:
    name = HONORIFIC.sub("", name)
    if not PERSON_RE.fullmatch(name):
        return None
    ws = name.split()
    bad = any(
        head_word(w) in STRONG or head_word(w) in WEAK or head_word(w) in POSTS or _class_plural(w)
        for w in ws
    )
    common = any(w in _COMMON_WORDS or _COMMON.search(w) for w in ws)
    return None if bad or common else name


#: "Organisation of the X Division", "Leadership of the Council": the body is what follows.
ASPECT_OF = re.compile(
    r"^(?:The\s+)?(?:Organi[sz]ation|Structure|Leadership|Management|Composition|Members|Membership)\s+of\s+"
    r"(?:the\s+)?(?=[A-Z])"
)


def _trim(name: str, start: int) -> tuple[str, int]:
    """Drop a leading article and a trailing possessive: "The Electoral Commission’s" → its name; and
    an aspect before the body ("Organisation of the Social Services Division")."""
    aspect = ASPECT_OF.match(name)
    rest = name[aspect.end() :] if aspect else ""
    if aspect and (body_kind(rest) or (" " not in rest and head_word(rest) in STRONG)):  # "… of the Council"
        name, start = name[aspect.end() :], start + aspect.end()
    m = re.match(r"^(?:The|A|An)\s+", name)
    if m:
        name, start = name[m.end() :], start + m.end()
    return re.sub(r"(?<=s)[’']$|[’']s$", "", name), start


def _split_person(name: str, start: int) -> list[Mention]:
    """ "Director of Welfare Division Riitta Liuksa": the title run, then the person who holds it."""
    ws = list(re.finditer(r"\S+", name))  # any white space, "\u2028" too: offsets from the matches
    for n in (2, 3):
        if len(ws) <= n:
            break
        rest = " ".join(w.group() for w in ws[-n:])
        person = _person(rest)
        if person is None:
            continue
        at = ws[-n].start()
        head = _classify(name[:at].rstrip(), start)
        of_post = re.fullmatch(r"(.+?)\s+of\s+(?:the\s+)?(.+)", name[:at].rstrip())
        if head and head[-1].what == "body" and of_post and is_post(of_post.group(2)):
            # "the Government of Prime Minister Jyrki Katainen": the body, the post that leads it, its holder
            left, post = of_post.group(1), of_post.group(2)
            body = Mention(start, start + len(left), left, body_kind(left + " x") or head[-1].kind)
            at_post = start + of_post.start(2)
            return [
                body,
                Mention(at_post, at_post + len(post), post, "other", "post", parent=left),
                _mention_person(person, start + at),
            ]
        if head and head[-1].what in ("post", "body"):
            return [*head, _mention_person(person, start + at)]
    return _classify(name, start)


def _mention_person(person: str, start: int) -> Mention:
    return Mention(start, start + len(person), person, "person", what="person")


def _classify(name: str, start: int) -> list[Mention]:
    """A capitalised run as a post (of a body), a body (of another body), a person, or nothing."""
    end = start + len(name)
    of = re.search(r"\s+(?:of|for)\s+(?:the\s+)?", name)
    if of:
        left, right = name[: of.start()], name[of.end() :]
        right_kind = body_kind(right)
        strong = right_kind is not None and head_word(right.split()[-1]) in STRONG
        if is_post(left) and strong:
            return [
                Mention(start, start + len(left), left, "other", "post", parent=right),
                Mention(start + of.end(), end, right, right_kind or "other"),
            ]
        if len(left.split()) >= 2 and head_word(left.split()[-1]) in STRONG and right_kind:
            kind = STRONG[head_word(left.split()[-1])]
            return [Mention(start, end, left, kind, parent=_without_country(right), aliases=(name,))]
        if is_post(left):  # "Director of Technical Services": of the body only if the text has one so named
            return [Mention(start, end, name, "other", "post", parent=right)]
        lone = " " not in left and head_word(left) not in STRONG and head_word(left) not in WEAK
        if lone and right_kind and head_word(right.split()[-1]) in STRONG:
            # "Responsibilities of the Finance Department": a capitalised common noun before the body
            at = start + of.end()
            return [Mention(at, end, right, right_kind)]
        if len(left.split()) >= 2 and head_word(left.split()[-1]) in STRONG and head_word(right) in STRONG:
            # "Regional Policy Department of the Ministry": the body; the class word is a reference
            return [Mention(start, start + len(left), left, STRONG[head_word(left.split()[-1])])]
    inner = _without_country(name)
    if inner != name:  # "Ministry of Defence of Finland": the body, the name as written an alias
        return [Mention(start, start + len(inner), inner, body_kind(inner) or "other", aliases=(name,))]
    whole = body_kind(name)
    if is_post(name) and not of and not whole:
        owned = _body_then_post(name, start)
        if owned:
            return owned
    if whole and not (is_post(name) and not of):
        return [Mention(start, end, name, whole)]
    if is_post(name):
        return [Mention(start, end, name, "other", "post")]
    person = _person(name)
    return [_mention_person(person, end - len(person))] if person else []


def _without_country(name: str) -> str:
    """ "Ministry of Defence of Finland" → "Ministry of Defence": a trailing "of <Place>" after a
    body that is named with "of" already; any other name unchanged."""
    country = re.fullmatch(r"(.+\s+of\s+.+?)\s+of\s+([A-Z][a-z]+)", name)
    if country and body_kind(country.group(1)) and not is_post(country.group(1)):
        return country.group(1)
    return name


def _body_then_post(name: str, start: int) -> list[Mention] | None:
    """ "Fingal County Council Chief Executive": a body's name, then the post held in it (the post's
    ``parent``), split at the body noun nearest the end that leaves a post after it."""
    ws = list(re.finditer(r"\S+", name))
    for n in range(len(ws) - 2, 0, -1):
        left, right = name[: ws[n - 1].end()], name[ws[n].start() :]
        if head_word(ws[n - 1].group()) in STRONG and body_kind(left) and is_post(right):
            at = start + ws[n].start()
            return [
                Mention(start, start + len(left), left, body_kind(left) or "other"),
                Mention(at, at + len(right), right, "other", "post", parent=left),
            ]
    return None


def _split_and(name: str, start: int) -> list[tuple[int, str]]:
    """ "City Council and City Board" is two bodies; "Culture and Leisure Division" is one; "Health Care
    and Rescue Services Division and Culture and Leisure Division" is two."""
    parts: list[tuple[int, str]] = []
    begin = 0
    for m in re.finditer(r" and ", name):
        left, right = name[begin : m.start()], name[m.end() :]
        left_head = head_word(left.split()[-1]) if left.split() else ""
        right_weak = head_word(name.split()[-1]) in WEAK
        named_of = _named_of(left.split()) is not None  # "Dublin Institute of Technology and …"
        plural_class = len(right.split()) == 1 and _class_plural(right)  # "City Board and Committees"
        if (body_kind(right) or plural_class) and (
            left_head in STRONG or named_of or (left_head in WEAK and right_weak and " " in left)
        ):
            parts.append((start + begin, left))
            begin = m.end()
    return [*parts, (start + begin, name[begin:])]


def _owned(name: str, start: int) -> list[Mention] | None:
    """ "City of Turku's Central Administration": the owner, and the body named as its part."""
    cut = re.search(r"[’']s\s+(?=[A-Z])", name)
    if cut is None:
        return None
    owner, own = name[: cut.start()], name[cut.end() :]
    owner_kind, own_kind = body_kind(owner), body_kind(own)
    if owner_kind is None or own_kind is None or is_post(own):
        return None
    at = start + cut.end()
    return [
        Mention(start, start + len(owner), owner, owner_kind),
        Mention(at, at + len(own), own, own_kind, parent=owner),
    ]


#: A capitalised run longer than this (in words) is a title line or noise, not a name; reading it would
#: cost time quadratic in its length ("A Committee and B and C …" over a megabyte).
MAX_RUN_WORDS = 30


def _runs(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _RUN.finditer(text):
        if m.group().count(" ") >= MAX_RUN_WORDS:
            continue
        this = _THIS.fullmatch(m.group())
        if this and head_word(this.group(1)) in STRONG:  # "This Directorate": a reference, no name
            head = head_word(this.group(1))
            at = m.start() + this.start(1)
            out.append(Mention(at, at + len(this.group(1)), this.group(1), STRONG[head], refers=head))
            continue
        name, start = _trim(m.group(), m.start())
        owned = _owned(name, start) if name else None
        noun = _NOUN_AFTER.match(text, m.end())
        if owned:
            out += owned
            continue
        plain = name and body_kind(name) is None and not is_post(name) and name.lower() not in _DETERMINERS
        weak = name and body_kind(name) in WEAK.values() and head_word(name.split()[-1]) in WEAK
        if noun and weak and not plain and not is_post(name):  # "the Citizen Services department"
            out.append(Mention(start, noun.end(), name, body_kind(name) or "unit"))
            continue
        if noun and plain:
            kind = "service_area" if "area" in noun.group(1) else STRONG.get(noun.group(1), "unit")
            full = text[start : noun.end()]  # "the Building Control unit", also called "Building Control"
            out.append(Mention(start, noun.end(), full, kind, aliases=(name,)))
            continue
        for at, part in _split_and(name, start) if name else []:
            out += _split_person(part, at)
    return out


#: "the Finance and Planning departments", "standalone Housing, Planning, and Infrastructure directorates":
#: one class noun in the plural after single capitalised words joined by commas and "and".
_DISTRIBUTIVE = re.compile(
    r"\b(?P<members>(?:[A-Z][\w-]*,\s+){0,6}[A-Z][\w-]*,?\s+and\s+[A-Z][\w-]*)\s+"
    r"(?P<noun>departments|directorates|divisions|units|committees|boards|sections|teams|offices|branches|"
    r"sectors)\b"
)


def _distributive(text: str) -> list[Mention]:
    """Each member of a distributive plural is a body of that class: "Finance department", "Planning
    department"."""
    found: list[Mention] = []
    for m in _DISTRIBUTIVE.finditer(text):
        noun = singular(m["noun"])
        for w in re.finditer(r"[A-Z][\w-]*", m["members"]):
            if head_word(w.group()) in STRONG or is_post(w.group()):
                break  # "the Council and Board committees": no distributive reading
            at = m.start("members") + w.start()
            found.append(Mention(at, at + len(w.group()), f"{w.group()} {noun}", STRONG[noun]))
        else:
            continue
        found = [f for f in found if not m.start() <= f.start < m.end()]
    return found


def _lower(text: str) -> list[Mention]:
    own = _OWN.finditer(text)
    found = [Mention(m.start(), m.end(), m.group(), "municipality", refers="own") for m in own]
    for m in CITY.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(1), "municipality"))
    for m in _TEAM_OF.finditer(text):
        found.append(Mention(m.start(1), m.end(1), m.group(1), "team"))
    for m in _POSSESSIVE.finditer(text):
        found.append(Mention(m.start(1), m.end(1), m.group(1), "unit"))
    for m in _MUNICIPAL.finditer(text):
        kind = STRONG.get(m.group(1).split()[-1], "board")
        found.append(Mention(m.start(1), m.end(1), m.group(1), kind))
    for m in _LOWER.finditer(text):
        ws = m.group(1).split()
        if not any(w in GENERIC for w in ws[:-1]):
            kind = STRONG.get(ws[-1].rstrip("s"), "unit")
            found.append(Mention(m.start(1), m.end(1), m.group(1), kind))
    for m in _REFERENCE.finditer(text):
        g = 1 if m.group(1) else 2
        head = re.sub(r"\s+", " ", m.group(g).lower())
        kind = "municipality" if head in ("city", "municipality") else STRONG.get(head, "service_area")
        found.append(Mention(m.start(g), m.end(g), m.group(g), kind, refers=head))
    return found


def mentions(text: str) -> list[Mention]:
    """Every body, post and person named in ``text``, left to right, without overlaps."""
    found = _distributive(text) + _runs(text) + _lower(text)
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    for x in found:
        if not out or x.start >= out[-1].end:
            out.append(x)
    return _widen_listed(text, [_widen_series(text, m) for m in out])


#: "the Hospital, Rehabilitation and Care Services Department": single capitalised words and commas
#: before a name that closes the series with "and".
_SERIES = re.compile(r"(?:^|\b[Tt]he\s+)((?:[A-Z][a-z][\w-]*,\s+)+)$")


def _widen_series(text: str, m: Mention) -> Mention:
    """A body's name whose first words are a comma series ("Hospital, Rehabilitation and Care Services
    Department"): the series belongs to the name when the name joins its last member with "and"."""
    if m.what != "body" or m.refers or m.parent or " and " not in m.name or m.end - m.start != len(m.name):
        return m
    series = _SERIES.search(text, max(0, m.start - 80), m.start)
    if series is None:
        return m
    start = series.start(1)
    return Mention(start, m.end, text[start : m.end], m.kind, aliases=m.aliases)


#: What may follow a body's head in a list item and still be its name: capitalised words, commas,
#: "and"/"of"/"the"/"for"/"&" ("Department for Russia, Eastern Europe and Central Asia").
_NAME_TAIL = re.compile(r"(?:\s*,?\s+(?:(?:and|of|the|for|&)\s+)*[A-Z][\w’'-]*)+")
_ITEM_LEAD = re.compile(r"\s*(?:(?:and|or)\s+)?")


def _widen_listed(text: str, found: list[Mention]) -> list[Mention]:
    """In a list whose items a semicolon separates ("four departments: Department for Europe;
    Department for Russia, Eastern Europe and Central Asia; …"), commas belong to the items, so a
    body named at the start of an item is named by the whole item when the rest of it is capitalised
    words joined by commas and "and"."""
    colon = text.find(":")
    if colon < 0 or ";" not in text[colon:]:
        return found
    widened = list(found)
    pos = colon + 1
    for piece in text[colon + 1 :].split(";"):
        start = pos + _ITEM_LEAD.match(piece).end()  # type: ignore[union-attr]
        end = pos + len(piece.rstrip(" .\n"))
        pos += len(piece) + 1
        first = next((m for m in widened if m.start == start), None)
        if first is None or first.what != "body" or first.refers or first.end >= end:
            continue
        if not _NAME_TAIL.fullmatch(text[first.end : end]):
            continue
        wide = Mention(first.start, end, text[first.start : end], first.kind, aliases=first.aliases)
        widened = [m for m in widened if not (first.start <= m.start < end)] + [wide]
    return sorted(widened, key=lambda m: m.start)
