"""Published source texts, read once: a build's files never change once published."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=64)
def _read(path: Path, mtime: float) -> str:
    return path.read_text(encoding="utf-8")


def source_text(path: Path) -> str:
    """A published source text (cached per path and modification time)."""
    return _read(path, path.stat().st_mtime)
