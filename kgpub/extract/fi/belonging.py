"""Belonging: "X:ään kuuluvat a, b ja c", "Liikelaitoksista a, b ja c sijoittuvat keskushallinnon
alle", "X kuuluu Y:hyn" — the parent is in the illative (or under "X:n alle"), the parts are the
items on the other side of the verb."""

from __future__ import annotations

from .bodies import Mention
from .context import Reader, Sent
from .lexicon import BELONG_VERBS, SAME_AS_OWNER
from .lists import after_modifiers, item_bodies, items, siblings

INTO_CASES = frozenset({"sisatulento", "ulkotulento"})  # "Kaupunginkansliaan kuuluvat"


def belonging(reader: Reader, s: Sent) -> None:
    """ "X:ään kuuluvat a, b ja c", "a, b ja c sijoittuvat X:n alle", "X kuuluu Y:hyn"."""
    verb = s.index(*BELONG_VERBS)
    if verb < 0 or s.tokens[verb].verb() is None:
        return
    into = [m for m in s.mentions if m.case in INTO_CASES and not m.generic]
    under = _under(s, verb)
    target = under or (into[0] if into else None)
    if target is None:
        return
    parent = reader.body(s, target, "body.fi.parent")
    plural = (v := s.tokens[verb].verb()) is not None and v.number == "plural"  # "kuuluvat": units
    declared = _declared_kind(s) or ("unit" if target.last < verb and plural and _division(target) else None)
    if target.last < verb and parent is not None and _colon_ends(s, verb):
        reader.open_list = (parent, "unit", "part.fi.belongs")  # "Sivistystoimeen kuuluvat:" + bullets
        return
    if target.last < verb:
        listed = items(s.tokens, verb + 1, len(s.tokens)) if declared else after_modifiers(s, verb)
        children = item_bodies(reader, s, listed, declared, "part.fi.belongs")
        children += siblings(reader, s, listed, items(s.tokens, verb + 1, len(s.tokens)))
    else:
        first = s.start + (1 if declared else 0)
        children = item_bodies(reader, s, items(s.tokens, first, verb), declared, "part.fi.belongs")
    for child in children:
        if parent and child != parent:
            reader.facts.part(child, parent, "part", s.segment(), "part.fi.belongs")


def _colon_ends(s: Sent, verb: int) -> bool:
    """The sentence ends in a colon right after the verb ("kuuluvat:", "kuuluvat mm.:")."""
    rest = [t for t in s.tokens[verb + 1 :] if t.text not in {"mm", "."}]
    return [t.text for t in rest] in ([":"], [])  # "Sivistystoimeen kuuluvat(:)" + bullets


def _under(s: Sent, verb: int) -> Mention | None:
    """ "keskushallinnon alle" / "alaisuuteen": the genitive before the postposition."""
    for i, tok in enumerate(s.tokens):
        if tok.low in {"alle", "alaisuuteen"} and i > 0:
            m = s.mention_ending(i - 1)
            if m is not None and m.case == "omanto":
                return m
    return None


def _division(m: Mention) -> bool:
    """ "Sivistystoimialaan kuuluvat varhaiskasvatus, perusopetus, …": what belongs to a toimiala or
    a hallinnonala are its units (gold README v2); an organ's "toimiala" is a remit (not strong)."""
    return m.word in SAME_AS_OWNER and m.strong


def _declared_kind(s: Sent) -> str | None:
    """ "Liikelaitoksista a, b ja c …": a plural class word in the elative declares what follows."""
    first = s.mention_at(s.start)
    if first is not None and first.first == s.start and first.generic and first.case == "sisaeronto":
        return first.kind
    return None
