"""Benchmarks: the two embedded SPARQL engines, measured in the same run (``make bench``).

``python -m kgpub.bench --out docs/benchmarks.md`` loads the published seed graph (or, before any
build, a one-municipality synthetic graph) and the ≥1 M-triple synthetic ORG graph of
:mod:`kgpub.synthetic` into pyoxigraph and into rdflib, and runs the named queries of ``queries/`` on
each. Every engine runs in its own process, so memory is measured per engine and a query past the time
limit is stopped by killing that process (reported as "> N s"; the engine is then reloaded for the
remaining queries). The same queries also go through kgpub's own ``Store.query`` (pyoxigraph in a
worker process, rows serialised as SPARQL JSON), which is the cost a user of the endpoint pays.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from .config import PROJECT_ROOT
from .errors import KgpubError, QueryRefused
from .generated import write_block
from .queries import NamedQuery, load_queries
from .store.worker import read_message, write_message
from .synthetic import DEFAULT_BASE, DEFAULT_MUNICIPALITIES, write_trig

ENGINES = ("pyoxigraph RocksDB", "pyoxigraph in memory", "rdflib")
_ENTRY = "import sys; from kgpub.bench import runner_main; sys.exit(runner_main(sys.argv))"


@dataclass
class EngineRun:
    engine: str
    load_s: float = 0.0
    rss_mb: float = 0.0
    disk_mb: float | None = None
    triples: int = 0
    times: dict[str, float | None] = field(default_factory=dict)  # None: stopped at the limit
    rows: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    start_s: float = 0.0  # kgpub Store: starting one query worker


# -- the runner process ---------------------------------------------------------------------------------


#: The heading of docs/benchmarks.md; this tool writes its "bench" block there.
TITLE = "Benchmarks: the embedded SPARQL engine"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _load(engine: str, data: Path, workdir: Path) -> tuple[Any, dict[str, Any]]:
    before, start = _rss_mb(), time.perf_counter()
    if engine.startswith("pyoxigraph"):
        import pyoxigraph as ox

        on_disk = engine.endswith("RocksDB")
        store: Any = ox.Store(str(workdir / "store")) if on_disk else ox.Store()
        store.bulk_load(path=data, format=ox.RdfFormat.TRIG)
        store.flush()
        triples = len(store)
        disk = (
            sum(p.stat().st_size for p in (workdir / "store").rglob("*") if p.is_file()) / 1e6
            if on_disk
            else None
        )
    else:
        from rdflib import Dataset

        store = Dataset(default_union=True)
        store.parse(data, format="trig")
        triples, disk = len(store), None
    stats = {"load_s": time.perf_counter() - start, "rss_mb": _rss_mb() - before, "disk_mb": disk}
    return store, {**stats, "triples": triples}


def _run_query(engine: str, store: Any, text: str, base: str) -> int:
    if engine.startswith("pyoxigraph"):
        result = store.query(text, base_iri=base, use_default_graph_as_union=True)
    else:
        result = store.query(text, base=base)
    return sum(1 for _ in result)


def runner_main(argv: list[str]) -> int:
    """``python -c … <engine> <data> <workdir> <base>``: load, then time the queries it is sent."""
    engine, data, workdir, base = argv[1], Path(argv[2]), Path(argv[3]), argv[4]
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    store, stats = _load(engine, data, workdir)
    write_message(stdout, stats)
    while True:
        try:
            text = read_message(stdin)
        except EOFError:
            return 0
        runs: list[float] = []
        rows = 0
        try:
            while len(runs) < 3 and (not runs or sum(runs) < 2.0):  # repeat quick queries; the median
                start = time.perf_counter()
                rows = _run_query(engine, store, text, base)
                runs.append(time.perf_counter() - start)
        except Exception as exc:  # an engine that fails a query is a finding, reported in the table
            write_message(stdout, f"{type(exc).__name__}: {exc}")
            continue
        write_message(stdout, (statistics.median(runs), rows))


# -- the parent -----------------------------------------------------------------------------------------


class _Runner:
    def __init__(self, engine: str, data: Path, workdir: Path, base: str) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        for old in workdir.glob("store*"):
            subprocess.run(["rm", "-rf", str(old)], check=True)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _ENTRY, engine, str(data), str(workdir), base],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.stdout: IO[bytes] = self.proc.stdout
        self.stats: dict[str, Any] = read_message(self.stdout)

    def query(self, text: str, timeout_s: float) -> tuple[float, int] | str | None:
        """(seconds, rows), an error message, or None past the time limit."""
        import select

        write_message(self.stdin, text)
        ready, _, _ = select.select([self.stdout], [], [], timeout_s)
        if not ready:
            return None
        answer: tuple[float, int] | str = read_message(self.stdout)
        return answer

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def measure_engine(
    engine: str, data: Path, queries: list[NamedQuery], workdir: Path, timeout_s: float
) -> EngineRun:
    run = EngineRun(engine)
    runner = _Runner(engine, data, workdir, DEFAULT_BASE)
    run.load_s, run.rss_mb = runner.stats["load_s"], runner.stats["rss_mb"]
    run.disk_mb, run.triples = runner.stats["disk_mb"], runner.stats["triples"]
    for i, query in enumerate(queries):
        print(f"  {engine} {query.name} …", file=sys.stderr, flush=True)
        answer = runner.query(query.text, timeout_s)
        if answer is None:
            runner.close()
            run.times[query.name] = None
            if i + 1 < len(queries):
                runner = _Runner(engine, data, workdir, DEFAULT_BASE)
            continue
        if isinstance(answer, str):
            run.errors[query.name] = answer
            continue
        run.times[query.name], run.rows[query.name] = answer
    runner.close()
    return run


def measure_store(data: Path, queries: list[NamedQuery], workdir: Path, timeout_s: float) -> EngineRun:
    """The same queries through kgpub's Store: worker process, deadline, rows as SPARQL JSON."""
    import json

    from .store import Store, prepare

    build = workdir / "build"
    build.mkdir(parents=True, exist_ok=True)
    os.symlink(data, build / "dataset.trig")
    (build / "build.json").write_text(json.dumps({"base_iri": DEFAULT_BASE}))
    start = time.perf_counter()
    prepare(build)
    prepared = time.perf_counter() - start
    start = time.perf_counter()
    with Store(build / "store", DEFAULT_BASE, timeout_s=timeout_s, max_rows=10**8, workers=1) as store:
        run = EngineRun(f"kgpub Store.query ({'in memory' if store.in_memory else 'RocksDB'})")
        run.load_s, run.start_s = prepared, time.perf_counter() - start
        for query in queries:
            runs: list[float] = []
            try:
                while len(runs) < 3 and (not runs or sum(runs) < 2.0):  # as the engine runner does
                    start = time.perf_counter()
                    run.rows[query.name] = store.query(query.text).rows
                    runs.append(time.perf_counter() - start)
            except QueryRefused:  # the time limit: a result to report, not a failure of the bench
                run.times[query.name] = None
                continue
            run.times[query.name] = statistics.median(runs)
        run.rows["__timeout_stop_s"], run.times["__timeout_stop_s"] = 0, _timeout_cost(store)
    return run


