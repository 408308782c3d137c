"""Extraction benchmark: how long a one-megabyte page takes, per language, beside segmentation alone.

``python -m kgpub.bench_extract --shared ../shared --out docs/benchmarks-extraction.md`` (part of
``make bench``). The pages are made of real text, the seeds and the development set, one language
at a time, in two ways, each with a fixed random seed until it passes 1,000,000 characters. *Lines*:
their lines shuffled and repeated, so the rules meet real constructions in an order no page has;
the Finnish cleaner drops a sentence it has seen before (web pages repeat menus and banners), so
for Finnish most of this page is read and dropped. *Words*: lines of real lengths filled with the
language's real words in random order, so no sentence repeats and every token goes through the
rules and the analyser. Each measurement runs in its own process (cold analyser caches, its own
memory figure) with a time limit, so a run that hangs is reported as such instead of hanging the
bench. Segmentation (``kgpub.text.segment``: cleaning, offsets, sentences) is the peer in the same
run; the ratio says what the rules cost on top of reading the text.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from .extract import extract
from .sources import Source, SourceMeta
from .text import segment

SIZE = 1_000_000
LIMIT_S = 300
LANGUAGES = ("fi", "sv", "en")
SEED_LANGUAGE = "fi"  # the three seeds are Finnish


def real_texts(shared: Path, language: str) -> list[str]:
    """The real pages of one language: the development set's, and the seeds for Finnish."""
    paths = sorted((shared / "devset" / "texts" / language).glob("*.txt"))
    if language == SEED_LANGUAGE:
        paths += sorted((shared / "seeds").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no {language} texts under {shared}/devset/texts or {shared}/seeds")
    return [p.read_text(encoding="utf-8") for p in paths]


PAGES = ("lines", "words")


def megabyte_page(texts: list[str], kind: str, size: int = SIZE, seed: int = 1) -> str:
    """A page past ``size`` characters made of the real texts (see the module docstring)."""
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    words = [w for line in lines for w in line.split()]
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < size:
        rng.shuffle(lines)
        for line in lines:
            if kind == "words":
                line = " ".join(rng.choice(words) for _ in line.split())
            out.append(line)
            length += len(line) + 1
            if length >= size:
                break
    return "\n".join(out) + "\n"


def _worker(shared: Path, language: str, kind: str, stage: str) -> dict[str, float | int]:
    """One measurement in this process: the page is built first, then only the stage is timed."""
    text = megabyte_page(real_texts(shared, language), kind)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if stage == "segment":
        found = len(segment(text).sentences)
    else:
        meta = SourceMeta("bench", "bench", "kgpub bench", "unknown", language, "unknown", "unknown")
        ex = extract(Source(meta=meta, text=text))
        found = len(ex.bodies) + len(ex.part_of) + len(ex.heads) + len(ex.duties) + len(ex.sites)
    seconds = time.perf_counter() - start
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return {"chars": len(text), "seconds": seconds, "found": found, "rss_mb": grown_kb / 1024}


def measure(shared: Path, language: str, kind: str, stage: str) -> dict[str, float | int] | None:
    """Run :func:`_worker` in a child process; None when it passes the time limit."""
    worker = ["--worker", language, kind, stage]
    cmd = [sys.executable, "-m", "kgpub.bench_extract", "--shared", str(shared), *worker]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=LIMIT_S, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float | int] = json.loads(done.stdout)
    return result


def report(shared: Path) -> str:
    rows = []
    for kind in PAGES:
        for language in LANGUAGES:
            seg, ext = measure(shared, language, kind, "segment"), measure(shared, language, kind, "extract")
            rows.append((f"{language}, {kind}", seg, ext))
    lines = [
        "# Benchmarks: extraction of a one-megabyte page",
        "",
        f"Produced by `python -m kgpub.bench_extract --shared ../shared --out docs/benchmarks-extraction.md`"
        f" (`make bench`) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {_machine()}.",
        "",
        (__doc__ or "").split("\n\n", 1)[1].strip(),
        "",
        "| page | size | segmentation | extraction | extraction speed | extraction ÷ segmentation"
        " | memory growth (extraction) | sentences | facts |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for language, seg, ext in rows:
        lines.append(_row(language, seg, ext))
    lines += ["", f'A stage still running after {LIMIT_S} s would be stopped and shown as "> {LIMIT_S} s".']
    return "\n".join(lines) + "\n"


def _row(language: str, seg: dict[str, float | int] | None, ext: dict[str, float | int] | None) -> str:
    over = f"> {LIMIT_S} s"
    chars = (seg or ext or {"chars": 0})["chars"]
    seg_s = f"{seg['seconds']:.2f} s" if seg else over
    ext_s = f"{ext['seconds']:.2f} s" if ext else over
    speed = f"{ext['chars'] / ext['seconds'] / 1000:,.0f} k chars/s" if ext else "–"
    ratio = f"{ext['seconds'] / seg['seconds']:.1f}×" if seg and ext else "–"
    rss = f"+{ext['rss_mb']:.0f} MB" if ext else "–"
    return (
        f"| {language} | {chars:,} chars | {seg_s} | {ext_s} | {speed} | {ratio} | {rss} "
        f"| {_count(seg)} | {_count(ext)} |"
    )


def _count(result: dict[str, float | int] | None) -> str:
    return f"{result['found']:,}" if result else "–"


def _machine() -> str:
    import os

    return f"{os.cpu_count()} CPU cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.bench_extract", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared"), help="the shared folder (seeds, devset)"
    )
    parser.add_argument("--out", type=Path, help="write the Markdown report here (default: stdout)")
    parser.add_argument("--worker", nargs=3, metavar=("LANG", "PAGE", "STAGE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker(args.shared, *args.worker)))
        return 0
    text = report(args.shared)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
