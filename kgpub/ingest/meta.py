"""meta.toml fields from what a page says about itself: title, publisher, municipality, language.

Options always win. Without them: the title is the page ``<title>`` without its site suffix ("X –
Kuhmon kaupunki"), the publisher is the site's name (``og:site_name`` or that suffix), the
municipality is read from the publisher's name ("Kuhmon kaupunki" → Kuhmo, "Närpes stad" → Närpes,
"City of Kokkola" → Kokkola), and the language is ``<html lang>`` when the text agrees with it —
templates often keep ``lang="fi"`` on Swedish pages, and a Swedish text declared Finnish yields no
bodies — else the language the project's detector finds in the text, with a note saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..extract.language import LANGS, detect_language, language_scores

if TYPE_CHECKING:
    from ..municipalities import Reference

_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ")
_FI_CLASS = re.compile(r"^(?P<name>.+?)n\s+(?:kaupunki|kunta)$", re.IGNORECASE)
_SV_CLASS = re.compile(r"^(?P<name>.+?)\s+(?:stad|kommun)$", re.IGNORECASE)
_EN_CLASS = re.compile(
    r"^(?:the\s+)?(?:city|town|municipality|borough)\s+of\s+(?P<name>.+)$|^(?P<name2>.+?)\s+(?:city|town)\s+council$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Chosen:
    value: str
    note: str | None = None


def split_title(title: str | None) -> tuple[str | None, str | None]:
    """``"Sivistys – Kuhmon kaupunki"`` → ``("Sivistys", "Kuhmon kaupunki")``; no suffix → (title, None)."""
    if not title:
        return None, None
    for separator in _TITLE_SEPARATORS:
        if separator in title:
            head, _, tail = title.rpartition(separator)
            if head.strip() and tail.strip():
                return head.strip(), tail.strip()
    return title.strip(), None


def _fi_nominative(genitive_stem: str) -> str:
    """ "Kuhmo" from "Kuhmon": Voikko's place-name reading when it knows the name, else the stem."""
    from ..extract.fi.tokens import tokenize

    word = f"{genitive_stem}n"
    tokens = tokenize(word)
    if len(tokens) == 1:
        for reading in tokens[0].readings:
            if reading.cls == "paikannimi" and reading.case == "omanto":
                return reading.lemma
    return genitive_stem


def _candidates(publisher: str) -> list[str]:
    """The names a publisher's name may give its municipality in, most likely first."""
    name = " ".join(publisher.split())
    if match := _FI_CLASS.match(name):  # "Lahden kaupunki": Voikko's "Lahti", then the bare stem
        stem = match.group("name")
        return list(dict.fromkeys((_fi_nominative(stem), stem)))
    if match := _SV_CLASS.match(name):  # "Raseborgs stad": the genitive -s after a consonant goes
        found = match.group("name")
        genitive = re.search(r"[^aeiouyåäös]s$", found, re.IGNORECASE) and not found.lower().endswith("fors")
        return [found[:-1], found] if genitive else [found]
    if match := _EN_CLASS.match(name):
        return [match.group("name") or match.group("name2")]
    return []


def guess_municipality(publisher: str, reference: Reference | None = None) -> str | None:
    """The municipality a publisher's name names, or None when it names none. With ``reference`` (the
    municipality list, :mod:`kgpub.municipalities`) only a municipality on the list counts, written as
    the list writes it: a site called "Ostrobothnia Region" or "Foon kaupunki" names none, so the user
    is asked for ``--municipality`` now rather than the build failing on the source later."""
    for candidate in _candidates(publisher):
        if reference is None:
            return candidate
        found = reference.find(candidate)
        if found is not None:
            swedish = candidate.casefold() == found.name_sv.casefold()
            return found.name_sv if swedish else found.name_fi
    return None


def choose_language(option: str | None, html_lang: str | None, text: str) -> Chosen:
    """The source language: the option, else ``<html lang>`` when the text agrees, else detected. An
    option the text clearly does not read as is kept, with a note: the build finds nothing in a text
    read in the wrong language, and it should not be a surprise then."""
    detected = detect_language(text)
    if option:
        scores = language_scores(text)
        if option != detected and scores[option] < 0.5 * scores[detected]:
            return Chosen(option, f"language {option} as given, but the text reads as {detected}")
        return Chosen(option)
    if html_lang not in LANGS:
        return Chosen(
            detected, f"language {detected}: detected in the text (the page declares {html_lang or 'none'})"
        )
    if html_lang == detected:
        return Chosen(detected)
    scores = language_scores(text)
    if scores[html_lang] >= 0.5 * scores[detected]:  # close: the page's own declaration decides
        return Chosen(html_lang)
    return Chosen(
        detected,
        f"language {detected}: the page declares lang={html_lang!r} but its text is {detected}; "
        "pass --language to override",
    )
