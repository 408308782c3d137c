"""What the Finnish rules remember while reading a page, and the sentence they are reading.

:class:`Reader` records bodies through the shared collector (``core.facts.Facts``: aliases merged, evidence
trimmed, relations only between recorded bodies) and remembers what later sentences refer back to:
the bodies mentioned most recently ("Osastoa johtaa …" → the last osasto), the subject of the last
sentence ("Lisäksi se vastaa …"), the body a section heading names, and which body each post heads
(for "toimii kansliapäällikön alaisuudessa").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ...text import Sentence
from ..core.facts import Facts, key
from ..core.segments import Segment
from .bodies import Mention, find_mentions
from .lexicon import MUNICIPALITY, OPENERS, PRONOUNS, SELF_NAMING, STRONG
from .names import as_written, body_word, is_title
from .tokens import Token, tokenize

#: Kinds a bare class word may refer to by kind alone ("virasto" → the kanslia, both agencies).
REFERABLE_KINDS = frozenset({"agency", "department", "enterprise", "division"})
#: Elected organs, led by their chair rather than by a -johtaja or -päällikkö.
ORGAN_KINDS = frozenset({"council", "board", "committee"})
#: How many recorded bodies back a bare class word ("Osasto", "Virastossa") may refer.
LOOKBACK = 12


@dataclass
class PendingSite:
    """Address and phone lines read so far for one body (they make one site)."""

    org: str
    start: int
    end: int
    address: str | None = None
    phone: str | None = None


@dataclass
class Sent:
    """One sentence being read: its tokens, its body mentions and where its subject starts."""

    sentence: Sentence
    tokens: list[Token]
    mentions: list[Mention]
    start: int  # index of the first token after openers ("Lisäksi", "Samoin")
    last: bool = False  # the page's last sentence (it may be cut off)
    before_prose: bool = False  # a paragraph of another block follows
    before_item: bool = False  # a list item follows

    @property
    def kind(self) -> str:
        return self.sentence.kind

    def segment(self) -> Segment:
        s = self.sentence
        return Segment(s.start, s.end, s.text, s.block, s.kind == "item", s.kind == "heading")

    def end(self) -> int:
        """Index after the last token that is not final punctuation (".", ":", "!" …)."""
        n = len(self.tokens)
        while n > 0 and self.tokens[n - 1].text in {".", "!", "?", ":", ";"}:
            n -= 1
        return n

    def mention_at(self, i: int) -> Mention | None:
        """The widest mention covering token ``i`` ("Hallintopalvelujen taloustoimi", not its owner)."""
        covering = [m for m in self.mentions if m.first <= i <= m.last]
        return max(covering, key=lambda m: m.last - m.first) if covering else None

    def mention_ending(self, i: int) -> Mention | None:
        return next((m for m in self.mentions if m.last == i), None)

    def text(self, a: int, b: int) -> tuple[str, int, int]:
        """Text of tokens ``a..b-1`` with its original span."""
        if a >= b:
            return "", self.sentence.start, self.sentence.start
        i, j = self.tokens[a].start, self.tokens[b - 1].end
        start, end = self.sentence.span(i, j)
        return self.sentence.text[i:j], start, end

    @cached_property
    def forms(self) -> frozenset[str]:
        """Every base form and lower-cased surface in the sentence (most rules look for one word)."""
        return frozenset().union(*(t.forms for t in self.tokens))

    def index(self, *lemmas: str, after: int = 0) -> int:
        """The first token at or after ``after`` with one of these base forms (or surfaces), or -1."""
        if not any(lemma in self.forms for lemma in lemmas):
            return -1
        for i in range(after, len(self.tokens)):
            if self.tokens[i].is_lemma(*lemmas):
                return i
        return -1


@dataclass
class Reader:
    facts: Facts
    recent: list[str] = field(default_factory=list)
    words: dict[str, str] = field(default_factory=dict)
    subject: str | None = None
    section: str | None = None
    heading: tuple[Sent, Mention] | None = None
    class_heading: tuple[Sent, Mention] | None = None  # "Uuden Vantaan palvelualueet": whose classes
    posts: dict[str, str] = field(default_factory=dict)
    open_list: tuple[str, str, str] | None = None  # (parent, kind, rule) awaiting bulleted items
    open_duties: str | None = None  # a body whose duties follow as items
    verb_items: bool = False  # the open duty list's items must start with their verb (a lead-in)
    heading_items: bool = False  # items right under a body's heading name its parts
    class_parents: dict[str, str] = field(default_factory=dict)  # "toimiala" → the body toimialat make up
    pending_posts: list[tuple[str, str, Sent]] = field(default_factory=list)  # (child, post, sentence)
    site: PendingSite | None = None
    pending_title: tuple[str, Sent] | None = None  # a line that is only a title, its holder may follow
    holder: tuple[str, str] | None = None  # the last (title, person) read: "hän", a subjectless verb
    last_duty: tuple[str, int] | None = None  # the body the paragraph (block) last gave a duty
    person_contacts: bool = False  # contact lines after a person's name are the person's, not a site
    #: class words the page names with two places or more ("Kainuun liitto", "Lapin liitto"): there,
    #: a place's body is its own, never merged into the bare word
    many_places: frozenset[str] = frozenset()

    def known(self, name: str) -> bool:
        return self.facts.find(name) is not None

    def read(self, sentence: Sentence) -> Sent:
        tokens = tokenize(sentence.text)
        start = 0
        while start < len(tokens) and (
            tokens[start].low in OPENERS or tokens[start].text in {",", "mm", "."}
        ):
            start += 1
        return Sent(sentence, tokens, find_mentions(tokens, self.known), start)

    def touch(self, name: str) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def record(self, s: Sent, m: Mention, rule: str = "body.fi.mention") -> str:
        """Record the body a mention names (and the owner its genitive names); its canonical name."""
        owner = None
        if m.owner is not None:  # "Kuntayhtymän hallinto" after "Perusturvakuntayhtymä Kallio"
            owner = (self.refer(m.owner.word) if m.owner.bare else None) or self.record(s, m.owner, rule)
        aliases = m.aliases
        if m.name.lower() in MUNICIPALITY:
            # the generic words name one organisation, the page's own municipality (gold convention B):
            # "kaupunginjohtaja … johtaa kunnan hallintoa" after "kaupunki" adds "kunta" as its alias
            aliases = (*aliases, *(w for w in sorted(MUNICIPALITY) if self.facts.find(w)))
        if m.place and not self.facts.find(m.name):
            # "Hämeen liitto" after "Etelä-Karjalan liitto": a bare alias another place's body holds
            # already names that body, not this one; on a page of many places, none merges
            many = m.core.lower() in self.many_places
            aliases = tuple(a for a in aliases if not many and key(self.facts.find(a) or a) == key(a))
        name = self.facts.body(m.name, m.kind, s.segment(), rule, aliases=aliases)
        self.words.setdefault(key(name), m.word)
        self.touch(name)
        if owner is None and m.descriptors and not m.generic:
            owner = self._described_by(s, m)
        if owner is not None and owner != name:
            self.facts.part(name, owner, "part", s.segment(), "part.fi.genitive")
        return name

    def _described_by(self, s: Sent, m: Mention) -> str | None:
        """A body recorded earlier that the genitive words before a body word name: "Kaupunkiympäristön
        tukiyksikkö", "Kasvatuksen ja oppimisen tukiyksikkö" once those toimialat were listed."""
        words = s.tokens[m.first : m.head]
        if not words or not all(t.low in {"ja", "sekä"} or _genitive_base(t) for t in words):
            return None
        return self.facts.find(
            " ".join(t.low if t.low in {"ja", "sekä"} else _genitive_base(t) for t in words)
        )

    def named(self, s: Sent, m: Mention) -> str | None:
        """The body a mention names without any role: a STRONG name, or one recorded before."""
        if m.generic:
            return None
        if m.bare:
            return self.refer(m.word)
        found = self.facts.find(m.name) or next(
            (self.facts.find(a) for a in m.aliases if self.known(a)), None
        )
        if m.strong or found:
            return self.record(s, m)
        return None

    def body(self, s: Sent, m: Mention, rule: str = "body.fi.role") -> str | None:
        """The body a mention names where the sentence gives it a role (weak names and organs count)."""
        if m.generic:
            return None
        if m.bare:
            found = self.refer(m.word)
            if found is None and m.word in SELF_NAMING:
                return self.record(s, m, rule)
            if found is None and (self.heading is not None or self.section is not None):
                found = self.section_body()  # "Hyvinvointipalvelut" / "Toimiala vastaa …"
                if found is not None:
                    self.words[key(found)] = m.word  # later "Toimialaa johtaa …" refers to it too
            return found
        return self.record(s, m, rule)

    def refer(self, word: str) -> str | None:
        """The most recent recorded body a bare class word refers back to: one named with that word
        ("Osasto" → "henkilöstöosasto"), else one of its kind ("Virastossa" → "kaupunginkanslia")."""
        recent = [n for n in reversed(self.recent[-LOOKBACK:]) if self.facts.find(n)]
        for name in recent:
            k = key(name)
            recorded = self.words.get(k)
            if recorded == word or (recorded is None and k.endswith(word) and word not in MUNICIPALITY):
                return self.facts.find(name)
        kind = STRONG.get(word)
        section = self.current_section()
        for name in recent if kind in REFERABLE_KINDS else []:
            found = self.facts.find(name) or name
            if section and (key(found), key(section)) in self.facts.part_of:
                continue  # "Konsernipalveluihin kuuluvat … tietohallinto. Toimialaa johtaa …": the section
            if self.facts.bodies[key(found)].kind == kind:
                return found
        return None

    def pronoun(self, tok: Token) -> str | None:
        """What "se", "sen", "sitä" refers to: the last subject, else the section's body."""
        if tok.is_lemma(*PRONOUNS) and tok.low not in {"siinä", "siitä", "niin"}:
            return self.subject or self.section_body()
        return None

    def current_section(self) -> str | None:
        """The section's body if it is recorded (a weak heading name once a sentence used it)."""
        return self.facts.find(self.section or (self.heading[1].name if self.heading else ""))

    def section_body(self) -> str | None:
        """The body the current heading names, recording a weak heading name on first use."""
        if self.section is None and self.heading is not None:
            s, m = self.heading
            self.heading = None
            self.section = self.body(s, m, "body.fi.heading")
        return self.section

    def class_owner(self) -> str | None:
        """The owner a class heading names, recorded on first use: "Kaupunginkanslian osastot" → the
        kanslia; "Uuden Vantaan palvelualueet" → the municipality the place names ("Vantaa")."""
        if self.class_heading is None:
            return None
        s, m = self.class_heading
        if m.owner is not None:
            return self.body(s, m.owner, "body.fi.list-owner")
        place = next((t for t in s.tokens[m.first : m.head] if t.text == m.place), None)
        if place is None:
            return None
        name = place.lemma()
        found = self.facts.find(name) or self.facts.body(
            name, "municipality", s.segment(), "body.fi.list-owner"
        )
        self.touch(found)
        return found

    def heads_body(self, title: str) -> str | None:
        """The body a post heads: stated before ("Viraston päällikkönä on kansliapäällikkö …"), or
        named by the title's first part ("hallintojohtaja" → hallinto-osasto, "toimialajohtaja" →
        the toimiala)."""
        if title in self.posts:
            return self.posts[title]
        return self.by_title(title)

    def by_title(self, title: str) -> str | None:
        low = title.lower()
        stem = next((low[: -len(e)] for e in ("johtaja", "päällikkö", "esimies") if low.endswith(e)), "")
        if len(stem) < 3:
            return None
        lemma = Token(stem, 0, len(stem)).lemma() if not stem.endswith("-") else stem
        word = body_word(lemma)
        class_word = word.word if word is not None and word.word == lemma.lower() else None
        if class_word and class_word not in MUNICIPALITY and (section := self.current_section()):
            return section  # "toimialajohtaja" in a section on one toimiala heads that one
        for name in reversed(self.recent):
            k = key(name)
            found = self.facts.find(name)
            if found is None or self.facts.bodies[key(found)].kind in ORGAN_KINDS:
                continue  # a -johtaja leads an administration, not an elected organ
            if k.startswith(stem.rstrip("-")) or (class_word and self.words.get(k) == class_word):
                return found  # "hallintojohtaja" → hallinto-osasto; "osastopäällikkö" → the osasto
        return None

    def municipality_led(self, title: str, s: Sent) -> str | None:
        """The municipality a "kaupunginjohtaja" or "kunnanjohtaja" with a named holder heads when no
        body on the page is named after the title: the generic "kaupunki"/"kunta" (the build maps it
        to the source's municipality)."""
        low = title.lower()
        stem = low[: -len("johtaja")] if low.endswith("johtaja") else ""
        lemma = Token(stem, 0, len(stem)).lemma().lower() if stem else ""
        if lemma not in MUNICIPALITY:
            return None
        generic = [w for w in sorted(MUNICIPALITY) if self.facts.find(w)]
        found = self.facts.find(lemma) or self.facts.body(
            lemma, "municipality", s.segment(), "body.fi.title", aliases=generic
        )
        self.touch(found)
        return found

    def subject_of(self, s: Sent, role: bool = False) -> str | None:
        """The body a sentence is about when it starts with it, a pronoun or a bare class word;
        with ``role`` a weak name there becomes a body ("Sisäinen tarkastus toimii …")."""
        if s.start >= len(s.tokens):
            return None
        first = s.tokens[s.start]
        if (ref := self.pronoun(first)) is not None:
            return ref
        m = s.mention_at(s.start)
        verb_next = s.start + 1 < len(s.tokens) and s.tokens[s.start + 1].verb() is not None
        if (
            m is None
            and verb_next
            and first.case() == "nimento"
            and (known := self.facts.find(first.lemma()))
        ):
            self.touch(known)
            return known  # "Varhaiskasvatus järjestää …" after varhaiskasvatus was listed as a part
        if m is None and role:
            return self.classified(s)
        titled = is_title(first.lemma()) and m is not None and m.head == s.start
        if m is None or m.first != s.start or titled or m.case != "nimento":
            return None
        return self.body(s, m) if role else self.named(s, m)

    def classified(self, s: Sent) -> str | None:
        """ "Ympäristöterveydenhuolto on seudullinen yksikkö, …": a plain noun subject that the
        predicate calls a body (a bare class word, adjectives before it) is a body of that kind."""
        toks = s.tokens
        verb = next((k for k in range(s.start + 1, min(s.start + 4, len(toks))) if toks[k].low == "on"), -1)
        subject = toks[s.start : verb]
        if verb < 0 or not all(t.word and t.case() == "nimento" and not t.is_name() for t in subject):
            return None
        m = next((x for x in s.mentions if x.first > verb), None)
        if m is None or m.case != "nimento" or m.generic or m.kind == "municipality" or m.owner or m.place:
            return None
        if toks[m.head].lemma().lower() != m.word:
            return None  # a compound ("tukipalveluyksikkö") may name a body of its own
        if not all(t.is_adjective() for t in toks[verb + 1 : m.first]):
            return None
        name = " ".join(as_written(t) for t in subject)
        found = self.facts.find(name) or self.facts.body(name, m.kind, s.segment(), "body.fi.predicate")
        self.touch(found)
        return found

    def subject_role(self, s: Sent) -> str | None:
        return self.subject_of(s, role=True)

    def resolve_posts(self) -> None:
        """ "X toimii kansliapäällikön alaisuudessa": X reports to the post and is part of its body."""
        for child, post, s in self.pending_posts:
            parent = self.heads_body(post)
            if parent and parent != child:
                self.facts.part(child, parent, "reports_to", s.segment(), "part.fi.post", via_post=post)


def _genitive_base(tok: Token) -> str:
    """The base form of a genitive noun, "" for any other token; a verbal noun the analyser reads
    as its verb ("oppimisen" → "oppiminen") too."""
    if tok.word and tok.case() == "omanto":
        return tok.lemma()
    return tok.low[: -len("sen")] + "nen" if tok.word and tok.low.endswith("misen") else ""


_PLACE_WORD = re.compile(r"\b([A-ZÅÄÖ][\w-]*n)\s+([a-zåäö][\w-]+)")


def many_places(text: str) -> frozenset[str]:
    """Words written after two different capitalised genitives ("Kainuun pelastuslaitos", "Lapin
    pelastuslaitos"): one regular-expression pass over the page."""
    places: dict[str, set[str]] = {}
    for m in _PLACE_WORD.finditer(text):
        places.setdefault(m.group(2).lower(), set()).add(m.group(1))
    return frozenset(w for w, p in places.items() if len(p) >= 2)
