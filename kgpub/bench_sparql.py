"""SPARQL through kgpub's ``/sparql`` against the same queries sent directly to engines, in one run on
the same data (``python -m kgpub.bench_sparql --out docs/benchmarks-sparql.md``; issue 12, item 7).

For a graph (the seed build's ``dataset.trig``, and with ``--municipalities N`` a graph of
:mod:`kgpub.synthetic`) it publishes a kgpub build in a scratch folder and measures, one server at a
time on loopback:

- **kgpub**: ``kgpub serve`` on that build (embedded backend: pyoxigraph in memory in the query
  workers, as served by default), ``GET /sparql?query=…``;
- **Oxigraph**: ``oxigraph serve`` in memory with the same TriG loaded, ``--union-default-graph`` (the
  engine kgpub's workers run, without kgpub: the practical limit), ``GET /query?query=…``;
- **Virtuoso**: Debian's ``virtuoso-t``, the build loaded with ``kgpub load``, ``GET /sparql?query=…``
  (GET: Virtuoso hangs on direct ``application/sparql-query`` POSTs; ``ResultSetMaxRows`` raised from
  its silent 10,000-row default to 100,000, and every engine's row count is checked below);
- **rdflib-endpoint**: the PyPI package serving the TriG with rdflib's engine, ``GET /?query=…``.

The queries: every named query of ``queries/`` (relative prefixes made absolute, so each engine gets
the very same text) and ``DESCRIBE <body>`` of one body. SELECTs ask for SPARQL JSON results, the
DESCRIBE for Turtle. Each query is first sent once to each engine (its result size is checked against
kgpub's and shown when it differs), then loaded with 1, 4 and 16 keep-alive connections
(:mod:`kgpub.httpload`: two client processes, one loopback address per connection) for ``--seconds``;
latency p50 and p95 (nearest rank) and requests per second. An engine that needs more than
``--max-query-s`` for the single query is not loaded with it; a level whose expected run (the previous
level's p50 × clients) exceeds ``3 × --seconds`` is skipped.

kgpub is configured for the load (and says so in the output): ``sparql_queue`` = the most clients (the
default 4 would answer the 5th concurrent query 503 at once) and threads to match. Its per-client
limit, time limit and row limit are as by default.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox

from . import httpload, publish
from .bench_deref import arguments, bench_main, pick_body, publish_copy
from .config import PROJECT_ROOT, Settings
from .engines import OxigraphServer, RdflibEndpoint, VirtuosoServer, kgpub_serve, oxigraph_binary, running
from .queries import load_queries

ENGINES = ("kgpub", "Oxigraph", "Virtuoso", "rdflib-endpoint")
CLIENTS = (1, 4, 16)
RESULTS_JSON = "application/sparql-results+json"
TURTLE = "text/turtle"
DESCRIBE = "DESCRIBE"


@dataclass(frozen=True)
class Query:
    name: str
    text: str

    @property
    def accept(self) -> str:
        return TURTLE if self.name == DESCRIBE else RESULTS_JSON


@dataclass(frozen=True)
class Cell:
    """One engine, one query, one number of clients: latencies in ms, requests/s; or why not measured."""

    p50_ms: float | None = None
    p95_ms: float | None = None
    rps: float = 0.0
    statuses: str = ""
    note: str = ""  # "> 30 s", "skipped": not measured

    @classmethod
    def of(cls, sample: httpload.Sample) -> Cell:
        return cls(sample.p50_ms, sample.p95_ms, sample.rps, sample.shown_statuses())

    @property
    def all_ok(self) -> bool:
        return not self.note and all(s.startswith(("200×", "reconnect×")) for s in self.statuses.split(", "))


#: (query name, engine, clients) → what was measured.
Results = dict[tuple[str, str, int], Cell]
#: (query name, engine) → the size of its answer ("233", "22 triples", "503").
Sizes = dict[tuple[str, str], str]


METHOD = """\
(two client processes on the same cores as the server, one loopback address per connection; see
`kgpub/bench_sparql.py`), latency p50 / p95 in ms and requests per second. One server runs at a time.
kgpub: `kgpub serve` with the embedded store (pyoxigraph in memory in 2 query workers, the default),
`KGPUB_SPARQL_QUEUE={clients}` so that {clients} concurrent queries wait instead of being refused (the
default queue is 4), every other limit as by default. Oxigraph: `oxigraph serve` in memory,
`--union-default-graph`, no `--timeout-s` (with it Oxigraph 0.5.13 starts a thread per query and answers
500 past ~10,000 queries/s here). Virtuoso: Debian `virtuoso-t`, loaded by `kgpub load`,
`ResultSetMaxRows` 100,000 (its default, 10,000, cuts results silently). rdflib-endpoint:
`rdflib-endpoint serve` of the TriG. Every query by `GET` (Virtuoso hangs on direct
`application/sparql-query` POSTs), the same text everywhere; a ratio is shown only when both answered
200 to every request."""


# -- the pure part: figures and tables ------------------------------------------------------------------


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, None when either is missing or the denominator is not positive."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def geometric_mean(values: Sequence[float]) -> float | None:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def format_ms(ms: float | None) -> str:
    if ms is None:
        return "–"
    return f"{ms:,.0f}" if ms >= 100 else f"{ms:.1f}" if ms >= 1 else f"{ms:.2f}"


def format_ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:,.1f}×" if value >= 10 else f"{value:.2f}×"


def format_cell(cell: Cell | None) -> str:
    """``p50 / p95 ms · req/s``, with the statuses when not every answer was 200."""
    if cell is None:
        return "–"
    if cell.note:
        return cell.note
    text = f"{format_ms(cell.p50_ms)} / {format_ms(cell.p95_ms)} · {cell.rps:,.0f}/s"
    return text if cell.all_ok else f"{text} ({cell.statuses})"


def p50_ratio(results: Results, query: str, engine: str, clients: int) -> float | None:
    """kgpub's p50 over ``engine``'s for one query and number of clients (None if either is missing
    or either answered anything but 200)."""
    mine, theirs = results.get((query, "kgpub", clients)), results.get((query, engine, clients))
    if mine is None or theirs is None or not mine.all_ok or not theirs.all_ok:
        return None
    return ratio(mine.p50_ms, theirs.p50_ms)


def table(results: Results, queries: Sequence[str], sizes: dict[tuple[str, str], str]) -> list[str]:
    """One row per query and number of clients: each engine's cell, then kgpub ÷ Oxigraph (p50)."""
    lines = [
        "| query | rows | clients | " + " | ".join(ENGINES) + " | kgpub ÷ Oxigraph p50 |",
        "|---|---:|---:|" + "---:|" * len(ENGINES) + "---:|",
    ]
    for query in queries:
        for clients in CLIENTS:
            cells = [format_cell(results.get((query, engine, clients))) for engine in ENGINES]
            shown = f"`{query}`" if clients == CLIENTS[0] else ""
            size = sizes.get((query, "kgpub"), "") if clients == CLIENTS[0] else ""
            ratio_text = format_ratio(p50_ratio(results, query, "Oxigraph", clients))
            lines.append(f"| {shown} | {size} | {clients} | " + " | ".join(cells) + f" | {ratio_text} |")
    return lines


