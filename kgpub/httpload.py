"""The benchmarks' HTTP load: N keep-alive HTTP/1.1 connections asking for one request, from client
processes of their own (:mod:`kgpub.bench_deref`, :mod:`kgpub.bench_sparql`).

Raw sockets, not an HTTP library: the client shares the machine's cores with the server, and the
cheaper a request is to send and read, the higher the ceiling the client puts on the fastest servers
(it is the same client for every server measured). The connections are split over two processes
(one GIL each); each connection comes from its own loopback address (127.77.x.y, as
:func:`kgpub.loadtest.source_address` gives), so a server's per-client limits count each connection as
one client, as separate users would be.

:func:`hammer` returns a :class:`Sample`: every latency and status, and the requests per second of
the run (completions over the time each process took, its last request included).
"""

from __future__ import annotations

import multiprocessing
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from .loadtest import percentile, source_address

#: A request still unanswered after this long is counted as a timeout and its connection reopened.
REQUEST_TIMEOUT_S = 120.0
#: Pseudo-statuses in :attr:`Sample.statuses`.
RECONNECT, TIMEOUT = -1, -2


@dataclass
class Sample:
    """One load run: latencies (s), statuses (count by code; :data:`RECONNECT`, :data:`TIMEOUT`) and
    the throughput (requests/s)."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    rps: float = 0.0

    @property
    def p50_ms(self) -> float | None:
        value = percentile(self.latencies, 50)
        return None if value is None else value * 1000

    @property
    def p95_ms(self) -> float | None:
        value = percentile(self.latencies, 95)
        return None if value is None else value * 1000

    @property
    def ok(self) -> int:
        """How many answers were 2xx/3xx."""
        return sum(v for k, v in self.statuses.items() if 200 <= k < 400)

    def shown_statuses(self) -> str:
        names = {RECONNECT: "reconnect", TIMEOUT: "timeout"}
        return ", ".join(f"{names.get(k, k)}×{v}" for k, v in sorted(self.statuses.items()))


def get_request(port: int, path: str, accept: str) -> bytes:
    """A keep-alive ``GET path`` to loopback ``port``."""
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: {accept}\r\n\r\n".encode("latin-1")


def read_response(sock: socket.socket, buf: bytearray) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked) from ``sock``; its status code."""
    while b"\r\n\r\n" not in buf:
        _receive(sock, buf)
    head_end = buf.index(b"\r\n\r\n") + 4
    head = bytes(buf[:head_end]).decode("latin-1").lower()
    status = int(head[9:12])
    del buf[:head_end]
    if "transfer-encoding: chunked" in head:
        while True:
            while b"\r\n" not in buf:
                _receive(sock, buf)
            line_end = buf.index(b"\r\n")
            size = int(bytes(buf[:line_end]).split(b";")[0], 16)
            while len(buf) < line_end + 2 + size + 2:
                _receive(sock, buf)
            del buf[: line_end + 2 + size + 2]
            if size == 0:
                return status
    length = 0
    for line in head.split("\r\n"):
        if line.startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    while len(buf) < length:
        _receive(sock, buf)
    del buf[:length]
    return status


def _receive(sock: socket.socket, buf: bytearray) -> None:
    chunk = sock.recv(65536)
    if not chunk:
        raise ConnectionError("closed")
    buf += chunk


def _connect(port: int, address: str | None) -> socket.socket:
    sock = socket.create_connection(
        ("127.0.0.1", port), timeout=REQUEST_TIMEOUT_S, source_address=(address, 0) if address else None
    )
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _client(
    port: int,
    request: bytes,
    seconds: float,
    addresses: Sequence[str | None],
    out: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    times: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    began = time.monotonic()
    stop = began + seconds

    def one(address: str | None) -> None:
        local: list[float] = []
        seen: dict[int, int] = {}
        sock, buf = _connect(port, address), bytearray()
        while (start := time.monotonic()) < stop:
            try:
                sock.sendall(request)
                status = read_response(sock, buf)
            except OSError as exc:  # a closed keep-alive connection (nginx after N requests), a timeout
                code = TIMEOUT if isinstance(exc, TimeoutError) else RECONNECT
                seen[code] = seen.get(code, 0) + 1
                sock.close()
                sock, buf = _connect(port, address), bytearray()
                continue
            local.append(time.monotonic() - start)
            seen[status] = seen.get(status, 0) + 1
        sock.close()
        with lock:
            times.extend(local)
            for k, v in seen.items():
                statuses[k] = statuses.get(k, 0) + v

    workers = [threading.Thread(target=one, args=(a,)) for a in addresses]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    out.put((times, statuses, time.monotonic() - began))


def hammer(
    port: int, request: bytes, seconds: float, connections: int, *, own_addresses: bool = True
) -> Sample:
    """``connections`` keep-alive clients sending ``request`` to loopback ``port`` for ``seconds``."""
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    addresses = [source_address("http://127.0.0.1", n) if own_addresses else None for n in range(connections)]
    half = max(1, connections // 2)
    parts = [addresses[:half], addresses[half:]]
    procs = [
        multiprocessing.Process(target=_client, args=(port, request, seconds, part, queue))
        for part in parts
        if part
    ]
    for p in procs:
        p.start()
    sample = Sample()
    for _ in procs:
        times, statuses, elapsed = queue.get()
        sample.latencies += times
        sample.rps += len(times) / max(elapsed, 1e-9)
        for k, v in statuses.items():
            sample.statuses[k] = sample.statuses.get(k, 0) + v
    for p in procs:
        p.join()
    return sample
