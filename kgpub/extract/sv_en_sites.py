"""Sites for the Swedish and English rules: labelled addresses and phone numbers under a body's heading.

"Besöksadress:" / "Visiting address:" with the street on the same or the next line, "Telefon:" /
"Telefonväxel 09 310 1641" / "Switchboard …". Values within a few lines of each other under one
heading make one site of the body that heading names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import en_names, sv_names
from .sv_en import PERSON, Facts, Segment

_ADDRESS_LABEL = re.compile(
    r"^(?:(?P<postal>Postadress|Postal\s+address|Mailing\s+address)|Besöksadress|Gatuadress|Adress|Address|"
    r"Visiting\s+address|Street\s+address)\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_STREET = r"[A-ZÅÄÖ][\wåäöéü.-]*(?:\s+[\wåäöéü.-]+){0,3}\s+\d{1,4}(?:\s?[A-Za-z])?(?:\s?[-–]\s?\d{1,4})?"
_POSTCODE = r",\s*\d{5}\s+[A-ZÅÄÖ][\wåäö-]+"
_ADDRESS = re.compile(rf"^(?:{_STREET}|(?:PB|PL|PO\s+Box|P\.O\.\s+Box|Box)\s+\d{{1,5}})(?:{_POSTCODE})?$")
#: A street line with no label: only with its postal code ("Rådhusgatan 26, 65100 Vasa").
_BARE_ADDRESS = re.compile(rf"^{_STREET}{_POSTCODE}$")
_PHONE_LABEL = (
    r"(?:Telefonväxel|Telefon|Tfn|Tel|Växel|Kundtjänst|Phone|Telephone|Switchboard|Customer\s+service)"
    r"\.?(?:\s*\([^)]{1,20}\))?"
)
_NUMBER = r"\+?\(?\d[\d()]*(?:[ -]?\d+){2,5}"
_PHONE = re.compile(_PHONE_LABEL + r"\s*:?\s*(?P<value>" + _NUMBER + ")", re.IGNORECASE)


def _person_before(prefix: str) -> bool:
    """A title and a person's name before a phone number on one line."""
    person = re.search(PERSON, prefix)
    if person is None:
        return False
    words = re.findall(r"[\wåäö-]+", prefix[: person.start()])
    return any(sv_names.is_post(w) or en_names.is_post(w) for w in words)


def _site_values(segs: list[Segment], i: int) -> tuple[str | None, str | None, bool]:
    """(address, phone, postal) stated by segment i — a labelled value may sit on the next line;
    ``postal`` says the address is a postal one (a visiting address is preferred)."""
    seg = segs[i]
    text = seg.text.strip()
    address = phone = None
    label = _ADDRESS_LABEL.match(text)
    if label:
        value = label.group("value").strip()
        if not value and i + 1 < len(segs) and segs[i + 1].line == seg.line + 1:
            value = segs[i + 1].text.strip()
        address = value if _ADDRESS.match(value) else None
    elif _BARE_ADDRESS.match(text):
        address = text
    phone_m = _PHONE.search(text)
    if phone_m is None and re.fullmatch(_PHONE_LABEL + r"\s*:?", text, re.I):
        nxt = segs[i + 1].text.strip() if i + 1 < len(segs) else ""
        phone_m = re.match(r"(?P<value>" + _NUMBER + r")$", nxt)
    if phone_m and _person_before(text[: phone_m.start()]):
        phone_m = None  # "Teknisk direktör: Lars Lindholm, tfn 050 …": the person's phone, no site
    if phone_m:
        phone = re.sub(r"\s+", " ", phone_m.group("value")).strip()
    return address, phone, bool(label and label.group("postal"))


def find_sites(
    facts: Facts,
    segs: list[Segment],
    section: dict[int, str],
    record: Callable[[str, Segment], str | None] | None = None,
) -> None:
    """Addresses and phone numbers, each for the body whose heading they sit under.

    ``section`` maps the line of each heading that names a body to that body. Values found within a
    few lines of each other under one heading make one site. A heading's body that no fact needed yet
    (the municipality in a contact block) is recorded through ``record``.
    """
    groups: list[tuple[str, int, int, str | None, str | None]] = []
    postal: set[int] = set()  # groups whose address is a postal one
    for i, seg in enumerate(segs):
        address, phone, is_postal = _site_values(segs, i)
        heads = [line for line in section if line <= seg.line]
        if not (address or phone) or not heads:
            continue
        owner = section[max(heads)]
        if groups and groups[-1][0] == owner and seg.line - segs[groups[-1][2]].line <= 6:
            o, first, _, a, p = groups[-1]
            if address and not is_postal and len(groups) - 1 in postal:
                a = None
                postal.discard(len(groups) - 1)
            groups[-1] = (o, first, i, a or address, p or phone)
        else:
            groups.append((owner, i, i, address, phone))
        if address and is_postal and groups[-1][3] == address:
            postal.add(len(groups) - 1)
    for owner, first, last, address, phone in groups:
        span = Segment(segs[first].start, segs[last].end, facts.text[segs[first].start : segs[last].end], 0)
        if facts.find(owner) is None and record is not None:
            owner = record(owner, span) or owner
        facts.site(owner, span, address, phone, "site.labelled")
