"""Sites: a street address line ("Porkkalankatu 13 G", "Koulukatu 5, 40100 Jyväskylä") and a phone
line ("Puhelinnumero: 029 5660 120", "puh. 014 266 0000") attached to the body named just before.

Lines, not sentences, are read: the sentence splitter cuts "puh. 014 …" after the abbreviation."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..sv_en import Segment
from .state import State

ADDRESS = re.compile(
    r"^(?:(?:Käyntiosoite|Osoite|Postiosoite|Katuosoite)\s*:?\s*)?(?P<a>[A-ZÅÄÖ][a-zåäö-]*(?:katu|tie|kuja|polku|"
    r"väylä|ranta|puistikko|tori|aukio|kaari|rinne|raitti|kenttä|portti|piha|bulevardi|esplanadi)\s+\d{1,4}"
    r"(?:\s?[A-Z])?(?:\s*[-–]\s*\d{1,4})?(?:\s+[A-Z]?\s?\d{0,3})?(?:,?\s*\d{5}\s+[A-ZÅÄÖ][a-zåäö]+)?)\s*$"
)
PHONE = re.compile(
    r"^(?:Puhelin(?:numero)?|Puh\.?|p\.|Vaihde|Tel\.?)\s*:?\s*(?P<p>\+?[\d ()-]{6,20}\d)\s*$", re.IGNORECASE
)
#: How far (characters) a site line may be from the body it belongs to.
REACH = 400


def sites(state: State) -> None:
    anchors = sorted((state.segs[i].end, org) for i, org in state.last_in.items())
    ends = [a[0] for a in anchors]
    text = state.facts.text
    pending: tuple[int, int, str, str] | None = None  # (start, end, org, address)
    for line in re.finditer(r"[^\n\r]+", text):
        raw = line.group().strip()
        if len(raw) > 120:
            continue
        start = line.start() + len(line.group()) - len(line.group().lstrip())
        end = start + len(raw)
        a, p = ADDRESS.match(raw), PHONE.match(raw)
        if not (a or p):
            continue
        k = bisect_right(ends, start) - 1
        org = anchors[k][1] if k >= 0 and start - anchors[k][0] <= REACH else None
        if org is None:
            continue
        if a:
            if pending:
                _emit(state, pending, None)
            pending = (start, end, org, a.group("a"))
        elif p and pending and pending[2] == org and start - pending[1] <= 3:
            _emit(state, (pending[0], end, org, pending[3]), p.group("p").strip())
            pending = None
        elif p:
            seg = Segment(start, end, raw, 0)
            state.facts.site(org, seg, None, p.group("p").strip(), "site.phone")
    if pending:
        _emit(state, pending, None)


def _emit(state: State, pending: tuple[int, int, str, str], phone: str | None) -> None:
    start, end, org, address = pending
    state.facts.site(org, Segment(start, end, "", 0), address, phone, "site.address")
