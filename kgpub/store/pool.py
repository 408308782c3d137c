"""A pool of query worker processes, each killed and replaced when a query passes its deadline.

Why processes: see :mod:`kgpub.store.worker`. Workers are started with ``subprocess`` (not
``multiprocessing``) so that a child never re-imports the parent's ``__main__`` — the server may be
running as ``python -m kgpub`` or under pytest — and talks over its own stdin/stdout only.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
from time import monotonic
from typing import IO

from ..errors import KgpubError, PublishError, QueryRefused
from .worker import Job, Reply, read_message, write_message

START_TIMEOUT_S = 60.0
# Not ``-m kgpub.store.worker``: that would make the message classes ``__main__.Job``/``Reply``.
_ENTRY = "import sys; from kgpub.store.worker import main; sys.exit(main(sys.argv))"


class _Worker:
    """One child process and its pipes."""

    def __init__(self, args: tuple[str, ...]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _ENTRY, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.stdout: IO[bytes] = self.proc.stdout
        reply = self.receive(START_TIMEOUT_S)
        if reply is None or reply.error is not None:
            self.kill()
            message = reply.message if reply is not None else "it did not start in time"
            raise PublishError(f"cannot start a query worker: {message}")

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
    """At most ``size`` workers; a query waits for a free one within its own deadline."""

    def __init__(self, args: tuple[str, ...], size: int) -> None:
        """``args``: what a worker opens (:func:`kgpub.store.worker.open_engine`)."""
        self.args = args
        self.size = size
        self._idle: list[_Worker] = []
        self._started = 0
        self._closed = False
        self._cond = threading.Condition()

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
            self._discard(worker)
            raise KgpubError(f"the query worker failed: {exc}") from exc
        except BaseException:
            self._discard(worker)
            raise
        if reply is None:
            self._discard(worker)
            raise QueryRefused(f"the query ran longer than {timeout_s:g} s, the limit of this endpoint")
        self._release(worker)
        return reply

    def close(self) -> None:
        """Stop idle workers now and busy ones when their query ends."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._started -= len(idle)
        for worker in idle:
            worker.kill()

    def _acquire(self, deadline: float) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise QueryRefused("the store was replaced by a new build; try again")
                if self._idle:
                    return self._idle.pop()
                if self._started < self.size:
                    self._started += 1
                    break
                if not self._cond.wait(deadline - monotonic()) and deadline <= monotonic():
                    raise QueryRefused("the endpoint is busy with other queries; try again shortly")
        try:
            return _Worker(self.args)
        except BaseException:
            self._release(None)
            raise

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        self._release(None)

    def _release(self, worker: _Worker | None) -> None:
        """Give a worker back (None: it was killed, so make room for a new one)."""
        with self._cond:
            if worker is not None and not self._closed:
                self._idle.append(worker)
            else:
                self._started -= 1
                if worker is not None:
                    worker.kill()
            self._cond.notify()


def default_pool_size() -> int:
    return max(1, min(4, os.cpu_count() or 2))
