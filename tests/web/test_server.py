"""The real ``kgpub serve`` process under hostile connections, and how it stops.

Each test drives a live server on loopback with small limits (set through ``KGPUB_*`` like an
operator would): a client holding many connections, a slow-loris request, an idle keep-alive
connection, requests waitress refuses itself, SIGTERM with a query in flight and with keep-alive
connections open, and ``kill -9``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kgpub.config import PROJECT_ROOT
from kgpub.loadtest import process_tree
from kgpub.scratch import _alive, free_port
from tests.web.conftest import BASE, SEED_TRIG, make_published

pytestmark = pytest.mark.slow

LIMITS = {
    "KGPUB_MAX_CONNECTIONS_PER_CLIENT": "10",
    "KGPUB_REQUEST_TIMEOUT_S": "2",
    "KGPUB_IDLE_TIMEOUT_S": "3",
    "KGPUB_QUERY_TIMEOUT_S": "3",
    "KGPUB_SHUTDOWN_GRACE_S": "8",
    "KGPUB_SHUTDOWN_IDLE_S": "2",
    "KGPUB_MAX_REQUEST_HEADER_BYTES": "8192",
    "KGPUB_MAX_REQUEST_BODY_BYTES": "262144",
}
SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }"


class Live:
    def __init__(self, var_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("KGPUB_")}
        env |= {
            "KGPUB_VAR_DIR": str(var_dir),
            "KGPUB_BASE_IRI": BASE,
            "KGPUB_QUERIES_DIR": str(PROJECT_ROOT / "queries"),
        }
        env |= LIMITS
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kgpub", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.proc.stderr.read().decode() if self.proc.stderr else ""
            try:
                if httpx.get(self.url + "/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("kgpub serve did not start")

    def workers(self) -> list[int]:
        return [p for p in process_tree(self.proc.pid) if p != self.proc.pid]

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_published(tmp_path_factory.mktemp("var"), SEED_TRIG).var_dir


@pytest.fixture
def live(var_dir: Path) -> Iterator[Live]:
    server = Live(var_dir)
    yield server
    server.close()


def connect(port: int, source: str = "127.0.0.1") -> socket.socket:
    sock = socket.socket()
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """True if the server closes ``sock`` within the time (recv sees end of file or a reset)."""
    deadline = time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            if sock.recv(65536) == b"":  # the rest of a response may come first
                return True
        except TimeoutError:
            return False
        except ConnectionResetError:
            return True
    return False


def get_from(port: int, source: str, path: str = "/sparql?query=ASK%7B%7D") -> bytes:
    with connect(port, source) as sock:
        sock.settimeout(10)
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
        return data


def test_one_client_cannot_take_every_connection(live: Live) -> None:
    hoard = [connect(live.port) for _ in range(40)]
    try:
        closed = sum(closed_by_server(s, 0.5) for s in hoard)
        assert closed >= 30  # only 10 per client address are kept
        assert get_from(live.port, "127.0.0.2").startswith(b"HTTP/1.1 200")  # others are served
    finally:
        for s in hoard:
            s.close()


def test_many_idle_connections_from_many_clients_do_not_lock_others_out(live: Live) -> None:
    """120 idle connections (waitress alone stops accepting at 100) from 12 addresses."""
    idle = [connect(live.port, f"127.0.1.{n}") for n in range(12) for _ in range(10)]
    try:
        time.sleep(0.5)
        assert get_from(live.port, "127.0.2.1").startswith(b"HTTP/1.1 200")
    finally:
        for s in idle:
            s.close()


def test_a_slow_loris_request_is_cut_off(live: Live) -> None:
    with connect(live.port) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        start, cut = time.monotonic(), False
        while time.monotonic() - start < 10:
            try:
                sock.sendall(b"X-Slow: 1\r\n")  # a byte of header every half second, never the end
            except OSError:
                cut = True
                break
            if closed_by_server(sock, 0.5):
                cut = True
                break
        assert cut, "the server kept a request that never arrived whole for 10 s"
        assert time.monotonic() - start < 8  # request_timeout_s=2 plus the cleanup interval


def test_an_idle_keep_alive_connection_is_closed(live: Live) -> None:
    with connect(live.port) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(10)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        start = time.monotonic()
        assert closed_by_server(sock, 10)
        assert time.monotonic() - start < 8  # idle_timeout_s=3 plus the cleanup interval


def test_sigterm_finishes_the_query_in_flight_then_ends_every_worker(live: Live) -> None:
    workers = live.workers()
    assert workers, "the server started its query workers"
    answers: list[int] = []

    def slow() -> None:
        response = httpx.get(live.url + "/sparql", params={"query": SLOW}, timeout=30)
        answers.append(response.status_code)

    before = {p: _cpu_ticks(p) for p in workers}
    thread = threading.Thread(target=slow)
    thread.start()

    def running() -> bool:  # a worker is spending CPU: the query is in flight
        return any(_cpu_ticks(p) > before.get(p, 0) + 1 for p in live.workers())

    deadline = time.monotonic() + 20  # a busy machine may take a while to start it: wait, don't guess
    while time.monotonic() < deadline and not running():
        time.sleep(0.05)
    assert running(), "the query never started running"
    live.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    with pytest.raises(httpx.TransportError):
        httpx.get(live.url + "/", timeout=2)  # no new connections once stopping
    thread.join(30)
    assert answers == [503]  # its own answer (the time limit), not a dropped connection
    assert live.proc.wait(15) == 0
    time.sleep(0.3)
    assert [p for p in (*workers, *live.workers()) if _alive(p)] == []


def _cpu_ticks(pid: int) -> int:
    """User + system CPU time of a process in clock ticks (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def read_all(sock: socket.socket, within: float = 10) -> bytes:
    """Everything the server sends until it closes (a reset after the answer counts as closing)."""
    sock.settimeout(within)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except ConnectionResetError:
        pass
    return data


def read_answer(sock: socket.socket) -> bytes:
    """One whole answer (headers and its Content-Length of body) from a connection kept open."""
    sock.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _length(data):
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"the server closed the connection after {data!r}")
        data += chunk
    return data


