"""Mint and parse kgpub IRIs: ``<base>id/<kind>/<slug>`` for things, ``<base>doc/<kind>/<slug>`` for
the documents that describe them.

Slugs are readable ASCII (``helsinki-kaupunginkanslia-elinkeino-osasto``), unique per kind, and stable:
the :class:`Registry` records every slug ever minted under a *key* (municipality scope, kind,
normalised name, parent slug). A slug is looked up by its key and never recomputed from changed text;
a key that disappears from the sources keeps its slug reserved, so a slug is never reused for
something else. Only :meth:`Registry.load` and :meth:`Registry.save` touch files.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from .errors import IRIError

#: The kinds of thing that get an ``id/<kind>/<slug>`` IRI.
KINDS: tuple[str, ...] = ("org", "post", "person", "site", "duty", "claim", "activity", "build")
#: Slugs that would shadow a fixed IRI of the ontology or the server.
RESERVED: frozenset[str] = frozenset({"scheme", "index", "search"})
MAX_SLUG = 80
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th"})
#: Every character ``str.splitlines`` breaks a line at: the registry file is read line by line.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
HEADER = "# kgpub IRI registry: every slug ever minted. Append-only; edit by hand only to add rows.\n"
COLUMNS = ("scope", "kind", "name", "parent", "slug")


def normalise_name(text: str) -> str:
    """The comparison form of a name: case-folded, white space collapsed, in Unicode normal form C
    (letters keep their accents). A page saved in NFD ("a" + combining diaeresis) names the same body as
    one in NFC ("ä"), so both must give one registry key, not two IRIs for one thing."""
    folded = unicodedata.normalize("NFD", text).casefold()  # canonical caseless matching (Unicode §3.13)
    return unicodedata.normalize("NFC", " ".join(folded.split()))


def slugify(text: str) -> str:
    """ASCII-fold (ä→a, ö→o, å→a, ü→u …), lowercase, and join words with single hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only.decode()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
        slug = re.sub(r"(?:-(?:ja|seka|tai|och|and|or))+$", "", slug)
    return slug


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text)) and len(text) <= MAX_SLUG + 8


