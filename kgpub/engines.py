"""Real SPARQL engines on loopback, started from what ``make install`` installs: for the tests
(tests/engines.py re-exports this module) and the benchmarks (:mod:`kgpub.bench_sparql`,
:mod:`kgpub.bench_deref`).

:class:`OxigraphServer` runs the ``oxigraph`` binary of the PyPI package ``oxigraph`` (a dev
dependency) on a free loopback port with a RocksDB directory, so it can be killed and restarted on
the same data — what the remote-backend tests do to check 503s, recovery and failed loads — or in
memory (``location=None``, loaded with :meth:`OxigraphServer.load`).
:class:`VirtuosoServer` does the same with Debian's ``virtuoso-t`` (``make system-deps``), its database
and its own ``virtuoso.ini`` in a temporary directory. Both have one interface (``start``, ``kill``,
``settings``, ``url``); :data:`ENGINES` names them for parametrised fixtures.
:class:`RdflibEndpoint` serves a TriG file with the PyPI package ``rdflib-endpoint`` (a dev dependency),
and :func:`running` runs any other server command (``kgpub serve``, nginx) until its port answers.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

import httpx

from .config import Settings


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


class _Server:
    """A server process on a free loopback port: ``start`` (by each kind), ``kill``, ``with``."""

    port: int
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        raise NotImplementedError

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


class OxigraphServer(_Server):
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT`` — started, killed, restarted.

    ``location=None``: the in-memory store (the engine kgpub's query workers run), empty until
    :meth:`load`; ``union_default_graph``: the default graph is the union of the named graphs, as in
    kgpub's embedded store. ``timeout_s=None``: no ``--timeout-s`` — with one, the server starts a
    thread per query to watch it, and past ~10,000 queries a second on two cores thread creation fails
    (500 "Resource temporarily unavailable", then a panic; measured with Oxigraph 0.5.13)."""

    def __init__(
        self, location: Path | None, *, timeout_s: int | None = 5, union_default_graph: bool = False
    ) -> None:
        self.location = location
        self.port = free_port()
        self.timeout_s = timeout_s
        self.union_default_graph = union_default_graph

    def settings(self, base: Settings) -> Settings:
        """``base`` switched to this engine (query, update and Graph Store Protocol URLs)."""
        return base.with_(
            backend="remote",
            remote_query_url=f"{self.url}/query",
            remote_update_url=f"{self.url}/update",
            remote_store_url=f"{self.url}/store",
        )

    def start(self) -> None:
        command = [oxigraph_binary(), "serve"]
        command += ["--location", str(self.location)] if self.location is not None else []
        command += ["--union-default-graph"] if self.union_default_graph else []
        command += ["--bind", f"127.0.0.1:{self.port}"]
        command += ["--timeout-s", str(self.timeout_s)] if self.timeout_s is not None else []
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

    def load(self, trig: Path) -> None:
        """Add the quads of a TriG file (Graph Store Protocol POST of the whole dataset)."""
        with trig.open("rb") as body:
            answer = httpx.post(
                f"{self.url}/store", content=body, headers={"Content-Type": "application/trig"}, timeout=600
            )
        answer.raise_for_status()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql_port}