def _length(data: bytes) -> int:
    return int(head_of(data)[1]["content-length"])


def head_of(answer: bytes) -> tuple[str, dict[str, str]]:
    """The status line and the headers (names lower-cased) of one raw HTTP answer."""
    lines = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    return lines[0], {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}


def test_waitress_own_error_answers_carry_the_security_headers(live: Live) -> None:
    """Requests refused by waitress before the app sees them get the headers the app's pages get."""
    page = httpx.get(live.url + "/", timeout=10)
    expected = {name: page.headers[name] for name in SECURITY}
    refused = {
        b"NOT-HTTP\r\n\r\n": "400",
        b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 10_000 + b"\r\n\r\n": "431",
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 300000\r\n\r\n": "413",
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n": "400",
        b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n": "501",
    }
    for request, status in refused.items():
        with connect(live.port) as sock:
            sock.sendall(request)
            line, headers = head_of(read_all(sock))
        assert line.split()[1] == status, (request[:40], line)
        assert {name: headers.get(name) for name in SECURITY} == expected, line


def refused_soon(port: int, within: float = 10) -> bool:
    """True once the server stops accepting connections (it has begun to stop)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except ConnectionRefusedError:
            return True
        time.sleep(0.02)
    return False


def test_sigterm_closes_idle_keep_alive_connections_and_answers_the_rest_with_close(live: Live) -> None:
    """As nginx and gunicorn stop: a keep-alive connection idle for shutdown_idle_s (2 s here) is
    closed with no answer; a request that arrived just before the signal is answered, not dropped; a
    request sent after it on a connection that had just been used, one half received when it came and
    a query in flight get their own answers (not 503 for stopping) with ``Connection: close``; then
    the server exits and no worker is left."""
    workers = live.workers()
    ask = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n"
    idle = connect(live.port)
    early = late = half = None
    try:
        idle.sendall(ask)
        assert read_answer(idle).startswith(b"HTTP/1.1 200")
        answers: list[httpx.Response | Exception] = []

        def slow() -> None:
            try:
                answers.append(httpx.get(live.url + "/sparql", params={"query": SLOW}, timeout=30))
            except httpx.HTTPError as exc:
                answers.append(exc)

        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.7)  # the query is running now
        early, late, half = (connect(live.port) for _ in range(3))  # (idle_timeout_s is 3 s)
        for sock in (early, late):  # keep-alive connections just used
            sock.sendall(ask)
            assert read_answer(sock).startswith(b"HTTP/1.1 200")
        half.sendall(ask[:-2])  # now: a request half received for request_timeout_s (2 s) is cut off
        early.sendall(ask)  # in the server's socket buffer before the signal is sent
        live.proc.send_signal(signal.SIGTERM)
        assert refused_soon(live.port)
        answer = read_answer(early)  # answered (the answer may precede the drain: keep-alive or not)
        assert head_of(answer)[0] == "HTTP/1.1 200 OK" and answer.endswith(b"true}")
        for sock in (late, half):
            sock.sendall(ask if sock is late else b"\r\n")  # a request, or the rest of one, after the signal
            line, headers = head_of(read_all(sock))
            assert line == "HTTP/1.1 200 OK" and headers["connection"] == "close"
        assert read_all(idle) == b""  # closed with no answer (no request was sent on it)
        assert read_all(early) == b""  # then closed too, at the latest once idle for 2 s
        thread.join(30)
        (slow_answer,) = answers
        assert isinstance(slow_answer, httpx.Response), repr(slow_answer)
        assert slow_answer.status_code == 503  # the query's time limit (3 s)
        assert slow_answer.headers["connection"] == "close"
        assert live.proc.wait(15) == 0
    finally:
        for opened in (idle, early, late, half):
            if opened is not None:
                opened.close()
    time.sleep(0.3)
    assert [p for p in (*workers, *live.workers()) if _alive(p)] == []


def test_kill_9_of_the_server_takes_its_workers_with_it(live: Live) -> None:
    httpx.get(live.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    workers = live.workers()
    assert workers
    os.kill(live.proc.pid, signal.SIGKILL)
    live.proc.wait(10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    assert [p for p in workers if _alive(p)] == []
