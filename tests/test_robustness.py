"""``python -m kgpub.robustness``: the rewrites change only the surface of a page, and the table scores
each rewrite of the development pages with the shared scorer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgpub.robustness import PERTURBATIONS, table
from kgpub.text import segment

from .conftest import SHARED

PAGE = (
    "Kaupunginkanslia\n\nKaupunginkansliassa on kolme osastoa:\n\n"
    " • Elinkeino-osasto\n • Henkilöstöosasto\n • Oikeuspalvelut\n\n"
    "Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva.\n"
)


def _words(text: str) -> list[str]:
    return [w for s in segment(text).sentences for w in s.text.split()]


@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
def test_a_rewrite_keeps_every_word_of_the_page(name: str) -> None:
    rewritten = PERTURBATIONS[name](PAGE)
    assert _words(rewritten) == _words(PAGE) or name == "bullets removed"
    assert [w for w in rewritten.replace("\u00a0", " ").split() if w != "•"] == [
        w for w in PAGE.split() if w != "•"
    ] or name.startswith("bullets as")


def test_the_rewrites_do_what_they_say() -> None:
    assert "\n - Elinkeino-osasto" in PERTURBATIONS["bullets as '- '"](PAGE)
    assert "\n 1. Henkilöstöosasto" in PERTURBATIONS["bullets as '1. '"](PAGE)
    assert "\n Oikeuspalvelut\n" in PERTURBATIONS["bullets removed"](PAGE)
    assert "\n\n" not in PERTURBATIONS["no blank lines"](PAGE)
    assert "\r\n" in PERTURBATIONS["CRLF line ends"](PAGE)
    unbreakable = PERTURBATIONS["every 10th space a no-break space"](PAGE * 3)
    assert unbreakable.count("\u00a0") == 2  # 21 spaces between words


def test_the_table_scores_each_rewrite_against_the_gold(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    for kind in ("texts", "gold"):
        shutil.copytree(SHARED / "devset" / kind / "sv", shared / "devset" / kind / "sv")
    v1_only = shutil.ignore_patterns("v2_*")
    shutil.copytree(SHARED / "devset" / "texts" / "sv", shared / "seeds", ignore=v1_only)
    shutil.copytree(SHARED / "devset" / "gold" / "sv", shared / "gold", ignore=v1_only)
    (shared / "tools").mkdir()
    (shared / "tools" / "score_extraction.py").symlink_to(SHARED / "tools" / "score_extraction.py")
    rows = table(shared, ["as published", "CRLF line ends"]).splitlines()
    assert rows[0] == "| page text | seeds | devset/sv | devset-v2/sv |"
    published, crlf = (row.split(" | ")[1:] for row in rows[2:])
    assert published == crlf  # line ends are no part of what a page states
    assert all(0.5 < float(cell.strip(" |")) <= 1.0 for cell in published)
