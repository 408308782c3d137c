"""Source folders from ingested pages: created, left alone when unchanged, versioned when changed.

A page ``kgpub add`` fetched becomes ``<sources>/<id>/`` with

* ``text.txt``  — the main text (evidence spans point into this file),
* ``meta.toml`` — the source metadata ``kgpub.sources`` reads,
* ``page.html`` — the raw bytes as served or saved (the snapshot the text came from),
* ``fetch.toml`` — how it was fetched: URL, ``ETag``/``Last-Modified`` for the next conditional GET,
  charset, content hashes and the version number.

One page keeps one id. When the text changes, the current files move to ``versions/<n>/`` and the
folder holds version n+1: the build always reads the newest text (evidence spans are recomputed on
it), IRIs minted for bodies stay in the append-only registry, and what earlier published evidence
pointed into is still on disk. When the text is the same, nothing is written at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from ..errors import SourceError
from ..sources import META_FILE, TEXT_FILE

SNAPSHOT_FILE = "page.html"
FETCH_FILE = "fetch.toml"
VERSIONS_DIR = "versions"
_ID_PART = re.compile(r"[^a-z0-9]+")
MAX_ID_CHARS = 60
#: meta.toml fields a person may have corrected by hand: an update keeps them unless an option is given.
KEPT_ON_UPDATE = ("publisher", "municipality", "language", "licence")
META_ORDER = (
    "title",
    "publisher",
    "municipality",
    "language",
    "retrieved",
    "licence",
    "url",
    "original_name",
)

Status = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True)
class Draft:
    """A source to write: its id, text, raw page, metadata and fetch record."""

    id: str
    text: str
    html: bytes
    meta: Mapping[str, str]
    fetch: Mapping[str, str | int]
    explicit: frozenset[str] = frozenset()  # meta keys the user gave as options


@dataclass(frozen=True)
class Written:
    id: str
    folder: Path
    status: Status
    version: int
    notes: tuple[str, ...] = field(default=())


def slug(text: str) -> str:
    """Lowercase ASCII with ``-``: "Sivistys- ja vapaa-aikapalvelut" → "sivistys-ja-vapaa-aikapalvelut"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _ID_PART.sub("-", ascii_text.lower()).strip("-")


