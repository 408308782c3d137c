"""The real ``kgpub serve`` process under hostile connections, and how it stops.

Each test drives a live server on loopback with small limits (set through ``KGPUB_*`` like an
operator would): a client holding many connections, a slow-loris request, an idle keep-alive
connection, SIGTERM with a query in flight, and ``kill -9``.
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
}
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

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.7)  # the query is running now
    live.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    with pytest.raises(httpx.TransportError):
        httpx.get(live.url + "/", timeout=2)  # no new connections once stopping
    thread.join(30)
    assert answers == [503]  # its own answer (the time limit), not a dropped connection
    assert live.proc.wait(15) == 0
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
