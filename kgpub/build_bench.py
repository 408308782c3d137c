"""Build benchmark (``make bench``): time and peak memory of every stage of ``kgpub.pipeline.build`` on
synthetic Finland-wide corpora of source texts, from 10 k to 1 M triples, and an incremental rebuild.

``python -m kgpub.build_bench --out docs/benchmarks-build.md --plot docs/benchmarks-build.png``
writes, for each size, a scratch project whose ``data/sources/`` is :func:`kgpub.synthetic.write_corpus`
(Finnish municipal pages in their real layouts, so the real extractor, curation, reasoning,
validation and publication run), builds it with a cold extraction cache, then appends one sentence
to one page and builds again in a new process, as ``kgpub build`` after an edit (the incremental
rebuild). Each build runs in its own process, so the peak memory figures are that build's own; a
size still running after ``--timeout`` seconds is stopped and reported as such. The growth exponent
between two sizes, ``log(t2/t1) / log(n2/n1)``, says which stage grows worse than linearly
(exponent > 1.15).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import PROJECT_ROOT, Settings
from .generated import write_block
from .stages import Stages
from .synthetic import write_corpus

#: Triples a synthetic page adds to a build (sources, claims, evidence, inferred), measured; and
#: what any build has (ontology, shapes, municipality list).
TRIPLES_PER_PAGE = 530
FIXED_TRIPLES = 2500
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
WORSE_THAN_LINEAR = 1.15
_ENTRY = "import sys; from kgpub.build_bench import child_main; sys.exit(child_main(sys.argv))"


def pages_for(triples: int) -> int:
    return max(1, round((triples - FIXED_TRIPLES) / TRIPLES_PER_PAGE))


def _project(root: Path, pages: int, seed: int) -> tuple[Settings, int]:
    for name in ("ontology", "shapes", "queries"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    (root / "data" / "curation").mkdir(parents=True)
    (root / "data" / "registry").mkdir()
    chars = write_corpus(root / "data" / "sources", pages, seed)
    return Settings.rooted_at(root), chars


def child_main(argv: list[str]) -> int:
    """``python -c … full|again <pages> <root> <workers>``: the full build of a new scratch project, or
    (``again``) one sentence appended to its first page and the build again; JSON out. Each is a
    process of its own, as ``kgpub build`` after an edit is: a second build in the process of the first
    would be slowed by the first one's heap (measured: the quads stage twice as long)."""
    from .pipeline import build

    mode, pages, root, workers = argv[1], int(argv[2]), Path(argv[3]), int(argv[4])
    if mode == "full":
        settings, chars = _project(root, pages, seed=0)
    else:
        settings, chars = Settings.rooted_at(root), 0
        page = sorted((settings.data_dir / "sources").iterdir())[0] / "text.txt"
        with page.open("a", encoding="utf-8") as f:
            f.write("Nuorisopalvelut vastaa nuorisotyöstä ja etsivästä nuorisotyöstä.\n")
    stages = Stages()
    start = time.perf_counter()
    result = build(settings.with_(extract_workers=workers), stages=stages)
    seconds = time.perf_counter() - start
    out = {
        "pages": pages,
        "chars": chars,
        "triples": result.triples,
        "seconds": seconds,
        "stages": [asdict(r) for r in stages.records],
        "reuse": result.reuse,
    }
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


def measure(triples: int, work: Path, workers: int, timeout_s: float) -> dict[str, Any]:
    """One size: the full build and the incremental one, each in its own process; ``{"error": …}`` when
    one failed or the two ran past the time limit."""
    root = work / f"size-{triples}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    found: dict[str, Any] = {"target": triples}
    deadline = time.monotonic() + timeout_s
    try:
        for mode in ("full", "again"):
            command = [sys.executable, "-c", _ENTRY, mode, str(pages_for(triples)), str(root), str(workers)]
            left = max(1.0, deadline - time.monotonic())
            done = subprocess.run(command, capture_output=True, text=True, timeout=left, check=False)
            if done.returncode != 0:
                last = (done.stderr.strip().splitlines() or ["no output"])[-1]
                return {"target": triples, "error": f"{mode} build: exit {done.returncode}: {last}"}
            run = json.loads(done.stdout.strip().splitlines()[-1])
            if mode == "full":
                found.update(pages=run["pages"], chars=run["chars"], triples=run["triples"])
                found.update(full_s=run["seconds"], full=run["stages"])
            else:
                found.update(incremental_s=run["seconds"], incremental=run["stages"], reuse=run["reuse"])
    except subprocess.TimeoutExpired:
        return {"target": triples, "error": f"stopped after {timeout_s:g} s"}
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return found


