"""Subordination: a body under another body or under a post.

"X on Y:n alainen virasto", "X toimii Y:n alaisuudessa / alaisena", "Y:n alaisena … johtaa X",
"Y:n alaisuudessa toimivat a ja b", "Y:n alaiset a ja b, Z:n alainen c", "Y:llä on alaisuudessaan X".
To a post ("kansliapäällikön alaisuudessa") it is ``reports_to``: the child reports to the post and is
part of the body the post heads, resolved once the page is read (``Reader.resolve_posts``).
"""

from __future__ import annotations

from .bodies import Mention, is_count
from .context import Reader, Sent
from .lists import declared_items
from .names import is_title


def subordination(reader: Reader, s: Sent) -> None:
    """ "X on Y:n alainen virasto", "X toimii Y:n alaisuudessa", "Y:n alaisena … johtaa X",
    "Y:n alaisuudessa toimivat a ja b", "Y:n alaiset a ja b", "Y:llä on alaisuudessaan X"."""
    for i, tok in enumerate(s.tokens):
        if i == 0 or not tok.is_lemma("alainen", "alaisuus") or tok.case() == "omanto":
            continue
        if tok.low == "alaisuudessaan":
            _possessed(reader, s, i)
            continue
        if i >= 3 and s.tokens[i - 1].low in {"jonka", "minkä"} and s.tokens[i - 2].text == ",":
            _relative(reader, s, i)  # "Kunnanhallitus, jonka alaisuudessa toimii konsernipalvelut, …"
            continue
        bodies, posts = _superiors(reader, s, i)
        following = s.mention_at(i + 1) if i + 1 < len(s.tokens) else None
        attributive = (
            tok.is_lemma("alainen")
            and following is not None
            and following.first == i + 1
            and not following.bare
            and following.case == tok.case()
        )
        children = _attributed(reader, s, i) if attributive else _children(reader, s, i)
        for child in children:
            for parent in bodies:
                if parent != child:
                    reader.facts.part(child, parent, "subordinate", s.segment(), "part.fi.alainen")
            for post in posts:
                reader.pending_posts.append((child, post, s))


def _superiors(reader: Reader, s: Sent, at: int) -> tuple[list[str], list[str]]:
    """The bodies and posts before "alainen"/"alaisuudessa": "Kaupunginhallituksen ja suoraan
    kaupunginjohtajan alaisena" names a body and a post."""
    bodies: list[str] = []
    posts: list[str] = []
    j = at - 1
    while j >= 0:
        m = s.mention_ending(j)
        tok = s.tokens[j]
        if m is not None and m.case == "omanto" and not m.generic:
            if (name := reader.body(s, m, "body.fi.parent")) is not None:
                bodies.append(name)
            j = m.first - 1
        elif tok.has_case("omanto") and is_title(tok.lemma()) and not tok.plural():
            posts.append(tok.lemma())
            j -= 1
        else:
            break
        while j >= 0 and s.tokens[j].low in {"ja", "sekä", ",", "suoraan", "välittömästi"}:
            j -= 1
    return bodies, posts


def _attributed(reader: Reader, s: Sent, at: int) -> list[str]:
    """ "kaupunginhallituksen alaiset a ja b, lautakunnan alainen c": the bodies after the cue, up to
    the next superior; one for "alainen", all for "alaiset"."""
    out: list[str] = []
    outer = [m for m in s.mentions if not any(o.owner is m for o in s.mentions)]
    for m in outer:
        if m.first <= at:
            continue
        if m.last + 1 < len(s.tokens) and s.tokens[m.last + 1].is_lemma("alainen", "alaisuus"):
            break
        names = m.split() if m.generic else [m.name]
        for name in names if len(names) > 1 or not m.generic else []:
            out.append(reader.facts.body(name, m.kind, s.segment(), "body.fi.subordinate"))
        if not m.generic and (found := reader.body(s, m, "body.fi.subordinate")) is not None:
            out.append(found)
        if not s.tokens[at].plural():
            break
    return out


