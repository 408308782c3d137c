"""Sites for the Swedish and English rules: labelled addresses and phone numbers under a body's heading.

"Besöksadress:" / "Visiting address:" with the street on the same or the next line, "Telefon:" /
"Telefonväxel 09 310 1641" / "Switchboard …". Values within a few lines of each other under one
heading make one site of the body that heading names.
"""

from __future__ import annotations

import re

from .sv_en import Facts, Segment

_ADDRESS_LABEL = re.compile(
    r"^(?:Besöksadress|Postadress|Gatuadress|Adress|Address|Visiting\s+address|Postal\s+address|"
    r"Street\s+address)\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"^[A-ZÅÄÖ][\wåäöéü.-]*(?:\s+[\wåäöéü.-]+){0,3}\s+\d{1,4}(?:\s?[A-Za-z])?(?:\s?[-–]\s?\d{1,4})?"
    r"(?:,\s*\d{5}\s+[A-ZÅÄÖ][\wåäö-]+)?$"
)
_PHONE = re.compile(
    r"(?:Telefonväxel|Telefon|Tfn|Tel|Växel|Phone|Telephone|Switchboard)\.?\s*:?\s*"
    r"(?P<value>\+?\(?\d[\d()]*(?:[ -]?\d+){2,5})",
    re.IGNORECASE,
)


def _site_values(segs: list[Segment], i: int) -> tuple[str | None, str | None]:
    """(address, phone) stated by segment i — a labelled value may sit on the next line."""
    seg = segs[i]
    text = seg.text.strip()
    address = phone = None
    label = _ADDRESS_LABEL.match(text)
    if label:
        value = label.group("value").strip()
        if not value and i + 1 < len(segs) and segs[i + 1].line == seg.line + 1:
            value = segs[i + 1].text.strip()
        address = value if _ADDRESS.match(value) else None
    phone_m = _PHONE.search(text)
    if phone_m is None and re.fullmatch(r"(?:Telefon|Tfn|Tel|Phone|Telephone|Växel)\.?\s*:?", text, re.I):
        nxt = segs[i + 1].text.strip() if i + 1 < len(segs) else ""
        phone_m = re.match(r"(?P<value>\+?\(?\d[\d()]*(?:[ -]?\d+){2,5})$", nxt)
    if phone_m:
        phone = re.sub(r"\s+", " ", phone_m.group("value")).strip()
    return address, phone


def find_sites(facts: Facts, segs: list[Segment], section: dict[int, str]) -> None:
    """Addresses and phone numbers, each for the body whose heading they sit under.

    ``section`` maps the line of each heading that names a body to that body. Values found within a
    few lines of each other under one heading make one site.
    """
    groups: list[tuple[str, int, int, str | None, str | None]] = []
    for i, seg in enumerate(segs):
        address, phone = _site_values(segs, i)
        heads = [line for line in section if line <= seg.line]
        if not (address or phone) or not heads:
            continue
        owner = section[max(heads)]
        if groups and groups[-1][0] == owner and seg.line - segs[groups[-1][2]].line <= 6:
            o, first, _, a, p = groups[-1]
            groups[-1] = (o, first, i, a or address, p or phone)
        else:
            groups.append((owner, i, i, address, phone))
    for owner, first, last, address, phone in groups:
        span = Segment(segs[first].start, segs[last].end, facts.text[segs[first].start : segs[last].end], 0)
        facts.site(owner, span, address, phone, "site.labelled")
