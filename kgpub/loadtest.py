"""A bounded load generator for a running ``kgpub serve`` on loopback (``python -m kgpub.loadtest``).

Why it exists: the reliability claims of ``docs/reliability.md`` (no errors under a realistic mix,
memory flat across runs, cheap requests not starved by expensive queries) need a number, and the
number must come from the real server over real sockets. ``make soak`` runs it for a minute at a time;
``tests/test_loadtest.py`` runs a few seconds of it.

What it does: discovers what to ask for from the server itself (``/sitemap.xml`` for documents, the
``/dataset`` description for dumps, one SPARQL query for IRIs), then runs ``clients`` concurrent
clients for ``seconds``. Each cheap client loops over a weighted mix — HTML body pages, Turtle
documents, ``/id`` lookups (which must answer 303), small SPARQL SELECT/ASK queries, dumps (HEAD, and
GET of the small ones). ``hogs`` of the clients instead loop one expensive query (a four-way cross join
over the whole dataset) that runs until the server's query time limit. Redirects are never followed.

Why it is bounded: it can only target a loopback address (127.0.0.0/8, ::1, ``localhost``) — a load
generator pointed elsewhere is an attack — and clients, seconds and the total number of requests are
capped (:data:`MAX_CLIENTS`, :data:`MAX_SECONDS`, ``--max-requests``).

The report: requests, errors by status, p50/p99/max latency per class (hogs separate), and the
resident memory (``VmRSS``) of the server process and its worker children before and after, as a
Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import ipaddress
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

from .errors import InputError

MAX_CLIENTS = 500
MAX_SECONDS = 3600.0
DEFAULT_MAX_REQUESTS = 1_000_000
#: A dump is fetched whole only up to this size; larger ones are only asked for with HEAD.
SMALL_DUMP_BYTES = 512 * 1024
#: A request gives up after this long (counted as "timeout"): longer than the server's query limit.
DEFAULT_REQUEST_TIMEOUT_S = 30.0

#: The classes of request, in report order; every one but ``hog`` is "cheap".
CLASSES = ("page", "doc", "id", "sparql", "dump", "hog")
CHEAP = CLASSES[:-1]
#: The classes that need no SPARQL worker of their own: they must never wait behind SPARQL.
SITE = ("page", "doc", "id", "dump")
#: How often a cheap client picks each class (the mix of a site visited by people and crawlers).
MIX = {"page": 30, "doc": 25, "id": 15, "sparql": 20, "dump": 10}
#: Which statuses are a success for each class (``/id`` must redirect; HEAD/GET may revalidate).
EXPECTED = {"page": {200}, "doc": {200}, "id": {303}, "sparql": {200}, "dump": {200}, "hog": {200}}
#: First path segments of ``/doc/…`` documents whose things live under ``/id/…``.
ID_KINDS = ("org", "person", "post", "duty", "claim", "site")

#: The expensive query: four copies of every quad, counted. Nothing is returned before it is all
#: computed, so it holds a query worker until the server's time limit stops it.
HOG_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
_PREFIXES = (
    "PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
)
_FIXED_QUERIES = (
    _PREFIXES + "SELECT ?s ?l WHERE { ?s a org:OrganizationalUnit ; skos:prefLabel ?l } LIMIT 20",
    _PREFIXES + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a foaf:Person }",
    _PREFIXES + "ASK { ?s org:subOrganizationOf ?o }",
)
_DISCOVER_QUERY = _PREFIXES + "SELECT DISTINCT ?s WHERE { ?s a org:Organization } LIMIT 200"
_LOC = re.compile(r"<loc>([^<]+)</loc>")
_DUMP = re.compile(r"/dumps/([A-Za-z0-9._-]+)")


def check_loopback(url: str) -> str:
    """``url`` without a trailing slash, if it is http(s) on a loopback host; InputError otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"not an http(s) URL: {url!r}")
    host = parts.hostname
    if host != "localhost":
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            raise InputError(f"refusing {host!r}: the load tool only targets loopback addresses") from None
        if not address.is_loopback:
            raise InputError(f"refusing {host}: the load tool only targets 127.0.0.0/8, ::1 or localhost")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InputError(f"give the server's root URL only, not {url!r}")
    return url.rstrip("/")


@dataclass(frozen=True)
class Targets:
    """What the clients ask for, found on the server itself."""

    pages: tuple[str, ...]
    docs: tuple[str, ...]
    ids: tuple[str, ...]
    queries: tuple[str, ...]
    dumps: tuple[tuple[str, int], ...]  # (path, size in bytes)