def id_for_url(url: str, municipality: str | None = None) -> str:
    """``https://www.kuhmo.fi/kaupunki-ja-hallinto/sivistys/`` → ``kuhmo-sivistys``: the municipality
    (else the site's first label) and the page's last path segment (the site alone for a front page)."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    site = slug(municipality or "") or slug(
        host.split(".")[0] if not host.replace(".", "").isdigit() else host
    )
    segments = [s for s in parts.path.split("/") if s]
    last = slug(re.sub(r"\.(html?|php|aspx?)$", "", segments[-1])) if segments else ""
    if not last or last == site or last.startswith(f"{site}-"):  # "kuhmo-organisaatio.html" is named already
        return _trim(last or site)
    return _trim(f"{site}-{last}")


def id_for_file(path: Path) -> str:
    return _trim(slug(path.stem) or "page")


def _trim(text: str) -> str:
    return text[:MAX_ID_CHARS].rstrip("-") or "page"


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def source_urls(folder: Path) -> set[str]:
    """The URLs a source folder was fetched from (fetch record and meta.toml)."""
    fetch = _read_toml(folder / FETCH_FILE)
    meta = _read_toml(folder / META_FILE)
    return {str(u) for u in (fetch.get("url"), fetch.get("final_url"), meta.get("url")) if u}


def find_by_url(sources_dir: Path, url: str) -> str | None:
    """The id of the source already made from ``url``, if any."""
    if not sources_dir.is_dir():
        return None
    for folder in sorted(sources_dir.iterdir()):
        if folder.is_dir() and not folder.name.startswith(".") and url in source_urls(folder):
            return folder.name
    return None


def free_id(sources_dir: Path, base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` … when a different page already has it."""
    candidate, n = base, 1
    while (sources_dir / candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def fetch_record(folder: Path) -> dict[str, object]:
    """The stored ``fetch.toml`` of a source (empty when it was never fetched)."""
    return _read_toml(folder / FETCH_FILE)


def _toml(values: Mapping[str, object], order: tuple[str, ...] = (), table: str = "") -> str:
    """TOML for ``values``: keys in ``order`` first, then the rest sorted; tables (a hand-added
    ``[organisation]``) after the plain keys, so an update writes back what a person added."""
    keys = [k for k in order if k in values] + sorted(k for k in values if k not in order)
    lines = [f"[{table}]"] if table else []
    tables = []
    for key in keys:
        value = values[key]
        if value is None or value == "":
            continue
        if isinstance(value, Mapping):
            tables.append((key, value))
            continue
        lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    text = "\n".join(lines) + "\n" if lines else ""
    for key, inner in tables:
        text += "\n" + _toml(inner, (), f"{table}.{_toml_key(key)}" if table else _toml_key(key))
    return text


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value: object) -> str:
    """One TOML value: booleans, numbers, dates, arrays as TOML; anything else a basic string (JSON's
    escapes are TOML's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date | dt.time):  # tomllib reads an unquoted date as one
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files(draft: Draft, meta: Mapping[str, object], version: int) -> dict[str, bytes]:
    text = draft.text.encode("utf-8")
    fetch = {**draft.fetch, "version": version, "text_sha256": _hash(text), "html_sha256": _hash(draft.html)}
    return {
        TEXT_FILE: text,
        META_FILE: _toml(meta, META_ORDER).encode("utf-8"),
        SNAPSHOT_FILE: draft.html,
        FETCH_FILE: _toml(fetch, ("version", "url", "final_url", "etag", "last_modified")).encode("utf-8"),
    }


def _replace(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a temporary file renamed over it)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_source(sources_dir: Path, draft: Draft) -> Written:
    """Create, version or leave alone ``sources_dir/<draft.id>`` (see the module docstring)."""
    folder = sources_dir / draft.id
    try:
        sources_dir.mkdir(parents=True, exist_ok=True)
        if not folder.exists():
            return _create(sources_dir, folder, draft)
        return _update(folder, draft)
    except OSError as exc:
        raise SourceError(f"{folder}: cannot write the source: {exc.strerror or exc}") from exc


def _create(sources_dir: Path, folder: Path, draft: Draft) -> Written:
    staging = Path(tempfile.mkdtemp(dir=sources_dir, prefix=f".{draft.id}."))
    try:
        for name, data in _files(draft, draft.meta, 1).items():
            (staging / name).write_bytes(data)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Written(draft.id, folder, "created", 1)


def _update(folder: Path, draft: Draft) -> Written:
    current = folder / TEXT_FILE
    record = fetch_record(folder)
    version = int(str(record.get("version", 1))) if str(record.get("version", 1)).isdigit() else 1
    if current.is_file() and current.read_bytes() == draft.text.encode("utf-8"):
        return Written(draft.id, folder, "unchanged", version)
    old_meta = _read_toml(folder / META_FILE)
    meta: dict[str, object] = dict(draft.meta)
    for key in KEPT_ON_UPDATE:
        if key not in draft.explicit and str(old_meta.get(key, "")).strip():
            meta[key] = str(old_meta[key])
    for key, value in old_meta.items():  # what a person added ([organisation], business_id …) stays
        meta.setdefault(key, value)
    archive = folder / VERSIONS_DIR / str(version)
    while archive.exists():  # a version folder from an interrupted run is never overwritten
        version += 1
        archive = folder / VERSIONS_DIR / str(version)
    archive.mkdir(parents=True)
    for name in (TEXT_FILE, META_FILE, SNAPSHOT_FILE, FETCH_FILE):
        if (folder / name).is_file():
            shutil.copy2(folder / name, archive / name)
    files = _files(draft, meta, version + 1)
    for name in (SNAPSHOT_FILE, FETCH_FILE, META_FILE, TEXT_FILE):
        _replace(folder / name, files[name])
    return Written(draft.id, folder, "updated", version + 1, (f"the previous text is in {archive}",))
