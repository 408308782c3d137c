"""Dated versions of the published dataset, and the IRIs that are gone: ``var/versions/``.

Every published build is a version people can cite. When a build is swapped in, :func:`record`
writes, under ``var/versions/``::

    <version-id>/version.json   id, dct:issued (the build's time), triples, the dumps
    <version-id>/dumps/…        the build's dumps (hard links where the file system allows, else
                                copies), kept for the newest ``Settings.versions_kept`` versions
    <version-id>/iris.txt       every subject IRI under the base the version had (without fragment),
                                kept for the newest version only: the next build compares with it
    gone.tsv                    IRI <TAB> the last version that had it, for every IRI that was
                                published once and is not in the newest build

A version's id is its build id (``20261205T184643123456Z``: a UTC time, sortable). Older versions
keep their ``version.json`` (a citation stays resolvable; ``/versions/<id>`` says their dumps are no
longer kept). The web layer reads this folder: VoID/DCAT lists the versions (``dcat:hasVersion``,
``dct:issued``, their dumps), ``/versions/<id>/dumps/<name>`` serves a kept version's dumps, and a
request for an IRI in ``gone.tsv`` answers ``410 Gone`` with a link to its last version
(``web/errors.py``), never a 404 a crawler would read as "never existed".

Every write goes through :func:`publish.writing` (a full disk is a PublishError naming the file),
and each file is written to a ``.tmp`` and renamed, so a reader sees the old file or the new one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from .config import Settings
from .publish import Published, writing

VERSIONS = "versions"
GONE = "gone.tsv"
IRIS = "iris.txt"
META = "version.json"
_ID = re.compile(r"^[0-9]{8}T[0-9]{6,12}Z$")


@dataclass(frozen=True)
class VersionDump:
    name: str
    media_type: str
    encoding: str | None
    size: int


@dataclass(frozen=True)
class Version:
    """One published build as a dated version of the dataset."""

    id: str
    issued: datetime
    triples: int
    dumps: tuple[VersionDump, ...]  # empty once the version is older than the newest N

    @property
    def date(self) -> str:
        return self.issued.date().isoformat()


def versions_dir(settings: Settings) -> Path:
    return settings.var_dir / VERSIONS


def is_version_id(text: str) -> bool:
    return bool(_ID.match(text))


def subject_iris(graphs: Iterable[Graph], base: str) -> set[str]:
    """Every subject IRI under ``base`` (fragments cut: ``source/x#char=1,2`` is ``source/x``)."""
    found: set[str] = set()
    for graph in graphs:
        for s in graph.subjects():
            if isinstance(s, URIRef) and str(s).startswith(base):
                found.add(str(s).split("#", 1)[0])
    return found


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with writing(path):
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)


