"""Person names as every language writes them: two to four capitalised words, an honorific dropped."""

from __future__ import annotations

import re
from collections.abc import Callable

#: "Yli-Rajala", "Rinta-aho"; an inner capital or an O' prefix: "McAleese", "AnnMarie", "O'Brien".
_NAME_PART = (
    r"(?:O['’])?[A-ZÅÄÖÜÉ][a-zåäöüéèáíóú]+(?:[A-Z][a-zåäöüéèáíóú]+)?(?:-[A-ZÅÄÖÜÉ]?[a-zåäöüéèáíóú]+)?"
)
#: Two to four capitalised words ("Marja-Leena Rinkineva", "Anna-Kaisa Ikonen"), nothing else.
PERSON = rf"{_NAME_PART}(?:\s+(?:af\s+|von\s+|de\s+)?{_NAME_PART}){{1,3}}"
PERSON_RE = re.compile(PERSON)
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Cllr)\.?\s+")  # "Cllr": a councillor, as UK pages write


def person_line(text: str, banned: Callable[[str], bool]) -> str | None:
    """The person a whole line names ("Jussi Pajunen"), or None; ``banned`` rejects body/post words."""
    text = HONORIFIC.sub("", text.strip())
    if not PERSON_RE.fullmatch(text):
        return None
    return None if any(banned(w) for w in text.split()) else text
