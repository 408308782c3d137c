"""Finnish rules (placeholder until the Finnish extractor lands: finds nothing, says so)."""

from __future__ import annotations

from ...model import Extraction
from ...sources import Source


def extract_fi(source: Source) -> Extraction:
    return Extraction(source=source.meta.id, lang="fi", warnings=("the Finnish rules are not written yet",))