def _stage_names(runs: list[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for run in runs:
        for record in run.get("full", []):
            if record["name"] not in names:
                names.append(record["name"])
    return names


def _by_stage(run: dict[str, Any], key: str) -> dict[str, dict[str, float]]:
    """Stage name → its record (a stage entered twice is summed: times added, peaks maxed)."""
    out: dict[str, dict[str, float]] = {}
    for r in run.get(key, []):
        seen = out.setdefault(r["name"], {"seconds": 0.0, "peak_mb": 0.0, "children_peak_mb": 0.0})
        seen["seconds"] += r["seconds"]
        seen["peak_mb"] = max(seen["peak_mb"], r["peak_mb"])
        seen["children_peak_mb"] = max(seen["children_peak_mb"], r["children_peak_mb"])
    return out


def exponent(t1: float, t2: float, n1: float, n2: float) -> float | None:
    if min(t1, t2, n1, n2) <= 0 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def _fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:,.1f} s"


def report(runs: list[dict[str, Any]], argv: list[str], workers: int, plot: Path | None) -> str:
    import owlrl
    import pyoxigraph
    import pyshacl
    import rdflib

    ok = [r for r in runs if "error" not in r]
    names = _stage_names(ok)
    lines = [
        "# Benchmarks: the build, from 10 k to 1 M triples",
        "",
        f"Produced by `python -m kgpub.build_bench {' '.join(argv)}` (`make bench`) on "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPU cores shared with other work, "
        f"Python {platform.python_version()}, rdflib {rdflib.__version__}, pyshacl {pyshacl.__version__}, "
        f"owlrl {getattr(owlrl, '__version__', '?')}, pyoxigraph {pyoxigraph.__version__}; "
        f"extraction in {workers} worker process(es).",
        "",
        (__doc__ or "").split("\n\n", 1)[1].strip(),
        "",
        "Each cell: wall-clock time / peak resident memory of the build process during that stage "
        "(extraction workers: their own peak, in the *extract* row after the slash).",
        "",
    ]

    def full_cell(name: str, run: dict[str, Any]) -> str:
        rec = _by_stage(run, "full").get(name)
        if rec is None:
            return "–"
        extra = f" (workers {rec['children_peak_mb']:,.0f} MB)" if name == "extract" else ""
        return f"{_fmt_s(rec['seconds'])} / {rec['peak_mb']:,.0f} MB{extra}"

    def again_cell(name: str, run: dict[str, Any]) -> str:
        again, full = _by_stage(run, "incremental").get(name), _by_stage(run, "full").get(name)
        if again is None:
            return "–"
        share = f" ({again['seconds'] / full['seconds']:.0%})" if full and full["seconds"] >= 0.05 else ""
        return f"{_fmt_s(again['seconds'])}{share}"

    lines += _stage_table(
        [f"{r['triples']:,} triples ({r['pages']:,} pages)" for r in ok], names, ok, full_cell
    )
    lines.append("| **whole build** | " + " | ".join(f"**{_fmt_s(r['full_s'])}**" for r in ok) + " |")
    lines.append(
        "| incremental rebuild (one page changed) | "
        + " | ".join(f"{_fmt_s(r['incremental_s'])} ({r['incremental_s'] / r['full_s']:.0%})" for r in ok)
        + " |"
    )
    lines += [
        "",
        "The incremental rebuild, stage by stage (the published build of the full run is the one it "
        "compares with, :mod:`kgpub.delta`; in brackets: share of the stage's time in the full build):",
        "",
    ]
    lines += _stage_table([f"{r['triples']:,} triples" for r in ok], names, ok, again_cell)
    lines.append(
        "| **whole rebuild** | "
        + " | ".join(f"**{_fmt_s(r['incremental_s'])}** ({r['incremental_s'] / r['full_s']:.0%})" for r in ok)
        + " |"
    )
    for run in runs:
        if "error" in run:
            lines += ["", f"{run['target']:,} triples: {run['error']}."]
    lines += ["", "Growth exponents of each stage's time between consecutive sizes (1 = linear):", ""]
    worse: list[str] = []
    if len(ok) > 1:
        lines += [
            "| stage | "
            + " | ".join(f"{a['triples']:,} → {b['triples']:,}" for a, b in itertools.pairwise(ok))
            + " |"
        ]
        lines += ["|---|" + "---:|" * (len(ok) - 1)]
        for name in [*names, "whole build"]:
            cells = []
            for a, b in itertools.pairwise(ok):
                ta = (
                    a["full_s"]
                    if name == "whole build"
                    else _by_stage(a, "full").get(name, {}).get("seconds", 0)
                )
                tb = (
                    b["full_s"]
                    if name == "whole build"
                    else _by_stage(b, "full").get(name, {}).get("seconds", 0)
                )
                e = exponent(ta, tb, a["triples"], b["triples"])
                cells.append("–" if e is None else f"{e:.2f}")
                if e is not None and e > WORSE_THAN_LINEAR and tb >= 1.0 and name not in worse:
                    worse.append(name)
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines += [
            "",
            "Worse than linear (exponent > "
            f"{WORSE_THAN_LINEAR} on a step whose time is at least 1 s): "
            + (", ".join(f"**{w}**" for w in worse) if worse else "none")
            + ".",
        ]
    if plot is not None and ok:
        _plot(ok, names, plot)
        lines += ["", f"![build cost against size]({plot.name})"]
    return "\n".join(lines) + "\n"


def _stage_table(
    heads: list[str], names: list[str], runs: list[dict[str, Any]], cell: Callable[[str, dict[str, Any]], str]
) -> list[str]:
    """A Markdown table: a row per stage, a column per run."""
    lines = ["| stage | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    return lines + [f"| {name} | " + " | ".join(cell(name, run) for run in runs) + " |" for name in names]


def _plot(runs: list[dict[str, Any]], names: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5))
    sizes = [r["triples"] for r in runs]
    for name in names:
        times = [_by_stage(r, "full").get(name, {}).get("seconds", 0.0) for r in runs]
        if max(times) >= 0.5:
            left.plot(sizes, times, marker="o", label=name)
    left.plot(sizes, [r["full_s"] for r in runs], marker="s", color="black", linewidth=2, label="whole build")
    left.plot(
        sizes,
        [r["incremental_s"] for r in runs],
        marker="s",
        linestyle="--",
        color="grey",
        label="incremental",
    )
    left.set(xscale="log", yscale="log", xlabel="triples", ylabel="seconds", title="time per stage")
    left.legend(fontsize=8)
    peaks = [max(max(s["peak_mb"], s["children_peak_mb"]) for s in r["full"]) for r in runs]
    right.plot(sizes, peaks, marker="o", color="black")
    right.set(xscale="log", yscale="log", xlabel="triples", ylabel="MB", title="peak memory of the build")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.build_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here (default: stdout)")
    parser.add_argument("--plot", type=Path, help="write the PNG plot here (default: next to --out)")
    parser.add_argument("--json", type=Path, help="also write the measurements (JSON) here")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="target triple counts")
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (0: one per core)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per size before it is stopped")
    args = parser.parse_args(argv)
    argv = argv if argv is not None else sys.argv[1:]
    workers = args.workers or os.cpu_count() or 1
    plot = args.plot or (args.out.with_suffix(".png") if args.out else None)
    runs = []
    with tempfile.TemporaryDirectory(prefix="kgpub-build-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"{size:,} triples …", file=sys.stderr, flush=True)
            runs.append(measure(size, Path(tmp), workers, args.timeout))
            print(
                f"  {json.dumps({k: v for k, v in runs[-1].items() if k not in ('full', 'incremental')})}",
                file=sys.stderr,
            )
    if args.json:  # the measurements themselves: a report can be made again without measuring again
        args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    text = report(runs, argv, workers, plot)
    if args.out:  # the tables are a generated block: the history written around them is kept
        write_block(args.out, "build-bench", text.split("\n", 2)[2], title=text.split("\n", 1)[0][2:])
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