def answers_differ(sizes: Sizes, query: str, engine: str) -> bool:
    """Whether ``engine``'s answer to ``query`` had another size than kgpub's (both known)."""
    mine, theirs = sizes.get((query, "kgpub")), sizes.get((query, engine))
    return mine is not None and theirs is not None and mine != theirs


def headline(
    results: Results, queries: Sequence[str], at: Sequence[int] = (1, 16), sizes: Sizes | None = None
) -> list[str]:
    """kgpub's p50 as a multiple of each peer's, per query at ``at`` clients, and the geometric means;
    "≠" where the peer's answer had another size (another answer is no comparison)."""
    peers = ENGINES[1:]
    head = [f"÷ {peer} ({n})" for peer in peers for n in at]
    lines = ["| query | " + " | ".join(head) + " |", "|---|" + "---:|" * len(head)]
    columns: list[list[float]] = [[] for _ in head]
    for query in queries:
        cells = []
        for i, (peer, n) in enumerate((peer, n) for peer in peers for n in at):
            if sizes is not None and answers_differ(sizes, query, peer):
                cells.append("≠")
                continue
            value = p50_ratio(results, query, peer, n)
            if value is not None:
                columns[i].append(value)
            cells.append(format_ratio(value))
        lines.append(f"| `{query}` | " + " | ".join(cells) + " |")
    means = [format_ratio(geometric_mean(col)) for col in columns]
    lines.append("| **geometric mean** | " + " | ".join(means) + " |")
    return lines