@dataclass
class ClassStats:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, status: str, seconds: float, ok: bool) -> None:
        self.latencies.append(seconds)
        self.statuses[status] += 1
        if not ok:
            self.errors[status] += 1


@dataclass
class Report:
    """One run: per-class stats, memory before and after, and what was asked."""

    url: str
    clients: int
    hogs: int
    seconds: float
    elapsed_s: float = 0.0
    stats: dict[str, ClassStats] = field(default_factory=lambda: {c: ClassStats() for c in CLASSES})
    rss_before: dict[int, tuple[str, int]] = field(default_factory=dict)  # pid → (name, kB)
    rss_after: dict[int, tuple[str, int]] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return sum(len(s.latencies) for s in self.stats.values())

    def errors(self, classes: Sequence[str] = CLASSES) -> Counter[str]:
        total: Counter[str] = Counter()
        for name in classes:
            total.update(self.stats[name].errors)
        return total

    def percentile(self, name: str, q: float) -> float | None:
        return percentile(self.stats[name].latencies, q)

    def p99(self, classes: Sequence[str] = CHEAP) -> float | None:
        return percentile([x for c in classes for x in self.stats[c].latencies], 99)

    def server_errors(self, classes: Sequence[str] = CLASSES) -> Counter[str]:
        """The 5xx answers (and dropped connections/timeouts) among ``classes``."""
        return Counter({k: v for k, v in self.errors(classes).items() if not k.isdigit() or k >= "500"})

    def markdown(self) -> str:
        """The run as Markdown: a latency/error table per class and a memory table."""
        lines = [
            f"{self.clients} clients ({self.hogs} of them hogs) × {self.seconds:g} s against {self.url}: "
            f"{self.requests} requests in {self.elapsed_s:.1f} s "
            f"({self.requests / max(self.elapsed_s, 1e-9):.0f}/s)",
            "",
            "| class | requests | errors (by status) | p50 ms | p99 ms | max ms |",
            "|---|---:|---|---:|---:|---:|",
        ]
        groups = {"site (page, doc, id, dump)": SITE, "cheap (all but hog)": CHEAP}
        rows = [*SITE, "site (page, doc, id, dump)", "sparql", "cheap (all but hog)"]
        for name in [*rows, "hog"] if self.hogs else rows:
            if name in groups:
                lat = [x for c in groups[name] for x in self.stats[c].latencies]
                errs = self.errors(groups[name])
            else:
                lat, errs = self.stats[name].latencies, self.stats[name].errors
            err_text = ", ".join(f"{k}: {v}" for k, v in sorted(errs.items())) or "0"
            if name == "hog":
                err_text += " (503 = stopped at the query time limit)" if errs else ""
            lines.append(
                f"| {name} | {len(lat)} | {err_text} | {format_ms(percentile(lat, 50))} | "
                f"{format_ms(percentile(lat, 99))} | {format_ms(max(lat) if lat else None)} |"
            )
        if not self.rss_before and not self.rss_after:
            return "\n".join(lines) + "\n"
        lines += ["", "| process | RSS before (MiB) | RSS after (MiB) |", "|---|---:|---:|"]
        for pid in sorted(set(self.rss_before) | set(self.rss_after)):
            name = (self.rss_before.get(pid) or self.rss_after[pid])[0]
            before, after = self.rss_before.get(pid), self.rss_after.get(pid)
            lines.append(f"| {name} {pid} | {_mib(before)} | {_mib(after)} |")
        total_b = sum(kb for _, kb in self.rss_before.values())
        total_a = sum(kb for _, kb in self.rss_after.values())
        lines.append(f"| **total** | {total_b / 1024:.0f} | {total_a / 1024:.0f} |")
        return "\n".join(lines) + "\n"


def format_ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f}"


def _mib(entry: tuple[str, int] | None) -> str:
    return "–" if entry is None else f"{entry[1] / 1024:.0f}"


