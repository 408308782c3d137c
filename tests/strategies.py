"""Hypothesis strategies for page-like text: what a scraped municipal page looks like, and worse.

Shared by the offset-map properties (tests/text/test_offsets_props.py) and the extractor fuzz target
(tests/extract/test_fuzz.py, also run long by ``make fuzz``). Pages are made of real lines from the seed
sources in ``data/sources/`` and of sentences built from Finnish, Swedish and English organisation
vocabulary, mixed with what scraping leaves behind: menus, breadcrumbs, cookie banners, bullets,
numbered items, colons, contact lines, CRLF and other line breaks, combining marks, emoji and other
astral code points, non-breaking and zero-width spaces, and very long lines.
"""

from __future__ import annotations

from hypothesis import strategies as st

from kgpub.config import PROJECT_ROOT

SOURCES = PROJECT_ROOT / "data" / "sources"


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SOURCES.glob("*/text.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


SEED_LINES = _seed_lines()

# fmt: off
BODIES = [
    "kaupunginkanslia", "Kaupunginhallitus", "hallinto-osasto", "elinkeino-osasto", "Sisäinen tarkastus",
    "talous- ja suunnitteluosasto", "kaupunginvaltuusto", "henkilöstöjaosto", "Ympäristölautakunta",
    "Hallintopalvelut", "tietohallinto", "Strategiaosasto", "kunnanhallitus", "Stadskansliet",
    "förvaltningsavdelningen", "Kommunstyrelsen", "stadsfullmäktige", "bildningsnämnden",
    "the City Executive Office", "Administration Department", "City Board", "the Audit Committee",
]
PEOPLE = ["Marja-Leena Rinkineva", "Sami Sarvilinna", "Åsa Öberg", "Eino J. Leisimo", "Jean-Luc Ärölä"]
TITLES = [
    "kansliapäällikkö", "hallintojohtaja", "elinkeinojohtaja", "vt. kaupunginsihteeri", "förvaltningschef",
    "stadsdirektör", "Head of Department", "City Manager",
]
WORDS = [
    "ja", "sekä", "tai", "on", "kuuluu", "alainen", "alaisuudessa", "vastaa", "huolehtii", "johtaa",
    "osasto", "osastoa", "yksikkö", "toimii", "mm.", "esim.", "21.9.", "och", "samt", "ansvarar", "för",
    "leds", "av", "enheten", "and", "is", "responsible", "for", "the", "led", "by", "unit", "of", ":",
    ";", ",", "–", "-", "(", ")", "»", ">", "/", "1.", "2)", "•", "*", "·",
]
NOISE = [
    "Hyppää pääsisältöön", "Valikko", "Etusivu > Kaupunki ja hallinto > Organisaatio", "Etusivu / Hallinto",
    "Toiminnon käyttämiseksi vaaditaan, että hyväksyt sivuston evästeet.", "Kirjautuminen epäonnistui.",
    "Oliko tästä sivusta sinulle apua?", "Sisältö päivitetty 12.3.2024", "In English", "På svenska",
    "Jaa sivu", "Lue lisää", "Loading...", "We use cookies to improve your experience.",
]
CONTACTS = [
    "p. 09 310 1234", "puh. 040 763 2303", "etunimi.sukunimi@hel.fi", "PL 1, 00099 Helsingin kaupunki",
    "Pohjoisesplanadi 11–13, 00170 Helsinki", "tel. +358 9 123 456", "Käyntiosoite: Kalajoentie 5",
]
#: Characters that break naive offset arithmetic: combining marks, astral code points (emoji, a ZWJ
#: family, a mathematical letter), NBSP and narrow NBSP, zero-width space/joiner, soft hyphen, BOM,
#: RTL mark, the replacement character, line and paragraph separators, tab, form feed, NEL.
ODD = [
    "\u0308", "\u030a", "\u0301", "\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001d54f",
    "\u00a0", "\u202f", "\u200b", "\u200d", "\u00ad", "\ufeff", "\u200f", "\ufffd", "\u2028", "\u2029",
    "\t", "\x0c", "\x85",
]
NEWLINES = ["\n", "\n", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\u2028", "\x0b"]
# fmt: on


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence from a template (Finnish, Swedish or English) or a salad of organisation words."""
    body, other = draw(st.sampled_from(BODIES)), draw(st.sampled_from(BODIES))
    person, title = draw(st.sampled_from(PEOPLE)), draw(st.sampled_from(TITLES))
    parts = draw(st.lists(st.sampled_from(BODIES), min_size=1, max_size=5))
    templates = [
        f"{body.capitalize()} on {other}n alainen virasto.",
        f"{body.capitalize()}ssa on {len(parts)} osastoa: {', '.join(parts)}.",
        f"Osastoa johtaa {title} {person}.",
        f"{body.capitalize()} vastaa {', '.join(parts)} ja {other}sta.",
        f"{body.capitalize()} kuuluu {other}n alaisuuteen",
        f"{body.capitalize()} leds av {title} {person}.",
        f"{body.capitalize()} består av {', '.join(parts)} samt {other}.",
        f"{body.capitalize()} is led by {title} {person}.",
        f"{body.capitalize()} consists of {', '.join(parts)} and {other}.",
        f"{title.capitalize()}: {person}",
        " ".join(draw(st.lists(st.sampled_from(WORDS + BODIES + PEOPLE + TITLES), min_size=1, max_size=25))),
    ]
    return draw(st.sampled_from(templates))


def lines() -> st.SearchStrategy[str]:
    """One line of a page: real, templated, a list item, a heading, noise, contact data or junk."""
    bullet = st.sampled_from(["• ", "- ", "– ", "* ", "1. ", "2) ", "· ", "▪ "])
    return st.one_of(
        st.sampled_from(SEED_LINES),
        sentences(),
        st.builds(lambda b, s: b + s, bullet, sentences() | st.sampled_from(BODIES)),
        st.builds(lambda a, b: f"{a} • {b} • ", st.sampled_from(BODIES), st.sampled_from(BODIES)),
        st.sampled_from(BODIES + TITLES).map(str.capitalize),  # a heading
        st.sampled_from(NOISE),
        st.sampled_from(CONTACTS),
        st.text(st.characters(codec="utf-8"), max_size=30),  # anything at all
        st.builds(lambda s, n: " ".join([s] * n), sentences(), st.integers(20, 120)),  # a very long line
    )


@st.composite
def pages(draw: st.DrawFn, max_lines: int = 25) -> str:
    """A page: lines joined by assorted line breaks, with odd characters sprinkled into it."""
    chosen = draw(st.lists(lines(), min_size=0, max_size=max_lines))
    out: list[str] = []
    for line in chosen:
        out += [line, draw(st.sampled_from(NEWLINES))]
    text = "".join(out)
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(ODD)) + text[at:]
    return text


#: Text for the extractor fuzz target: pages, plus raw Unicode and words with no page structure.
fuzz_text = st.one_of(
    pages(),
    st.text(st.characters(codec="utf-8"), max_size=300),
    st.lists(st.sampled_from(WORDS + BODIES + PEOPLE + TITLES + ODD + NEWLINES), max_size=200).map(" ".join),
)
