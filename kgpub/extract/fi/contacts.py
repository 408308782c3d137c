"""Sites: street addresses and phone numbers stated for a body.

"Helsingin oikeusaputoimisto sijaitsee Salmisaaressa, osoitteessa:" / "Porkkalankatu 13 G" /
"Puhelinnumero: 029 5660 120": consecutive address and phone lines make one site of the body the
sentence before them is about (or the body of the section they stand in); a postal address after a
visiting address ("Postiosoite: …, PL 133, 87101 Kajaani") is a second site of that body, as the pages
state two addresses. Patterns are bounded.
"""

from __future__ import annotations

import re

from ..core.segments import Segment
from .context import PendingSite, Reader, Sent
from .heads import persons
from .names import is_title

_STREET = (
    r"katu|tie|kuja|polku|väylä|ranta|tori|aukio|kaari|rinne|portti|raitti|bulevardi|valli|kenttä"
    r"|puistikko|linja|piha|mäki|vainio|puisto|esplanadi"
)
ADDRESS = re.compile(
    rf"(?<![\w-])(?P<address>(?:[A-ZÅÄÖ][a-zåäö]{{1,20}}\s)?[A-ZÅÄÖ][\w-]{{0,40}}(?:{_STREET})"
    r"\s\d{1,4}(?:-\d{1,4})?(?:\s?[A-Z]\b)?(?:\s[a-z]?\s?\d{1,3}\b)?(?:,\s\d{5}\s[A-ZÅÄÖ][a-zåäö]{1,30})?"
    r"|PL\s\d{1,5}(?:,\s\d{5}\s[A-ZÅÄÖ][a-zåäö]{1,30})?)"
)
PHONE = re.compile(
    r"(?:puhelin(?:numero)?|puh|vaihde|tel|p|numero(?:ssa|sta)?)\.?\s?:?\s?"
    r"(?P<phone>(?:\+358\s?|0)\d{1,3}(?:[ -]?\d{2,4}){1,3})"
    r"|^(?P<bare>(?:\+358\s?|0)\d{1,3}(?:[ -]?\d{2,4}){1,3})$",
    re.IGNORECASE,
)
POSTAL = re.compile(r"^(?P<postal>\d{5}\s[A-ZÅÄÖ][a-zåäö]{1,30}(?:\s[A-ZÅÄÖ][a-zåäö]{1,30})?)$")
MAX_LINE = 160


def contact_line(s: Sent) -> tuple[str | None, str | None]:
    """The address and phone a short line or sentence states, if any."""
    text = s.sentence.text
    if len(text) > MAX_LINE:
        return None, None
    a = ADDRESS.search(text)
    p = PHONE.search(text)
    phone = (p.group("phone") or p.group("bare")) if p else None
    return (a.group("address").strip() if a else None), (phone.strip() if phone else None)


def contacts(reader: Reader, s: Sent) -> bool:
    """Collect an address/phone line into the pending site; flush the site at any other sentence."""
    postal = POSTAL.match(s.sentence.text)
    if postal and reader.site is not None and reader.site.address and not reader.site.phone:
        reader.site.address += ", " + postal.group("postal")  # "Kirkkokatu 2" / "45100 Kouvola"
        reader.site.end = s.sentence.end
        return True
    address, phone = contact_line(s)
    if address is None and phone is None:
        flush(reader)
        reader.person_contacts = False
        return False
    if reader.person_contacts:
        return True
    if address is None and _person_line(s):
        flush(reader)
        return False  # "Ympäristöjohtaja Leena Laakso, p. 040 …": the person's phone; the head rules read it
    pending = reader.site
    if pending is not None and pending.address and s.sentence.text.lower().startswith("postiosoite"):
        if address is None or address == pending.address:
            pending.end = s.sentence.end  # "Postiosoite: sama": nothing new
            pending.phone = pending.phone or phone
            return True
        # a postal address ("Postiosoite: Kajaanin kaupunki, PL 133, 87101 Kajaani") is a second site
        # of the same body, the box and post office without the recipient lines before it
        owner = pending.org
        flush(reader)
        reader.site = PendingSite(owner, s.sentence.start, s.sentence.end, address, phone)
        return True
    if pending is None or (address and pending.address) or (phone and pending.phone):
        flush(reader)
        org = _named_here(reader, s) or reader.subject or reader.section_body()
        if org is None:
            return False
        pending = reader.site = PendingSite(org, s.sentence.start, s.sentence.end)
    pending.end = s.sentence.end
    pending.address = pending.address or address
    pending.phone = pending.phone or phone
    return True


def _named_here(reader: Reader, s: Sent) -> str | None:
    """The body a contact sentence opens with ("Kunnanvirasto sijaitsee osoitteessa …",
    "Kunnanviraston vaihde palvelee numerossa …")."""
    m = s.mention_at(s.start) if s.start < len(s.tokens) else None
    if m is None or m.first != s.start or m.generic or m.case not in {"nimento", "omanto"}:
        return None
    return reader.body(s, m, "body.fi.site")


def _person_line(s: Sent) -> bool:
    """A line that opens with a title and a person's name."""
    toks = s.tokens
    for t in range(min(2, len(toks))):
        if toks[t].word and is_title(toks[t].lemma()):
            people, _ = persons(toks, t + 1)
            return bool(people)
    return False


def flush(reader: Reader) -> None:
    site = reader.site
    reader.site = None
    if site is None:
        return
    text = reader.facts.text[site.start : site.end]
    reader.facts.site(
        site.org, Segment(site.start, site.end, text, 0), site.address, site.phone, "site.fi.lines"
    )