def size_notes(sizes: dict[tuple[str, str], str], queries: Sequence[str]) -> list[str]:
    """A line for each engine whose result size differs from kgpub's (another answer is no benchmark)."""
    notes = []
    for query in queries:
        mine = sizes.get((query, "kgpub"))
        for engine in ENGINES[1:]:
            theirs = sizes.get((query, engine))
            if theirs is not None and theirs != mine:
                notes.append(f"- `{query}`: {engine} answered {theirs} where kgpub answered {mine}.")
    return notes


# -- measuring --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    """A running engine: its port and how a query becomes a request path."""

    engine: str
    port: int
    path: Callable[[str], str]
    #: Restarts the server (on its port): a query the client gave up on may still run in it.
    restart: Callable[[], None] | None = None


def result_size(body: bytes, accept: str) -> str:
    """The number of rows (SPARQL JSON) or triples (Turtle; RDF/XML when an engine sends that whatever
    was asked, as rdflib-endpoint does for DESCRIBE) of an answer."""
    if accept == RESULTS_JSON:
        data = json.loads(body)
        if "boolean" in data:
            return "boolean"
        return f"{len(data['results']['bindings']):,}"
    if body.lstrip().startswith(b"<?xml"):
        return f"{sum(1 for _ in ox.parse(body, format=ox.RdfFormat.RDF_XML)):,} triples (RDF/XML)"
    return f"{sum(1 for _ in ox.parse(body, format=ox.RdfFormat.TURTLE)):,} triples"


