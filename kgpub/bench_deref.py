"""Dereference throughput: kgpub ``/doc`` before and after recorded documents, against Oxigraph
server's and rdflib-endpoint's DESCRIBE and the static site on nginx, measured in one run on the same
data (``python -m kgpub.bench_deref``; issue 12, docs/benchmarks.md).

For a graph (the seed build's ``dataset.trig``, or ``--municipalities N`` of :mod:`kgpub.synthetic`)
it publishes two builds in a scratch folder — one with ``documents.sqlite`` (:mod:`kgpub.documents`),
one without (as before) — and measures, each in its own server process on loopback:

- ``kgpub serve`` on the build without recorded documents (every ``/doc`` queries the workers);
- ``kgpub serve`` on the build with them, with the rendered-document cache off
  (``KGPUB_DOCUMENT_CACHE_MB=0``: recorded answers, rendered by rdflib on every request) and on;
- ``/id`` → 303;
- ``oxigraph serve-read-only`` answering ``DESCRIBE <body>`` (the practical limit of an engine);
- ``rdflib-endpoint serve`` of the same TriG answering the same ``DESCRIBE`` (rdflib's engine behind
  FastAPI/uvicorn, :class:`kgpub.engines.RdflibEndpoint`; its description is not kgpub's concise
  bounded one, so its answer is larger);
- nginx serving ``kgpub export --site`` (:mod:`kgpub.site`).

The load: ``--connections`` keep-alive HTTP/1.1 connections (raw sockets, half in each of two client
processes) asking for the same URL for ``--seconds``, ``--rounds`` times; the median round is
reported. The client shares the machine's cores with the server, so the fastest servers are measured
against the client's own ceiling (it is the same client for every row). Each row's throughput is also
given as a ratio to the two engines' DESCRIBE (issue 12's targets: ≥ 0.15× Oxigraph, ≥ 3× rdflib-endpoint).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from . import documents, httpload, publish, store
from .config import PROJECT_ROOT, Settings
from .engines import RdflibEndpoint, free_port, kgpub_serve, oxigraph_binary, running


@dataclass(frozen=True)
class Row:
    name: str
    rps: float
    p50_ms: float
    statuses: str


def hammer(port: int, path: str, accept: str, seconds: float, connections: int) -> tuple[float, float, str]:
    """(requests/s, p50 ms, statuses) of ``connections`` keep-alive clients asking for ``path``."""
    sample = httpload.hammer(port, httpload.get_request(port, path, accept), seconds, connections)
    return sample.rps, sample.p50_ms or float("nan"), sample.shown_statuses()


def measure(name: str, port: int, path: str, accept: str, args: argparse.Namespace) -> Row:
    hammer(port, path, accept, 1.0, args.connections)  # warm up (and fill caches, as a CDN would)
    rounds = [hammer(port, path, accept, args.seconds, args.connections) for _ in range(args.rounds)]
    rounds.sort(key=lambda r: r[0])
    rps, p50, statuses = rounds[len(rounds) // 2]
    row = Row(name, rps, p50, statuses)
    print(f"  {name}: {rps:,.0f} req/s, p50 {p50:.1f} ms ({statuses})", file=sys.stderr)
    return row


def publish_copy(trig: Path, var: Path, base: str, *, record: bool) -> Settings:
    """A build of ``trig`` published under ``var``, with or without recorded documents."""
    settings = Settings(base_iri=base, var_dir=var, queries_dir=PROJECT_ROOT / "queries")
    build_dir = publish.new_build_dir(settings)
    shutil.copyfile(trig, build_dir / publish.DATASET)
    store.prepare(build_dir, base)
    started = time.monotonic()
    if record:
        count = documents.write(build_dir, base, settings.max_result_rows)
        print(f"  recorded {count} documents in {time.monotonic() - started:.1f} s", file=sys.stderr)
    manifest = {"build": build_dir.name, "created": datetime.now(UTC).isoformat(), "base_iri": base}
    publish.seal(build_dir, manifest)
    publish.swap_in(build_dir, settings)
    return settings


def pick_body(settings: Settings) -> str:
    """A unit with a parent, posts and claims: the body a harvester would fetch (its IRI)."""
    st = ox.Store.read_only(str(publish.current(settings).store_path))
    rows = st.query(
        """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?b (COUNT(?x) AS ?n) WHERE { ?b a org:OrganizationalUnit ; org:subOrganizationOf ?p . ?x ?q ?b }
