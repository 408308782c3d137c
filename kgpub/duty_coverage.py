"""How much of the duty vocabulary the COFOG word list maps: ``python -m kgpub.duty_coverage``.

Extracts the seed sources (``data/sources``) and the development pages (``../shared/devset/texts``),
turns every duty phrase into its concept (``duties.concept_label``, as the build does) and counts
the distinct concepts per corpus and language, and how many of them the curated list
(``ontology/cofog-duty-words.tsv``) maps to a COFOG function. Prints a Markdown table (the one in
``docs/duties.md``) and, with ``--unmapped``, the concepts left unmapped — the list a curator reads
to extend the word list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .config import PROJECT_ROOT, Settings
from .duties import DutyWord, concept_label, coverage, duty_words, functions
from .extract import extract
from .rdf import duty_phrases
from .sources import Source, load_sources, source_from_file


@dataclass(frozen=True)
class Corpus:
    name: str
    lang: str
    labels: tuple[str, ...]


def concept_labels(sources: Iterable[Source]) -> dict[str, list[str]]:
    """Duty-concept labels by language, as the build makes them."""
    found: dict[str, list[str]] = {}
    for source in sources:
        extraction = extract(source)
        lang = extraction.lang if extraction.lang in ("fi", "sv", "en") else "fi"
        for duty in extraction.duties:
            for phrase in duty_phrases(duty.text):
                found.setdefault(lang, []).append(concept_label(phrase, lang))
    return found


def corpora(settings: Settings, devset: Path) -> list[Corpus]:
    """The seeds, then the development pages of each language."""
    out = [
        Corpus("seeds", lang, tuple(labels))
        for lang, labels in sorted(concept_labels(load_sources(settings.data_dir / "sources")).items())
    ]
    for lang in ("fi", "sv", "en"):
        files = sorted((devset / lang).glob("*.txt"))
        labels = concept_labels(source_from_file(f, lang) for f in files).get(lang, [])
        out.append(Corpus("dev pages", lang, tuple(labels)))
    return out


def table(found: list[Corpus], words: tuple[DutyWord, ...]) -> str:
    lines = [
        "| corpus | language | duty concepts | mapped to COFOG | share | by division |",
        "|---|---|---|---|---|---|",
    ]
    every: list[str] = []
    for corpus in found:
        every += corpus.labels
        c = coverage(corpus.labels, words)
        divisions = ", ".join(f"{d}: {n}" for d, n in c.by_division.items())
        lines.append(
            f"| {corpus.name} | {corpus.lang} | {c.concepts} | {c.mapped} | {c.share:.0%} | {divisions} |"
        )
    total = coverage(every, words)
    lines.append(f"| all | | {total.concepts} | {total.mapped} | {total.share:.0%} | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.duty_coverage", description=__doc__)
    parser.add_argument("--devset", type=Path, default=PROJECT_ROOT.parent / "shared" / "devset" / "texts")
    parser.add_argument("--unmapped", action="store_true", help="list the concepts left unmapped")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if not args.devset.is_dir():
        print(f"no development pages at {args.devset} (pass --devset)", file=sys.stderr)
        return 2
    words = duty_words(settings.ontology_dir)
    found = corpora(settings, args.devset)
    print(table(found, words))
    if args.unmapped:
        for corpus in found:
            for label in sorted(set(corpus.labels)):
                if not functions(label, words):
                    print(f"{corpus.name}\t{corpus.lang}\t{label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
