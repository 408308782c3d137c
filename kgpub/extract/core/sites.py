"""Sites for the language packs: labelled addresses and phone numbers under a body's heading.

"Besöksadress:" / "Visiting address:" with the street on the same or the next line, "Telefon:" /
"Telefonväxel 09 310 1641" / "Switchboard …". Values within a few lines of each other under one
heading make one site of the body that heading names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .facts import Facts, words
from .persons import PERSON
from .rules import Rule, rule
from .segments import Segment

#: Whether a word is a post title ("direktör", "Director"): the language pack's own lexicon.
IsPost = Callable[[str], bool]

_ADDRESS_LABEL = re.compile(
    r"^(?:(?P<postal>Postadress|Postal\s+address|Mailing\s+address)|Besöksadress|Gatuadress|Adress|Address|"
    r"Visiting\s+address|Street\s+address)\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_STREET = r"[A-ZÅÄÖ][\wåäöéü.-]*(?:\s+[\wåäöéü.-]+){0,3}\s+\d{1,4}(?:\s?[A-Za-z])?(?:\s?[-–]\s?\d{1,4})?"
_POSTCODE = r",\s*\d{5}\s+[A-ZÅÄÖ][\wåäö-]+"
#: ", Northtown" after a labelled street: the town without a postal code (the street is the address).
_TOWN = r",\s*[A-ZÅÄÖ][\wåäö-]+"
_ADDRESS = re.compile(
    rf"^(?:{_STREET}|(?:PB|PL|PO\s+Box|P\.O\.\s+Box|Box)\s+\d{{1,5}})(?:{_POSTCODE}|{_TOWN})?$"
)
#: A postal code and town on a line of their own ("00100 Northtown", "FI-00099 Helsingin kaupunki").
_POSTCODE_LINE = re.compile(r"^(?:[A-Z]{2}-)?\d{5}\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+[\wåäö-]+){0,2}$")
#: A street line with no label: only with its postal code ("Rådhusgatan 26, 65100 Vasa").
_BARE_ADDRESS = re.compile(rf"^{_STREET}{_POSTCODE}$")
_PHONE_LABEL = (
    r"(?:Telefonväxel|Telefon|Tfn|Tel|Växel|Kundtjänst|Phone|Telephone|Switchboard|Customer\s+service)"
    r"\.?(?:\s*\([^)]{1,20}\))?"
)
_NUMBER = r"\+?\(?\d[\d()]*(?:[ -]?\d+){2,5}"
_PHONE = re.compile(_PHONE_LABEL + r"\s*:?\s*(?P<value>" + _NUMBER + ")", re.IGNORECASE)


def _person_before(prefix: str, is_post: IsPost) -> bool:
    """A title and a person's name before a phone number on one line."""
    person = re.search(PERSON, prefix)
    if person is None:
        return False
    words = re.findall(r"[\wåäö-]+", prefix[: person.start()])
    return any(is_post(w) for w in words)


#: Words before a phone label that say which line it is, not whose ("Mobile tel.", "Direct phone").
_LINE_WORDS = words(
    "mobile direct gsm fax home work main general office reception mob cell fixed landline also or and "
    "puhelin matkapuhelin mobil direkt vaihde"
)
#: How many words a body named before its own phone number may have ("Kirjaamo tel. …").
MAX_LINE_NAME_WORDS = 4


def _named_line(prefix: str, is_post: IsPost) -> str | None:
    """ "Kirjaamo tel. 044 785 1413", "Building Control phone 09 …": the name a contact line gives its
    own number — capitalised words, no post, no person, no word that only says which line it is."""
    name = prefix.strip(" \t:,;–-")
    words = name.split()
    if not 0 < len(words) <= MAX_LINE_NAME_WORDS or not name[:1].isupper() or re.search(r"[\d@/().:]", name):
        return None
    if any(w.lower() in _LINE_WORDS or is_post(w) for w in words):
        return None
    if len(words) >= 2 and re.fullmatch(PERSON, name):
        return None  # "Heli Viitala tel. …": a person's number
    if not all(w[:1].isupper() or w in ("and", "of", "for", "&", "och", "ja") for w in words):
        return None
    return name


def _site_values(
    segs: list[Segment], i: int, is_post: IsPost
) -> tuple[str | None, str | None, bool, str | None]:
    """(address, phone, postal, named) stated by segment i — a labelled value may sit on the next line;
    ``postal`` says the address is a postal one (a visiting address is preferred); ``named`` is the
    body a contact line names before its own phone number."""
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
    elif _ADDRESS.match(text) and i + 1 < len(segs) and _POSTCODE_LINE.match(segs[i + 1].text.strip()):
        address = f"{text}, {segs[i + 1].text.strip()}"  # "Main Street 5" / "00100 Northtown"
    phone_m = _PHONE.search(text)
    if phone_m is None and re.fullmatch(_PHONE_LABEL + r"\s*:?", text, re.I):
        nxt = segs[i + 1].text.strip() if i + 1 < len(segs) else ""
        phone_m = re.match(r"(?P<value>" + _NUMBER + r")$", nxt)
    if phone_m and _person_before(text[: phone_m.start()], is_post):
        phone_m = None  # "Teknisk direktör: Lars Lindholm, tfn 050 …": the person's phone, no site
    named = None
    if phone_m:
        phone = re.sub(r"\s+", " ", phone_m.group("value")).strip()
        named = _named_line(text[: phone_m.start()], is_post) if not address and not label else None
    return address, phone, bool(label and label.group("postal")), named


