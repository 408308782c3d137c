"""English head rules: who leads which body, with the title as written (lower case).

"<Title>, Mr <Name>, is the head of <Body>", "<Body>, headed by <title> <Name>", "<Body> is managed
by <title> <Name>", "The Director of <Body> is <Name>", "Director of <Body> <Name>", "<Name> is the
head of <Body>", "<Name>, Director of <Body>", a title line followed by the holder's name, and a body
"headed by the Mayor" (a post with no holder named).
"""

from __future__ import annotations

import itertools
import re

from ..core.persons import person_line
from ..core.segments import Segment
from . import names
from .context import State, municipality, resolve, subject_of, topic
from .names import Mention

_HEAD_BY = re.compile(
    r"^\s*,?\s*(?:(?:is|are|was)\s+)?(?:headed|led|managed|directed|chaired)\s+by\s+(?:the\s+)?$", re.I
)

_BY_NAME = re.compile(
    r"\s*,?\s*(?:(?:is|are|was)\s+)?(?:headed|led|managed|directed|chaired)\s+by\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
)

_IS_HEAD = re.compile(
    r"^\s*,?\s*(?:is|was)\s+(?:the\s+)?(?:head|leader|director|chair)\s+(?:of\s+)?(?:the\s+)?$"
)

_HEAD_OF = re.compile(r"^\s*(?:The\s+)?(?:head|director|chair)\s+of\s+(?:the\s+)?$", re.IGNORECASE)

#: Titles of the person who leads the whole municipality (not a deputy).
_MUNICIPAL_TITLE = re.compile(r"(?:the\s+)?(?:mayor|(?:city|municipal)\s+(?:manager|director))")

_PERSON_IS = re.compile(r"^\s*(?:is|was)\s+(?:the\s+)?$")

#: Titles that say a person is a member, not which post they hold.
_MEMBER_TITLES = frozenset(("councillor", "councilor", "member", "alderman"))
_TITLE_GAP = re.compile(
    r"^\s*[,:]?\s*(?:(?:is|was)\s+)?(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Cllr)\.?\s+|Councillor\s+)?$"
)

#: "… has been appointed (as) Director of …": the post a named person takes.
_APPOINTED = re.compile(
    r"\s+(?:has\s+been|was|is|will\s+be)\s+(?:newly\s+)?appointed\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
)

#: "NAME will lead a dedicated X Directorate", "NAME heads the X Unit": the body a named person leads.
_LEADS = re.compile(
    r"\s*,?\s+(?:will\s+|is\s+to\s+|also\s+)?(?:lead|leads|head|heads|manage|manages|chair|chairs)"
    r"(?:\s+up)?\s+(?:a|an|the)\s+(?:(?:new|newly\s+created|dedicated|newly\s+formed)\s+)?"
)


def heads(state: State, i: int, found: list[Mention]) -> None:
    seg = state.segs[i]
    if seg.heading and i + 1 < len(state.segs):
        _title_line(state, seg, state.segs[i + 1])
        _name_then_title(state, seg, state.segs[i + 1])
    _person_first(state, seg, found)
    _untitled(state, seg, found)
    _owned_post(state, seg, found)
    _label_line(state, seg, found)
    for k, post in enumerate(found):
        if post.what != "post":
            continue
        _post_without_holder(state, seg, found, k)
        j = k + 2 if post.parent and k + 1 < len(found) and found[k + 1].name == post.parent else k + 1
        person = found[j] if j < len(found) else None
        if person is None or person.what != "person":
            continue
        if not _TITLE_GAP.match(seg.text[found[j - 1].end : person.start]):
            continue
        org = _head_org(state, seg, found, k, j)
        title = title_of(state, post, org)
        if title in _MEMBER_TITLES and re.search(r"\bchaired\s+by\s+$", seg.text[: post.start], re.I):
            title = "chair"  # "chaired by Councillor John Brown": the verb names the post
        if org:
            state.facts.head(org, title, person.name, seg, "head.en.title-name")


def title_of(state: State, post: Mention, org: str | None = None) -> str:
    """The title as written, in lower case: "Director of Finnish-language Education" is "director" when
    the text has a body of that name, "Mayor of Vaasa" is "mayor", "Chief of Staff" stays whole; the
    "of" part that names the body headed ("Executive Director of Place" of the Place Directorate) goes
    (convention A)."""
    title = re.sub(r"^the\s+", "", post.name.lower())
    if _MINISTER.match(title):
        return title  # "minister for foreign affairs" heads the ministry, title whole
    of = re.search(r"\s+(?:of|for)\s+", title)
    headed = bool(
        org and post.parent and re.search(r"(?<!\w)" + re.escape(post.parent) + r"(?!\w)", org, re.I)
    )
    if of and post.parent and (state.facts.find(post.parent) or _class_word(post.parent) or headed):
        return title[: of.start()]
    return re.sub(r"^((?:deputy\s+|lord\s+)?mayor)\s+of\s+[a-zåäö][\w-]*$", r"\1", title)


