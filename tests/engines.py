"""Real SPARQL engines for the tests, started on loopback from what ``make install`` installs.

:class:`OxigraphServer` runs the ``oxigraph`` binary of the PyPI package ``oxigraph`` (a dev
dependency) on a free loopback port with a RocksDB directory, so it can be killed and restarted on
the same data — what the remote-backend tests do to check 503s, recovery and failed loads.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from kgpub.config import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def oxigraph_binary() -> str:
    """The ``oxigraph`` next to this Python (the venv's), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    assert found, "the oxigraph server binary is missing: run `make install` (dev dependency oxigraph)"
    return found


class OxigraphServer:
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` — started, killed, restarted."""

    def __init__(self, location: Path, *, timeout_s: int = 5) -> None:
        self.location = location
        self.port = free_port()
        self.timeout_s = timeout_s
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings(self, base: Settings) -> Settings:
        """``base`` switched to this engine (query, update and Graph Store Protocol URLs)."""
        return base.with_(
            backend="remote",
            remote_query_url=f"{self.url}/query",
            remote_update_url=f"{self.url}/update",
            remote_store_url=f"{self.url}/store",
        )

    def start(self) -> None:
        command = [oxigraph_binary(), "serve", "--location", str(self.location)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--timeout-s", str(self.timeout_s)]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError("oxigraph serve did not answer within 30 s")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def __enter__(self) -> OxigraphServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()
