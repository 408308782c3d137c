"""English rules: bodies, their parts, heads and duties from English municipal pages.

Each rule reads one segment (sentence, heading or list item) and names the construction it relies on:

* duties — "<Body> is responsible for / is tasked with / is in charge of …", "<Body>
  guides, supervises and supports …" (a duty verb right after the body), "<Body>’s job is to …", and
  "<Body> is responsible for" followed by a bulleted list (one duty per item); any noun for the duties
  ("The objectives of <body> are … to decide:" and bullets, "Its tasks include …"), a second predicate
  ("… and is responsible for …"), a second clause with its own body, and the section's body for bullets
  under "Responsibilities" / "What we do", verb bullets under "<Body>:" and "We manage …";
* parts — "<Body> is made up of / consists of / is divided into / comprises …: a, b and c" (or the
  bullets after it), "<Body> has, directly subordinate to …, a, b and c", "There are seven units …:
  a, b, c" (the page's body), "Within <body> there operate a and b", "<Body> is part of / belongs
  to / is subordinate to / reports to <Body>", "Road Division of the Official Committee", "<Body> has:"
  with bullets (and a counted class with name lines under it), "the X unit of <Body>", "<Body> and its
  <Body>", "Its operations include …", the units under an "Organisation of <Body>" title;
* heads — "<Title>, Mr <Name>, is the head of <Body>", "<Body>, headed by <title> <Name>", "<Body>
  is managed by <title> <Name>", "The Director of <Body> is <Name>", "Director of <Body> <Name>",
  a title line followed by the holder's name (or a name line followed by a leading title), "<Body>’s
  director is <Name>", "chaired by <Name>" (chair) and "Director of Department: <Name>" (the first
  department the page names).

Rooms: ``duties``; ``parts`` and ``layout``; ``heads``; the body mentions and words in ``names``;
what a reference points to in ``context``.

No rule names a city, person or page; names come from the text (see ``names``).
"""

from __future__ import annotations

import re

from ...model import Extraction
from ...sources import Source
from ..core.facts import Facts
from ..core.segments import Segment, segments
from ..core.sites import contact_phone, find_sites, prose_address
from . import layout
from .context import State, municipality, register, resolve, subject_of
from .duties import duties
from .heads import heads, pending_heads
from .names import Mention, is_post
from .parts import parts

LANG = "en"


#: The municipality spoken of as an organisation (gold convention B): its administration, management,
#: procedures, services or staff, or the City as an actor ("the City is bound to store …").
_MUNICIPAL_ORGANISATION = re.compile(
    r"\b(?:[Tt]he\s+)?(?:[Cc]ity|[Mm]unicipality|[Cc]ouncil)[’']s\s+(?:own\s+|general\s+)?(?:administration|"
    r"administrative|management|document|procedures|operations?|organi[sz]ation|services|staff|personnel|"
    r"employees|finances|economy|activities|decision-making|strategy|basic\s+organi[sz]ation)\b"
    r"|\b[Tt]he\s+City\s+(?:is\s+bound|is\s+an?\s+(?:owner|employer)|must|shall|employs|owns)\b"
)


#: "the directors of education and culture services; growth … services; and urban … services": bodies
#: named only in a plural post's "of" modifier, separated by semicolons (gold convention F).
_POSTS_OF = re.compile(
    r"\b(?:directors|heads|managers|chiefs)\s+of\s+(?:the\s+)?(?P<list>[^.:]*?;[^.:]*?)(?=,\s+and\s+their\b|[.:]|$)"
)


def _bodies_in_post_modifiers(state: State, seg: Segment) -> None:
    found = _POSTS_OF.search(seg.text)
    if found is None:
        return
    for item in found.group("list").split(";"):
        name = re.sub(r"^\s*(?:and\s+)?(?:the\s+)?", "", item).strip(" ,")
        if 0 < len(name.split()) <= 6 and name.lower().endswith(
            ("services", "service", "department", "division")
        ):
            state.facts.body(name, "service_area", seg, "body.en.post-modifier")


def extract_en(source: Source) -> Extraction:
    """All facts the English rules find in ``source`` (offsets into ``source.text``)."""
    state = State(Facts(source.meta.id, source.text, LANG), segments(source.text))
    listed = layout.blocks(state.segs)
    list_names: dict[int, str] = {}
    for i in range(len(state.segs)):
        found = register(state, i)
        if _MUNICIPAL_ORGANISATION.search(state.segs[i].text):
            municipality(state, state.segs[i])
        _bodies_in_post_modifiers(state, state.segs[i])
        duties(state, i, found)
        parts(state, i, found)
        layout.read_lists(state, listed, i, list_names)
        heads(state, i, found)
        _prose_sites(state, state.segs[i], found)
        subject = subject_of(state, state.segs[i], found)
        state.subject = resolve(state, state.segs[i], subject) if subject else state.about
    pending_heads(state)
    find_sites(state.facts, state.segs, state.section, is_post)
    return state.facts.extraction()


def _prose_sites(state: State, seg: Segment, found: list[Mention]) -> None:
    """ "The Sector Management of X, … and the Services Development unit of Y operate … at the address
    Tietotie 15": a site for each body named before the cue, not for a body named only as the owner
    ("… of Y"); "please contact the Governance Branch on (02) 6205 2819": that body's phone."""
    for m in found:
        if m.what != "body":
            continue
        phone = contact_phone(seg.text, m.start, m.end)
        owner_only = re.search(r"\bof\s+(?:the\s+)?$", seg.text[: m.start]) is not None
        address = prose_address(seg.text, m.end) if not owner_only else None
        org = resolve(state, seg, m) if address or phone else None
        if org:
            state.facts.site(org, seg, address, phone, "site.prose")