DisableUnixSocket = 1
MaxClientConnections = {connections}
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = .
ThreadsPerQuery = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 256M
MaxSortedTopRows = 100000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = {connections}
ServerThreads = {connections}
MaxKeepAlives = {connections}
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = {timeout_s}
"""


class VirtuosoServer(_Server):
    """Debian's ``virtuoso-t +foreground`` on two loopback ports (HTTP, ISQL), data in ``location``.

    The database is created on the first start with Virtuoso's well-known ``dba``/``dba`` account; the
    password is changed at once (through ISQL on loopback, sent on stdin) to a random one that only this
    object knows, so the default never outlives the start. Reads go to the anonymous ``/sparql``;
    ``kgpub load`` writes through ``/sparql-auth`` as ``dba`` with HTTP digest authentication
    (``remote_auth="digest"``) — the anonymous ``SPARQL`` account keeps Virtuoso's read-only default.
    ``max_rows`` is ``[SPARQL] ResultSetMaxRows``: the engine's silent cut, which kgpub must detect;
    ``timeout_s`` is ``MaxQueryExecutionTime`` (past it Virtuoso answers an error, SR171).
    ``MaxSortedTopRows`` (default 10,000) is raised: the sitemap asks for 50,000 sorted rows.
    ``connections``: HTTP threads, keep-alive connections and clients it accepts at once."""

    def __init__(
        self, location: Path, *, timeout_s: int = 5, max_rows: int = 100_000, connections: int = 10
    ) -> None:
        self.location = location
        self.connections = connections
        self.port = free_port()
        self.isql_port = free_port()
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self.password = secrets.token_urlsafe(18)
        self._created = False

    def settings(self, base: Settings) -> Settings:
        """``base`` switched to this engine: anonymous queries, authenticated SPARQL Update."""
        return base.with_(
            backend="remote",
            remote_query_url=f"{self.url}/sparql",
            remote_update_url=f"{self.url}/sparql-auth",
            remote_store_url=None,
            remote_user="dba",
            remote_password=self.password,
            remote_auth="digest",
        )

    def start(self) -> None:
        ini = self.location / "virtuoso.ini"
        if not self._created:
            binary = shutil.which("virtuoso-t")
            assert binary, "virtuoso-t is missing: run `make system-deps` (Debian virtuoso-opensource)"
            ini.write_text(
                VIRTUOSO_INI.format(
                    dir=self.location,
                    isql_port=self.isql_port,
                    http_port=self.port,
                    max_rows=self.max_rows,
                    timeout_s=self.timeout_s,
                    connections=self.connections,
                )
            )
        log = (self.location / "server.out").open("ab")
        self.proc = subprocess.Popen(
            ["virtuoso-t", "+foreground", "+configfile", str(ini)],
            cwd=self.location,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        try:
            _wait_for(f"{self.url}/sparql", {"query": "ASK {}"}, self.proc, 90)
            if not self._created:
                self._isql("dba", f"USER_CHANGE_PASSWORD('dba', 'dba', '{self.password}');")
                self._created = True
        except BaseException:
            self.kill()
            raise

    def _isql(self, password: str, script: str) -> None:
        """Run ``script`` as dba through ``isql-vt`` (ISQL on loopback); the script goes on stdin."""
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.isql_port}", "dba", password],
            input=script.encode(),
            capture_output=True,
            timeout=60,
        )
        if done.returncode != 0 or b"Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt failed: {(done.stdout + done.stderr)[-500:]!r}")


class RdflibEndpoint(_Server):
    """``rdflib-endpoint serve FILE`` (rdflib's engine behind FastAPI/uvicorn) on a free loopback port;
    its default graph is the union of the file's graphs. Queries go to ``url`` + ``/``."""

    def __init__(self, trig: Path, *, start_timeout_s: float = 600) -> None:
        self.trig = trig
        self.port = free_port()
        self.start_timeout_s = start_timeout_s

    def start(self) -> None:
        binary = Path(sys.executable).parent / "rdflib-endpoint"
        found = str(binary) if binary.exists() else shutil.which("rdflib-endpoint")
        assert found, "rdflib-endpoint is missing: run `make install` (dev dependency rdflib-endpoint)"
        command = [found, "serve", str(self.trig), "--host", "127.0.0.1", "--port", str(self.port)]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for(f"{self.url}/", {"query": "ASK {}"}, self.proc, self.start_timeout_s)
        except BaseException:
            self.kill()
            raise


def wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout_s: float = 120.0) -> None:
    """Until something accepts connections on loopback ``port``, or ``proc`` has died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


@contextmanager
def running(command: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[None]:
    """``command`` (with ``env`` added to this environment) running until the block ends, once its
    ``port`` accepts connections; stopped with SIGTERM (SIGKILL after 30 s)."""
    proc = subprocess.Popen(
        command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port, proc)
        yield
    finally:
        stop(proc)


def kgpub_serve(settings: Settings, **env: str) -> tuple[list[str], dict[str, str], int]:
    """``kgpub serve`` of ``settings.var_dir`` on a free loopback port (with ``env`` added, e.g.
    ``KGPUB_SPARQL_QUEUE``): the command, its environment and the port, for :func:`running`."""
    port = free_port()
    base_env = {
        "KGPUB_VAR_DIR": str(settings.var_dir),
        "KGPUB_BASE_IRI": settings.base_iri,
        "KGPUB_PUBLIC_BASE": f"http://127.0.0.1:{port}/",
        "KGPUB_PORT": str(port),
    }
    return [sys.executable, "-m", "kgpub", "serve"], {**base_env, **env}, port


def stop(proc: subprocess.Popen[bytes], timeout_s: float = 30.0) -> None:
    """SIGTERM, then SIGKILL if ``proc`` has not ended after ``timeout_s``."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait_for(url: str, params: dict[str, str], proc: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Until ``url`` answers 200 (a loaded machine can take long), or the process has died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} exited with {proc.returncode} before answering")
        try:
            if httpx.get(url, params=params, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout_s:g} s")


def engine_at(name: str, location: Path) -> OxigraphServer | VirtuosoServer:
    """A stopped engine by name (the ids of parametrised fixtures)."""
    if name == "virtuoso":
        return VirtuosoServer(location)
    assert name == "oxigraph", name
    return OxigraphServer(location)


ENGINES = ["oxigraph", "virtuoso"]
