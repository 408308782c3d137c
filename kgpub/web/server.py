"""The production server: waitress with the connection limits of a public endpoint, and a clean stop.

waitress buffers a whole request before a thread sees it, so slow clients cost no threads — but they
cost connections, and waitress stops accepting *anyone* at its connection limit (100 by default) and
only closes a connection after 120 s with no byte received. A client that opens many connections, or
sends a request one byte every few seconds (slow-loris), could keep everybody else out. So:

- ``max_connections`` (waitress ``connection_limit``) is high, and ``max_connections_per_client``
  closes a new connection at once when its address already holds that many (0: off — behind a reverse
  proxy every connection comes from the proxy, so limit there; see docs/reliability.md);
- ``idle_timeout_s`` (waitress ``channel_timeout``) closes idle keep-alive connections;
- ``request_timeout_s`` closes a connection whose request has not arrived *whole* in that time since
  its first byte, however steadily it trickles;
- ``max_request_header_bytes`` / ``max_request_body_bytes`` (waitress ``max_request_header_size`` /
  ``max_request_body_size``): waitress spools a whole body to disk before the app sees it, 1 GiB by
  default, which no kgpub request needs.

Answers waitress makes itself, before or instead of the app (400 for a malformed request line, 431,
413, 500 when the app raised, 501), carry the same security headers as the app's
(:data:`kgpub.web.security.SECURITY_HEADERS`): :class:`GuardedTask` adds them to every response.

:func:`serve` stops gracefully on SIGTERM/SIGINT, as nginx and gunicorn do: it stops accepting and
closes the keep-alive connections idle for ``shutdown_idle_s`` — at once those idle longer, the others
as they reach it; a connection whose next request has already arrived is served first (closing a
connection its client is about to reuse is what fails a request with no answer). Requests in flight,
and requests half received, may finish for at most ``shutdown_grace_s``; every answer then says
``Connection: close`` so the client opens its next connection to whatever replaces this server. Then
it ends every query worker (busy ones too) and exits — no worker outlives the server (and if the
server is killed outright, the kernel ends them: see :mod:`kgpub.store.sandbox`).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import threading
import time
from collections import Counter
from types import FrameType
from typing import Any

from flask import Flask
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, WSGITask

from ..config import Settings
from .security import SECURITY_HEADERS

log = logging.getLogger(__name__)


class _Answering:
    """What every response waitress writes gets, the app's or waitress's own: the security headers
    (unless the app set its own), and ``Connection: close`` while the server drains."""

    channel: Any
    request: Any
    response_headers: list[tuple[str, str]]

    def build_response_header(self) -> bytes:
        present = {name.lower() for name, _ in self.response_headers}
        self.response_headers.extend(
            (name, value) for name, value in SECURITY_HEADERS.items() if name.lower() not in present
        )
        if self.channel.server.draining:  # answer as if the client had asked to close
            self.request.headers["CONNECTION"] = "close"
        header: bytes = super().build_response_header()  # type: ignore[misc]
        return header


class GuardedTask(_Answering, WSGITask):  # type: ignore[misc]
    """A response from the app."""


class GuardedErrorTask(_Answering, ErrorTask):  # type: ignore[misc]
    """waitress's own error response (400, 413, 431, 500, 501)."""


class GuardedChannel(HTTPChannel):  # type: ignore[misc]
    """A connection that remembers when its current request started and frees its address's place."""

    task_class = GuardedTask
    error_task_class = GuardedErrorTask
    request_started: float | None = None
    _counted = False

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_started = time.monotonic()  # the first byte of a new request
        done: bool = super().received(data)
        if self.request is None:
            self.request_started = None  # no request half-received any more
        return done

    def del_channel(self, map: Any = None) -> None:
        if self._counted:
            self._counted = False
            self.server.forget(self.addr)
        super().del_channel(map)

    def idle(self, for_s: float) -> bool:
        """Nothing sent or received for ``for_s`` seconds, no request in flight, none half received,
        nothing left to send, no byte waiting to be read (a request that arrived just as the server
        began to stop is served, not dropped)."""
        if self.requests or self.request is not None or self.total_outbufs_len:
            return False
        if time.time() - self.last_activity < for_s:
            return False
        try:
            waiting = self.socket.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return True
        except OSError:
            return True  # a broken connection: nothing to serve on it
        return not waiting  # b"": the client closed its end


