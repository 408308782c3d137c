"""The only reader of ``data/sources/``: each source is a folder with ``text.txt`` and ``meta.toml``.

The text is kept byte-for-byte as scraped (evidence offsets point into it); the metadata says who
published it, for which municipality, in which language, when it was retrieved and under which
licence. Adding a source is adding a folder: no code changes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

TEXT_FILE = "text.txt"
META_FILE = "meta.toml"
REQUIRED = ("title", "publisher", "municipality", "language", "retrieved", "licence")
LANGUAGES = ("fi", "sv", "en")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A tag of an HTML element a page body uses, or a doctype: prose never writes "<p>" or "</li>".
_HTML_TAG = re.compile(
    r"<!doctype\s+html|<(?:/?(?:html|head|body|p|div|span|a|ul|ol|li|h[1-6]|table|tr|td|th|strong|em|b|i|"
    r"section|article|nav|header|footer|main|script|style|meta|link|title|form|button|label|figure)"
    r"(?:\s[^<>]*)?|br\s*/?|img\s[^<>]*)>",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|auml|ouml|aring|#\d{2,5}|#x[0-9a-f]{2,4});", re.I)


@dataclass(frozen=True)
class SourceMeta:
    """What we know about a source text. ``retrieved`` and ``licence`` may be ``"unknown"``."""

    id: str
    title: str
    publisher: str
    municipality: str
    language: str
    retrieved: str
    licence: str
    url: str | None = None
    original_name: str | None = None


@dataclass(frozen=True)
class Source:
    meta: SourceMeta
    text: str
    path: Path | None = None


def read_text(path: Path) -> str:
    """Read a UTF-8 text exactly (no newline translation); name the byte, line and column on error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"{path}:{line}:{col}: not UTF-8 (byte offset {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "convert the file to UTF-8"
        ) from exc


def html_evidence(text: str) -> str | None:
    """Where ``text`` looks like HTML markup rather than a page's text ("line 3: '</p>'"), else None.

    HTML saved as ``text.txt`` would put tags into published names, and minted names stay in the
    append-only IRI registry for ever; so loading refuses such a text, and the build report can call
    this to say why. One element tag or doctype is enough (prose never writes them); character
    entities count only when there are several (a stray "&amp;" may be quoted on purpose).
    """
    match = _HTML_TAG.search(text)
    entities = list(_HTML_ENTITY.finditer(text)) if match is None else []
    if match is None and len(entities) >= 3:
        match = entities[0]
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return f"line {line}: {match.group(0)[:40]!r}"


def load_meta(folder: Path) -> SourceMeta:
    """Parse and check ``meta.toml``; every error names the file (and line for syntax errors)."""
    path = folder / META_FILE
    if not path.is_file():
        raise SourceError(f"{folder}: source has no metadata file {META_FILE}")
    try:
        raw = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{path}: {exc}") from exc
    missing = [k for k in REQUIRED if not str(raw.get(k, "")).strip()]
    if missing:
        raise SourceError(f"{path}: missing required field(s): {', '.join(missing)}")
    unknown = set(raw) - {*REQUIRED, "url", "original_name"}
    if unknown:
        raise SourceError(f"{path}: unknown field(s): {', '.join(sorted(unknown))}")
    if raw["language"] not in LANGUAGES:
        raise SourceError(f"{path}: language must be one of {', '.join(LANGUAGES)}, not {raw['language']!r}")
    retrieved = str(raw["retrieved"])
    if retrieved != "unknown" and not _DATE.match(retrieved):
        raise SourceError(f"{path}: retrieved must be YYYY-MM-DD or 'unknown', not {retrieved!r}")
    if not _ID.match(folder.name):
        raise SourceError(f"{folder}: a source folder name must be lowercase ASCII letters, digits and '-'")
    return SourceMeta(
        id=folder.name,
        title=str(raw["title"]),
        publisher=str(raw["publisher"]),
        municipality=str(raw["municipality"]),
        language=str(raw["language"]),
        retrieved=retrieved,
        licence=str(raw["licence"]),
        url=raw.get("url"),
        original_name=raw.get("original_name"),
    )


def load_source(folder: Path) -> Source:
    meta = load_meta(folder)
    text_path = folder / TEXT_FILE
    if not text_path.is_file():
        raise SourceError(f"{folder}: source has no text file {TEXT_FILE}")
    text = read_text(text_path)
    markup = html_evidence(text)
    if markup:
        raise SourceError(
            f"{text_path}: looks like HTML, not the page's text ({markup}); save the page as a .html file "
            f"and run `kgpub add FILE.html --id {folder.name}` to extract its text"
        )
    return Source(meta=meta, text=text, path=text_path)


def load_sources(sources_dir: Path) -> list[Source]:
    """Every source under ``sources_dir``, sorted by id. Stray files are errors, not silently skipped."""
    if not sources_dir.is_dir():
        raise SourceError(f"{sources_dir}: no such sources folder")
    out = []
    for entry in sorted(sources_dir.iterdir()):
        if entry.name.startswith(".") or entry.name == "README.md":
            continue
        if not entry.is_dir():
            raise SourceError(f"{entry}: expected a folder with {TEXT_FILE} and {META_FILE}")
        out.append(load_source(entry))
    return out


def source_from_file(path: Path, language: str | None = None) -> Source:
    """A bare text file (``kgpub extract FILE``): metadata is what can be said without a meta.toml."""
    text = read_text(path)
    stem = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "text"
    meta = SourceMeta(
        id=stem,
        title=path.name,
        publisher="unknown",
        municipality="unknown",
        language=language or "und",
        retrieved="unknown",
        licence="unknown",
        original_name=path.name,
    )
    return Source(meta=meta, text=text, path=path)
