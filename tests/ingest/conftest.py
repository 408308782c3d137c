"""A small municipal web site on loopback for the ingest tests: real HTTP, real sockets, no network.

``site`` starts a threaded ``http.server`` on 127.0.0.1 (a free port) for one test. Routes are
plain data the test can change while the server runs (a page edited between two fetches); every
request is logged with its headers and arrival time, and streamed routes count the bytes they
actually sent, so tests can check what the client asked for and when it stopped reading.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kgpub.config import Settings

PAGES = Path(__file__).parent / "pages"
LAST_MODIFIED = "Wed, 12 Mar 2025 08:00:00 GMT"


@dataclass
class Route:
    """One answer: status, headers, body; or ``stream`` bytes of HTML without a Content-Length."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    validators: bool = True  # send ETag/Last-Modified and answer 304 to a matching If-None-Match
    stream: int = 0
    delay_s: float = 0.0


@dataclass
class Request:
    at: float
    path: str
    headers: dict[str, str]


class Site:
    """The routes and the request log of one running server."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self.sent: dict[str, int] = {}
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, name: str) -> bytes:
        """Serve the saved page ``pages/<name>`` at ``path``; returns its bytes."""
        body = (PAGES / name).read_bytes()
        self.routes[path] = Route(body)
        return body

    def paths(self) -> list[str]:
        return [r.path for r in self.log]


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection; a body ends when the socket closes

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            return

        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            site.log.append(Request(time.monotonic(), self.path, headers))
            route = site.routes.get(self.path)
            if route is None:
                self._send(404, {"Content-Type": "text/html"}, b"<html><body><h1>Not found</h1></body>")
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            if route.stream:
                self._stream(route)
                return
            headers = dict(route.headers)
            if route.validators and route.status == 200:
                headers["ETag"] = _etag(route.body)
                headers["Last-Modified"] = LAST_MODIFIED
                if self.headers.get("If-None-Match") == headers["ETag"]:
                    self._send(304, {"ETag": headers["ETag"]}, b"")
                    return
            self._send(route.status, headers, route.body)

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _stream(self, route: Route) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            chunk = b"<p>" + b"Kaupunginvaltuusto kokoontuu. " * 2000 + b"</p>\n"
            sent = 0
            try:
                self.wfile.write(b"<!DOCTYPE html><html lang='fi'><body>")
                while sent < route.stream:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                site.sent[self.path] = sent

    return Handler


@contextmanager
def running_site() -> Iterator[Site]:
    """A loopback site with ``robots.txt`` disallowing ``/private/``, stopped on leaving the block (also
    used outside this folder: tests/browser/test_publish_city.py publishes a city from it)."""
    state = Site()
    state.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}, validators=False
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def site() -> Iterator[Site]:
    """A running loopback site (:func:`running_site`) for one test."""
    with running_site() as state:
        yield state


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Ingest settings for tests: a private data folder, no politeness pause, short timeouts."""
    return Settings(
        data_dir=tmp_path / "data",
        var_dir=tmp_path / "var",
        ingest_delay_s=0.0,
        ingest_read_timeout_s=2.0,
        ingest_connect_timeout_s=2.0,
        ingest_contact="ingest-tests@example.org",
    )
