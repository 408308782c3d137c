"""Search benchmark: index build time and size, query latency (p50/p99), on the seed build and on the
≥1 M-triple synthetic graph (``make bench``:
``python -m kgpub.search_bench --out docs/benchmarks-search.md``).

The graphs are the ones :mod:`kgpub.bench` measures the SPARQL engines on (the published seed build, or
a fresh one, and :mod:`kgpub.synthetic`). Queries are what people type: prefixes of 2, 3 and 5
characters and whole words, of names drawn (with a fixed seed) from the index itself, accents removed
— plus the worst case, one frequent letter — each answered by ``Index.search`` exactly as the server
does (a fresh read-only connection per query, the top 10).
"""

from __future__ import annotations

import argparse
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import search
from .bench import _seed, _synthetic  # the same two graphs the store benchmark uses
from .publish import DATASET
from .synthetic import DEFAULT_MUNICIPALITIES

QUERIES_PER_KIND = 300
RESULTS = 10


@dataclass
class Run:
    title: str
    triples: int
    build_s: float
    size_bytes: int
    entities: int
    names: int
    latency_ms: dict[str, list[float]]
    hits: dict[str, float]


def _sample_names(index: Path, n: int, rng: random.Random) -> list[str]:
    con = sqlite3.connect(f"{index.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        names = [row[0] for row in con.execute("SELECT norm FROM whole WHERE length(norm) >= 5")]
    finally:
        con.close()
    return [rng.choice(names) for _ in range(n)] if names else []


def _queries(names: list[str]) -> dict[str, list[str]]:
    words = [name.split()[0] for name in names]
    return {
        "2-letter prefix": [w[:2] for w in words],
        "3-letter prefix": [w[:3] for w in words],
        "5-letter prefix": [w[:5] for w in words],
        "whole name": names,
        "a later word's prefix (FTS5 tier)": [n.split()[1][:4] for n in names if len(n.split()) > 1] or ["x"],
        "one frequent letter ('k')": ["k"] * max(1, len(names) // 10),
    }


def _count_triples(path: Path) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=path, format=ox.RdfFormat.TRIG, base_iri="http://127.0.0.1:5000/"))


def measure(title: str, dataset: Path, work: Path) -> Run:
    build_dir = work / "build"
    build_dir.mkdir(parents=True)
    (build_dir / DATASET).symlink_to(dataset)
    started = time.perf_counter()
    index_path = search.build_index(build_dir, "http://127.0.0.1:5000/")
    build_s = time.perf_counter() - started
    index = search.Index(index_path)
    con = sqlite3.connect(f"{index_path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    entities = int(con.execute("SELECT count(*) FROM entity").fetchone()[0])
    names = int(con.execute("SELECT count(*) FROM name").fetchone()[0])
    con.close()
    rng = random.Random(20261205)
    latency: dict[str, list[float]] = {}
    hits: dict[str, float] = {}
    for kind, queries in _queries(_sample_names(index_path, QUERIES_PER_KIND, rng)).items():
        index.search(queries[0], RESULTS)  # warm the page cache once per kind
        times, found = [], 0
        for query in queries:
            t0 = time.perf_counter()
            found += bool(index.search(query, RESULTS))
            times.append((time.perf_counter() - t0) * 1000)
        latency[kind] = times
        hits[kind] = found / len(queries)
    return Run(
        title, _count_triples(dataset), build_s, index_path.stat().st_size, entities, names, latency, hits
    )


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(runs: list[Run], argv: list[str]) -> str:
    lines = [
        "# Search benchmark",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M UTC} on {platform.machine()} "
        f"({platform.python_implementation()} {platform.python_version()}, SQLite {sqlite3.sqlite_version}), "
        "2 CPU cores shared with other work: figures are indicative.",
        f"Reproduce: `python -m kgpub.search_bench {' '.join(argv)}`".rstrip()
        + " (also run by `make bench`).",
        "",
        "The index is SQLite FTS5 (`unicode61 remove_diacritics 2`, prefix indexes of 2 and 3",
        "characters) and a B-tree of folded whole names, one file `search.sqlite` per build",
        "(kgpub/search.py). Latency is one `Index.search` call as the server makes it: open the",
        f"file read-only, match, rank, top {RESULTS}, close. Names starting with the query come from",
        "the B-tree; a query that only matches a later word of names goes to FTS5 and bm25.",
        "",
    ]
    for run in runs:
        lines += [
            f"## {run.title}",
            "",
            f"- {run.triples:,} triples → {run.entities:,} things under {run.names:,} names",
            f"- index build: {run.build_s:.2f} s; index size: {run.size_bytes / 1e6:.2f} MB",
            "",
            "| query | queries | found something | p50 ms | p99 ms | max ms |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for kind, times in run.latency_ms.items():
            lines.append(
                f"| {kind} | {len(times)} | {run.hits[kind]:.0%} | {statistics.median(times):.2f} | "
                f"{_pct(times, 0.99):.2f} | {max(times):.2f} |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.search_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here (default: stdout)")
    parser.add_argument("--municipalities", type=int, default=DEFAULT_MUNICIPALITIES)
    parser.add_argument("--seed", type=Path, help="seed TriG (default: var/published/dataset.trig)")
    args = parser.parse_args(argv)
    argv = argv if argv is not None else sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="kgpub-search-bench-") as tmp:
        work = Path(tmp)
        runs = []
        for n, (title, data) in enumerate((_seed(args.seed, work), _synthetic(args.municipalities, work))):
            print(f"{title}:", file=sys.stderr)
            runs.append(measure(title, data, work / f"run-{n}"))
    text = report(runs, argv)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
