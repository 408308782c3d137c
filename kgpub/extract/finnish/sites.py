"""Sites: a street address line ("Porkkalankatu 13 G") and a phone line ("Puhelinnumero: 029 5660 120")
attached to the body named just before them."""

from __future__ import annotations

import re

from ..sv_en import Segment
from .state import State

ADDRESS = re.compile(
    r"^(?:(?:Käyntiosoite|Osoite|Postiosoite)\s*:?\s*)?(?P<a>[A-ZÅÄÖ][a-zåäö-]*(?:katu|tie|kuja|polku|väylä|ranta|"
    r"puistikko|tori|aukio|kaari|rinne|raitti|kenttä|portti|piha|bulevardi|esplanadi)\s+\d{1,4}(?:\s?[A-Z])?"
    r"(?:\s*[-–]\s*\d{1,4})?)(?:,?\s*(?P<pc>\d{5}\s+[A-ZÅÄÖ][a-zåäö]+))?\s*$"
)
PHONE = re.compile(r"^(?:Puhelin(?:numero)?|Puh\.?|p\.)\s*:?\s*(?P<p>\+?[\d ()-]{6,20}\d)\s*$", re.I)


def sites(state: State) -> None:
    pending: tuple[int, str, str | None] | None = None  # (segment index, org, address)
    for i, seg in enumerate(state.segs):
        a = ADDRESS.match(seg.text.strip())
        p = PHONE.match(seg.text.strip())
        if a:
            org = _org_before(state, i)
            if org:
                if pending:
                    _emit(state, pending, None, state.segs[pending[0]])
                pending = (i, org, a.group("a"))
            continue
        if p:
            if pending and i - pending[0] <= 2:
                first = state.segs[pending[0]]
                span = Segment(first.start, seg.end, "", first.line)
                _emit(state, pending, p.group("p").strip(), span)
                pending = None
            else:
                org = _org_before(state, i)
                if org:
                    state.facts.site(org, seg, None, p.group("p").strip(), "site.phone")
            continue
        if pending and i - pending[0] > 2:
            _emit(state, pending, None, state.segs[pending[0]])
            pending = None
    if pending:
        _emit(state, pending, None, state.segs[pending[0]])


def _emit(state: State, pending: tuple[int, str, str | None], phone: str | None, seg: Segment) -> None:
    state.facts.site(pending[1], seg, pending[2], phone, "site.address")


def _org_before(state: State, i: int) -> str | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        org = state.last_in.get(j)
        if org:
            return org
    return None
