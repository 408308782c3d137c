"""The published dataset on disk, and the atomic swap that replaces it.

A build writes everything into a fresh folder ``var/builds/<build-id>/``::

    build.json      manifest: build id, time, kgpub version, base IRI, graphs, counts, sources, and
                    ``files``: the size and SHA-256 of every other file of the build (written last)
    dataset.trig    every named graph (sources, curation, ontology, inferred, build provenance)
    sources/<id>.txt  the exact source texts the evidence offsets point into
    store/          the SPARQL store loaded from dataset.trig (``store.prepare``)
    dumps/          prebuilt dumps for harvesters (``export.write_dumps``)

Only when that folder is complete does ``swap_in`` point the symlink ``var/published`` at it, with
one ``rename`` — so a reader sees the old dataset or the new one, never half of either. A failed or
non-conforming build leaves ``var/published`` untouched.

**Integrity.** ``seal`` writes ``build.json`` last, atomically, with the size and SHA-256 of every
file the build publishes, so a folder with a ``build.json`` is complete, and ``verify`` tells a
published build that was damaged afterwards (a truncated ``dataset.trig`` or dump, a deleted store
file). The RocksDB store is recorded file by file except ``LOCK`` and the info logs ``LOG*``:
measured with pyoxigraph 0.5, opening it read-only (the only way a published store is opened)
leaves every file byte-identical, while a read-write open rewrites ``CURRENT`` and ``MANIFEST-*``
— which ``verify`` then reports, rightly: that store is no longer the one published.

**Write errors.** Every write of a build goes through :func:`writing`, so a full disk (or a quota,
or a permission) becomes one :class:`~kgpub.errors.PublishError` naming the file (exit code 4)
instead of a traceback; the pipeline then discards the folder and publishes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import NotFoundError, PublishError

MANIFEST = "build.json"
DATASET = "dataset.trig"
KEEP_BUILDS = 3
#: The files of a RocksDB store that are not its data: the lock and the info logs, which RocksDB may
#: rewrite or rotate when it opens the store. Every other store file is recorded and verified.
STORE_SCRATCH = ("LOCK", "LOG")
#: Files a sealed build must record: without them there is nothing to serve.
REQUIRED = (DATASET, "store/CURRENT")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Published:
    """A complete build folder (usually the one ``var/published`` points at)."""

    path: Path

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    @property
    def dataset_path(self) -> Path:
        return self.path / DATASET

    @property
    def store_path(self) -> Path:
        return self.path / "store"

    @property
    def dumps_path(self) -> Path:
        return self.path / "dumps"

    @property
    def sources_path(self) -> Path:
        return self.path / "sources"

    def manifest(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        return data


def new_build_dir(settings: Settings) -> Path:
    """A fresh, empty build folder under ``var/builds``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = settings.var_dir / "builds" / stamp
    with writing(path):
        path.mkdir(parents=True, exist_ok=False)
    return path


@contextmanager
def writing(path: Path) -> Iterator[Path]:
    """Write ``path`` inside this block: an OSError (disk full, quota, permission) becomes a one-line
    PublishError naming the file. ``write()`` on a full disk raises an OSError without a file name,
    so the name has to come from here."""
    try:
        yield path
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PublishError(f"could not write {path}: {' '.join(reason.split())}") from exc
    except sqlite3.OperationalError as exc:  # SQLite's own "database or disk is full", "disk I/O error"
        raise PublishError(f"could not write {path}: {' '.join(str(exc).split())}") from exc


def write_bytes(path: Path, data: bytes) -> None:
    """Write one file of a build (errors name the file, see :func:`writing`)."""
    with writing(path):
        path.write_bytes(data)


