"""A small mixed-language project: the seed sources (Finnish) plus one Swedish page (Närpes, a
Swedish-speaking town) and one English page (Helsinki's administrative department) from
``../shared/devset/texts/`` — never the held-out ``v2_*`` files. Named queries, label fallbacks and
the fi/sv/en pages are tested on it."""

from __future__ import annotations

import shutil
from pathlib import Path

from kgpub.config import PROJECT_ROOT, Settings

DEVSET = PROJECT_ROOT.parent / "shared" / "devset" / "texts"

#: (source id, devset file, municipality, language, publisher, title)
EXTRA_SOURCES = (
    (
        "narpes-stadens-ledning",
        "sv/d04_narpes_stadens_ledning.txt",
        "Närpes",
        "sv",
        "Närpes stad",
        "Stadens ledning",
    ),
    (
        "helsinki-administrative-department",
        "en/d02_helsinki_administrative_department.txt",
        "Helsinki",
        "en",
        "City of Helsinki",
        "Administrative department",
    ),
)


def add_mixed_sources(settings: Settings) -> None:
    """Write the Swedish and the English source into ``settings.data_dir/sources``."""
    for source_id, file, municipality, language, publisher, title in EXTRA_SOURCES:
        folder = settings.data_dir / "sources" / source_id
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEVSET / file, folder / "text.txt")
        (folder / "meta.toml").write_text(
            f'title = "{title}"\npublisher = "{publisher}"\nmunicipality = "{municipality}"\n'
            f'language = "{language}"\nretrieved = "unknown"\nlicence = "unknown"\n'
            f'original_name = "{Path(file).name}"\n',
            encoding="utf-8",
        )
