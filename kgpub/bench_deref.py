"""Dereference throughput: kgpub ``/doc`` before and after recorded documents, against Oxigraph
server's DESCRIBE and the static site on nginx, measured in one run on the same data
(``python -m kgpub.bench_deref``; issue 12, docs/benchmarks.md).

For a graph (the seed build's ``dataset.trig``, or ``--municipalities N`` of :mod:`kgpub.synthetic`)
it publishes two builds in a scratch folder — one with ``documents.sqlite`` (:mod:`kgpub.documents`),
one without (as before) — and measures, each in its own server process on loopback:

- ``kgpub serve`` on the build without recorded documents (every ``/doc`` queries the workers);
- ``kgpub serve`` on the build with them, with the rendered-document cache off
  (``KGPUB_DOCUMENT_CACHE_MB=0``: recorded answers, rendered by rdflib on every request) and on;
- ``/id`` → 303;
- ``oxigraph serve-read-only`` answering ``DESCRIBE <body>`` (the practical limit of an engine);
- nginx serving ``kgpub export --site`` (:mod:`kgpub.site`).

The load: ``--connections`` keep-alive HTTP/1.1 connections (raw sockets, half in each of two client
processes) asking for the same URL for ``--seconds``, ``--rounds`` times; the median round is
reported. The client shares the machine's cores with the server, so the fastest servers are measured
against the client's own ceiling (it is the same client for every row).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from . import documents, publish, store
from .config import PROJECT_ROOT, Settings


@dataclass(frozen=True)
class Row:
    name: str
    rps: float
    p50_ms: float
    statuses: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _read_response(sock: socket.socket, buf: bytearray) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked) from ``sock``; its status code."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buf += chunk
    head_end = buf.index(b"\r\n\r\n") + 4
    head = bytes(buf[:head_end]).decode("latin-1").lower()
    status = int(head[9:12])
    del buf[:head_end]
    if "transfer-encoding: chunked" in head:
        while True:
            while b"\r\n" not in buf:
                buf += sock.recv(65536)
            line_end = buf.index(b"\r\n")
            size = int(bytes(buf[:line_end]).split(b";")[0], 16)
            while len(buf) < line_end + 2 + size + 2:
                buf += sock.recv(65536)
            del buf[: line_end + 2 + size + 2]
            if size == 0:
                return status
    length = 0
    for line in head.split("\r\n"):
        if line.startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    while len(buf) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buf += chunk
    del buf[:length]
    return status


def _client(port: int, request: bytes, seconds: float, threads: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    times: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def one() -> None:
        local: list[float] = []
        seen: dict[int, int] = {}
        sock = socket.create_connection(("127.0.0.1", port))
        buf = bytearray()
        while (start := time.monotonic()) < stop:
            try:
                sock.sendall(request)
                status = _read_response(sock, buf)
            except OSError:  # the server closed a keep-alive connection (nginx after N requests): reopen
                sock.close()
                sock, buf = socket.create_connection(("127.0.0.1", port)), bytearray()
                seen[-1] = seen.get(-1, 0) + 1
                continue
            local.append(time.monotonic() - start)
            seen[status] = seen.get(status, 0) + 1
        sock.close()
        with lock:
            times.extend(local)
            for k, v in seen.items():
                statuses[k] = statuses.get(k, 0) + v

    workers = [threading.Thread(target=one) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    out.put((times, statuses))


def hammer(port: int, path: str, accept: str, seconds: float, connections: int) -> tuple[float, float, str]:
    """(requests/s, p50 ms, statuses) of ``connections`` keep-alive clients asking for ``path``."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: {accept}\r\n\r\n".encode("latin-1")
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    half = max(1, connections // 2)
    procs = [
        multiprocessing.Process(target=_client, args=(port, request, seconds, n, queue))
        for n in (half, connections - half)
        if n
    ]
    for p in procs:
        p.start()
    times: list[float] = []
    statuses: dict[int, int] = {}
    for _ in procs:
        t, s = queue.get()
        times += t
        for k, v in s.items():
            statuses[k] = statuses.get(k, 0) + v
    for p in procs:
        p.join()
    p50 = statistics.median(times) * 1000 if times else float("nan")
    shown = ", ".join(f"{k if k >= 0 else 'reconnect'}×{v}" for k, v in sorted(statuses.items()))
    return len(times) / seconds, p50, shown


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


def _wait(port: int, proc: subprocess.Popen[bytes], timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


@contextmanager
def running(command: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[None]:
    proc = subprocess.Popen(
        command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(port, proc)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


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
        port = _free_port()
        env = {
            "KGPUB_VAR_DIR": str(settings.var_dir),
            "KGPUB_BASE_IRI": settings.base_iri,
            "KGPUB_PUBLIC_BASE": f"http://127.0.0.1:{port}/",
            "KGPUB_PORT": str(port),
            "KGPUB_DOCUMENT_CACHE_MB": str(cache_mb),
            "KGPUB_MAX_CONNECTIONS_PER_CLIENT": "0",
        }
        return [sys.executable, "-m", "kgpub", "serve"], env, port

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
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    subprocess.run(
        [binary, "load", "--location", str(oxi), "--file", str(trig)], check=True, capture_output=True
    )
    port = _free_port()
    with running([binary, "serve-read-only", "--location", str(oxi), "--bind", f"127.0.0.1:{port}"], port):
        query = quote(f"DESCRIBE <{body}>", safe="")
        path = f"/query?query={query}&union-default-graph"
        rows.append(measure("Oxigraph server DESCRIBE (RocksDB)", port, path, turtle, args))
    if documents.open_documents(publish.current(after).path, base) is None or _count(after) > args.site_max:
        print(f"  static site skipped (more than {args.site_max} documents to export)", file=sys.stderr)
        return table(title, body, rows)
    from .site import export_site

    port = _free_port()
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


def table(title: str, body: str, rows: list[Row]) -> list[str]:
    oxigraph = next(r.rps for r in rows if r.name.startswith("Oxigraph"))
    lines = [f"### {title}", "", f"One body, `{body}`.", ""]
    lines += ["| | req/s | p50 ms | × Oxigraph DESCRIBE | statuses |", "|---|---:|---:|---:|---|"]
    for r in rows:
        lines.append(f"| {r.name} | {r.rps:,.0f} | {r.p50_ms:.1f} | {r.rps / oxigraph:.2f} | {r.statuses} |")
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=Path, help="a dataset.trig (default: the published build's)")
    parser.add_argument("--municipalities", type=int, default=0, help="also a synthetic graph of N")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--site-max", type=int, default=5000, help="export the site up to this many documents"
    )
    parser.add_argument("--out", type=Path, help="write the Markdown here (default: stdout)")
    args = parser.parse_args(argv)
    from .synthetic import DEFAULT_BASE, write_trig

    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kgpub-deref-") as tmp:
        work = Path(tmp)
        seed = args.seed or PROJECT_ROOT / "var" / "published" / "dataset.trig"
        if seed.is_file():
            base = publish.Published(seed.parent).manifest().get("base_iri") if args.seed is None else None
            sections += run(
                seed, "Seed build (the sources in `data/`)", base or Settings().base_iri, args, work / "seed"
            )
        if args.municipalities:
            trig = work / "synthetic.trig"
            triples = write_trig(trig, args.municipalities)
            title = f"Synthetic graph, {args.municipalities} municipalities ({triples:,} triples)"
            sections += run(trig, title, DEFAULT_BASE, args, work / "synthetic")
    import platform

    command = " ".join(["python -m kgpub.bench_deref", *(argv if argv is not None else sys.argv[1:])])
    text = "\n".join(
        [
            "# Benchmarks: dereference (`/doc`, `/id`) against Oxigraph server and the static site",
            "",
            f"Produced by `{command}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} CPU "
            f"cores shared with other work (load average {os.getloadavg()[0]:.1f} at the end), Python "
            f"{platform.python_version()}, pyoxigraph {ox.__version__}. {args.connections} keep-alive "
            f"connections, {args.rounds} round(s) of {args.seconds:g} s, the median round; the client "
            "shares the cores with the server, so the fastest rows are the client's ceiling too.",
            "",
            *sections,
        ]
    )
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