def _recorded(build_dir: Path) -> Iterator[Path]:
    """Every file of a build that ``build.json`` records: all but itself and the store's scratch files."""
    for path in sorted(build_dir.rglob("*")):
        rel = path.relative_to(build_dir)
        if not path.is_file() or rel.parts[0].startswith(MANIFEST):
            continue
        if rel.parts[0] == "store" and path.name.startswith(STORE_SCRATCH):
            continue
        yield path


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (dumps and stores may be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_record(build_dir: Path, previous: Path | None = None) -> dict[str, dict[str, Any]]:
    """``{relative path: {"size": bytes, "sha256": hex}}`` for every recorded file of a build.

    A file that *is* the ``previous`` build's file at the same path (a hard link: a store table or a
    part dump the build took from it, see :mod:`kgpub.delta`) keeps the digest that build recorded."""
    known: dict[str, Any] = {}
    if previous is not None:
        try:
            known = Published(previous).manifest().get("files", {})
        except (OSError, ValueError):
            known = {}
    record = {}
    for path in _recorded(build_dir):
        rel = path.relative_to(build_dir).as_posix()
        stat = path.stat()
        earlier = known.get(rel)
        if earlier and earlier.get("size") == stat.st_size and previous and _same_file(stat, previous / rel):
            digest = str(earlier["sha256"])
        else:
            digest = file_digest(path)
        record[rel] = {"size": stat.st_size, "sha256": digest}
    return record


def _same_file(stat: os.stat_result, other: Path) -> bool:
    try:
        found = other.stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (stat.st_dev, stat.st_ino)


def seal(build_dir: Path, manifest: dict[str, Any], previous: Path | None = None) -> Path:
    """Write ``build.json`` — ``manifest`` plus the record of every file — as the build's last file,
    atomically and synced: a build folder with a ``build.json`` is a complete one. Files hard-linked
    from the ``previous`` build keep its digests (:func:`file_record`)."""
    path = build_dir / MANIFEST
    tmp = path.with_name(MANIFEST + ".tmp")
    text = json.dumps({**manifest, "files": file_record(build_dir, previous)}, indent=1)
    try:
        with writing(path), tmp.open("w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
    except PublishError:
        tmp.unlink(missing_ok=True)
        raise
    with writing(path):
        os.replace(tmp, path)
    return path


def verify(published: Published) -> list[str]:
    """What is wrong with a build's files against its ``build.json`` (an empty list: intact).

    Each problem names the file: missing, a size or a SHA-256 that differs from the record."""
    try:
        manifest = published.manifest()
    except (OSError, ValueError) as exc:
        return [f"{MANIFEST}: unreadable ({exc})"]
    files = manifest.get("files")
    if not isinstance(files, dict):
        return [f"{MANIFEST} records no file hashes (made by an older kgpub or by hand)"]
    problems = [f"{name}: not recorded in {MANIFEST}" for name in REQUIRED if name not in files]
    for name, expected in sorted(files.items()):
        problem = _check_file(published.path / name, expected)
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


def _check_file(path: Path, expected: Any) -> str | None:
    try:
        size = path.stat().st_size
        if not isinstance(expected, dict) or size != expected.get("size"):
            want = expected.get("size") if isinstance(expected, dict) else "?"
            return f"{size} bytes, {MANIFEST} says {want}"
        if file_digest(path) != expected.get("sha256"):
            return f"SHA-256 differs from {MANIFEST}"
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    return None


def check_size(published: Published, name: str) -> str | None:
    """A cheap check of one file before it is served: its size against the record (None: matches)."""
    try:
        files = published.manifest().get("files")
    except (OSError, ValueError) as exc:
        return f"{MANIFEST}: unreadable ({exc})"
    expected = files.get(name) if isinstance(files, dict) else None
    if not isinstance(expected, dict):
        return f"{name}: not recorded in {MANIFEST}"
    try:
        size = (published.path / name).stat().st_size
    except OSError:
        return f"{name}: missing"
    if size != expected.get("size"):
        return f"{name}: {size} bytes, {MANIFEST} says {expected.get('size')}"
    return None


def current(settings: Settings) -> Published:
    """The published build; NotFoundError if nothing was published yet."""
    link = settings.published_dir
    if not (link / MANIFEST).is_file():
        raise NotFoundError(f"no published dataset at {link}: run `kgpub build` first")
    return Published(link.resolve())


def swap_in(build_dir: Path, settings: Settings) -> Published:
    """Atomically make ``build_dir`` the published dataset, then prune old builds."""
    if not (build_dir / MANIFEST).is_file() or not (build_dir / DATASET).is_file():
        raise PublishError(f"{build_dir}: incomplete build (no {MANIFEST} or {DATASET}); nothing published")
    link = settings.published_dir
    tmp_link = link.with_name(link.name + ".new")
    try:
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        os.symlink(os.path.relpath(build_dir.resolve(), link.parent.resolve()), tmp_link)
        if link.exists() and not link.is_symlink():
            raise PublishError(f"{link} exists and is not a symlink; move it away first")
        os.replace(tmp_link, link)
    except OSError as exc:
        raise PublishError(f"could not publish {build_dir}: {exc}") from exc
    _prune(settings, keep=build_dir.resolve())
    return Published(build_dir.resolve())


def discard(build_dir: Path) -> None:
    """Remove a build folder that will not be published."""
    shutil.rmtree(build_dir, ignore_errors=True)


def _prune(settings: Settings, keep: Path) -> None:
    builds = sorted((settings.var_dir / "builds").iterdir())
    old = [b for b in builds if b.resolve() != keep][:-KEEP_BUILDS] if len(builds) > KEEP_BUILDS else []
    for b in old:
        shutil.rmtree(b, ignore_errors=True)