class GuardedServer(TcpWSGIServer):  # type: ignore[misc]
    """waitress's TCP server with a per-address connection cap and a whole-request deadline."""

    channel_class = GuardedChannel

    def __init__(
        self, app: Any, *, per_client: int, request_timeout_s: float, drain_idle_s: float = 0.0, **kw: Any
    ) -> None:
        self.per_client = per_client
        self.request_timeout_s = request_timeout_s
        self.drain_idle_s = drain_idle_s
        self._per_address: Counter[str] = Counter()
        self._count_lock = threading.Lock()
        self.refused = 0  # connections closed at once because their address had too many
        self.draining = False  # set on SIGTERM: answers say Connection: close
        super().__init__(app, **kw)

    def handle_accept(self) -> None:
        try:
            accepted = self.accept()
            if accepted is None:
                return
            conn, addr = accepted
            self.set_socket_options(conn)
        except OSError:
            return
        address = _host(addr)
        with self._count_lock:
            if self.per_client and self._per_address[address] >= self.per_client:
                self.refused += 1
                conn.close()
                return
            self._per_address[address] += 1
        channel = self.channel_class(self, conn, self.fix_addr(addr), self.adj, map=self._map)
        channel._counted = True

    def forget(self, addr: Any) -> None:
        address = _host(addr)
        with self._count_lock:
            self._per_address[address] -= 1
            if self._per_address[address] <= 0:
                del self._per_address[address]

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        deadline = time.monotonic() - self.request_timeout_s
        for channel in list(self.active_channels.values()):
            started = getattr(channel, "request_started", None)
            if started is not None and started < deadline and not channel.requests:
                channel.will_close = True  # a request that never arrives whole

    def start_draining(self) -> None:
        """Stop accepting and close the idle connections; run in the main loop's thread."""
        self.draining = True
        wasyncore.dispatcher.close(self)
        self.close_idle()

    def close_idle(self) -> None:
        """Close the connections with nothing to do for ``drain_idle_s`` (run in the main loop's
        thread while draining, again and again: a connection that was still busy when the signal came
        becomes idle later — if its last answer was a keep-alive one, its client may send one more
        request in the meantime, which is answered with ``Connection: close``)."""
        for channel in list(self.active_channels.values()):
            if channel.idle(self.drain_idle_s):
                channel.handle_close()

    def connections(self) -> int:
        """Client connections still open."""
        return len(self.active_channels)


def _host(addr: Any) -> str:
    return str(addr[0]) if isinstance(addr, tuple | list) and addr else str(addr)


def make_server(
    app: Flask, settings: Settings, *, port: int | None = None, threads: int | None = None
) -> Any:
    """A :class:`GuardedServer` for ``app`` on ``settings.host`` (port 0 picks a free one)."""
    return GuardedServer(
        app,
        per_client=settings.max_connections_per_client,
        request_timeout_s=settings.request_timeout_s,
        drain_idle_s=settings.shutdown_idle_s,
        host=settings.host,
        port=settings.port if port is None else port,
        threads=threads or settings.threads,
        connection_limit=settings.max_connections,
        max_request_header_size=settings.max_request_header_bytes,
        max_request_body_size=settings.max_request_body_bytes,
        channel_timeout=settings.idle_timeout_s,
        cleanup_interval=max(1, min(30, int(settings.request_timeout_s // 2))),
        ident="kgpub",
    )


def serve(server: Any, settings: Settings, on_stop: Any) -> None:
    """Run until SIGTERM/SIGINT, then drain (at most ``shutdown_grace_s``) and call ``on_stop``."""
    stopping = threading.Event()

    def ask_to_stop(signum: int, _frame: FrameType | None) -> None:
        if stopping.is_set():
            return
        stopping.set()
        log.warning("signal %d: no new connections; finishing the requests in flight", signum)
        server.accepting = False  # out of the next select(); answers from now on say close,
        server.draining = True  # the rest in the loop's own thread,
        server.trigger.pull_trigger(server.start_draining)  # not mid-select
        threading.Thread(target=_drain, args=(server, settings, on_stop), daemon=True).start()

    previous = {sig: signal.signal(sig, ask_to_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if not stopping.is_set():
            on_stop()
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)


def _drain(server: Any, settings: Settings, on_stop: Any) -> None:
    """Wait (bounded) until every connection has had its last answer and closed — each one closes
    after its answer while draining —, end the workers, then close whatever is left in the main
    loop's own thread (a trigger thunk), which ends ``server.run()``."""
    deadline = time.monotonic() + settings.shutdown_grace_s
    dispatcher = server.task_dispatcher
    while time.monotonic() < deadline:
        with dispatcher.lock:
            busy = dispatcher.active_count + len(dispatcher.queue)
        if busy == 0 and server.connections() == 0:
            break
        server.trigger.pull_trigger(server.close_idle)
        time.sleep(0.05)
    else:
        log.warning("requests still running after %.0f s; stopping anyway", settings.shutdown_grace_s)
    on_stop()  # ends every query worker, busy ones too
    time.sleep(0.2)  # let the last responses flush

    def close_everything() -> None:
        for channel in list(server._map.values()):
            with contextlib.suppress(OSError):
                channel.close()

    server.trigger.pull_trigger(close_everything)
