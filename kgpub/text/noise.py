"""What a scraped municipal page carries that is not content: banners, menus, login and feedback text.

Data, not logic: exact lines that are navigation (compared case-folded, trimmed), patterns of
sentences that are cookie, login or feedback boilerplate, and breadcrumb trails. ``clean.py`` drops
what matches. Every pattern is anchored on a plain word so matching stays linear.
"""

from __future__ import annotations

import re

#: Whole lines that are navigation or page furniture (case-folded, white space collapsed).
NAV_LINES = frozenset(
    line.strip()
    for line in """
    hyppää pääsisältöön
    siirry pääsisältöön
    siirry sisältöön
    suoraan sisältöön
    hyppää sisältöön
    ohita valikko
    valikko
    avaa valikko
    sulje valikko
    päävalikko
    sulje
    haku
    hae
    hae sivustolta
    etusivu
    kuva
    lue lisää
    näytä lisää
    näytä kaikki
    jaa
    jaa sivu
    tulosta
    tulosta sivu
    takaisin ylös
    sivun alkuun
    takaisin
    kirjautuminen
    kirjaudu
    kirjaudu sisään
    kirjaudu ulos
    palaute
    anna palautetta
    facebook
    twitter
    instagram
    linkedin
    youtube
    x
    in english
    på svenska
    suomeksi
    english
    svenska
    suomi
    loading..
    loading...
    ladataan...
    kiitos!
    skip to content
    skip to main content
    skip to sidebar
    skip to navigation
    hoppa till innehållet
    hoppa till huvudinnehållet
    gå till innehållet
    till innehållet
    menu
    main menu
    close menu
    meny
    huvudmeny
    stäng meny
    search
    search the site
    sök
    sök på webbplatsen
    share
    share this page
    dela
    dela sidan
    print
    print this page
    skriv ut
    back to top
    till toppen
    tillbaka till toppen
    read more
    läs mer
    home
    hem
    startsida
    log in
    sign in
    logga in
    listen
    lyssna
    """.strip().splitlines()
)

#: Sentences that are boilerplate wherever they occur (cookie consent, login errors, feedback).
NOISE_SENTENCE = re.compile(
    r"evästee|\bcookie|kirjautuminen epäonnistui|käyttäjätunnuksesi|kirjaudu sisään|javascript"
    r"|oliko (?:tästä )?sivusta (?:sinulle )?apua|anna palautetta|kiitos palautteestasi|selaimesi"
    r"|\bsisältö päivitetty\b|\bsivua päivitetty\b|\bpäivitetty viimeksi\b"
    r"|\bkakor\b|\bkakorna\b|inloggningen misslyckades|logga in\b|var sidan till hjälp"
    r"|hittade du det du sökte"
    r"|\bsenast uppdaterad\b|\bsidan uppdaterad\b"
    r"|\blog ?in failed\b|\bsign in to\b|\blog in to\b|was this page (?:helpful|useful)"
    r"|\bthank you for your feedback"
    r"|\blast updated\b|\bpage updated\b|\byour browser\b",
    re.IGNORECASE,
)

#: A breadcrumb trail: two or more "›", "»" or ">" separators ("Etusivu > Kaupunki > Organisaatio").
BREADCRUMB = re.compile(r"^[^>»›\n]{1,80}(?:\s[>»›]\s[^>»›\n]{1,80}){2,}$")
#: A trail that starts at the front page with slashes ("Etusivu / Päätöksenteko").
HOME_TRAIL = re.compile(r"^(?:etusivu|koti|home|start)\s*[/>»›]", re.IGNORECASE)


def is_nav_line(line: str) -> bool:
    """Whether a whole line is menu, breadcrumb or furniture text."""
    folded = " ".join(line.casefold().split())
    if folded in NAV_LINES:
        return True
    stripped = line.strip()
    return bool(BREADCRUMB.match(stripped) or HOME_TRAIL.match(stripped))


def is_noise_sentence(sentence: str) -> bool:
    """Whether a sentence is cookie, login or feedback boilerplate."""
    return bool(NOISE_SENTENCE.search(sentence))
