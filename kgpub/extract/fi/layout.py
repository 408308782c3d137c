"""Finnish side of the shared list reader (:mod:`kgpub.extract.core.lists`): what an introducer
announces, whose list it is, and the bodies its items name.

An introducer announces **parts** when it holds a plural class word ("Osastot", "Uudet toimialat ja
palvelualueet ovat:", "X:n yksiköt:"), a composition verb ("X jakautuu seuraavasti:") or only a
container and "olla" ("Opetus- ja kulttuuriministeriössä on:"); **duties** when it holds a plural duty
noun and no duty verb ("X:n tehtävät:", "Tehtäviä ovat:"). The owner is a named body in the genitive
or a container case in the introducer, else the section's body. List context makes an item a body
without a body word ("• Kadut ja puistot").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...text import Sentence
from ..core.lists import Kind, ListBlock, Role, list_blocks
from ..core.persons import PERSON_RE
from .bodies import is_count
from .context import Reader, Sent
from .lexicon import COMPOSITION_VERBS, DUTY_NOUNS, DUTY_VERBS, GENERIC
from .lists import item_bodies, item_mention, phrase_name
from .names import body_word, is_title, plural_name
from .tokens import Token, tokenize

RULE = "part.fi.list"
OWNER_CASES = frozenset({"omanto", "sisaolento", "ulkoolento"})


def _role(sentence: Sentence) -> tuple[Role, str] | None:
    """The role an introducer announces and the kind of body its items are, or None."""
    if len(sentence.text) > 300:
        return None
    toks = [t for t in tokenize(sentence.text) if t.word]
    if not toks or len(toks) > 14:
        return None
    colon = sentence.text.rstrip().endswith(":")
    if colon and lead_duty(toks) is not None:
        return ("parts", "unit")  # "Ministeriön yhteisiä tehtäviä hoitavat:" + the bodies that do it
    if any(t.verb() is not None and t.is_lemma(*DUTY_VERBS) for t in toks):
        return None
    if any(t.is_lemma(*DUTY_NOUNS) and t.plural() for t in toks):
        return ("duties", "")
    title = next((t for t in toks if is_title(t.lemma()) and t.plural()), None)
    if colon and title is not None:
        return ("heads", title.lemma().lower())  # "Nimitetyt ylijohtajat ovat:"
    for k, t in enumerate(toks):
        bw = body_word(t.lemma())
        counted = k > 0 and is_count(toks[k - 1])  # "Kolme vastuualuetta"
        if (
            bw is not None
            and bw.bare
            and bw.word in GENERIC
            and (t.plural() or counted)
            and not plural_name(t.lemma())
        ):
            return ("parts", bw.kind)
    if colon and any(t.is_lemma(*COMPOSITION_VERBS) for t in toks):
        return ("parts", "unit")
    if colon and toks[-1].is_lemma("olla") and any(t.case() in {"sisaolento", "ulkoolento"} for t in toks):
        return ("parts", "unit")  # "Opetus- ja kulttuuriministeriössä on:"
    return None


def lead_duty(words: list[Token]) -> int | None:
    """Object first, duty verb last, subjects listed after the colon: the index (among ``words``) of
    that plural verb ("Ministeriön yhteisiä tehtäviä hoitavat:"), or None."""
    if len(words) < 2:
        return None
    v = words[-1].verb()
    if v is None or not words[-1].is_lemma(*DUTY_VERBS) or v.number != "plural":
        return None
    return len(words) - 1


def plan(sentences: Sequence[Sentence]) -> tuple[dict[int, tuple[ListBlock, str]], dict[int, int | None]]:
    """The page's introduced lists: introducer index → (block, item kind); item index → the index
    of its group heading (None: an item of the list itself)."""
    kinds: list[Kind] = [s.kind for s in sentences]
    roles: dict[int, tuple[Role, str]] = {}

    def role_of(i: int) -> Role | None:
        found = _role(sentences[i])
        if found is None:
            return None
        roles[i] = found
        return found[0]

    intros: dict[int, tuple[ListBlock, str]] = {}
    items: dict[int, int | None] = {}
    for block in list_blocks(sentences, kinds, role_of):
        intros[block.intro] = (block, roles[block.intro][1])
        if block.role == "heads":
            items.update(dict.fromkeys(block.items))
        if block.role != "parts":
            continue
        for i in block.items:
            items[i] = None
            for j in block.groups.get(i, ()):
                items[j] = i
    return intros, items


def owner(reader: Reader, s: Sent) -> str | None:
    """The body whose list this is: a named genitive or container in the introducer, else the
    section's body or the body the text is about."""
    for m in s.mentions:
        if m.case in OWNER_CASES and not m.generic:
            found = reader.body(s, m, "body.fi.list-owner")
            if found is not None:
                return found
    return reader.current_section() or reader.section_body() or reader.class_owner() or reader.subject


