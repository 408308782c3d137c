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


#: ``[organisation] kind`` values: a municipality, or a legal person that is not one.
ORGANISATION_KINDS = ("municipality", "wellbeing_county", "joint_authority", "ministry", "agency", "other")
_ORGANISATION_KEYS = {"kind", "name_fi", "name_sv", "name_en", "business_id", "wikidata"}
_YTUNNUS = re.compile(r"^(\d{7})-(\d)$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")


@dataclass(frozen=True)
class Organisation:
    """The legal person a source's bodies belong to, as ``meta.toml``'s ``[organisation]`` table says.

    For a municipality (``kind = "municipality"``, the default) it adds what the municipality list
    lacks: business ID, Wikidata item, English name, and the legal person's own names ("Helsingin
    kaupunki", where the list says "Helsinki"). Any other kind (a wellbeing services county, a
    joint municipal authority, a ministry or agency) is described here entirely: names, kind, ID."""

    kind: str = "municipality"
    names: tuple[tuple[str, str], ...] = ()  # (language, name), fi/sv/en
    business_id: str | None = None
    wikidata: str | None = None

    @property
    def name(self) -> str:
        """The name its IRI is made from: Finnish, else Swedish, else English (stable)."""
        by_lang = dict(self.names)
        return by_lang.get("fi") or by_lang.get("sv") or by_lang.get("en") or ""


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
    organisation: Organisation | None = None

    @property
    def owner(self) -> str:
        """The name of the legal person the text's bodies belong to (their IRIs are scoped by it)."""
        org = self.organisation
        return org.name if org is not None and org.kind != "municipality" else self.municipality


def ytunnus_ok(value: str) -> bool:
    """A Finnish business ID: seven digits, a hyphen and the check digit (weights 7,9,10,5,8,4,2)."""
    match = _YTUNNUS.match(value)
    if match is None:
        return False
    total = sum(int(d) * w for d, w in zip(match.group(1), (7, 9, 10, 5, 8, 4, 2), strict=True))
    rest = total % 11
    return rest != 1 and (0 if rest == 0 else 11 - rest) == int(match.group(2))


def _organisation(raw: object, path: Path, has_municipality: bool) -> Organisation:
    """Check ``[organisation]``; every error names the file and the key."""
    if not isinstance(raw, dict):
        raise SourceError(f"{path}: organisation must be a table ([organisation])")
    unknown = set(raw) - _ORGANISATION_KEYS
    if unknown:
        raise SourceError(f"{path}: [organisation]: unknown field(s): {', '.join(sorted(unknown))}")
    kind = str(raw.get("kind", "municipality"))
    if kind not in ORGANISATION_KINDS:
        raise SourceError(f"{path}: [organisation] kind must be one of {', '.join(ORGANISATION_KINDS)}")
    names = tuple(
        (lang, " ".join(str(raw[f"name_{lang}"]).split())) for lang in LANGUAGES if raw.get(f"name_{lang}")
    )
    if kind == "municipality" and not has_municipality:
        raise SourceError(f'{path}: [organisation] of kind municipality needs municipality = "NAME"')
    if kind != "municipality" and not names:
        raise SourceError(f"{path}: [organisation] of kind {kind} needs a name (name_fi, name_sv or name_en)")
    business_id = raw.get("business_id")
    if business_id is not None and not ytunnus_ok(str(business_id)):
        raise SourceError(
            f"{path}: [organisation] business_id {business_id!r} is not a valid business ID "
            '(seven digits, a hyphen and the check digit, e.g. "0201256-6")'
        )
    wikidata = raw.get("wikidata")
    if wikidata is not None and not _WIKIDATA.match(str(wikidata)):
        raise SourceError(
            f'{path}: [organisation] wikidata must be an item id like "Q1757", not {wikidata!r}'
        )
    return Organisation(
        kind,
        names,
        str(business_id) if business_id is not None else None,
        str(wikidata) if wikidata is not None else None,
    )


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
    organisation = (
        _organisation(raw["organisation"], path, bool(str(raw.get("municipality", "")).strip()))
        if "organisation" in raw
        else None
    )
    optional = ("municipality",) if organisation is not None and organisation.kind != "municipality" else ()
    missing = [k for k in REQUIRED if k not in optional and not str(raw.get(k, "")).strip()]
    if missing:
        raise SourceError(f"{path}: missing required field(s): {', '.join(missing)}")
    unknown = set(raw) - {*REQUIRED, "url", "original_name", "organisation"}
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
        municipality=str(raw.get("municipality") or "unknown"),
        language=str(raw["language"]),
        retrieved=retrieved,
        licence=str(raw["licence"]),
        url=raw.get("url"),
        original_name=raw.get("original_name"),
        organisation=organisation,
    )


def load_source(folder: Path) -> Source:
    meta = load_meta(folder)
    text_path = folder / TEXT_FILE
    if not text_path.is_file():
        raise SourceError(f"{folder}: source has no text file {TEXT_FILE}")
    text = read_text(text_path)
    if not text.strip():
        raise SourceError(
            f"{text_path}: the text is empty: nothing to publish (remove the source or add its text)"
        )
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