def _link_or_copy(source: Path, target: Path) -> None:
    with writing(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:  # another file system, or links not allowed: a copy
            shutil.copyfile(source, target)


def record(settings: Settings, published: Published, iris: set[str]) -> Version:
    """Record the build just swapped in as a version: its dumps, its IRIs, what became gone."""
    root = versions_dir(settings)
    manifest = published.manifest()
    version_id = str(manifest.get("build") or published.path.name)
    folder = root / version_id
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    dumps: list[VersionDump] = []
    listing = _dump_listing(published.dumps_path)
    for entry in listing:
        _link_or_copy(published.dumps_path / entry.name, folder / "dumps" / entry.name)
        dumps.append(entry)
    created = str(manifest.get("created", ""))
    meta = {
        "id": version_id,
        "issued": created,
        "triples": int(manifest.get("triples", 0)),
        "dumps": [d.__dict__ for d in dumps],
    }
    previous = [v for v in list_versions(settings) if v.id < version_id]
    _update_gone(root, previous[0].id if previous else None, version_id, iris)
    _write_text(folder / IRIS, "".join(f"{iri}\n" for iri in sorted(iris)))
    _write_text(folder / META, json.dumps(meta, indent=1))
    prune(settings, keep=version_id)
    return _read_version(folder / META) or Version(version_id, datetime.fromisoformat(created), 0, ())


def _update_gone(root: Path, previous: str | None, current: str, iris: set[str]) -> None:
    gone = read_gone(root)
    if previous is not None:
        before = root / previous / IRIS
        try:
            had = set(before.read_text(encoding="utf-8").split())
        except OSError:
            had = set()
        for iri in had - iris:
            gone[iri] = previous
    for iri in iris & gone.keys():  # back again
        del gone[iri]
    _write_text(root / GONE, "".join(f"{iri}\t{v}\n" for iri, v in sorted(gone.items())))
    _gone_cached.cache_clear()


def read_gone(root: Path) -> dict[str, str]:
    """``gone.tsv`` as a dict (empty when there is none)."""
    try:
        text = (root / GONE).read_text(encoding="utf-8")
    except OSError:
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        iri, _, version = line.partition("\t")
        if iri and is_version_id(version):
            out[iri] = version
    return out


@lru_cache(maxsize=4)
def _gone_cached(root: Path, mtime_ns: int) -> dict[str, str]:
    return read_gone(root)


def gone_version(settings: Settings, iri: str) -> str | None:
    """The last version that had ``iri``, when it is gone from the newest build (else None).
    Read once per change of ``gone.tsv`` (the server asks on every 404)."""
    root = versions_dir(settings)
    try:
        mtime = (root / GONE).stat().st_mtime_ns
    except OSError:
        return None
    return _gone_cached(root, mtime).get(iri.split("#", 1)[0])


def prune(settings: Settings, keep: str) -> None:
    """Keep the dumps of the newest ``versions_kept`` versions and the IRI list of the newest only."""
    root = versions_dir(settings)
    ids = sorted((v.id for v in list_versions(settings)), reverse=True)
    for n, version_id in enumerate(ids):
        folder = root / version_id
        if version_id != keep:
            (folder / IRIS).unlink(missing_ok=True)
        if n >= settings.versions_kept and (folder / "dumps").exists():
            shutil.rmtree(folder / "dumps", ignore_errors=True)
            meta = _read_version(folder / META)
            if meta is not None:
                data = {"id": meta.id, "issued": meta.issued.isoformat(), "triples": meta.triples}
                _write_text(folder / META, json.dumps({**data, "dumps": []}, indent=1))


def _dump_listing(folder: Path) -> list[VersionDump]:
    try:
        entries: Any = json.loads((folder / "dumps.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for e in entries if isinstance(entries, list) else []:
        name = str(e.get("name", "")) if isinstance(e, dict) else ""
        if name and "/" not in name and (folder / name).is_file():
            enc = e.get("encoding")
            out.append(VersionDump(name, str(e.get("media_type")), enc, (folder / name).stat().st_size))
    return out


def _read_version(path: Path) -> Version | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        dumps = tuple(
            VersionDump(str(d["name"]), str(d["media_type"]), d.get("encoding"), int(d["size"]))
            for d in data.get("dumps", [])
        )
        issued = datetime.fromisoformat(str(data["issued"]))
        return Version(str(data["id"]), issued, int(data["triples"]), dumps)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_versions(settings: Settings) -> list[Version]:
    """Every recorded version, newest first."""
    root = versions_dir(settings)
    if not root.is_dir():
        return []
    found = [
        version
        for folder in root.iterdir()
        if is_version_id(folder.name) and (version := _read_version(folder / META)) is not None
    ]
    return sorted(found, key=lambda v: v.id, reverse=True)


def get_version(settings: Settings, version_id: str) -> Version | None:
    if not is_version_id(version_id):
        return None
    return _read_version(versions_dir(settings) / version_id / META)


def dump_path(settings: Settings, version: Version, name: str) -> Path | None:
    """The file of a kept dump of ``version`` (None: no such dump, or no longer kept)."""
    if name not in {d.name for d in version.dumps}:
        return None
    path = versions_dir(settings) / version.id / "dumps" / name
    return path if path.is_file() else None