def measure_engine(
    endpoint: Endpoint,
    queries: Sequence[Query],
    args: argparse.Namespace,
    results: Results,
    sizes: dict[tuple[str, str], str],
) -> None:
    for query in queries:
        path = endpoint.path(query.text)
        url = f"http://127.0.0.1:{endpoint.port}{path}"
        started = time.monotonic()
        try:
            answer = httpx.get(url, headers={"Accept": query.accept}, timeout=args.max_query_s)
        except httpx.TimeoutException:
            for clients in CLIENTS:
                results[(query.name, endpoint.engine, clients)] = Cell(note=f"> {args.max_query_s:g} s")
            print(f"  {endpoint.engine} {query.name}: > {args.max_query_s:g} s", file=sys.stderr)
            if endpoint.restart is not None:
                endpoint.restart()
            continue
        once = time.monotonic() - started
        sizes[(query.name, endpoint.engine)] = (
            result_size(answer.content, query.accept)
            if answer.status_code == 200
            else f"{answer.status_code}"
        )
        request = httpload.get_request(endpoint.port, path, query.accept)
        if once < 1.0:
            httpload.hammer(endpoint.port, request, min(1.0, args.seconds), 1)  # warm up
        previous: tuple[int, float] = (1, once * 1000)
        for clients in CLIENTS:
            expected_s = previous[1] / 1000 * clients / previous[0]
            if expected_s > 3 * args.seconds:
                results[(query.name, endpoint.engine, clients)] = Cell(note="too slow")
                print(f"  {endpoint.engine} {query.name} ×{clients}: skipped (too slow)", file=sys.stderr)
                continue
            rounds = [
                httpload.hammer(endpoint.port, request, args.seconds, clients) for _ in range(args.rounds)
            ]
            rounds.sort(key=lambda s: s.rps)
            sample = rounds[len(rounds) // 2]
            cell = Cell.of(sample)
            results[(query.name, endpoint.engine, clients)] = cell
            previous = (clients, cell.p50_ms or previous[1])
            print(f"  {endpoint.engine} {query.name} ×{clients}: {format_cell(cell)}", file=sys.stderr)


@contextmanager
def kgpub_server(settings: Settings, clients: int) -> Iterator[Endpoint]:
    command, env, port = kgpub_serve(
        settings, KGPUB_SPARQL_QUEUE=str(clients), KGPUB_THREADS=str(clients + 8)
    )
    with running(command, port, env):
        yield Endpoint("kgpub", port, lambda q: "/sparql?query=" + quote(q, safe=""))


def restart(
    server: OxigraphServer | VirtuosoServer | RdflibEndpoint, trig: Path | None = None
) -> Callable[[], None]:
    """Kill and start ``server`` again (loading ``trig`` into an in-memory Oxigraph)."""

    def again() -> None:
        server.kill()
        server.start()
        if isinstance(server, OxigraphServer) and trig is not None:
            server.load(trig)

    return again


def run(trig: Path, title: str, base: str, args: argparse.Namespace, work: Path) -> list[str]:
    print(title, file=sys.stderr)
    settings = publish_copy(trig, work / "var", base, record=False)
    body = pick_body(settings)
    queries = [Query(q.name, q.text) for q in load_queries(PROJECT_ROOT / "queries", base)]
    queries.append(Query(DESCRIBE, f"DESCRIBE <{body}>"))
    results: Results = {}
    sizes: dict[tuple[str, str], str] = {}
    with kgpub_server(settings, max(CLIENTS)) as endpoint:
        measure_engine(endpoint, queries, args, results, sizes)
    with OxigraphServer(None, timeout_s=None, union_default_graph=True) as oxigraph:
        oxigraph.load(trig)
        endpoint = Endpoint(
            "Oxigraph", oxigraph.port, lambda q: "/query?query=" + quote(q, safe=""), restart(oxigraph, trig)
        )
        measure_engine(endpoint, queries, args, results, sizes)
    if not args.no_virtuoso:
        (work / "virtuoso").mkdir()
        virtuoso = VirtuosoServer(
            work / "virtuoso", timeout_s=int(args.max_query_s), connections=max(CLIENTS) + 4
        )
        with virtuoso:
            from .store.load import load

            load(publish.current(settings), virtuoso.settings(settings), progress=lambda _: None)
            endpoint = Endpoint(
                "Virtuoso", virtuoso.port, lambda q: "/sparql?query=" + quote(q, safe=""), restart(virtuoso)
            )
            measure_engine(endpoint, queries, args, results, sizes)
    with RdflibEndpoint(trig) as rdflib_endpoint:
        endpoint = Endpoint(
            "rdflib-endpoint",
            rdflib_endpoint.port,
            lambda q: "/?query=" + quote(q, safe=""),
            restart(rdflib_endpoint),
        )
        measure_engine(endpoint, queries, args, results, sizes)
    names = [q.name for q in queries]
    lines = [f"### {title}", "", f"`DESCRIBE` is of `{body}`. Cells: p50 / p95 ms · requests/s.", ""]
    lines += [
        "kgpub's p50 as a multiple of each peer's (1 and 16 clients; ≠: the peer's answer differs):",
        "",
        *headline(results, names, sizes=sizes),
        "",
    ]
    lines += [*table(results, names, sizes), ""]
    notes = size_notes(sizes, names)
    if notes:
        lines += ["Result sizes that differ from kgpub's:", "", *notes, ""]
    return lines


def versions() -> str:
    def version_of(command: list[str]) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        except OSError:
            return "?"
        lines = (done.stdout + done.stderr).splitlines()
        return next((line.strip() for line in lines if "ersion" in line or line.startswith("oxigraph")), "?")

    virtuoso = version_of(["virtuoso-t", "-?"]).replace("Version ", "")
    return (
        f"Python {platform.python_version()}, kgpub {importlib.metadata.version('kgpub')} "
        f"(pyoxigraph {ox.__version__}), {version_of([oxigraph_binary(), '--version'])} server, "
        f"Virtuoso {virtuoso.split()[0] if virtuoso != '?' else '?'}, "
        f"rdflib-endpoint {importlib.metadata.version('rdflib-endpoint')} "
        f"(rdflib {importlib.metadata.version('rdflib')})"
    )


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} CPU cores ({model}), {memory:.0f} GiB RAM, {system}"


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="each load run")
    parser.add_argument("--rounds", type=int, default=1, help="runs per cell (the median by req/s)")
    parser.add_argument(
        "--max-query-s", type=float, default=30.0, help="an engine slower than this once is not loaded"
    )
    parser.add_argument("--no-virtuoso", action="store_true", help="leave Virtuoso out")

    def intro(args: argparse.Namespace, produced: str) -> list[str]:
        return [
            "# Benchmarks: SPARQL through kgpub against the engines directly",
            "",
            f"{produced} (`make bench`); {machine()}, shared with other work (load average "
            f"{os.getloadavg()[0]:.1f} at the end). {versions()}.",
            "",
            f"Each cell: {args.rounds} run(s) of {args.seconds:g} s with that many keep-alive connections "
            + METHOD.format(clients=max(CLIENTS)),
        ]

    return bench_main("kgpub.bench_sparql", parser, argv, run, intro)


if __name__ == "__main__":
    sys.exit(main())
