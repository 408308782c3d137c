"""The fact collector every language pack records into, with evidence spans into the original text.

Rules find a fact inside one segment (a sentence, a heading or a list item) of the ORIGINAL text; the
:class:`Facts` collector turns the segment's span into :class:`~kgpub.model.Evidence`, merges the
different ways a text names one body, and drops facts whose bodies it never recorded, so every
``part_of``/``head``/``duty`` points at a body of the same extraction.

A fact's confidence is its rule's measured precision (:func:`.rules.confidence`), looked up here by
the fact's rule id: no call site writes a number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model import Body, Duty, Evidence, Extraction, Head, PartOf, Relation, Site
from .rules import confidence as measured
from .segments import Segment


def words(text: str) -> frozenset[str]:
    """A word set written as one string (lexicons read better as prose than as list literals)."""
    return frozenset(text.split())


def key(name: str) -> str:
    """How two mentions of a body are compared: case-folded, one space, typographic dashes as '-'."""
    name = unicodedata.normalize("NFC", name).casefold().replace("’", "'")
    name = re.sub(r"[\u2010-\u2015\u2212]", "-", name)
    return re.sub(r"\s+", " ", name).strip(" .,;:")


# --- the collector ----------------------------------------------------------------------------------


@dataclass
class Facts:
    """Facts found so far in one text, with evidence spans into the original ``text``."""

    source: str
    text: str
    lang: str
    bodies: dict[str, Body] = field(default_factory=dict)
    canon: dict[str, str] = field(default_factory=dict)
    part_of: dict[tuple[str, str], PartOf] = field(default_factory=dict)
    heads: dict[tuple[str, str, str], Head] = field(default_factory=dict)
    duties: list[Duty] = field(default_factory=list)
    duty_keys: set[tuple[str, str]] = field(default_factory=set)
    sites: list[Site] = field(default_factory=list)
    by_first: dict[str, list[str]] = field(default_factory=dict)

    def named_in(self, text: str) -> list[Body]:
        """The recorded bodies whose name's first word occurs in ``text`` (candidates to look for
        there), found through an index so that a text with thousands of bodies stays linear."""
        seen = set(re.findall(r"[^\W_][\w'-]*", key(text)))
        return [self.bodies[k] for w in seen for k in self.by_first.get(w, ())]

    def evidence(self, start: int, end: int) -> Evidence:
        """The span trimmed of white space, so the quote is exactly what a reader sees."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(self.source, start, end, self.text[start:end])

    def find(self, name: str) -> str | None:
        """The recorded body a name (or alias) refers to."""
        return self.canon.get(key(name))

    def body(
        self,
        name: str,
        kind: str,
        seg: Segment,
        rule: str,
        *,
        aliases: Iterable[str] = (),
    ) -> str:
        """Record a body (or add aliases to the one it already is); returns its canonical name."""
        known = self.find(name) or next((self.canon[key(a)] for a in aliases if key(a) in self.canon), None)
        if known is None:
            self.bodies[key(name)] = Body(
                name, kind, self.evidence(seg.start, seg.end), (), self.lang, rule, measured(rule)
            )
            self.canon[key(name)] = name
            self.by_first.setdefault(key(name).split(" ")[0], []).append(key(name))
            known = name
        old = self.bodies[key(known)]
        new_aliases = [a for a in (name, *aliases) if key(a) != key(known) and a not in old.aliases]
        if new_aliases or (old.kind == "other" and kind != "other"):
            self.bodies[key(known)] = Body(
                old.name,
                kind if old.kind == "other" else old.kind,
                old.evidence,
                (*old.aliases, *new_aliases),
                old.lang,
                old.rule,
                old.confidence,
            )
        for alias in (name, *aliases):
            self.canon.setdefault(key(alias), known)
        return known

    def part(
        self,
        child: str,
        parent: str,
        relation: Relation,
        seg: Segment,
        rule: str,
        *,
        via_post: str | None = None,
    ) -> None:
        c, p = self.find(child), self.find(parent)
        if c is None or p is None or key(c) == key(p) or (key(c), key(p)) in self.part_of:
            return
        ev = self.evidence(seg.start, seg.end)
        self.part_of[(key(c), key(p))] = PartOf(c, p, relation, ev, via_post, rule, measured(rule))

    def head(self, org: str, title: str, person: str | None, seg: Segment, rule: str) -> None:
        o = self.find(org)
        if o is None:
            return
        k = (key(o), key(title), key(person or ""))
        if k not in self.heads:
            self.heads[k] = Head(o, title, person, self.evidence(seg.start, seg.end), rule, measured(rule))

    def duty(self, org: str, text: str, start: int, end: int, rule: str) -> None:
        o = self.find(org)
        text = re.sub(r"\s+", " ", text).strip(" .;:,")
        if o is None or len(text) < 3:
            return
        if (key(o), key(text)) in self.duty_keys:
            return
        self.duty_keys.add((key(o), key(text)))
        self.duties.append(Duty(o, text, self.evidence(start, end), rule, measured(rule)))

    def site(self, org: str, seg: Segment, address: str | None, phone: str | None, rule: str) -> None:
        o = self.find(org)
        if o is None or not (address or phone):
            return
        self.sites.append(Site(o, self.evidence(seg.start, seg.end), address, phone, rule, measured(rule)))

    def extraction(self, warnings: Iterable[str] = ()) -> Extraction:
        return Extraction(
            source=self.source,
            lang=self.lang,
            bodies=tuple(self.bodies.values()),
            part_of=tuple(self.part_of.values()),
            heads=tuple(self.heads.values()),
            duties=tuple(self.duties),
            sites=tuple(self.sites),
            warnings=tuple(warnings),
        )