@dataclass(frozen=True, order=True)
class Key:
    """What a slug stands for. ``scope`` is the municipality slug ("" for things outside one);
    ``parent`` is the slug of the enclosing thing when the name alone is ambiguous (a department
    "hallinto-osasto" exists in many agencies; a post "puheenjohtaja" in many bodies)."""

    scope: str
    kind: str
    name: str
    parent: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise IRIError(f"unknown IRI kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if not self.name.strip():
            raise IRIError(f"cannot mint a {self.kind} IRI for an empty name")
        for value in (self.scope, self.kind, self.name, self.parent):
            if "\t" in value or not _LINE_BREAKS.isdisjoint(value):
                raise IRIError(f"a registry key may not contain tabs or line breaks: {value!r}")


def candidate_slug(key: Key) -> str:
    """The slug a key would get if it were free: parent slug (or scope) followed by the name."""
    stem = slugify(key.name)
    if not stem:
        stem = hashlib.sha1(key.name.encode()).hexdigest()[:8]
    prefix = key.parent or key.scope
    if prefix and not stem.startswith(prefix + "-") and stem != prefix:
        stem = f"{prefix}-{stem}"
    return slugify(stem)


def mint_slug(key: Key, taken: Iterable[str]) -> str:
    """Pure: the candidate slug, or the candidate with ``-2``, ``-3`` … when another key holds it."""
    used = set(taken) | RESERVED
    base = candidate_slug(key)
    slug, n = base, 1
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    return slug


class Registry:
    """Every slug minted so far, by key. Mutable: a build adds new keys; saving appends them."""

    def __init__(self, entries: dict[Key, str] | None = None) -> None:
        self._by_key: dict[Key, str] = {}
        self._taken: dict[tuple[str, str], Key] = {}
        for key, slug in (entries or {}).items():
            self._add(key, slug)

    def _add(self, key: Key, slug: str) -> None:
        if not is_slug(slug):
            raise IRIError(f"not a valid slug: {slug!r}")
        other = self._taken.get((key.kind, slug))
        if other is not None and other != key:
            raise IRIError(f"slug {key.kind}/{slug} is registered twice ({other} and {key})")
        if key in self._by_key and self._by_key[key] != slug:
            raise IRIError(f"key {key} has two slugs: {self._by_key[key]} and {slug}")
        self._by_key[key] = slug
        self._taken[(key.kind, slug)] = key

    def get(self, key: Key) -> str | None:
        return self._by_key.get(key)

    def with_name(self, scope: str, kind: str, name: str) -> list[Key]:
        """Every registered key for this name, whatever its parent (to place a unit named without one)."""
        return sorted(k for k in self._by_key if (k.scope, k.kind, k.name) == (scope, kind, name))

    def slug(self, key: Key) -> str:
        """The registered slug of ``key``, minting (and recording) one the first time."""
        found = self._by_key.get(key)
        if found is None:
            found = mint_slug(key, (s for (kind, s) in self._taken if kind == key.kind))
            self._add(key, found)
        return found

    def reserve(self, key: Key, slug: str) -> None:
        """Record a fixed slug (the municipalities of the curation files)."""
        self._add(key, slug)

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self) -> Iterator[tuple[Key, str]]:
        return iter(sorted(self._by_key.items()))

    @classmethod
    def load(cls, path: Path) -> Registry:
        """Read the TSV registry; a missing file is an empty registry, a malformed row an IRIError."""
        if not path.exists():
            return cls()
        registry = cls()
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if cells == list(COLUMNS):
                continue
            if len(cells) != len(COLUMNS):
                raise IRIError(f"{path}:{lineno}: expected {len(COLUMNS)} tab-separated columns")
            scope, kind, name, parent, slug = cells
            try:
                registry._add(Key(scope, kind, name, parent), slug)
            except IRIError as exc:
                raise IRIError(f"{path}:{lineno}: {exc}") from exc
        return registry

    def save(self, path: Path) -> None:
        """Write every entry, sorted, atomically (write a temporary file, then rename)."""
        lines = [HEADER, "\t".join(COLUMNS) + "\n"]
        lines += ["\t".join((k.scope, k.kind, k.name, k.parent, s)) + "\n" for k, s in self]
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text("".join(lines), encoding="utf-8")
        tmp.replace(path)


def thing_iri(base: str, kind: str, slug: str) -> URIRef:
    if kind not in KINDS or not is_slug(slug):
        raise IRIError(f"cannot make an IRI of kind {kind!r} and slug {slug!r}")
    return URIRef(f"{base}id/{kind}/{slug}")


@dataclass(frozen=True)
class ParsedIRI:
    """A kgpub thing or document IRI taken apart."""

    kind: str
    slug: str
    document: bool
    suffix: str = ""  # a document's format suffix ("ttl", "jsonld" …) when it has one

    def thing(self, base: str) -> URIRef:
        return URIRef(f"{base}id/{self.kind}/{self.slug}")

    def doc(self, base: str) -> URIRef:
        return URIRef(f"{base}doc/{self.kind}/{self.slug}")


def parse_iri(base: str, iri: str) -> ParsedIRI:
    """Take a ``<base>id/…`` or ``<base>doc/…[.suffix]`` IRI apart; anything else is an IRIError."""
    if not iri.startswith(base):
        raise IRIError(f"{iri!r} is not under the base IRI {base!r}")
    parts = iri[len(base) :].split("/")
    if len(parts) != 3 or parts[0] not in ("id", "doc"):
        raise IRIError(f"{iri!r} is not a kgpub thing or document IRI")
    area, kind, slug = parts
    suffix = ""
    if area == "doc" and "." in slug:
        slug, suffix = slug.split(".", 1)
    if kind not in KINDS or not is_slug(slug):
        raise IRIError(f"{iri!r}: unknown kind {kind!r} or malformed slug {slug!r}")
    return ParsedIRI(kind, slug, area == "doc", suffix)


def claim_slug(source_id: str, *parts: str) -> str:
    """A claim's slug: the source id plus a hash of what it states and where (stable across rebuilds
    as long as the IRIs and span are; claims are not registered, their content is their key)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{slugify(source_id)}-{digest}"
