"""Typed facts: what the extractor finds and what ``rdf.py`` turns into triples.

Every fact carries :class:`Evidence` — the source id and the code-point span of the sentence (or
clause) in the ORIGINAL text that states it — plus the rule that produced it and a confidence.
Names are base forms as a reader would write them ("kaupunginkanslia", "hallintopalvelut").
``Extraction.to_json()`` gives the shape of ``../shared/gold`` (see its README) with extra keys for
evidence, rule and confidence, which the scorer ignores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: Body kinds of the gold README; ``ontology/kgpub.ttl`` has a concept for each (``kind:<value>``).
KINDS: tuple[str, ...] = (
    "municipality",
    "council",
    "board",
    "committee",
    "division",
    "agency",
    "department",
    "unit",
    "enterprise",
    "service_area",
    "team",
    "other",
    # legal persons that publish and are not municipalities (meta.toml [organisation] kind)
    "wellbeing_county",
    "joint_authority",
    "ministry",
)

#: How a part-of statement relates child and parent.
#: part        — enumerated part, composition, "kuuluu", "jakautuu" (org:subOrganizationOf)
#: subordinate — "X:n alainen", "X:n alaisuudessa" when X is a body (org:subOrganizationOf)
#: reports_to  — "toimii <post>:n alaisuudessa": the child reports to a post; ``via_post`` names it and
#:               ``parent`` is the body that post heads (org:reportsTo the post + subOrganizationOf)
#: grouping    — "Yleishallinto tarkoittaa valtuustoa, …": a grouping, not a hierarchy (kgp:groupedIn)
Relation = Literal["part", "subordinate", "reports_to", "grouping"]


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: ``original_text[start:end] == quote`` (Unicode code points)."""

    source: str
    start: int
    end: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Body:
    """An organisation, council, board, department, unit … named by the text."""

    name: str
    kind: str
    evidence: Evidence
    aliases: tuple[str, ...] = ()
    lang: str = "fi"
    rule: str = "body"
    confidence: float = 0.8


@dataclass(frozen=True)
class PartOf:
    """``child`` is part of / subordinate to / grouped in ``parent`` (names as in :class:`Body`)."""

    child: str
    parent: str
    relation: Relation
    evidence: Evidence
    via_post: str | None = None
    rule: str = "part_of"
    confidence: float = 0.8


@dataclass(frozen=True)
class Head:
    """A post (title) in a body, held by a named person. ``person`` None = a title with no holder."""

    org: str
    title: str
    person: str | None
    evidence: Evidence
    rule: str = "head"
    confidence: float = 0.8


@dataclass(frozen=True)
class Duty:
    """What a body does or is responsible for; ``text`` is the span that says what."""

    org: str
    text: str
    evidence: Evidence
    rule: str = "duty"
    confidence: float = 0.8


@dataclass(frozen=True)
class Site:
    """An address and/or phone number stated for a body."""

    org: str
    evidence: Evidence
    address: str | None = None
    phone: str | None = None
    rule: str = "site"
    confidence: float = 0.8


def _meta(fact: Body | PartOf | Head | Duty | Site) -> dict[str, Any]:
    return {"evidence": fact.evidence.to_json(), "rule": fact.rule, "confidence": fact.confidence}


@dataclass(frozen=True)
class Extraction:
    """All facts extracted from one source text."""

    source: str
    lang: str
    bodies: tuple[Body, ...] = ()
    part_of: tuple[PartOf, ...] = ()
    heads: tuple[Head, ...] = ()
    duties: tuple[Duty, ...] = ()
    sites: tuple[Site, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The gold shape (``../shared/gold/README.md``) plus evidence, rule and confidence."""
        return {
            "source": self.source,
            "lang": self.lang,
            "organizations": [
                {"name": b.name, "kind": b.kind, "aliases": list(b.aliases), "lang": b.lang, **_meta(b)}
                for b in self.bodies
            ],
            "sub_organization_of": [[p.child, p.parent] for p in self.part_of],
            "relations": [
                {
                    "child": p.child,
                    "parent": p.parent,
                    "relation": p.relation,
                    "via_post": p.via_post,
                    **_meta(p),
                }
                for p in self.part_of
            ],
            "heads": [
                {"org": h.org, "title": h.title, "person": h.person, **_meta(h)}
                for h in self.heads
                if h.person
            ],
            "posts_without_holder": [
                {"org": h.org, "title": h.title, **_meta(h)} for h in self.heads if not h.person
            ],
            "duties": [{"org": d.org, "text": d.text, **_meta(d)} for d in self.duties],
            "sites": [{"org": s.org, "address": s.address, "phone": s.phone, **_meta(s)} for s in self.sites],
        }