def _person_first(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Anna Smith is the head of the Education Division"; "Anna Smith, Director of the X Division,"."""
    for k in range(len(found) - 1):
        person, nxt = found[k], found[k + 1]
        lower = re.fullmatch(
            r"\s+(?:is|was)\s+the\s+(head|director|chair|leader)\s+of\s+(?:the\s+)?",
            seg.text[person.end : nxt.start],
        )
        titled = (
            k > 0 and found[k - 1].what == "post" and not seg.text[found[k - 1].end : person.start].strip()
        )
        leads = _LEADS.fullmatch(seg.text[person.end : nxt.start])
        if person.what == "person" and nxt.what == "body" and nxt.refers is None and leads:
            org = resolve(state, seg, nxt)
            post = found[k - 1] if titled or _apposition(seg, found, k) else None
            if post is not None:
                post_body(state, seg, post)  # "Director of Planning, NAME, will lead …": the title's own body
            title = title_of(state, post, org) if post is not None else ""
            if org:
                state.facts.head(org, title, person.name, seg, "head.en.name-leads")
            continue
        if person.what == "person" and nxt.what == "body" and lower and not titled:
            org = resolve(state, seg, nxt)
            if org:
                state.facts.head(org, lower.group(1), person.name, seg, "head.en.name-is-head")
            continue
        if person.what != "person" or nxt.what != "post":
            continue
        gap = seg.text[person.end : nxt.start]
        body = found[k + 2] if k + 2 < len(found) and found[k + 2].what == "body" else None
        as_post = (
            gap.strip() == ","
            or _PERSON_IS.match(gap)
            or re.fullmatch(r"\s+as\s+", gap)
            or _APPOINTED.fullmatch(gap)
        )
        parent = post_body(state, seg, nxt) if nxt.parent and as_post else None
        if parent:
            org = parent
        elif (
            body
            and _PERSON_IS.match(gap)
            and re.fullmatch(r"\s+(?:of|for)\s+(?:the\s+)?", seg.text[nxt.end : body.start])
        ):
            org = resolve(state, seg, body)
        else:
            continue
        if org:
            state.facts.head(org, title_of(state, nxt, org), person.name, seg, "head.en.name-title")


_MINISTER = re.compile(r"^(?:the\s+)?minister\s+(?:of|for)\s", re.IGNORECASE)


def _class_word(name: str) -> str | None:
    """The class word a bare "Sector" or "Department" is ("Head of Sector", "Director of Department")."""
    word = names.head_word(name)
    return word if " " not in name.strip() and word in names.STRONG else None


def post_body(state: State, seg: Segment, post: Mention, *, create: bool = True) -> str | None:
    """The body a post names: its "of" body when recorded; a bare class word ("Head of Sector",
    "Department Director") is the body of that class the text is about; a capitalised area in the
    modifier ("Director of Planning and Development") is a body (gold convention F) — asked only when a
    holder is named."""
    ws = post.name.split()
    cls = _class_word(post.parent) if post.parent else None
    if cls is None and post.parent is None and len(ws) == 2 and names.head_word(ws[0]) in names.STRONG:
        cls = names.head_word(ws[0])  # "Department Director Maarit Sulavuori"
    if cls:
        ref = Mention(post.start, post.end, post.parent or cls, names.STRONG[cls], refers=cls)
        return resolve(state, seg, ref) or _topic_of_class(state, seg, cls)
    if not post.parent:
        return None
    if _MINISTER.match(post.name):  # "Minister for Foreign Affairs": a portfolio; the ministry if named
        return state.facts.find(re.sub(r"^(?:the\s+)?minister", "Ministry", post.name, flags=re.I))
    known = state.facts.find(post.parent)
    if known:
        return known
    area = post.parent.split()
    named = all(w[:1].isupper() or w in ("and", "&") for w in area) and "of" not in area
    if create and 2 <= len(area) <= 6 and named:
        return state.facts.body(post.parent, "unit", seg, "body.en.post-modifier")
    return None


def _topic_of_class(state: State, seg: Segment, cls: str) -> str | None:
    org = topic(state, seg)
    return org if org and names.head_word(org.split()[-1]) == cls else None


def _apposition(seg: Segment, found: list[Mention], k: int) -> bool:
    """ "The Director of X, Matthew McAleese, …": the post before the person, set off by commas."""
    if k == 0 or found[k - 1].what != "post":
        return False
    return seg.text[found[k - 1].end : found[k].start].strip() == ","


#: "The department’s director is Jane Smith": a post owned by the body, then "is" and its holder.
_OWNED_POST = re.compile(
    r"[’']s\s+(?P<title>(?:[A-Za-z-]+\s+){0,2}?(?:director|manager|head|chair(?:man|person|woman)?|leader|"
    r"chief\s+executive(?:\s+officer)?|mayor|president))\s+(?:is|was)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$",
    re.IGNORECASE,
)


def _owned_post(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "The department’s director is Jane Smith": the holder of a post the body owns is its head (title
    without the body, convention A)."""
    for body, person in itertools.pairwise(found):
        if body.what != "body" or person.what != "person":
            continue
        owned = _OWNED_POST.fullmatch(seg.text[body.end : person.start])
        org = resolve(state, seg, body) if owned else None
        if owned and org:
            title = re.sub(r"\s+", " ", owned["title"]).lower()
            state.facts.head(org, title, person.name, seg, "head.en.owned-post")


def _untitled(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "The Legal Section is headed by Anna Lind", "It is led by …": a holder the text names with no
    title — a head whose title stays empty, as in the text."""
    subject = subject_of(state, seg, found)
    for k, person in enumerate(found):
        if person.what != "person":
            continue
        body = found[k - 1] if k and found[k - 1].what == "body" else None
        if body is None and subject is not None and subject.end <= person.start and subject not in found:
            body = subject  # "It is managed by Mr Erik Berg."
        titled = k + 1 < len(found) and found[k + 1].what == "post"
        if titled and seg.text[person.end : found[k + 1].start].strip() in (",", "", "the", ", the"):
            continue  # "managed by Mr Pekka Nieminen, Director of the Division": the title follows
        if body is None or not _BY_NAME.fullmatch(seg.text[body.end : person.start]):
            continue
        org = resolve(state, seg, body)
        chaired = re.search(r"\bchaired\b", seg.text[body.end : person.start], re.IGNORECASE)
        if org:  # "is chaired by Anna Lind": the verb names the post
            state.facts.head(org, "chair" if chaired else "", person.name, seg, "head.en.headed-by-name")


def _post_without_holder(state: State, seg: Segment, found: list[Mention], k: int) -> None:
    """ "The Central Administration, headed by the Mayor, …": the body has a head post, no name given."""
    post = found[k]
    nxt = found[k + 1] if k + 1 < len(found) else None
    body = next((m for m in reversed(found[:k]) if m.what == "body"), None)
    if body is None or (nxt is not None and nxt.what == "person" and nxt.start - post.end < 6):
        return
    if _HEAD_BY.match(seg.text[body.end : post.start]):
        org = resolve(state, seg, body)
        if org:
            state.facts.head(org, post.name.lower(), None, seg, "head.en.headed-by-post")


def _head_org(state: State, seg: Segment, found: list[Mention], k: int, j: int) -> str | None:
    """The body a sentence says the titled person heads; None when it says none."""
    post, person = found[k], found[j]
    parent = post_body(state, seg, post, create=False)
    if parent:
        return parent
    of_place = re.fullmatch(r".+?\s+of\s+(?:the\s+)?([A-Z][\w-]+)", post.name)
    if of_place:  # "The Mayor of Lahti is …": the municipality the text calls "City of Lahti"
        place = of_place.group(1)
        for name in (f"City of {place}", f"Town of {place}", f"Municipality of {place}"):
            if state.facts.find(name):
                return state.facts.find(name)
        head = post.name.split()[0].lower() if post.name.split() else ""
        if _MUNICIPAL_TITLE.fullmatch(head) and not any(m.what == "body" for m in found):
            return municipality(state, seg)  # "The Mayor of Lahti is …" with no "City of Lahti" named
    before = [m for m in found[:k] if m.what == "body"]
    after = [m for m in found[j + 1 :] if m.what == "body"]
    if after and _IS_HEAD.match(seg.text[person.end : after[0].start]):
        return resolve(state, seg, after[0])
    if before and _HEAD_BY.match(seg.text[before[-1].end : post.start]):
        return resolve(state, seg, before[-1])
    if (
        before
        and before[0].start < 60
        and _HEAD_OF.match(seg.text[: before[0].start])
        and re.match(r"\s*is\s", seg.text[before[0].end :])
    ):
        return resolve(state, seg, before[0])
    municipal = _MUNICIPAL_TITLE.fullmatch(post.name.lower())
    if municipal and not any(m.what == "body" and m.kind != "municipality" for m in found):
        return municipality(state, seg)  # "Municipal Manager Anna Berg leads the municipal administration."
    return post_body(state, seg, post)  # no other body led: the area the title names (convention F)


#: Posts that lead the body whose section they are listed in; no deputy, assistant or secretary.
_LEADING = re.compile(
    r"^(?:(?:executive|managing|service|department|general)\s+)?(?:director|head(?:\s+of\s+service)?|manager|"
    r"chief\s+executive(?:\s+officer)?|chair(?:man|person|woman)?|leader)$",
    re.IGNORECASE,
)
_LABEL_GAP = re.compile(r"^\s*(?:[:–—-]|,)\s*$")
MAX_LABEL_WORDS = 8


def _label_line(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "Director: Jane Smith", "Head of Service – Jane Smith", "Jane Smith, Director" on a line of its
    own under a body's heading: the head of that section's body (no section, no fact)."""
    if len(seg.text.split()) > MAX_LABEL_WORDS or len(found) != 2 or any(m.what == "body" for m in found):
        return
    first, second = found
    pair = (first, second) if first.what == "post" else (second, first)
    post, person = pair
    cls = _class_word(post.parent) if post.parent and post.what == "post" else None
    leading = _LEADING.match(post.name) or (cls and _LEADING.match(title_of(state, post)))
    if post.what != "post" or person.what != "person" or not leading:
        return
    if not _LABEL_GAP.match(seg.text[first.end : second.start]) or seg.text[: first.start].strip():
        return
    org = state.section_body(seg.line, inclusive=True)
    if org:
        title = title_of(state, post) if cls else post.name.lower()
        state.facts.head(org, title, person.name, seg, "head.en.label-line")
    elif cls:  # "Director of Department: Jane Smith" at the top of a department's page
        state.pending_heads.append((cls, title_of(state, post), person.name, seg))


def pending_heads(state: State) -> None:
    """The label lines that named their body by its class word only ("Director of Department: …"): the
    head of the first body of that class the page names, when it names one."""
    if not state.pending_heads:
        return
    first: dict[str, str] = {}  # one pass over the bodies: a page of many label lines stays linear
    for b in state.facts.bodies.values():
        first.setdefault(names.head_word(b.name.split()[-1]) if b.name.split() else "", b.name)
    for cls, title, person, seg in state.pending_heads:
        body = first.get(cls)
        if body:
            state.facts.head(body, title, person, seg, "head.en.label-line")


def _name_then_title(state: State, seg: Segment, nxt: Segment) -> None:
    """A line naming a person with a leading title on the next line ("Jane Smith" / "Head of
    Department"): the head of the body the title names, else of the section's (or the page's) body. A
    staff list's other titles ("Office Secretary") make no head."""
    if not (seg.heading and nxt.heading and nxt.line == seg.line + 1):
        return
    person = person_line(seg.text, lambda w: names.head_word(w) in names.STRONG or names.is_post(w))
    found = names.mentions(nxt.text) if person else []
    post = found[0] if len(found) == 1 and found[0].what == "post" else None
    if person is None or post is None or post.end - post.start < len(nxt.text.strip()) - 1:
        return
    title = title_of(state, post)
    if not _LEADING.match(title):
        return
    cls = _class_word(post.parent) if post.parent else None
    parent = state.facts.find(post.parent) if post.parent and not cls else None
    org = parent or state.section_body(seg.line) or topic(state, seg)
    span = Segment(seg.start, nxt.end, state.facts.text[seg.start : nxt.end], seg.line)
    if org and (cls is None or names.head_word(org.split()[-1]) == cls):
        state.facts.head(org, title, person, span, "head.en.title-line")
        state.paired_titles.add(nxt.line)  # the name below this title line is the next pair's


def _title_line(state: State, seg: Segment, nxt: Segment) -> None:
    """A title line ("Director of Education Services") with the holder's name on the next line."""
    found = names.mentions(seg.text)
    if not nxt.heading or nxt.line != seg.line + 1 or not found or found[0].what != "post":
        return
    if seg.line in state.paired_titles:  # read with the name line above it
        return
    person = person_line(nxt.text, lambda w: names.head_word(w) in names.STRONG or names.is_post(w))
    if person is None:
        return
    parent = state.facts.find(found[0].parent) if found[0].parent else None
    org = parent or topic(state, seg)
    span = Segment(seg.start, nxt.end, state.facts.text[seg.start : nxt.end], seg.line)
    if org:
        state.facts.head(org, title_of(state, found[0], org), person, span, "head.en.title-line")
