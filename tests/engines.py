"""Real SPARQL engines for the tests, started on loopback from what ``make install`` installs.

:class:`OxigraphServer` runs the ``oxigraph`` binary of the PyPI package ``oxigraph`` (a dev
dependency) on a free loopback port with a RocksDB directory, so it can be killed and restarted on
the same data — what the remote-backend tests do to check 503s, recovery and failed loads.
:class:`VirtuosoServer` does the same with Debian's ``virtuoso-t`` (``make system-deps``), its database
and its own ``virtuoso.ini`` in a temporary directory. Both have one interface (``start``, ``kill``,
``settings``, ``url``); :data:`ENGINES` names them for parametrised fixtures.
"""

from __future__ import annotations

import secrets
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
MaxClientConnections = 10
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
MaxClientConnections = 10
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = {timeout_s}
"""


class VirtuosoServer:
    """Debian's ``virtuoso-t +foreground`` on two loopback ports (HTTP, ISQL), data in ``location``.

    The database is created on the first start with Virtuoso's well-known ``dba``/``dba`` account; the
    password is changed at once (through ISQL on loopback, sent on stdin) to a random one that only this
    object knows, so the default never outlives the start. Reads go to the anonymous ``/sparql``;
    ``kgpub load`` writes through ``/sparql-auth`` as ``dba`` with HTTP digest authentication
    (``remote_auth="digest"``) — the anonymous ``SPARQL`` account keeps Virtuoso's read-only default.
    ``max_rows`` is ``[SPARQL] ResultSetMaxRows``: the engine's silent cut, which kgpub must detect;
    ``timeout_s`` is ``MaxQueryExecutionTime`` (past it Virtuoso answers an error, SR171).
    ``MaxSortedTopRows`` (default 10,000) is raised: the sitemap asks for 50,000 sorted rows."""

    def __init__(self, location: Path, *, timeout_s: int = 5, max_rows: int = 100_000) -> None:
        self.location = location
        self.port = free_port()
        self.isql_port = free_port()
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self.password = secrets.token_urlsafe(18)
        self.proc: subprocess.Popen[bytes] | None = None
        self._created = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

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

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def __enter__(self) -> VirtuosoServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


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
