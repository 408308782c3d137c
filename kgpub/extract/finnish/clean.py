"""Page noise the rules must not read: cookie banners, log-in messages, navigation crumbs.

Noise is skipped, never deleted: evidence offsets always point into the original text."""

from __future__ import annotations

import re

_NOISE = re.compile(
    r"evästee|hyväksyt\s+sivuston|Kirjautuminen\s+epäonnistui|Käyttäjätunnuksesi|^Kirjautuminen$|"
    r"Hyppää\s+pääsisältöön|Suoraan\s+sisältöön|^Lue\s+lisää|^Jaa\s+sivu|JavaScript",
    re.I,
)


def is_noise(text: str) -> bool:
    """True for a segment that is site furniture rather than content."""
    return bool(_NOISE.search(text.strip()))
