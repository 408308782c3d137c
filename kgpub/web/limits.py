"""Per-client fairness on the public SPARQL endpoint: ``public_query`` is how every view runs one.

The store already keeps /sparql on its own workers (the ``sparql`` lane) with a bounded queue, so pages
never wait behind it. This module adds the per-client bound: one client address may have at most
``sparql_per_client`` queries running or waiting; one more is answered ``429 Too Many Requests`` with
``Retry-After`` at once, before it takes a worker or a queue place. Two clients looping an expensive
query therefore cannot fill the queue either.

The client address is the TCP peer, or — only when the operator says a reverse proxy sets it — the
last address of ``settings.client_address_header`` (e.g. ``X-Forwarded-For``; the last one is the one
the trusted proxy appended, the others are the client's to invent).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app, request

from ..errors import TooManyQueries
from ..store import QueryResult
from . import current_settings, current_store


class ClientLimiter:
    """Counts the queries each client address has in flight (thread-safe)."""

    def __init__(self, per_client: int) -> None:
        self.per_client = per_client
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def slot(self, client: str) -> Iterator[None]:
        """Hold one of ``client``'s places for the duration; TooManyQueries (429) if none is free."""
        with self._lock:
            if self.per_client and self._running[client] >= self.per_client:
                raise TooManyQueries(
                    f"this client already has {self._running[client]} queries running or waiting, the limit "
                    f"per client of this endpoint ({self.per_client}); wait for them, then try again"
                )
            self._running[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[client] -= 1
                if self._running[client] <= 0:
                    del self._running[client]


def client_address() -> str:
    """The address the per-client limits count (see the module docstring)."""
    header = current_settings().client_address_header
    if header:
        forwarded = request.headers.get(header, "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.remote_addr or "unknown"


def public_query(
    sparql: str, default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()
) -> QueryResult:
    """Run a query from the public endpoint: per-client bound, then the store's ``sparql`` lane."""
    limiter: ClientLimiter = current_app.extensions["kgpub"]["limiter"]
    with limiter.slot(client_address()):
        return current_store().query(
            sparql, default_graph_uris=default_graphs, named_graph_uris=named_graphs, lane="sparql"
        )