def _timeout_cost(store: Any) -> float:
    """Seconds from the deadline of a runaway query to the next answered query (kill + restart)."""

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    start = time.perf_counter()
    with contextlib.suppress(QueryRefused):
        store.query(slow, timeout_s=1.0)
    store.query("ASK {}")
    return time.perf_counter() - start - 1.0


# -- the report -----------------------------------------------------------------------------------------


def _cell(run: EngineRun, name: str, limit: float) -> str:
    if name in run.errors:
        return f"error ({run.errors[name].split(':')[0]})"
    return _fmt(run.times.get(name), limit)


def _fmt(seconds: float | None, limit: float) -> str:
    if seconds is None:
        return f"> {limit:g} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ratio(slow: float | None, fast: float | None, limit: float) -> str:
    if fast is None:
        return "–"
    if slow is None:
        return f"> {limit / max(fast, 1e-6):,.0f}×"
    return f"{slow / max(fast, 1e-6):,.1f}×"


def dataset_section(title: str, runs: list[EngineRun], queries: list[NamedQuery], limit: float) -> list[str]:
    *engines, st = runs
    memory, rdflib_run = engines[1], engines[2]
    lines = [
        f"### {title}",
        "",
        "| engine | triples | load | RSS after load | on disk |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in engines:
        disk = f"{r.disk_mb:,.0f} MB" if r.disk_mb is not None else "–"
        lines.append(
            f"| {r.engine} | {r.triples:,} | {_fmt(r.load_s, limit)} | +{r.rss_mb:,.0f} MB | {disk} |"
        )
    lines += [
        "",
        f"kgpub: `store.prepare` (RocksDB + optimize) {_fmt(st.load_s, limit)}; starting a query worker "
        f"({st.engine.split('(')[1].rstrip(')')}) {_fmt(st.start_s, limit)}.",
        "",
        "| query | rows | " + " | ".join(r.engine for r in engines) + " | rdflib ÷ pyoxigraph in memory"
        " | kgpub `Store.query` |",
        "|---|---:|" + "---:|" * (len(engines) + 2),
    ]
    for q in queries:
        rows = {r.rows[q.name] for r in runs if q.name in r.rows}
        shown = ", ".join(f"{n:,}" for n in sorted(rows)) + (" (engines disagree!)" if len(rows) > 1 else "")
        fast, slow = memory.times.get(q.name), rdflib_run.times.get(q.name)
        ratio = "–" if q.name in rdflib_run.errors else _ratio(slow, fast, limit)
        cells = [shown, *(_cell(r, q.name, limit) for r in engines), ratio, _cell(st, q.name, limit)]
        lines.append(f"| `{q.name}` | " + " | ".join(cells) + " |")
    stop = st.times.get("__timeout_stop_s")
    lines += ["", summary(engines, queries, limit), ""]
    lines += [f"Stopping a runaway query at its deadline and answering the next one: {_fmt(stop, limit)}."]
    lines += [f"- {r.engine} `{n}`: {msg}" for r in runs for n, msg in r.errors.items()]
    lines.append("")
    return lines


def _speedup(slow: EngineRun, fast: EngineRun, queries: list[NamedQuery]) -> tuple[float, float, float, int]:
    """Geometric mean, min and max of slow/fast over the queries both finished; and how many that is."""
    ratios = []
    for q in queries:
        a, b = slow.times.get(q.name), fast.times.get(q.name)
        if a is not None and b is not None:
            ratios.append(a / max(b, 1e-6))
    if not ratios:
        return 0.0, 0.0, 0.0, 0
    return statistics.geometric_mean(ratios), min(ratios), max(ratios), len(ratios)


def summary(engines: list[EngineRun], queries: list[NamedQuery], limit: float) -> str:
    disk, memory, rdflib_run = engines
    stopped = sum(1 for q in queries if q.name in rdflib_run.times and rdflib_run.times[q.name] is None)
    g, lo, hi, n = _speedup(rdflib_run, memory, queries)
    g2, lo2, hi2, n2 = _speedup(disk, memory, queries)
    return (
        f"Summary: pyoxigraph in memory was {g:,.1f}× faster than rdflib (geometric mean; {lo:,.1f}× to "
        f"{hi:,.1f}×) on the {n} queries rdflib finished, and rdflib was stopped at {limit:g} s on "
        f"{stopped} of {len(queries)}. In memory vs RocksDB: {g2:,.1f}× faster ({lo2:,.1f}× to {hi2:,.1f}×, "
        f"{n2} queries). rdflib needed {rdflib_run.rss_mb / max(memory.rss_mb, 1e-6):,.1f}× the memory "
        f"and {rdflib_run.load_s / max(memory.load_s, 1e-6):,.1f}× the load time of pyoxigraph in memory."
    )


def report(sections: list[list[str]], argv: list[str], limit: float) -> str:
    import pyoxigraph
    import rdflib

    head = [
        f"# {TITLE}",
        "",
        f"Produced by `python -m kgpub.bench {' '.join(argv)}` (`make bench`) on "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPU cores (shared), "
        f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, "
        f"rdflib {rdflib.__version__}.",
        "",
        "Each engine loads the same TriG file in its own process: pyoxigraph into an on-disk RocksDB",
        "store (what `store.prepare` builds) and into its in-memory store, rdflib into a `Dataset`.",
        "*RSS after load* is that process's resident-memory growth. Query times are medians of up to",
        "three runs (one when a run takes over 2 s), counting every result row; the default graph is",
        f"the union of the named graphs. A query still running after {limit:g} s is killed and shown as",
        f'"> {limit:g} s". The last column is the same query through kgpub\'s `Store.query`, the',
        "endpoint's path: a worker process with a deadline, rows serialised as SPARQL JSON, timed in",
        "the parent.",
        "",
    ]
    return "\n".join(head + [line for section in sections for line in section]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here (default: stdout)")
    parser.add_argument("--municipalities", type=int, default=DEFAULT_MUNICIPALITIES)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per query before it is stopped")
    parser.add_argument("--seed", type=Path, help="seed TriG (default: var/published/dataset.trig)")
    args = parser.parse_args(argv)
    argv = argv if argv is not None else sys.argv[1:]
    queries = load_queries(PROJECT_ROOT / "queries")
    with tempfile.TemporaryDirectory(prefix="kgpub-bench-") as tmp:
        work = Path(tmp)
        datasets = [_seed(args.seed, work), _synthetic(args.municipalities, work)]
        sections: list[list[str]] = []
        for title, data in datasets:
            print(f"{title}:", file=sys.stderr)
            runs = [
                measure_engine(e, data, queries, work / e.replace(" ", "-"), args.timeout) for e in ENGINES
            ]
            runs.append(measure_store(data, queries, work / f"store-{len(sections)}", args.timeout))
            sections.append(dataset_section(title, runs, queries, args.timeout))
    text = report(sections, argv, args.timeout)
    if args.out:  # the generated block only: sections written by other tools or by hand stay
        write_block(args.out, "bench", text.split("\n", 2)[2], title=TITLE)
    else:
        sys.stdout.write(text)
    return 0


def _seed(path: Path | None, work: Path) -> tuple[str, Path]:
    """The seed graph: ``--seed``, else the published build, else a fresh build of ``data/`` made in
    a scratch copy of the project (so the bench never touches ``var/`` or the slug registry)."""
    published = PROJECT_ROOT / "var" / "published" / "dataset.trig"
    if path is None and published.is_file():
        path = published
    if path is not None:
        return f"Seed graph (`{path}`)", path.resolve()
    try:
        return "Seed graph (the sources in `data/`, built by `kgpub.pipeline` for this run)", _build_seed(
            work
        )
    except KgpubError as exc:
        print(f"  no seed build ({exc}); using one synthetic municipality", file=sys.stderr)
    small = work / "seed-synthetic.trig"
    write_trig(small, municipalities=1)
    return "Seed-sized graph (the seed build failed: one synthetic municipality)", small


def _build_seed(work: Path) -> Path:
    import shutil

    from .config import Settings
    from .pipeline import build

    root = work / "seed-project"
    for name in ("data", "ontology", "shapes", "queries"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    result = build(Settings.rooted_at(root))
    assert result.published is not None
    return result.published.dataset_path


def _synthetic(municipalities: int, work: Path) -> tuple[str, Path]:
    path = work / "synthetic.trig"
    write_trig(path, municipalities)
    return f"Synthetic ORG graph ({municipalities} municipalities, `kgpub.synthetic`)", path


if __name__ == "__main__":
    sys.exit(main())
