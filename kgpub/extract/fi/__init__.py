"""Finnish rules over lemmatised tokens: bodies, parts, heads, duties and sites of a municipal page.

The page is cleaned and cut into headings, lines, paragraphs, list items and sentences with their
ORIGINAL spans (:mod:`kgpub.text`); each sentence is tokenised and analysed by Voikko
(:mod:`kgpub.analyse`), its body mentions found (``bodies``), and the rules read the constructions
around them in a fixed order — ``hierarchy`` (parts, subordination, grouping), ``heads``, ``duties``,
``contacts``. ``context.Reader`` carries what later sentences refer back to ("Osasto", "se", a
section heading, the body a post heads). Every fact's evidence is the exact original span of the
sentence that states it. No rule names a city, a person or a page: only Finnish words and
constructions.
"""

from __future__ import annotations

from ...model import Extraction
from ...sources import Source
from ...text import Sentence, segment
from ..core.facts import Facts
from ..core.lists import ListBlock
from . import hierarchy, layout
from .bodies import Mention, is_count
from .contacts import contacts, flush
from .context import Reader, Sent, many_places
from .duties import duties
from .heads import heads
from .lexicon import DUTY_NOUNS
from .lists import item_bodies, proper_items, shared_class
from .names import is_title
from .tokens import tokenize

LANG = "fi"
#: Sentences longer than this (in characters) are a run-on blob, not prose: mentions only.
MAX_SENTENCE = 2000
#: A bulleted item under a body heading names a part only when it is this short.
MAX_ITEM_WORDS = 6


def extract_fi(source: Source) -> Extraction:
    """All facts the Finnish rules find in ``source`` (offsets into ``source.text``)."""
    reader = Reader(Facts(source.meta.id, source.text, LANG), many_places=many_places(source.text))
    sentences = segment(source.text).sentences
    intros, items = layout.plan(sentences)
    lists = _Lists()
    for n, sentence in enumerate(sentences):
        s = reader.read(sentence)
        s.last = n == len(sentences) - 1
        nxt = sentences[n + 1] if not s.last else None
        s.before_prose = nxt is not None and nxt.block != sentence.block and _opens_section(nxt)
        s.before_item = nxt is not None and nxt.kind == "item"
        if n in items and lists.active:
            lists.item(reader, s, n, items[n])
            continue
        before = (reader.open_list, reader.open_duties)
        _sentence(reader, s)
        if n in intros:
            lists.open(reader, s, *intros[n], read=(reader.open_list, reader.open_duties) != before)
    flush(reader)
    reader.resolve_posts()
    return reader.facts.extraction()


class _Lists:
    """The introduced list being read (:mod:`.layout`): its owner, its items' kind and the names of
    its group headings, which own the bullets under them."""

    def __init__(self) -> None:
        self.active = False
        self.owner: str | None = None
        self.kind = ""
        self.names: dict[int, str] = {}
        self.role = "parts"
        self.duty = ""

    def open(self, reader: Reader, s: Sent, block: ListBlock, kind: str, read: bool) -> None:
        self.active = False
        reader.heading_items = False  # the introducer, not the heading, says what the items are
        if read and (reader.open_list is not None or reader.open_duties is not None):
            return  # a sentence rule read this introducer already ("… on kuusi osastoa:")
        owner = layout.owner(reader, s)
        if block.role == "heads":
            self.active, self.kind, self.role = True, kind, "heads"
            return
        if block.role == "duties":
            reader.open_list = None
            reader.open_duties = owner or reader.open_duties  # "Tehtävät" under the body's heading
            return
        reader.open_list = reader.open_duties = None  # a list opened earlier ends here
        self.active, self.owner, self.kind, self.role = True, owner, kind, "parts"
        words = [t for t in s.tokens if t.word]
        verb = layout.lead_duty(words)
        text = s.sentence.text
        self.duty = text[words[0].start : words[verb].start].strip() if verb else ""

    def item(self, reader: Reader, s: Sent, n: int, group: int | None) -> None:
        if self.role == "heads":
            layout.head_item(reader, s, self.kind)  # the kind is the introducer's title here
            return
        parent = self.owner if group is None else self.names.get(group)
        child = layout.item_name(reader, s, self.kind if group is None else "unit")
        if child is None:
            return
        self.names[n] = child
        if parent is not None and child != parent:
            reader.facts.part(child, parent, "part", s.segment(), layout.RULE)
        if self.duty and group is None:  # each listed subject does what the lead-in says
            seg = s.sentence
            reader.facts.duty(child, self.duty, seg.start, seg.end, "duty.fi.list-lead")


