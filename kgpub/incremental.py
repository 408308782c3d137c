"""Extraction of many sources: a cache keyed by what an extraction depends on, and worker processes.

Extraction is the one stage of a build whose cost is per source and whose result depends only on
that source: its text and ``meta.toml`` (the language), its curation (``review-<id>.ttl``: decisions
and edits) and the extractor's code. So each source's curated extraction is cached under
``var/cache/extract/`` by the SHA-256 of exactly those inputs (:func:`source_key`); a rebuild after one
page changed re-extracts that page only, and a change to the rules (any file of :data:`EXTRACTOR_CODE`)
re-extracts everything. ``tests/test_incremental.py`` checks that this list covers every kgpub module
the extractor imports, so a new module cannot be forgotten, and that an incremental build publishes
the same graphs as a full one.

Sources not in the cache are extracted in ``extract_workers`` processes (setting, default: the number
of cores; 1 extracts in the build's own process) when there are at least :data:`MIN_PARALLEL` of them
(starting a worker costs about a second: it loads the analyser). Workers are started with ``spawn``:
the build may run inside a process with threads (the web server, a test), which ``fork`` would copy
mid-lock; and spawned workers are the build's own children, so their peak memory is counted.
Everything after extraction — slugs from the IRI registry, graphs, reports — stays in the build's
process, in source order, so the result does not depend on the cache or on the workers.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import SourceError
from .model import Extraction
from .sources import META_FILE, Source

PACKAGE = Path(__file__).parent
#: The code an extraction depends on, relative to the package (folders: every file under them).
EXTRACTOR_CODE = (
    "extract",
    "text",
    "analyse.py",
    "config.py",
    "duties.py",
    "errors.py",
    "iris.py",
    "model.py",
    "municipalities.py",
    "namespaces.py",
    "rdf.py",
    "review.py",
    "sources.py",
    "incremental.py",
    "__init__.py",
)
CACHE_DIR = Path("cache") / "extract"
MIN_PARALLEL = 16
#: A pickle written by another layout of the model is a miss, never an error: bump to drop them all.
CACHE_FORMAT = b"kgpub-extraction-1"


@cache
def code_digest() -> str:
    """The SHA-256 of the extractor's code (:data:`EXTRACTOR_CODE`), read once per process."""
    return package_digest(EXTRACTOR_CODE, CACHE_FORMAT)


def package_digest(names: Iterable[str], seed: bytes = b"") -> str:
    """The SHA-256 of ``seed`` and the files ``names`` are (relative to the package; folders: every file
    under them, ``__pycache__`` left out), each with its path."""
    digest = hashlib.sha256(seed)
    for name in names:
        root = PACKAGE / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _bytes(path: Path | None) -> bytes:
    try:
        return path.read_bytes() if path is not None else b""
    except FileNotFoundError:
        return b"\0absent"


def source_key(source: Source, curation_dir: Path) -> str:
    """The SHA-256 of everything the curated extraction of ``source`` depends on."""
    from .review import review_path

    folder = source.path.parent if source.path is not None else None
    digest = hashlib.sha256(code_digest().encode())
    for part in (
        source.meta.id.encode(),
        repr(source.meta).encode(),  # after municipality resolution: the owner is part of the meaning
        _bytes(folder / META_FILE if folder is not None else None),
        source.text.encode("utf-8"),
        _bytes(review_path(curation_dir, source.meta.id)),
    ):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def extract_curated(source: Source, curation_dir: Path) -> Extraction:
    """One source's extraction with the curators' decisions and edits applied, evidence checked."""
    from .extract import extract
    from .review import apply_decisions, apply_edits

    extraction = apply_edits(apply_decisions(extract(source), curation_dir), source.text, curation_dir)
    check_evidence(extraction, source.text)
    return extraction


def check_evidence(extraction: Extraction, text: str) -> None:
    """Every evidence span must slice the exact quote out of the original text (DESIGN §2)."""
    facts: Iterable[object] = (
        *extraction.bodies,
        *extraction.part_of,
        *extraction.heads,
        *extraction.duties,
        *extraction.sites,
    )
    for fact in facts:
        ev = fact.evidence  # type: ignore[attr-defined]
        if text[ev.start : ev.end] != ev.quote:
            raise SourceError(
                f"source {extraction.source}: evidence [{ev.start},{ev.end}) does not match its quote "
                f"{ev.quote[:60]!r} (extractor bug)"
            )


@dataclass(frozen=True)
class Extracted:
    """The curated extractions, in source order, and which sources were extracted (not cached)."""

    extractions: list[Extraction]
    extracted: tuple[str, ...]


def _cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}.pickle"


def _load(path: Path) -> Extraction | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(CACHE_FORMAT + b"\n"):
        return None
    try:
        found = pickle.loads(data[len(CACHE_FORMAT) + 1 :])
    except Exception:  # a truncated or foreign file is a miss: the source is extracted again
        return None
    return found if isinstance(found, Extraction) else None


def _store(path: Path, extraction: Extraction) -> None:
    """Write atomically; a cache that cannot be written only costs time (the build goes on)."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(CACHE_FORMAT + b"\n" + pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _extract_job(job: tuple[Source, Path]) -> Extraction:
    return extract_curated(*job)


def workers_for(setting: int) -> int:
    """``extract_workers``: 0 means one per core."""
    return setting if setting > 0 else os.cpu_count() or 1


def extract_sources(sources: Sequence[Source], curation_dir: Path, var_dir: Path, workers: int) -> Extracted:
    """Every source's curated extraction, from the cache when its inputs are unchanged; the others in
    ``workers`` processes. Cache entries no source uses any more are removed."""
    cache_dir = var_dir / CACHE_DIR
    keys = [source_key(s, curation_dir) for s in sources]
    found: list[Extraction | None] = [_load(_cache_path(cache_dir, k)) for k in keys]
    missing = [i for i, e in enumerate(found) if e is None]
    jobs = [(sources[i], curation_dir) for i in missing]
    if workers > 1 and len(jobs) >= MIN_PARALLEL:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
            made = list(pool.map(_extract_job, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
    else:
        made = [_extract_job(job) for job in jobs]
    for i, extraction in zip(missing, made, strict=True):
        found[i] = extraction
        _store(_cache_path(cache_dir, keys[i]), extraction)
    _prune(cache_dir, set(keys))
    extractions = [e for e in found if e is not None]
    assert len(extractions) == len(sources)
    return Extracted(extractions, tuple(sources[i].meta.id for i in missing))


def _prune(cache_dir: Path, keep: set[str]) -> None:
    if not cache_dir.is_dir():
        return
    for path in cache_dir.glob("*/*.pickle*"):
        if path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)