def item_name(reader: Reader, s: Sent, kind: str) -> str | None:
    """The body an item names: its leading words up to a colon, dash, comma or verb."""
    plain = not any(t.text in {":", "–"} or t.verb() is not None for t in s.tokens)
    end = s.end() if plain else _name_end(s.tokens)  # "a, b ja c -osasto" is one name
    while end > 0 and (
        s.tokens[end - 1].low in {"sekä", "ja", "tai"} or s.tokens[end - 1].text in {";", ","}
    ):
        end -= 1  # "taloustoimisto; sekä"
    start = 0
    while start < end and (s.tokens[start].text.isdigit() or s.tokens[start].text in {")", "."}):
        start += 1  # "1)yleinen osasto"
    if start:
        found = item_bodies(reader, s, [(start, end)], kind or "unit", RULE)
        return found[0] if found else None
    if end == 0 or any(is_title(t.lemma()) for t in s.tokens[:end] if t.word):
        return None
    m = item_mention(s, 0, end)
    if m is not None and m.first > 0 and _coordinated_owners(s.tokens[: m.first]):
        # "varhaiskasvatuksen, perusopetuksen ja vapaan sivistystyön osasto": the genitives before the
        # mention share its head, one name as written
        text = s.sentence.text
        lead = text[s.tokens[0].start : s.tokens[m.first].start]
        full = re.sub(r"\b(ja|sekä) \1\b", r"\1", lead[:1].lower() + lead[1:] + m.name)
        name = reader.facts.body(full, m.kind, s.segment(), RULE)
        reader.touch(name)
        return name
    if m is not None and m.first > 0 and not any(t.case() == "omanto" for t in s.tokens[: m.first] if t.word):
        # "Kirjasto ja asukaspalvelut": the body word ends the item but names only its last part
        text, aliases = phrase_name(s.tokens, 0, end)
        if not text:
            return None
        name = reader.facts.body(text, kind or "unit", s.segment(), RULE, aliases=aliases)
        reader.touch(name)
        return name
    found = item_bodies(reader, s, [(0, end)], kind or "unit", RULE)
    return found[0] if found else None


def _coordinated_owners(tokens: list[Token]) -> bool:
    """Genitives joined by commas and "ja"/"sekä", with at least one comma or conjunction."""
    joins = [t for t in tokens if not t.word]
    conj = [t for t in tokens if t.low in {"ja", "sekä"}]
    words = [t for t in tokens if t.word and t.low not in {"ja", "sekä"}]
    return (
        bool(joins or conj)
        and all(t.text == "," for t in joins)
        and bool(words)
        and all(t.has_case("omanto") or t.text.endswith("-") for t in words)
    )


def _name_end(tokens: list[Token]) -> int:
    for i, tok in enumerate(tokens):
        if tok.text in {":", ",", "(", "–", ";", "."} or tok.verb() is not None:
            return i
    return len(tokens)


def head_item(reader: Reader, s: Sent, title: str) -> None:
    """ "Uudenmaan elinvoimakeskus: Petri Knaapinen" under "Nimitetyt ylijohtajat ovat:": the body
    before the colon is headed by the person after it, with the introducer's title."""
    colon = next((i for i, t in enumerate(s.tokens) if t.text == ":"), None)
    if colon is None:
        return
    person = s.sentence.text[s.tokens[colon].end :].strip().rstrip(".")
    if not PERSON_RE.fullmatch(person):
        return
    m = next((m for m in reversed(s.mentions) if m.last == colon - 1 and not m.generic), None)
    if m is None or (m.owner is not None and m.owner.generic):
        return
    # the name as written with its owner: listed siblings differ only there ("Lapin elinvoimakeskus")
    org = reader.facts.body(m.name, m.kind, s.segment(), "body.fi.list-head")
    if org:
        reader.facts.head(org, title, person, s.segment(), "head.fi.list")
