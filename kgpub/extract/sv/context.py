"""What the Swedish rules share while reading one text: the facts so far, what a bare "nämnden",
"sektorerna" or "staden" refers to, the page's own body and the body each heading opens."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..core.facts import key
from ..core.page import PageState
from ..core.segments import Segment
from . import lexicon, mentions
from .mentions import Mention

#: What may stand before a sentence's subject: a sentence adverb, "Hela", and the article of a
#: doubly definite name ("Det temporära beredningsorganet ansvarar för …").
_LEAD = re.compile(r"^\s*(?:(?:Dessutom|Därtill|Vidare|Även|Också)\s*,?\s*)?(?:Hela\s+|De[nt]?\s+)?$")
_TASK_OF = re.compile(r"\s+(?:\w+\s+)?uppgift(?:er)?\s", re.IGNORECASE)
_COORD = re.compile(r"^\s*(?:,|,?\s*och|,?\s*samt)\s+(?:(?:den|det)\s+)?$")
_PLURAL = re.compile(r"\b\w+(?:erna|arna|orna|urna)\b", re.IGNORECASE)


@dataclass
class State(PageState):
    """One text being read (:class:`~..core.page.PageState`): what a bare "nämnden" or "staden"
    refers to, and what the sentences before were about."""

    context: dict[int, str] = field(default_factory=dict)
    previous: str | None = None  # the body the segment before was about ("Den svarar för …")
    about: list[str] = field(default_factory=list)  # the bodies it was about ("De ansvarar för …")

    def municipality(self, seg: Segment, hint: str = "staden", aliases: tuple[str, ...] = ()) -> str:
        """The municipality's body, recorded on first use (a proper name from the text when it has one)."""
        proper, kommun = self._municipal_words
        if proper:
            aliases = (proper.split(" ")[-1] + "en", *aliases)
            return self.facts.body(proper, "municipality", seg, "body.sv.municipality", aliases=aliases)
        unit = "kommunen" if kommun else hint
        return self.facts.body(unit, "municipality", seg, "body.sv.municipality", aliases=aliases)

    @cached_property
    def _municipal_words(self) -> tuple[str | None, bool]:
        """The text's proper municipality name ("Närpes stad"), and whether it says "kommun" more
        than "stad" — read once, not for every sentence that needs the municipality."""
        text = self.facts.text
        proper = mentions.MUNICIPALITY.search(text)
        lowered = text.lower()
        name = f"{proper.group(1)} {proper.group(2)}" if proper else None
        return name, lowered.count("kommun") > lowered.count("stad")

    def resolve(self, seg: Segment, m: Mention, create: bool = False) -> str | None:
        """The body a mention names: itself, the body a reference points back to, or the municipality."""
        if m.refers == "municipality":
            return self.municipality(seg, m.name, m.aliases) if create else self.facts.find(m.name)
        if m.refers is not None:
            if m.refers in self.last:
                return self.last[m.refers]
            if m.refers != "fullmäktige":
                return None
        name = self.facts.body(m.name, m.kind, seg, "body.sv.noun", aliases=m.aliases)
        if m.head is not None:
            self.last[m.head] = name
        owner = self.resolve(seg, m.owner) if m.owner is not None else None
        if owner is not None:
            self.facts.part(name, owner, "part", seg, "part.sv.genitive")
        return name

    def mentions(self, text: str) -> list[Mention]:
        """The bodies a sentence names: by their head nouns, and bodies recorded before under a name
        with no head noun ("koncerntjänster", "stadstekniska centralen") met again."""
        found = mentions.mentions(text)
        lowered = text.lower()
        extra: list[Mention] = []
        for body in self.facts.named_in(text):
            if body.kind == "municipality" or body.name.lower() not in lowered:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(body.name) + r"(?!\w)", text, re.IGNORECASE):
                if not any(f.start < m.end() and m.start() < f.end for f in [*found, *extra]):
                    extra.append(Mention(m.start(), m.end(), body.name, body.kind))
        return sorted([*found, *extra], key=lambda x: x.start)

    def plural(self, i: int) -> tuple[int, list[str]] | None:
        """ "Sektionerna beslutar …", "Båda nämnderna …": a plural definite head noun opening segment i
        refers to the bodies with that head named in the two segments before it (at least two)."""
        seg = self.segs[i]
        lead = re.match(r"\s*(?:(?:Båda|Alla|Samtliga|Dessa)\s+)?(?P<word>[^\W\d_]+na)\b", seg.text, re.I)
        word = lexicon.read_word(lead.group("word").lower()) if lead else None
        if lead is None or word is None or word.form != "plural" or word.prefix:
            return None
        names: list[str] = []
        for prev in self.segs[max(0, i - 2) : i]:
            for m in mentions.mentions(prev.text):
                name = self.facts.find(m.name) if m.head == word.head and m.refers is None else None
                if name and name not in names:
                    names.append(name)
        return (lead.end(), names) if len(names) >= 2 else None

    def subject(self, seg: Segment, found: list[Mention]) -> Mention | None:
        """The body a sentence is about: its first mention, at the start of the sentence; after "En"
        or "Ett" only a body named before ("Ett temporärt beredningsorgan bereder …" under the heading
        "Temporärt beredningsorgan"), not any body of a kind ("En nämnd kan …")."""
        if not found or found[0].genitive:
            return None
        lead = seg.text[: found[0].start]
        if _LEAD.match(lead):
            return found[0]
        if re.fullmatch(r"\s*(?:En|Ett)\s+", lead) and found[0].refers is None:
            body = self.facts.bodies.get(key(found[0].name))
            return found[0] if body is not None and body.evidence.start < seg.start else None
        return None

    def topics(self, seg: Segment, found: list[Mention]) -> list[str]:
        """The bodies a sentence is about, for a "De" that opens the next one: its coordinated subjects
        ("Fullmäktige och stadsstyrelsen …") or the owner of a task ("Stadsledningens uppgift är …").
        None when the sentence also names a definite plural ("nämnderna", "cheferna"), which "De"
        may as well refer to."""
        subject = self.subject(seg, found)
        if subject is None and found and found[0].genitive and _LEAD.match(seg.text[: found[0].start]):
            subject = found[0] if _TASK_OF.match(seg.text, found[0].end) else None
        if subject is None:
            return []
        k = found.index(subject)
        while k + 1 < len(found) and _COORD.match(seg.text[found[k].end : found[k + 1].start]):
            k += 1
        if _PLURAL.search(seg.text, found[k].end):
            return []
        listed = found[found.index(subject) : k + 1]
        names = [self.resolve(seg, m) for m in listed if m.kind != "municipality" and m.refers is None]
        return [n for n in names if n is not None]

    def items_after(self, i: int) -> list[Segment]:
        """The list that follows segment i: its bullets, or else the lines that each name one body."""
        bullets = list(itertools.takewhile(lambda s: s.bullet, self.segs[i + 1 :]))
        if bullets:
            return bullets
        return list(itertools.takewhile(_names_one_body, self.segs[i + 1 :]))


def _names_one_body(seg: Segment) -> bool:
    found = mentions.mentions(seg.text)
    text = seg.text.strip()
    return (
        seg.heading
        and len(found) == 1
        and found[0].refers is None
        and found[0].end - found[0].start >= len(text) - 1
    )