def _relative(reader: Reader, s: Sent, at: int) -> None:
    """ "Kunnanhallitus, jonka alaisuudessa toimivat a ja b, …": the antecedent before the comma is
    the superior; the clause up to the next comma names the subordinates."""
    m = s.mention_ending(at - 3)
    verb = at + 1
    if m is None or m.generic or verb >= len(s.tokens) or not s.tokens[verb].is_lemma("toimia", "olla"):
        return
    parent = reader.body(s, m, "body.fi.parent")
    end = next(
        (k for k in range(verb + 1, len(s.tokens)) if s.tokens[k].text in {",", ".", ";"}), len(s.tokens)
    )
    for child in declared_items(reader, s, verb + 1, end, "part.fi.alainen"):
        if parent and child != parent:
            reader.facts.part(child, parent, "subordinate", s.segment(), "part.fi.alainen")


def _possessed(reader: Reader, s: Sent, at: int) -> None:
    """ "Rakennus- ja ympäristölautakunnalla on alaisuudessaan tiejaosto"."""
    owner = next((m for m in s.mentions if m.last < at and m.case == "ulkoolento" and not m.generic), None)
    child = next((m for m in s.mentions if m.first > at and m.case == "nimento" and not m.generic), None)
    if owner is None or child is None:
        return
    parent, name = (
        reader.body(s, owner, "body.fi.parent"),
        reader.body(s, child, "body.fi.subordinate"),
    )
    if parent and name and parent != name:
        reader.facts.part(name, parent, "subordinate", s.segment(), "part.fi.alaisuudessaan")


def _children(reader: Reader, s: Sent, at: int) -> list[str]:
    """The subject of a subordination: the nominative body before the cue, else after it."""
    for m in s.mentions:
        if m.last < at - 1 and m.case == "nimento" and not m.generic and m.first == s.start:
            found = reader.body(s, m, "body.fi.subject")
            return [found] if found else []
    if s.start < len(s.tokens) and (ref := reader.pronoun(s.tokens[s.start])) is not None:
        return [ref]
    if s.mention_at(s.start) is None and (named := reader.classified(s)) is not None:
        return [named]  # "Ympäristöterveydenhuolto on seudullinen yksikkö, joka toimii X:n alaisuudessa"
    verb = at + 1 if at + 1 < len(s.tokens) and s.tokens[at + 1].verb() is not None else -1
    if verb > 0 and (colon := _counted_colon(s, verb)) > 0:  # "toimii kolme lautakuntaa: a, b ja c"
        return declared_items(reader, s, colon + 1, len(s.tokens), "part.fi.alainen")
    if verb > 0 and s.tokens[verb].is_lemma("toimia", "olla") and s.tokens[verb].verb().number == "plural":  # type: ignore[union-attr]
        return declared_items(reader, s, verb + 1, len(s.tokens), "part.fi.alainen")
    for m in s.mentions:
        if m.first > at and m.case == "nimento" and not m.generic and (verb > 0 or _clause_subject(s, m)):
            found = reader.body(s, m, "body.fi.subject")
            return [found] if found else []
    return []


def _counted_colon(s: Sent, verb: int) -> int:
    """The colon after "toimii/on <count> <class>": a numeral takes a singular verb in Finnish, so
    "toimii kolme lautakuntaa: …" lists as many subjects as "toimivat a ja b"."""
    nxt = verb + 1
    if not s.tokens[verb].is_lemma("toimia", "olla") or nxt >= len(s.tokens):
        return -1
    if not is_count(s.tokens[nxt]):
        return -1  # "toimii kolme lautakuntaa:", "toimivat seuraavat lautakunnat:"
    return next((k for k in range(nxt + 1, min(nxt + 4, len(s.tokens))) if s.tokens[k].text == ":"), -1)


def _clause_subject(s: Sent, m: Mention) -> bool:
    """A nominative body after the verb that ends its clause ("… johtaa hallitus.")."""
    nxt = s.tokens[m.last + 1].text if m.last + 1 < len(s.tokens) else "."
    return nxt in {".", ",", ";", "!"} and s.tokens[m.first - 1].verb() is not None
