"""What the Swedish and the English rules share: recording facts with evidence, splitting enumerations,
recognising person names and the lines of a page.

Rules find a fact inside one segment (a sentence, a heading or a list item) of the ORIGINAL text; the
:class:`Facts` collector turns the segment's span into :class:`~kgpub.model.Evidence`, merges the
different ways a text names one body, and drops facts whose bodies it never recorded, so every
``part_of``/``head``/``duty`` points at a body of the same extraction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ...model import Body, Duty, Evidence, Extraction, Head, PartOf, Relation, Site
from ...text import segment


@dataclass(frozen=True)
class Segment:
    """A sentence, heading or list item: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    line: int
    bullet: bool = False
    heading: bool = False


def words(text: str) -> frozenset[str]:
    """A word set written as one string (lexicons read better as prose than as list literals)."""
    return frozenset(text.split())


def key(name: str) -> str:
    """How two mentions of a body are compared: case-folded, one space, typographic dashes as '-'."""
    name = unicodedata.normalize("NFC", name).casefold().replace("’", "'")
    name = re.sub(r"[\u2010-\u2015\u2212]", "-", name)
    return re.sub(r"\s+", " ", name).strip(" .,;:")


# --- person names -----------------------------------------------------------------------------------

#: "Yli-Rajala", "Rinta-aho"; an inner capital or an O' prefix: "McAleese", "AnnMarie", "O'Brien".
_NAME_PART = (
    r"(?:O['’])?[A-ZÅÄÖÜÉ][a-zåäöüéèáíóú]+(?:[A-Z][a-zåäöüéèáíóú]+)?(?:-[A-ZÅÄÖÜÉ]?[a-zåäöüéèáíóú]+)?"
)
#: Two to four capitalised words ("Marja-Leena Rinkineva", "Anna-Kaisa Ikonen"), nothing else.
PERSON = rf"{_NAME_PART}(?:\s+(?:af\s+|von\s+|de\s+)?{_NAME_PART}){{1,3}}"
PERSON_RE = re.compile(PERSON)
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+")


def person_line(text: str, banned: Callable[[str], bool]) -> str | None:
    """The person a whole line names ("Jussi Pajunen"), or None; ``banned`` rejects body/post words."""
    text = HONORIFIC.sub("", text.strip())
    if not PERSON_RE.fullmatch(text):
        return None
    return None if any(banned(w) for w in text.split()) else text


# --- lines and sentences ----------------------------------------------------------------------------


def segments(text: str) -> list[Segment]:
    """The page's sentences, headings and list items as :mod:`kgpub.text` cuts them.

    Swedish and English read the same cleaned page as Finnish: cookie, login and menu lines are gone,
    a sentence broken over two lines is one, a repeated sentence is read once, "•" items inside a line
    stand alone. ``line`` is the block (logical line) a segment comes from; a segment is a heading when
    it is a whole short line without final punctuation. ``text`` is the cleaned sentence (white space
    one-for-one), so ``original[start:end]`` is its exact evidence.
    """
    out: list[Segment] = []
    for index, block in enumerate(segment(text).blocks):
        whole = len(block.sentences) == 1
        for sentence in block.sentences:
            out.append(
                Segment(
                    sentence.start,
                    sentence.end,
                    sentence.text,
                    index,
                    bullet=block.kind == "item",
                    heading=whole and block.kind in ("heading", "line"),
                )
            )
    return out


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
        self, name: str, kind: str, seg: Segment, rule: str, confidence: float, aliases: Iterable[str] = ()
    ) -> str:
        """Record a body (or add aliases to the one it already is); returns its canonical name."""
        known = self.find(name) or next((self.canon[key(a)] for a in aliases if key(a) in self.canon), None)
        if known is None:
            self.bodies[key(name)] = Body(
                name, kind, self.evidence(seg.start, seg.end), (), self.lang, rule, confidence
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
        confidence: float,
        via_post: str | None = None,
    ) -> None:
        c, p = self.find(child), self.find(parent)
        if c is None or p is None or key(c) == key(p) or (key(c), key(p)) in self.part_of:
            return
        ev = self.evidence(seg.start, seg.end)
        self.part_of[(key(c), key(p))] = PartOf(c, p, relation, ev, via_post, rule, confidence)

    def head(self, org: str, title: str, person: str | None, seg: Segment, rule: str, conf: float) -> None:
        o = self.find(org)
        if o is None:
            return
        k = (key(o), key(title), key(person or ""))
        if k not in self.heads:
            self.heads[k] = Head(o, title, person, self.evidence(seg.start, seg.end), rule, conf)

    def duty(self, org: str, text: str, start: int, end: int, rule: str, confidence: float) -> None:
        o = self.find(org)
        text = re.sub(r"\s+", " ", text).strip(" .;:,")
        if o is None or len(text) < 3:
            return
        if (key(o), key(text)) in self.duty_keys:
            return
        self.duty_keys.add((key(o), key(text)))
        self.duties.append(Duty(o, text, self.evidence(start, end), rule, confidence))

    def site(self, org: str, seg: Segment, address: str | None, phone: str | None, rule: str) -> None:
        o = self.find(org)
        if o is None or not (address or phone):
            return
        self.sites.append(Site(o, self.evidence(seg.start, seg.end), address, phone, rule, 0.7))

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