def percentile(values: Sequence[float], q: float) -> float | None:
    """The nearest-rank ``q``-th percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n·q/100), at least the first
    return ordered[int(rank) - 1]


# -- server processes and their memory ------------------------------------------------------------------


def listening_pid(port: int) -> int | None:
    """The pid of the process listening on loopback ``port`` (from /proc; None if not found)."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            cols = row.split()
            if len(cols) > 9 and cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(cols[9])
    if not inodes:
        return None
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                target = fd.readlink().as_posix()
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    return int(proc.name)
        except OSError:
            continue
    return None


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (query workers, and anything they started)."""
    children: dict[int, list[int]] = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(proc.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def rss(pid: int) -> dict[int, tuple[str, int]]:
    """``VmRSS`` in kB of ``pid`` and each of its descendants, by pid, with a short name."""
    out: dict[int, tuple[str, int]] = {}
    for p in process_tree(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        values = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if "VmRSS" in values:  # a zombie (an exited worker not yet reaped) has no memory left
            out[p] = ("server" if p == pid else "worker", int(values["VmRSS"].split()[0]))
    return out


# -- discovery --------------------------------------------------------------------------------------------


async def discover(client: httpx.AsyncClient) -> Targets:
    """Find documents, /id IRIs, SPARQL queries and dumps by asking the server."""
    locs: list[str] = []
    response = await client.get("/sitemap.xml")
    response.raise_for_status()
    found = _LOC.findall(response.text)
    if "<sitemapindex" in response.text:  # a big site: the first parts are enough for a mix
        for part in found[:5]:
            locs += _LOC.findall((await client.get(urlsplit(part).path)).text)
    else:
        locs = found
    paths = [urlsplit(loc).path for loc in locs]
    docs = tuple(p for p in paths if p.startswith("/doc/"))
    pages = tuple(p for p in docs if p.startswith("/doc/org/")) or docs
    ids = tuple("/id/" + p[5:] for p in docs if p[5:].split("/", 1)[0] in ID_KINDS)
    if not docs or not ids:
        raise InputError(f"{client.base_url}/sitemap.xml lists no documents to load-test")
    described = await client.get("/dataset", headers={"Accept": "text/turtle"})
    dumps: list[tuple[str, int]] = []
    for name in sorted(set(_DUMP.findall(described.text))):
        head = await client.head(f"/dumps/{name}")
        if head.status_code == 200:
            dumps.append((f"/dumps/{name}", int(head.headers.get("Content-Length", "0"))))
    answer = await client.get(
        "/sparql", params={"query": _DISCOVER_QUERY}, headers={"Accept": "application/sparql-results+json"}
    )
    answer.raise_for_status()
    iris = [row["s"]["value"] for row in answer.json()["results"]["bindings"]]
    queries = [*_FIXED_QUERIES]
    for iri in iris[:50]:
        queries.append(_PREFIXES + f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT 50")
        queries.append(_PREFIXES + f"SELECT ?u WHERE {{ ?u org:subOrganizationOf <{iri}> }}")
    return Targets(pages, docs, ids, tuple(queries), tuple(dumps))


# -- the clients --------------------------------------------------------------------------------------------


@dataclass
class _Budget:
    """The shared bounds of a run: a deadline and a request count."""

    deadline: float
    remaining: int

    def take(self) -> bool:
        if self.remaining <= 0 or time.monotonic() >= self.deadline:
            return False
        self.remaining -= 1
        return True


async def _request(
    client: httpx.AsyncClient, name: str, targets: Targets, rng: random.Random
) -> httpx.Response:
    if name == "page":
        return await client.get(rng.choice(targets.pages), headers={"Accept": "text/html"})
    if name == "doc":
        return await client.get(rng.choice(targets.docs), headers={"Accept": "text/turtle"})
    if name == "id":
        return await client.get(rng.choice(targets.ids), headers={"Accept": "text/turtle"})
    if name == "sparql":
        query = rng.choice(targets.queries)
        accept = "application/sparql-results+json"
        if rng.random() < 0.5:
            return await client.get("/sparql", params={"query": query}, headers={"Accept": accept})
        body = urlencode({"query": query})
        headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        return await client.post("/sparql", content=body, headers=headers)
    if name == "dump":
        path, size = rng.choice(targets.dumps)
        if size <= SMALL_DUMP_BYTES and rng.random() < 0.5:
            return await client.get(path)
        return await client.head(path)
    return await client.get(
        "/sparql", params={"query": HOG_QUERY}, headers={"Accept": "application/sparql-results+json"}
    )


def source_address(url: str, n: int) -> str | None:
    """The loopback address client ``n`` connects from: each its own (127.77.x.y), as separate users
    would be — per-address limits then apply per client. None when the target is not IPv4."""
    host = urlsplit(url).hostname or ""
    try:
        if ipaddress.ip_address(host).version != 4:
            return None
    except ValueError:
        return None
    return f"127.77.{n // 250}.{n % 250 + 1}"


async def _client(
    url: str,
    kinds: Sequence[str],
    targets: Targets,
    report: Report,
    budget: _Budget,
    seed: int,
    timeout: float,
    address: str | None,
) -> None:
    rng = random.Random(seed)
    weights = [MIX.get(k, 1) for k in kinds]
    transport = httpx.AsyncHTTPTransport(local_address=address) if address else None
    async with httpx.AsyncClient(
        base_url=url, timeout=timeout, follow_redirects=False, transport=transport
    ) as client:
        while budget.take():
            name = rng.choices(kinds, weights)[0]
            if name == "dump" and not targets.dumps:
                name = "doc"
            start = time.perf_counter()
            try:
                response = await _request(client, name, targets, rng)
                status = str(response.status_code)
                ok = response.status_code in EXPECTED[name]
            except httpx.TimeoutException:
                status, ok = "timeout", False
            except httpx.TransportError as exc:  # refused, reset: the server went away
                status, ok = type(exc).__name__, False
                await asyncio.sleep(0.05)  # a client retries, but does not spin on a closed port
            report.stats[name].add(status, time.perf_counter() - start, ok)


async def run_async(
    url: str,
    clients: int,
    seconds: float,
    *,
    hogs: int = 0,
    server_pid: int | None = None,
    measure_memory: bool = True,
    max_requests: int = DEFAULT_MAX_REQUESTS,
    timeout: float = DEFAULT_REQUEST_TIMEOUT_S,
    seed: int = 1,
    targets: Targets | None = None,
    same_address: bool = False,
) -> Report:
    """Run the load (see the module docstring) and return its report."""
    url = check_loopback(url)
    if not 1 <= clients <= MAX_CLIENTS:
        raise InputError(f"clients must be 1..{MAX_CLIENTS}, not {clients}")
    if not 0 < seconds <= MAX_SECONDS:
        raise InputError(f"seconds must be in (0, {MAX_SECONDS:g}], not {seconds:g}")
    if not 0 <= hogs <= clients:
        raise InputError(f"hogs must be 0..clients ({clients}), not {hogs}")
    if max_requests < 1:
        raise InputError("max-requests must be positive")
    if targets is None:
        async with httpx.AsyncClient(base_url=url, timeout=timeout, follow_redirects=False) as client:
            targets = await discover(client)
    report = Report(url, clients, hogs, seconds)
    if server_pid is None and measure_memory:
        server_pid = listening_pid(urlsplit(url).port or 80)
    if server_pid is not None:
        report.rss_before = rss(server_pid)
    budget = _Budget(time.monotonic() + seconds, max_requests)
    start = time.monotonic()
    tasks = []
    for n in range(clients):
        kinds: Sequence[str] = ("hog",) if n < hogs else CHEAP
        address = None if same_address else source_address(url, n)
        tasks.append(_client(url, kinds, targets, report, budget, seed * 1000 + n, timeout, address))
    await asyncio.gather(*tasks)
    report.elapsed_s = time.monotonic() - start
    if server_pid is not None:
        report.rss_after = rss(server_pid)
    return report


def run(url: str, clients: int, seconds: float, **kwargs: object) -> Report:
    """:func:`run_async` from synchronous code (tests, the soak)."""
    coroutine = run_async(url, clients, seconds, **kwargs)  # type: ignore[arg-type]
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case: no loop in this thread
        return asyncio.run(coroutine)
    # called from a thread that already runs a loop (a test after a browser test): use a thread of its own
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.loadtest", description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="the server's root, on loopback")
    parser.add_argument("--clients", type=int, default=50, help=f"concurrent clients (≤ {MAX_CLIENTS})")
    parser.add_argument("--seconds", type=float, default=60.0, help=f"duration (≤ {MAX_SECONDS:g})")
    parser.add_argument("--hogs", type=int, default=0, help="clients that loop an expensive query")
    parser.add_argument("--max-requests", type=int, default=DEFAULT_MAX_REQUESTS)
    parser.add_argument("--timeout", type=float, default=DEFAULT_REQUEST_TIMEOUT_S, help="per request, s")
    parser.add_argument("--pid", type=int, help="the server's pid (default: the one listening on the port)")
    parser.add_argument(
        "--same-address", action="store_true", help="all clients from one address (default: one each)"
    )
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    args = parser.parse_args(argv)
    try:
        report = run(
            args.url,
            args.clients,
            args.seconds,
            hogs=args.hogs,
            server_pid=args.pid,
            max_requests=args.max_requests,
            timeout=args.timeout,
            same_address=args.same_address,
        )
    except (InputError, httpx.HTTPError) as exc:
        print(f"loadtest: error: {exc}", file=sys.stderr)
        return 3 if isinstance(exc, InputError) else 4
    text = report.markdown()
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