def _sentence(reader: Reader, s: Sent) -> None:
    as_line = s.kind == "line" or (s.kind == "heading" and not s.before_prose)  # the page's last line
    tasks = s.kind in {"heading", "line"} and _tasks_heading(s)
    units = _class_heading(s) if s.kind in {"heading", "line"} else None
    listed = reader.open_list is not None and as_line and _name_line(s) and not tasks and units is None
    if not (listed or tasks or units) and (
        s.kind == "heading" or (s.kind == "line" and s.before_prose and _whole_name(s))
    ):
        _heading(reader, s)  # a name on its own line above a paragraph heads it, blank line or not
    if listed:
        _list_item(reader, s)  # "… seuraaviin tulosalueisiin:" followed by one name per line
    elif s.kind != "item":
        reader.open_list = None
        reader.open_duties = None
        reader.verb_items = False
        reader.heading_items = s.kind == "heading" and (reader.section or reader.heading) is not None
    elif reader.open_list is not None:
        _list_item(reader, s)
    elif reader.heading_items:
        _heading_item(reader, s)
    if tasks:  # "Tehtävät" under a body's heading: the items below are its duties
        reader.open_duties = reader.current_section() or reader.subject
        reader.heading_items = False
    if units is not None and (parent := reader.current_section() or reader.subject) is not None:
        reader.open_list = (parent, units.kind, "part.fi.listing")  # "Yksiköt" + bullets under a body
        reader.heading_items = False
    for m in s.mentions:
        if m.named and m.strong and not _predicate(s, m):
            reader.named(s, m)
    if len(s.sentence.text) <= MAX_SENTENCE and not contacts(reader, s):
        for rule in hierarchy.RULES:
            rule(reader, s)
        proper_items(reader, s)
        shared_class(reader, s)
        heads(reader, s)
        duties(reader, s)
    subject = reader.subject_of(s)
    if subject is not None:
        reader.subject = subject
    elif _title_line_of_no_body(s):
        reader.subject = reader.section = None  # "Yhteystiedot": what follows is about no body yet
        reader.heading = None


def _opens_section(nxt: Sentence) -> bool:
    """What follows a name on its own line if that name is a heading: prose, or a line that starts
    with a title ("Tekninen toimi" / "Tekninen johtaja Jari Järvinen")."""
    if nxt.kind == "paragraph":
        return True
    words = [t for t in tokenize(nxt.text)[:3] if t.word]
    return nxt.kind == "line" and any(is_title(t.lemma()) for t in words[:2])


def _class_heading(s: Sent) -> Mention | None:
    """A heading that is only a plural or counted class word ("Yksiköt", "Kolme vastuualuetta")."""
    words = [t for t in s.tokens if t.word]
    counted = len(words) == 2 and is_count(words[0])
    m = s.mention_at(len(words) - 1) if len(words) == 1 or counted else None
    return m if m is not None and m.generic and m.case == ("osanto" if counted else "nimento") else None


def _tasks_heading(s: Sent) -> bool:
    """A heading that is only a plural duty noun ("Tehtävät", "Tehtäviä:")."""
    words = [t for t in s.tokens if t.word]
    return len(words) == 1 and words[0].is_lemma(*DUTY_NOUNS) and words[0].plural()


def _name_line(s: Sent) -> bool:
    """A short line that can be an item's name: no verb, no title, no digits."""
    words = [t for t in s.tokens if t.word]
    return (
        0 < len(words) <= MAX_ITEM_WORDS
        and not any(t.verb() is not None or is_title(t.lemma()) for t in words)
        and not any(t.text.isdigit() for t in s.tokens)
    )


def _whole_name(s: Sent) -> bool:
    m = s.mention_at(0)
    return m is not None and m.first == 0 and m.last + 1 == s.end() and not m.generic


def _title_line_of_no_body(s: Sent) -> bool:
    """A short line without final punctuation that names no body ("Yhteystiedot", "Asiointi"):
    a heading the page's layout did not set apart with a blank line."""
    text = s.sentence.text.strip()
    words = text.split()
    return (
        s.kind in {"line", "heading"}
        and not s.mentions
        and len(words) <= 3
        and text[-1:].isalpha()
        and not any(ch.isdigit() for ch in text)
        and not (len(words) > 1 and all(w[:1].isupper() for w in words))  # a person's name line
        and not any(is_title(t.lemma()) for t in s.tokens)  # a title line before its holder's name
    )


