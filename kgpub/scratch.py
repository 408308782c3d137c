"""A scratch copy of the project and a real ``kgpub serve`` process on it (for the soak and its tests).

Why: load and fault runs kill builds, corrupt published files and restart servers; they must do that to
a private copy (data/, ontology/, shapes/, queries/ and var/ under a temp folder), never to the
project's own ``var/`` or ``data/``. The server is the real command (``python -m kgpub serve``) in
its own session, so that it, its query workers and anything they start can be signalled as a group
and nothing outlives the run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from .config import PROJECT_ROOT, Settings
from .loadtest import process_tree

INPUTS = ("data", "ontology", "shapes", "queries")
READY_TIMEOUT_S = 60.0


def copy_project(root: Path) -> Settings:
    """Settings whose inputs and var/ are private copies under ``root``."""
    for name in INPUTS:
        shutil.copytree(PROJECT_ROOT / name, root / name)
    return Settings.rooted_at(root)


def environment(settings: Settings) -> dict[str, str]:
    """This process's environment with ``KGPUB_*`` pointing at ``settings``' folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGPUB_")}
    for name in (*INPUTS, "var"):
        env[f"KGPUB_{name.upper()}_DIR"] = str(getattr(settings, f"{name}_dir"))
    env["KGPUB_BASE_IRI"] = settings.base_iri
    env["KGPUB_REUSE_MAX_CHANGED"] = str(settings.reuse_max_changed)  # the faults ask for full builds
    return env


def kgpub(settings: Settings, *args: str, timeout: float = 300.0) -> subprocess.CompletedProcess[str]:
    """Run the ``kgpub`` command on the scratch project and wait for it."""
    return subprocess.run(
        [sys.executable, "-m", "kgpub", *args],
        env=environment(settings),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Stopped:
    """How a server ended: exit code, seconds from the signal, processes of its tree still alive."""

    returncode: int | None
    seconds: float
    orphans: list[int]


class Server:
    """``kgpub serve`` on a loopback port, started and stopped by this process."""

    def __init__(self, settings: Settings, port: int | None = None, log: Path | None = None) -> None:
        self.settings = settings
        self.port = port or free_port()
        self.log = log or settings.var_dir.parent / "serve.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, timeout: float = READY_TIMEOUT_S) -> Server:
        """Start the server and wait until it answers ``/`` with any status — a damaged build is a 503,
        and what it answers is for the caller to judge (RuntimeError if it does not answer at all)."""
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kgpub", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=environment(self.settings),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
                raise RuntimeError(f"kgpub serve exited with {self.proc.returncode}: {' / '.join(tail)}")
            try:
                httpx.get(self.url + "/", timeout=5)
                return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"kgpub serve did not answer within {timeout:g} s; see {self.log}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> Stopped:
        """Send ``sig`` and wait; then report which processes of its tree outlived it (and end them)."""
        assert self.proc is not None
        tree = [p for p in process_tree(self.proc.pid) if p != self.proc.pid]
        start = time.monotonic()
        self.proc.send_signal(sig)
        try:
            code: int | None = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            code = None
        seconds = time.monotonic() - start
        time.sleep(0.2)  # a worker whose parent just exited gets a moment to notice
        orphans = [p for p in tree if _alive(p)]
        self.kill()
        return Stopped(code, seconds, orphans)

    def kill(self) -> None:
        """End the server's whole session (it and every process it started), if still running."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()


def _alive(pid: int) -> bool:
    """True if ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