GROUP BY ?b ORDER BY DESC(?n) ?b LIMIT 1""",
        use_default_graph_as_union=True,
    )
    assert isinstance(rows, ox.QuerySolutions)
    return str(next(iter(rows))["b"].value)


def run(trig: Path, title: str, base: str, args: argparse.Namespace, work: Path) -> list[str]:
    print(f"{title}", file=sys.stderr)
    before = publish_copy(trig, work / "var-before", base, record=False)
    after = publish_copy(trig, work / "var-after", base, record=True)
    body = pick_body(after)
    rel = body[len(base) :]
    doc = "/doc/" + quote(rel[len("id/") :])
    rows: list[Row] = []
    turtle, html = "text/turtle", "text/html"

    def serve(settings: Settings, cache_mb: int) -> tuple[list[str], dict[str, str], int]:
        return kgpub_serve(
            settings, KGPUB_DOCUMENT_CACHE_MB=str(cache_mb), KGPUB_MAX_CONNECTIONS_PER_CLIENT="0"
        )

    command, env, port = serve(before, 0)  # as before recorded documents: query, render, every time
    with running(command, port, env):
        rows.append(measure("kgpub /doc Turtle, queried (before)", port, doc + ".ttl", turtle, args))
        rows.append(measure("kgpub /doc HTML, queried (before)", port, doc + ".html", html, args))
    command, env, port = serve(after, 0)
    with running(command, port, env):
        rows.append(measure("kgpub /doc Turtle, recorded, no cache", port, doc + ".ttl", turtle, args))
        rows.append(measure("kgpub /doc HTML, recorded, no cache", port, doc + ".html", html, args))
    command, env, port = serve(after, 64)
    with running(command, port, env):
        rows.append(measure("kgpub /doc Turtle, recorded + cache", port, doc + ".ttl", turtle, args))
        rows.append(measure("kgpub /doc HTML, recorded + cache", port, doc + ".html", html, args))
        rows.append(measure("kgpub /id → 303", port, "/" + quote(rel), turtle, args))
    oxi = work / "oxigraph"
    binary = oxigraph_binary()
    subprocess.run(
        [binary, "load", "--location", str(oxi), "--file", str(trig)], check=True, capture_output=True
    )
    port = free_port()
    with running([binary, "serve-read-only", "--location", str(oxi), "--bind", f"127.0.0.1:{port}"], port):
        query = quote(f"DESCRIBE <{body}>", safe="")
        path = f"/query?query={query}&union-default-graph"
        rows.append(measure(OXIGRAPH, port, path, turtle, args))
    with RdflibEndpoint(trig) as rdflib_endpoint:
        path = "/?query=" + quote(f"DESCRIBE <{body}>", safe="")
        rows.append(measure(RDFLIB_ENDPOINT, rdflib_endpoint.port, path, turtle, args))
    if documents.open_documents(publish.current(after).path, base) is None or _count(after) > args.site_max:
        print(f"  static site skipped (more than {args.site_max} documents to export)", file=sys.stderr)
        return table(title, body, rows)
    from .site import export_site

    port = free_port()
    site = export_site(
        after.with_(public_base=f"http://127.0.0.1:{port}/"), work / "site", listen=f"127.0.0.1:{port}"
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    conf = site.config
    log = str(conf.parent / "logs" / "error.log")
    with running([nginx, "-p", str(conf.parent), "-c", conf.name, "-e", log, "-g", "daemon off;"], port):
        rows.append(measure("nginx, static site Turtle", port, doc, turtle, args))
        rows.append(measure("nginx, static site HTML", port, doc, html, args))
    return table(title, body, rows)


def _count(settings: Settings) -> int:
    recorded = documents.open_documents(publish.current(settings).path, settings.base_iri)
    return 0 if recorded is None else sum(1 for _ in recorded.paths())


OXIGRAPH = "Oxigraph server DESCRIBE (RocksDB)"
RDFLIB_ENDPOINT = "rdflib-endpoint DESCRIBE"


def table(title: str, body: str, rows: list[Row]) -> list[str]:
    """The section of one graph: every row with its ratios to the two engines' DESCRIBE."""
    oxigraph = next(r.rps for r in rows if r.name == OXIGRAPH)
    rdflib_endpoint = next(r.rps for r in rows if r.name == RDFLIB_ENDPOINT)
    lines = [f"### {title}", "", f"One body, `{body}`.", ""]
    lines += [
        "| | req/s | p50 ms | × Oxigraph DESCRIBE | × rdflib-endpoint DESCRIBE | statuses |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.rps:,.0f} | {r.p50_ms:.1f} | {_ratio(r.rps, oxigraph)} "
            f"| {_ratio(r.rps, rdflib_endpoint)} | {r.statuses} |"
        )
    return [*lines, ""]


