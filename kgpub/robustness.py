"""``python -m kgpub.robustness``: how much F1 the surface of a page costs — a check that needs no new pages.

The extractor is judged on pages nobody here has read; a rule that leans on how the development pages
happen to be written (their bullet character, their blank lines) fails there. Each perturbation below
rewrites every development page the way another site, or another HTML-to-text conversion, would write
the same content — other bullet characters, no bullets at all, no blank lines, a blank line after every
line, CRLF line ends, no-break spaces, trailing spaces — and the pages are scored again with the shared
scorer against the same gold. A mechanism holds when the figure does not move; a drop names a reliance
on the surface to remove. The table goes into ``docs/extraction.md`` by hand (it takes ~10 minutes).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .evaluate import _total, evaluate
from .extract import extract
from .model import Extraction
from .sources import Source

#: A list marker at the start of a line, as ``kgpub.text.clean`` knows them.
_MARKER = re.compile(r"^([ \t]*)(?:[•·▪◦‣⁃*–—-]|\d{1,2}[.)])[ \t]+", re.M)
_INNER_SPACE = re.compile(r"(?<=\w) (?=\w)")


def _every_tenth_space_unbreakable(text: str) -> str:
    count = 0

    def swap(_m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "\u00a0" if count % 10 == 0 else " "

    return _INNER_SPACE.sub(swap, text)


#: name → the rewrite of a page's text.
PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "as published": lambda t: t,
    "bullets as '- '": lambda t: _MARKER.sub(r"\1- ", t),
    "bullets as '• '": lambda t: _MARKER.sub(r"\1• ", t),
    "bullets as '1. '": lambda t: _MARKER.sub(r"\g<1>1. ", t),
    "bullets removed": lambda t: _MARKER.sub(r"\1", t),
    "no blank lines": lambda t: re.sub(r"\n[ \t]*\n+", "\n", t),
    "a blank line after every line": lambda t: re.sub(r"\n+", "\n\n", t),
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "every 10th space a no-break space": _every_tenth_space_unbreakable,
    "trailing spaces": lambda t: t.replace("\n", " \n"),
}


def perturbed(rewrite: Callable[[str], str]) -> Callable[[Source], Extraction]:
    """The extractor run on the rewritten text (facts are scored by their names, not their spans)."""

    def run(source: Source) -> Extraction:
        return extract(Source(source.meta, rewrite(source.text)))

    return run


def table(shared: Path, names: Sequence[str]) -> str:
    """One row per perturbation: F1 of every corpus (seeds, devset v1 and v2 per language)."""
    rows: list[str] = []
    header: list[str] = []
    for name in names:
        results = evaluate(shared, perturbed(PERTURBATIONS[name]))
        if not header:
            header = [r.corpus.name for r in results]
            rows.append("| page text | " + " | ".join(header) + " |")
            rows.append("| --- |" + " ---: |" * len(header))
        cells = [f"{_total(r.total)['f1']:.3f}" for r in results]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
        print(rows[-1], file=sys.stderr, flush=True)
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.robustness", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared material")
    parser.add_argument(
        "--only", action="append", choices=sorted(PERTURBATIONS), help="one perturbation (repeatable)"
    )
    args = parser.parse_args(argv)
    print(table(args.shared, args.only or list(PERTURBATIONS)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
