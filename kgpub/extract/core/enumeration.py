"""Enumerations for the Swedish and English rules: "a, b, c och d", "a; b and c", with offsets, and the
number a count word states ("seven", "fyra")."""

from __future__ import annotations

import re
from collections.abc import Callable

Piece = tuple[int, int, str]


def _strip_piece(text: str, start: int, conj: tuple[str, ...]) -> Piece | None:
    lead = re.match(r"^[\s•·*▪–-]*(?:(?:" + "|".join(conj) + r")\s+)?", text)
    begin = lead.end() if lead else 0
    body = text[begin:].rstrip(" \t\n.;:!")
    if not body.strip():
        return None
    return start + begin, start + begin + len(body), body


_NUMBERS = {
    w: n
    for n, ws in enumerate(
        [
            (),
            (),
            ("two", "två"),
            ("three", "tre"),
            ("four", "fyra"),
            ("five", "fem"),
            ("six", "sex"),
            ("seven", "sju"),
            ("eight", "åtta"),
            ("nine", "nio"),
            ("ten", "tio"),
            ("eleven", "elva"),
            ("twelve", "tolv"),
        ]
    )
    for w in ws
}


def count_value(word: str | None) -> int | None:
    """The number a count word states ("seven", "fyra", "6"); None for "the following" and the like."""
    word = (word or "").strip().lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def split_list(
    text: str, start: int, conj: tuple[str, ...], named: Callable[[str], bool], expected: int | None = None
) -> list[Piece]:
    """Split "a, b, c och d" (or "a; b and c") into items with their offsets.

    The last "och"/"and" separates two items unless it follows a comma (then it opened the last item),
    the enumeration's items themselves contain that conjunction ("administrative and support
    services, …, budgeting and ICT"), the word before it is the first half of a compound ("byggnads-
    och miljöväsendet"), or — in a two-item enumeration — one side does not look like a name by
    itself (``named``). When the text states how many items there are (``expected``) and one is
    missing, the last conjunction separates them: "seven group units: …, strategy and development,
    budgeting and ICT" has seven.
    """
    raw: list[Piece] = []
    pos = 0
    for m in re.finditer(r"[,;]\s*", text):
        raw.append((start + pos, start + m.start(), text[pos : m.start()]))
        pos = m.end()
    raw.append((start + pos, start + len(text), text[pos:]))
    pieces = [p for p in (_strip_piece(t, s, conj) for s, _, t in raw) if p]
    if not pieces:
        return []
    oxford = re.match(r"^\s*(?:" + "|".join(conj) + r")\s", raw[-1][2]) is not None
    s, _, last = pieces[-1]
    if oxford or expected == len(pieces):
        return pieces
    one_short = expected == len(pieces) + 1
    cut = _final_conjunction(last, [] if one_short else [p[2] for p in pieces[:-1]], conj)
    if cut is None:
        return pieces
    left, right = last[: cut.start()], last[cut.end() :]
    if len(pieces) == 1 and not one_short and not (named(left) and named(right)):
        return pieces
    return [*pieces[:-1], (s, s + len(left), left), (s + cut.end(), s + cut.end() + len(right), right)]


def _final_conjunction(last: str, earlier: list[str], conj: tuple[str, ...]) -> re.Match[str] | None:
    """The conjunction that joins the last two items, if one can tell: one that occurs once in the
    last piece, not after a compound's first half ("kost- och"), and never inside an earlier item.
    "samt" ("as well as") comes first: "a och b samt c" ends with c."""
    for c in sorted(conj, key=lambda c: c != "samt"):
        found = [m for m in re.finditer(r"\s+" + c + r"\s+", last) if not last[: m.start()].endswith("-")]
        if any(re.search(r"\s" + c + r"\s", e) for e in earlier):
            continue
        if len(found) == 1:
            return found[0]
        # "the Education and Culture Division and the Environmental Division": an article opens an item
        opening = [m for m in found if re.match(r"(?:the|a|an)\s", last[m.end() :])]
        if len(opening) == 1:
            return opening[0]
    return None
