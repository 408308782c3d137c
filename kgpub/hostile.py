"""Hostile inputs fired at a live server by ``make soak``: what an attacker can send without credentials.

Why here and not only in the unit tests: the tests check each defence on a test app; this checks the
real ``kgpub serve`` (waitress, worker processes, limits from the settings) answers each with a 4xx or
a documented 503 — never a 500, never a hang — that nothing reaches a loopback listener the queries
name, and that the server still answers afterwards. The result is a table in ``docs/reliability.md``.
"""

from __future__ import annotations

import contextlib
import socket
import time
from dataclasses import dataclass
from urllib.parse import quote

import httpx

#: 30 doublings of a 10-character string: 10 GiB if nothing stops it (a ~700-byte query).
_DOUBLING = (
    'SELECT (STRLEN(?s30) AS ?n) WHERE { BIND("0123456789" AS ?s0) '
    + " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(30))
    + " }"
)


@dataclass(frozen=True)
class Probe:
    name: str
    method: str
    path: str
    params: dict[str, str] | None = None
    body: bytes | None = None
    headers: dict[str, str] | None = None
    expected: frozenset[int] = frozenset({400})


@dataclass(frozen=True)
class Outcome:
    probe: Probe
    status: str
    ms: float
    note: str = ""

    @property
    def handled(self) -> bool:
        return self.status.isdigit() and int(self.status) in self.probe.expected


