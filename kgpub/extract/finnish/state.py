"""What the Finnish rules remember while reading a page: recorded bodies, the most recent ones (for
"Osastoa johtaa", "Virastossa on", "se vastaa"), the section a heading opened, and which body each
post heads (for "toimii kansliapäällikön alaisuudessa")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..sv_en import Facts, Segment, key
from .names import GENERIC, Mention

#: Bare body words that may name a body of their own when nothing earlier matches ("valtuusto").
SELF_NAMING = frozenset(["valtuusto", "hallitus", "hallinto", "kuntayhtymä"])


@dataclass
class State:
    facts: Facts
    segs: list[Segment]
    recent: list[str] = field(default_factory=list)
    section: str | None = None
    subject: str | None = None
    posts: dict[str, str] = field(default_factory=dict)
    last_in: dict[int, str] = field(default_factory=dict)
    pending: tuple[Segment, Mention] | None = None  # a weak heading name not yet referred to

    def section_body(self) -> str | None:
        """The body the current section is about, recording a pending heading name on first use."""
        if self.section is None and self.pending is not None:
            seg, m = self.pending
            self.pending = None
            self.section = self.subject = self.register(seg, m, "body.heading", 0.7)
        return self.section

    def register(
        self, seg: Segment, m: Mention, rule: str, conf: float = 0.8, kind: str | None = None
    ) -> str:
        """Record the body a mention names (and what its genitive or place says it is part of)."""
        if m.place and m.name.endswith("organisaatio"):
            # "Tornion kaupungin virasto-organisaatio": the town's own organisation is the town
            return self.facts.body(m.place, "municipality", seg, rule, conf, m.aliases)
        same = self._same_body(m.name)
        aliases = (*m.aliases, m.name) if same else m.aliases
        name = self.facts.body(same or m.name, kind or m.kind, seg, rule, conf, aliases)
        self.recent.append(name)
        if m.parent:
            parent = self.facts.find(m.parent) or self.facts.body(m.parent, "other", seg, rule, 0.7)
            self.facts.part(name, parent, "part", seg, "part.genitive", 0.75)
        if m.place:
            place = self.facts.body(m.place, "municipality", seg, rule, 0.8)
            self.facts.part(name, place, "part", seg, "part.place", 0.75)
        return name

    def _same_body(self, name: str) -> str | None:
        """A body already recorded under a shorter form of this name: "johtamisen jaosto" for
        "kaupunginhallituksen johtamisen jaosto", "oikeuspalvelut" for "Oikeuspalvelut-yksikkö"."""
        k = key(name)
        hyphen = re.match(r"^(.+)-(\w+)$", k)
        if hyphen and hyphen.group(2) in GENERIC and self.facts.find(hyphen.group(1)):
            return self.facts.find(hyphen.group(1))
        words = k.split()
        for n in range(1, min(len(words), 4)):
            tail = " ".join(words[n:])
            if tail not in GENERIC and (" " in tail or len(tail) > 12) and self.facts.find(tail):
                return self.facts.find(tail)
        return None

    def resolve(self, seg: Segment, m: Mention, weak: bool = False, subject: bool = False) -> str | None:
        """The body a mention refers to: an anaphor ("osasto") → the latest such body; a name → itself
        (a weak name only when ``weak``, i.e. the construction says it is a body)."""
        if m.generic:
            for name in reversed(self.recent[-200:]):
                body = self.facts.bodies.get(key(name))
                if key(name).endswith(m.name) or (m.name == "virasto" and body and body.kind == "agency"):
                    return name
            if m.name in SELF_NAMING and weak and (subject or m.case == "nimento"):
                return self.register(seg, m, "body.generic", 0.6)
            return self.section_body() if subject else None
        known = self.facts.find(m.name)
        if known:
            self.recent.append(known)
            for alias in m.aliases:
                self.facts.body(known, m.kind, seg, "body", 0.8, (alias,))
            if m.place:
                place = self.facts.body(m.place, "municipality", seg, "body.place", 0.8)
                self.facts.part(known, place, "part", seg, "part.place", 0.75)
            return known
        if m.strong or weak:
            return self.register(seg, m, "body.strong" if m.strong else "body.structural")
        return None

    def items_after(self, i: int) -> list[Segment]:
        """The bulleted items right after segment ``i``."""
        out = []
        for seg in self.segs[i + 1 : i + 60]:
            if not seg.bullet:
                break
            out.append(seg)
        return out


def at_start(text: str, m: Mention) -> bool:
    """The mention opens the sentence, after at most a linking adverb ("Lisäksi", "Niin ikään")."""
    return (
        re.fullmatch(r"\s*(?:(?:Lisäksi|Myös|Samoin|Niin\s+ikään|Edelleen|Nyt)\s*,?\s*)?", text[: m.start])
        is not None
    )


def openers(text: str, found: list[Mention]) -> list[Mention]:
    """The mentions that open the sentence, the longest (the full name) first."""
    return sorted((m for m in found if at_start(text, m)), key=lambda m: m.start - m.end)