def _heading(reader: Reader, s: Sent) -> None:
    """A heading that is a body's name opens that body's section (a weak name becomes a body once a
    sentence of the section refers to it)."""
    reader.section = reader.subject = None
    reader.heading = None
    reader.holder = None  # "hän" and a subjectless "Johtaa …" never reach back over a heading
    owned = (x for x in s.mentions if x.generic and ((x.owner and not x.owner.generic) or x.place))
    classes = next(owned, None)  # "Uuden Vantaan palvelualueet": the section lists Vantaa's
    reader.class_heading = (s, classes) if classes is not None else None
    m = s.mention_at(0)
    if m is None or m.first != 0 or m.generic:
        return
    if m.last + 1 < len(s.tokens) and m.case != "omanto":
        return  # "Kaupunginkanslian toimintasääntö" names a document, not a section body
    found = reader.named(s, m)
    if found is not None:
        reader.section = reader.subject = found
    elif not m.bare:
        reader.heading = (s, m)


def _list_item(reader: Reader, s: Sent) -> None:
    """A bulleted item after "… on neljä palveluyksikköä:": the body it starts with is a part."""
    assert reader.open_list is not None
    parent, kind, rule = reader.open_list
    first = next((m for m in s.mentions if m.first == 0), None)
    if first is not None and first.bare and first.last + 1 < _name_end(s):
        first = None  # "Hallinto ja kehittäminen, johtajana …": the class word starts a longer name
    end = first.last + 1 if first is not None else _name_end(s)
    if first is None and s.kind == "item" and _only_names(s):
        end = s.end()  # "• elinkeinot, työvoima ja osaaminen": a whole item of nouns is one name
    for child in item_bodies(reader, s, [(0, end)], kind, rule):
        if child != parent:
            reader.facts.part(child, parent, "part", s.segment(), rule)


def _only_names(s: Sent) -> bool:
    """Nouns and conjunctions in the nominative only: no verb, title, person, digit or colon."""
    words = [t for t in s.tokens if t.word]
    return (
        0 < len(words) <= MAX_ITEM_WORDS
        and all(t.text in {",", ".", ";"} for t in s.tokens if not t.word)
        and all(
            t.low in {"ja", "sekä"} or (t.case() in {"nimento", None} and t.verb() is None) for t in words
        )
        and not any(is_title(t.lemma()) or t.is_name("etunimi") for t in words)
    )


def _heading_item(reader: Reader, s: Sent) -> None:
    """A short bulleted name right under a body's heading ("Tekniset ja ympäristöpalvelut" /
    "• rakennusvalvonta ja ympäristönsuojelu"): a part of that body."""
    end = next((i for i, t in enumerate(s.tokens) if t.text == "("), len(s.tokens))
    toks = s.tokens[:end]
    words = [t for t in toks if t.word]
    if not words or len(words) > MAX_ITEM_WORDS or any(t.verb() is not None or t.text == ":" for t in toks):
        return
    parent = reader.section_body()
    for child in item_bodies(reader, s, [(0, end)], "unit", "part.fi.heading-list"):
        if parent is not None and child != parent:
            reader.facts.part(child, parent, "part", s.segment(), "part.fi.heading-list")


def _name_end(s: Sent) -> int:
    """Where an item's leading name ends: before a colon or a finite verb."""
    for i, tok in enumerate(s.tokens):
        if tok.text in {":", ",", "(", "–", "-"} or tok.verb() is not None:
            return i
    return len(s.tokens)


def _predicate(s: Sent, m: Mention) -> bool:
    """A body word that describes the subject ("… on … sijoitettu tukipalveluyksikkö", "toimii …
    toimeenpanovirastona") names no body of its own."""
    if m.case == "olento":
        return True
    if m.case != "nimento" or m.first <= s.start or not s.tokens[s.start].has_case("nimento"):
        return False  # "Kunnassa on poliittinen organisaatio": existential, the body is the subject
    subject = s.mention_at(s.start)
    first = subject.last + 1 if subject is not None else s.start + 1
    between = s.tokens[first : m.first]
    breaks = [i for i in range(first, m.first) if s.tokens[i].text in {",", ":"} and not _genitive_list(s, i)]
    return any(t.low in {"on", "ovat"} for t in between) and not breaks


def _genitive_list(s: Sent, comma: int) -> bool:
    """A comma between genitives ("Kokkolan, Kruunupyyn ja Kannuksen yhteinen yksikkö")."""
    before, after = s.tokens[comma - 1], s.tokens[comma + 1] if comma + 1 < len(s.tokens) else None
    return (
        s.tokens[comma].text == ","
        and before.case() == "omanto"
        and after is not None
        and after.case() == "omanto"
    )