def find_sites(
    facts: Facts,
    segs: list[Segment],
    section: dict[int, str],
    is_post: IsPost,
    record: Callable[[str, Segment], str | None] | None = None,
) -> None:
    """Addresses and phone numbers, each for the body whose heading they sit under.

    ``section`` maps the line of each heading that names a body to that body. Values found within a
    few lines of each other under one heading make one site. A heading's body that no fact needed yet
    (the municipality in a contact block) is recorded through ``record``; ``is_post`` tells a title
    before a person's phone number ("Teknisk direktör: Lars Lindholm, tfn …"), which makes no site.
    """
    groups: list[tuple[str, int, int, str | None, str | None]] = []
    postal: set[int] = set()  # groups whose address is a postal one
    for i, seg in enumerate(segs):
        address, phone, is_postal, named = _site_values(segs, i, is_post)
        if named and phone and (seg.heading or not seg.text.rstrip().endswith(".")):
            owner = facts.find(named) or facts.body(named, "unit", seg, "body.contact-line")
            facts.site(owner, seg, None, phone, "site.contact-line")
            continue
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


#: A sentence saying where bodies work: "… operate … at the address Tietotie 15", "… have moved to
#: Virastopiha 2", "Stadsstyrelsen sammanträder i Stadshuset, Strengbergsgatan 1".
_WHERE = re.compile(
    r"\b(?:at\s+the\s+(?:street\s+|visiting\s+)?address|(?:moved|relocated|move|relocate)\s+to|"
    r"(?:is|are)\s+(?:located|situated|based|housed)\s+(?:at|in)|på\s+adressen|"
    r"(?:visiting\s+|street\s+|office\s+)?address\s+is|besöksadress(?:en)?\s+är|"
    r"(?:finns|ligger|sammanträder|verkar|flyttat|flyttar)\s+(?:i|på|till))\s+",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
)
#: A street and number ("Tietotie 15", "Strengbergsgatan 1", "Kirkkokatu 12 B"), not a date or a year.
_PROSE_STREET = re.compile(
    r"(?<![\w-])(?!" + _MONTHS + r"\b)([A-ZÅÄÖ][\wåäöéü-]+(?:\s+[A-ZÅÄÖ][\wåäöéü-]+){0,2}\s+\d{1,3}"
    r"(?:\s?[A-Z](?![\w]))?)(?![\d.,:]\d|\w)"
)


#: How far after a body's name its location cue may be (bounded, so a huge one-line page stays linear).
MAX_CUE_DISTANCE = 300


def prose_address(text: str, end: int) -> str | None:
    """The street address a sentence states for a body named before ``end``: the first location cue
    after it (within ``MAX_CUE_DISTANCE`` characters), then the first street and number within 80
    characters after that cue; None when there is none."""
    cue = _WHERE.search(text, end, min(len(text), end + MAX_CUE_DISTANCE))
    if cue is None:
        return None
    street = _PROSE_STREET.search(text, cue.end(), min(len(text), cue.end() + 80))
    return street.group(1) if street else None


#: "please contact Governance and Assurance Branch on (02) 6205 2819", "kontakta X på 09 …".
_CONTACT = re.compile(r"\b(?:contact|call|kontakta|ring)\s+(?:the\s+)?$", re.IGNORECASE)
_ON_NUMBER = re.compile(
    r"\s+(?:on|at|via|by\s+phone\s+(?:on|at)|på|tfn\.?|tel\.?|telefon)\s+(?P<value>" + _NUMBER + ")",
    re.IGNORECASE,
)


def contact_phone(text: str, start: int, end: int) -> str | None:
    """The phone number a sentence gives to reach the body named at ``text[start:end]``."""
    if not _CONTACT.search(text[max(0, start - 30) : start]):
        return None
    number = _ON_NUMBER.match(text, end)
    return re.sub(r"\s+", " ", number.group("value")).strip() if number else None


LANGS = ("sv", "en")

#: The site rules, declared once (:mod:`.rules`) for the packs that call them.
RULES: list[Rule] = [
    rule(
        "site.labelled",
        "sites",
        find_sites,
        example="Kontakt\nStadskansliet\nRådhusgatan 26, 65100 Vasa\nTelefon (växel) 06 325 1111\n",
        expects=["site: stadskansliet | Rådhusgatan 26, 65100 Vasa | 06 325 1111"],
        langs=LANGS,
    ),
    rule(
        "site.contact-line",
        "sites",
        find_sites,
        example="Town Hall\nMarket Street 1, 68600 Northtown\ntel. 06 786 3111\nRegistry tel. 044 785 1413\n",
        expects=["site: Registry |  | 044 785 1413"],
        langs=LANGS,
    ),
    rule(
        "body.contact-line",
        "organizations",
        find_sites,
        example="Town Hall\nMarket Street 1, 68600 Northtown\ntel. 06 786 3111\nRegistry tel. 044 785 1413\n",
        expects=["body: Registry"],
        langs=LANGS,
    ),
    rule(
        "site.prose",
        "sites",
        prose_address,
        example=(
            "Stadsstyrelsen sammanträder i Stadshuset, Strengbergsgatan 1, varannan måndag. "
            "Föredragningslistorna och protokollen finns på stadens hemsida."
        ),
        expects=["site: stadsstyrelsen | Strengbergsgatan 1 | "],
        langs=LANGS,
    ),
]
