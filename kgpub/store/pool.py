"""A pool of query worker processes, each killed and replaced when a query passes its deadline.

Why processes: see :mod:`kgpub.store.worker`. Workers are started with ``subprocess`` (not
``multiprocessing``) so that a child never re-imports the parent's ``__main__`` — the server may be
running as ``python -m kgpub`` or under pytest — and talks over its own stdin/stdout only.

The pool bounds three things, each a setting (:class:`~kgpub.config.Settings`):

- **running**: at most ``size`` workers, so queries cannot take more cores than the operator gave;
- **waiting**: at most ``max_waiting`` requests wait for a worker; one more is refused at once with
  503 instead of tying up a server thread (so a flood of expensive queries cannot take every thread);
- **time**: a query is killed at its deadline, and a worker that dies (memory cap, engine crash) is
  replaced; its client gets 503 and the server goes on.
"""

from __future__ import annotations

import logging
import os
import select
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from time import monotonic
from typing import IO

from ..errors import PublishError, QueryRefused
from .worker import Job, Reply, WorkerConfig, read_message, write_message

log = logging.getLogger(__name__)

START_TIMEOUT_S = 60.0
# Not ``-m kgpub.store.worker``: that would make the message classes ``__main__.Job``/``Reply``.
_ENTRY = "import sys; from kgpub.store.worker import main; sys.exit(main(sys.argv))"
#: A crashed engine's Rust backtrace would put dozens of lines per crash into the server log, where
#: one line per crash is the rule (the pool logs it): workers never inherit these.
_NOT_INHERITED = frozenset({"RUST_BACKTRACE", "RUST_LIB_BACKTRACE"})


#: Workers are started from this one long-lived thread: a worker asks the kernel to kill it when its
#: parent ends (``PR_SET_PDEATHSIG``), and Linux means the parent *thread* — a request thread that
#: started a worker and then ended would take the worker with it.
_SPAWNER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kgpub-worker-spawner")


class WorkerCrashed(QueryRefused):
    """The worker ended while running a query (memory cap or an engine crash); it is replaced."""


class _Worker:
    """One child process and its pipes."""

    def __init__(self, config: WorkerConfig) -> None:
        self.proc = _SPAWNER.submit(
            subprocess.Popen,
            [sys.executable, "-c", _ENTRY, *config.argv()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            env={k: v for k, v in os.environ.items() if k not in _NOT_INHERITED},
        ).result()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.stdout: IO[bytes] = self.proc.stdout
        try:
            reply = self.receive(START_TIMEOUT_S)
        except (OSError, EOFError):
            reply = None
        if reply is None or reply.error is not None:
            self.kill()
            message = reply.message if reply is not None else "it did not start in time"
            raise PublishError(f"cannot start a query worker: {message}")
        #: how the worker confined itself, e.g. ``network=netns address-space-cap=…``
        self.confinement = reply.message

    @property
    def pid(self) -> int:
        return self.proc.pid

    def receive(self, timeout_s: float) -> Reply | None:
        """The next reply, or None if none arrived within the time."""
        ready, _, _ = select.select([self.stdout], [], [], max(0.0, timeout_s))
        if not ready:
            return None
        reply: Reply = read_message(self.stdout)
        return reply

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.stdin, self.stdout):
            stream.close()


class WorkerPool:
    """At most ``size`` workers and ``max_waiting`` waiters; a query waits within its own deadline."""

    def __init__(
        self, config: WorkerConfig, size: int, *, max_waiting: int | None = None, name: str = ""
    ) -> None:
        """``config``: what a worker opens and how it confines itself (:class:`WorkerConfig`)."""
        self.config = config
        self.size = size
        self.max_waiting = 4 * size if max_waiting is None else max_waiting
        self.name = name or "query"
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._started = 0
        self._waiting = 0
        self._closed = False
        self._cond = threading.Condition()
        self.confinement = ""

    def start(self) -> None:
        """Start one worker now, so a broken store fails here and not on the first request."""
        self._release(self._acquire(monotonic() + START_TIMEOUT_S))

    def run(self, job: Job, timeout_s: float) -> Reply:
        """Run a job; past ``timeout_s`` of execution the worker is killed and QueryRefused raised.

        Waiting for a free worker is bounded by the same time; starting one is not counted.
        """
        worker = self._acquire(monotonic() + timeout_s)
        try:
            write_message(worker.stdin, job)
            reply = worker.receive(timeout_s)
        except (OSError, EOFError) as exc:
            code = worker.proc.poll()
            self._discard(worker)
            log.warning("%s worker %d ended during a query (exit %s): %s", self.name, worker.pid, code, exc)
            raise WorkerCrashed(
                "the query stopped its worker (it needed more memory than this endpoint allows, or it "
                "crashed the engine); the worker was replaced. Simplify the query or add LIMIT."
            ) from exc
        except BaseException:
            self._discard(worker)
            raise
        if reply is None:
            self._discard(worker)
            raise QueryRefused(f"the query ran longer than {timeout_s:g} s, the limit of this endpoint")
        self._release(worker)
        return reply

    def pids(self) -> list[int]:
        """The process ids of the workers alive now (for tests and the load tool's RSS figures)."""
        with self._cond:
            return [w.pid for w in (*self._idle, *self._busy)]

    def close(self, *, kill_busy: bool = False) -> None:
        """Stop idle workers now; busy ones when their query ends, or now with ``kill_busy``."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._started -= len(idle)
            busy = list(self._busy) if kill_busy else []
            self._cond.notify_all()
        for worker in (*idle, *busy):
            worker.kill()

    def _acquire(self, deadline: float) -> _Worker:
        with self._cond:
            if self._waiting >= self.max_waiting and not self._idle and self._started >= self.size:
                raise QueryRefused(
                    f"the endpoint is busy: {self.size} queries are running and {self._waiting} waiting; "
                    "try again shortly"
                )
            self._waiting += 1
            try:
                while True:
                    if self._closed:
                        raise QueryRefused(
                            "the store was replaced by a new build, or the server is stopping; try again"
                        )
                    if self._idle:
                        worker = self._idle.pop()
                        self._busy.add(worker)
                        return worker
                    if self._started < self.size:
                        self._started += 1
                        break
                    if not self._cond.wait(deadline - monotonic()) and deadline <= monotonic():
                        raise QueryRefused("the endpoint is busy with other queries; try again shortly")
            finally:
                self._waiting -= 1
        try:
            worker = _Worker(self.config)
        except BaseException:
            self._release(None)
            raise
        with self._cond:
            self.confinement = worker.confinement
            self._busy.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        self._release(None, worker)

    def _release(self, worker: _Worker | None, gone: _Worker | None = None) -> None:
        """Give a worker back (None: ``gone`` was killed, so make room for a new one)."""
        with self._cond:
            for known in (worker, gone):
                if known is not None:
                    self._busy.discard(known)
            if worker is not None and not self._closed:
                self._idle.append(worker)
            else:
                self._started -= 1
                if worker is not None:
                    worker.kill()
            self._cond.notify()


def default_pool_size() -> int:
    return max(1, min(4, os.cpu_count() or 2))
