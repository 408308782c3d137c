"""The published dataset on disk, and the atomic swap that replaces it.

A build writes everything into a fresh folder ``var/builds/<build-id>/``::

    build.json      manifest: build id, time, kgpub version, base IRI, graphs, counts, sources
    dataset.trig    every named graph (sources, curation, ontology, inferred, build provenance)
    sources/<id>.txt  the exact source texts the evidence offsets point into
    store/          the SPARQL store loaded from dataset.trig (``store.prepare``)
    dumps/          prebuilt dumps for harvesters (``export.write_dumps``)

Only when that folder is complete does ``swap_in`` point the symlink ``var/published`` at it, with
one ``rename`` — so a reader sees the old dataset or the new one, never half of either. A failed or
non-conforming build leaves ``var/published`` untouched.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import NotFoundError, PublishError

MANIFEST = "build.json"
DATASET = "dataset.trig"
KEEP_BUILDS = 3


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
    path.mkdir(parents=True, exist_ok=False)
    return path


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
