"""Time and peak memory of each stage of a build, for ``kgpub.build_bench`` (and anyone asking).

Peak memory per stage uses Linux's resettable high-water mark: writing ``5`` to
``/proc/self/clear_refs`` resets ``VmHWM`` in ``/proc/self/status``, so the mark read at the end of a
stage is the peak *during* it. Worker processes (extraction) are counted by ``RUSAGE_CHILDREN``'s
``ru_maxrss``: the largest child so far. Where ``/proc`` is missing, memory is reported as 0.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

_PROC = Path("/proc/self")


@dataclass(frozen=True)
class Stage:
    name: str
    seconds: float
    peak_mb: float  # this process's peak resident memory during the stage
    children_peak_mb: float  # the largest worker process so far (extraction)


def _status_mb(key: str) -> float:
    try:
        for line in (_PROC / "status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _reset_peak() -> None:
    with suppress(OSError):
        (_PROC / "clear_refs").write_text("5")


@dataclass
class Stages:
    """Collects :class:`Stage` records; ``with stages("reason"): …`` times one stage."""

    records: list[Stage] = field(default_factory=list)

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        _reset_peak()
        start = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - start
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            self.records.append(Stage(name, seconds, _status_mb("VmHWM"), children))

    @property
    def total_s(self) -> float:
        return sum(r.seconds for r in self.records)

    @property
    def peak_mb(self) -> float:
        return max((max(r.peak_mb, r.children_peak_mb) for r in self.records), default=0.0)