def probes(listener: str) -> list[Probe]:
    """The corpus; ``listener`` is ``http://127.0.0.1:<port>/`` of a socket that must hear nothing."""
    q = "/sparql"
    svc = f"<{listener}>"
    return [
        Probe("malformed query", "GET", q, {"query": "SELECT * WHERE { ?s ?p"}),
        Probe("update sent as a query", "GET", q, {"query": "INSERT DATA { <a:b> <a:c> <a:d> }"}),
        Probe(
            "update over POST",
            "POST",
            q,
            body=b"update=DROP%20ALL",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            expected=frozenset({400, 403, 405, 415}),
        ),
        Probe(
            "SERVICE to a loopback listener",
            "GET",
            q,
            {"query": f"SELECT * WHERE {{ SERVICE {svc} {{ ?s ?p ?o }} }}"},
        ),
        Probe(
            "SERVICE after a '#' inside an IRI",
            "GET",
            q,
            {"query": f"SELECT * WHERE {{ ?s <http://x/#> ?o . SERVICE {svc} {{ ?a ?b ?c }} }}"},
        ),
        Probe(
            "SERVICE after a '#' inside a string",
            "GET",
            q,
            {"query": f'SELECT * WHERE {{ ?s ?p "#" . SERVICE {svc} {{ ?a ?b ?c }} }}'},
        ),
        Probe(
            "SERVICE, \\u-escaped keyword letters",
            "GET",
            q,
            {"query": f"SELECT * WHERE {{ \\u0053ERVICE {svc} {{ ?s ?p ?o }} }}"},
        ),
        Probe(
            "SERVICE SILENT in nested groups",
            "GET",
            q,
            {"query": f"SELECT * WHERE {{ {{ {{ OPTIONAL {{ SERVICE SILENT {svc} {{ ?s ?p ?o }} }} }} }} }}"},
        ),
        Probe("LOAD from a listener", "GET", q, {"query": f"LOAD {svc}"}),
        Probe("remote FROM", "GET", q, {"query": f"SELECT * FROM {svc} WHERE {{ ?s ?p ?o }}"}),
        Probe(
            "remote default-graph-uri",
            "GET",
            q,
            {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": listener},
        ),
        Probe("bad default-graph-uri", "GET", q, {"query": "ASK {}", "default-graph-uri": "not an iri <>"}),
        Probe(
            "unknown function IRI", "GET", q, {"query": "SELECT (<http://example.org/f>(1) AS ?x) WHERE {}"}
        ),
        Probe("nesting depth 3,000", "GET", q, {"query": "SELECT * WHERE " + "{" * 3000 + "}" * 3000}),
        Probe("string doubling (memory)", "GET", q, {"query": _DOUBLING}, expected=frozenset({400, 503})),
        Probe(
            "query over the size limit",
            "POST",
            q,
            body=b"query=" + quote("ASK {} #" + "x" * 300_000).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            expected=frozenset({413}),
        ),
        Probe("'..' in a path", "GET", "/doc/../../etc/passwd", expected=frozenset({400, 404})),
        Probe("control character in a path", "GET", "/id/org/a%01b", expected=frozenset({400, 404})),
        Probe("broken UTF-8 in a path", "GET", "/id/org/%ff%fe", expected=frozenset({400, 404})),
        Probe("overlong path", "GET", "/id/" + "a" * 20_000, expected=frozenset({400, 404, 414, 431})),
        Probe(
            "foreign Host header",
            "GET",
            "/id/org/helsinki",
            headers={"Host": "evil.example"},
            expected=frozenset({303, 400}),
        ),
    ]


def fire(url: str, timeout: float = 30.0) -> tuple[list[Outcome], int, str]:
    """Send every probe; return the outcomes, the connections the listener received, and the server's
    answer to ``GET /`` afterwards."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.setblocking(False)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        outcomes = [_send(url, probe, timeout) for probe in probes(target)]
        outcomes.append(_slow_loris(url))
        heard = 0
        with contextlib.suppress(BlockingIOError):
            while True:
                conn, _ = listener.accept()
                conn.close()
                heard += 1
    try:
        after = str(httpx.get(url + "/", timeout=timeout).status_code)
    except httpx.HTTPError as exc:
        after = type(exc).__name__
    return outcomes, heard, after


def _send(url: str, probe: Probe, timeout: float) -> Outcome:
    start = time.perf_counter()
    try:
        with httpx.Client(base_url=url, timeout=timeout, follow_redirects=False) as client:
            response = client.request(
                probe.method, probe.path, params=probe.params, content=probe.body, headers=probe.headers
            )
        status, note = str(response.status_code), ""
        if probe.name == "foreign Host header":
            location = response.headers.get("Location", "")
            note = "Location reflects the Host header" if "evil.example" in location else "Host not reflected"
            if "evil.example" in location:
                status += " (reflected)"
    except httpx.HTTPError as exc:
        status, note = type(exc).__name__, str(exc)[:80]
    return Outcome(probe, status, (time.perf_counter() - start) * 1000, note)


def _slow_loris(url: str, idle: int = 150) -> Outcome:
    """``idle`` connections that never send a request (each from its own loopback address), then one
    real client: it must still be answered."""
    host, port = "127.0.0.1", int(url.rsplit(":", 1)[1])
    sockets: list[socket.socket] = []
    probe = Probe(f"{idle} idle connections, then a request", "GET", "/", expected=frozenset({200}))
    try:
        for n in range(idle):
            s = socket.socket()
            s.bind((f"127.78.{n // 250}.{n % 250 + 1}", 0))
            s.settimeout(5)
            with contextlib.suppress(OSError):
                s.connect((host, port))
            sockets.append(s)
        time.sleep(1.0)
        return _send(url, probe, timeout=10.0)
    finally:
        for s in sockets:
            s.close()


def markdown(outcomes: list[Outcome], heard: int, after: str) -> list[str]:
    lines = [
        "| input | expected | got | ms | handled |",
        "|---|---|---|---:|---|",
    ]
    for o in outcomes:
        expected = "/".join(str(s) for s in sorted(o.probe.expected))
        note = f" — {o.note}" if o.note else ""
        handled = "yes" if o.handled else "**no**"
        lines.append(f"| {o.probe.name} | {expected} | {o.status}{note} | {o.ms:.0f} | {handled} |")
    lines += ["", f"Connections the loopback listener received: {heard}. `GET /` afterwards: {after}."]
    return lines
