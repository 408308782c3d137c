"""``extract(source) -> Extraction``: the one entry point of fact extraction.

The language comes from the source's metadata, or is detected when the metadata says ``und``
(``kgpub extract FILE`` on a bare text). Each language has its own rules module registered in
:data:`EXTRACTORS` (one line per language); they share the fact model (``kgpub.model``) and the
evidence contract: ``source.text[start:end] == quote`` for every fact. Finnish is ``extract.fi``
(rules over :mod:`kgpub.text` sentences and :mod:`kgpub.analyse` readings).
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Extraction
from ..sources import Source
from .en import extract_en
from .fi import extract_fi
from .language import source_language
from .sv import extract_sv

Extractor = Callable[[Source], Extraction]

EXTRACTORS: dict[str, Extractor] = {
    "fi": extract_fi,
    "sv": extract_sv,
    "en": extract_en,
}


def extract(source: Source) -> Extraction:
    """All facts of one source, by the rules of its language."""
    language = source_language(source.meta.language, source.text)
    return EXTRACTORS[language](source)