def _ratio(rps: float, peer: float) -> str:
    if not peer:
        return "–"
    ratio = rps / peer
    return f"{ratio:.2f}" if ratio < 10 else f"{ratio:,.0f}"


@dataclass(frozen=True)
class BenchGraph:
    """A graph to measure: its TriG, a title, its base IRI and a scratch folder of its own."""

    trig: Path
    title: str
    base: str
    work: Path


def graphs(seed: Path | None, municipalities: int, work: Path) -> Iterator[BenchGraph]:
    """The benchmarks' graphs: ``seed`` (default: the published build's ``dataset.trig``, if any), then
    with ``municipalities`` a :mod:`kgpub.synthetic` graph written under ``work``."""
    from .synthetic import DEFAULT_BASE, write_trig

    trig = seed or PROJECT_ROOT / "var" / "published" / "dataset.trig"
    if trig.is_file():
        base = publish.Published(trig.parent).manifest().get("base_iri") if seed is None else None
        triples = sum(1 for _ in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
        (work / "seed").mkdir()
        yield BenchGraph(
            trig, f"Seed build ({triples:,} triples)", base or Settings().base_iri, work / "seed"
        )
    if municipalities:
        (work / "synthetic").mkdir()
        trig = work / "synthetic" / "synthetic.trig"
        triples = write_trig(trig, municipalities)
        title = f"Synthetic graph, {municipalities} municipalities ({triples:,} triples)"
        yield BenchGraph(trig, title, DEFAULT_BASE, work / "synthetic")


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """The options every graph benchmark has: ``--seed``, ``--municipalities``, ``--out``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--seed", type=Path, help="a dataset.trig (default: the published build's)")
    parser.add_argument("--municipalities", type=int, default=0, help="also a synthetic graph of N")
    parser.add_argument("--out", type=Path, help="write the Markdown here (default: stdout)")
    return parser


Run = Callable[[Path, str, str, argparse.Namespace, Path], list[str]]


def bench_main(
    module: str,
    parser: argparse.ArgumentParser,
    argv: list[str] | None,
    run: Run,
    intro: Callable[[argparse.Namespace, str], list[str]],
) -> int:
    """A graph benchmark's ``main``: ``run`` on each of the :func:`graphs` that ``--seed`` and
    ``--municipalities`` name (in a scratch folder removed afterwards), then the Markdown — ``intro``
    (given the options and "Produced by `<command>` on <time> UTC") and the sections — written to
    ``--out`` or printed."""
    args = parser.parse_args(argv)
    started = datetime.now(UTC)
    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kgpub-bench-") as tmp:
        for graph in graphs(args.seed, args.municipalities, Path(tmp)):
            sections += run(graph.trig, graph.title, graph.base, args, graph.work)
    command = " ".join([f"python -m {module}", *(argv if argv is not None else sys.argv[1:])])
    text = "\n".join(
        [*intro(args, f"Produced by `{command}` on {started:%Y-%m-%d %H:%M} UTC"), "", *sections]
    )
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--site-max", type=int, default=5000, help="export the site up to this many documents"
    )

    def intro(args: argparse.Namespace, produced: str) -> list[str]:
        import platform

        return [
            "# Benchmarks: dereference (`/doc`, `/id`) against Oxigraph server, rdflib-endpoint and the "
            "static site",
            "",
            f"{produced}; {os.cpu_count()} CPU "
            f"cores shared with other work (load average {os.getloadavg()[0]:.1f} at the end), Python "
            f"{platform.python_version()}, pyoxigraph {ox.__version__}. {args.connections} keep-alive "
            f"connections, {args.rounds} round(s) of {args.seconds:g} s, the median round; the client "
            "shares the cores with the server, so the fastest rows are the client's ceiling too.",
        ]

    return bench_main("kgpub.bench_deref", parser, argv, run, intro)


if __name__ == "__main__":
    sys.exit(main())
