"""Validators and per-build memory for the pages: everything here changes only when a build is swapped in.

- ``ETag`` is per representation: a hash of the build id, the path and the format, so a new build
  changes every ETag and two formats of one document never share one. It is strong where the bytes are
  the same in every process (HTML, Turtle, CSV) and weak (``W/"…"``, RFC 9110 §8.8.1) for the formats
  rdflib writes in an order that depends on the process (JSON-LD, N-Triples, RDF/XML: same triples,
  other bytes on another replica), so a validator never claims byte equality it cannot keep.
- ``Last-Modified`` is the build's creation time from ``build.json`` (its file time if it has none).
- ``Cache-Control: public, no-cache``: caches may keep a copy but must revalidate it, which costs a
  ``304 Not Modified`` answered before the store is asked anything.
- :func:`memo` keeps expensive per-build results (the home tree, VoID statistics, the sitemap) until
  ``var/published`` points at another build.
- :func:`rendered` keeps rendered ``/doc`` answers per process (an LRU of ``document_cache_mb``), keyed
  by their ETag (code, build, language, path, format) and the public root; :mod:`.hits` adds to an
  entry the status and headers the app sent with it, and then answers the same request itself.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from flask import Flask, Response, current_app, request
from werkzeug.http import is_resource_modified

from ..config import Settings
from ..documents import Documents, max_incoming, open_documents
from ..publish import Published
from . import current_settings, current_store
from .describe import Structural

T = TypeVar("T")
CACHE_CONTROL = "public, no-cache"
WEB_DIR = Path(__file__).parent


def _code_tag() -> str:
    """A digest of the web layer's code, templates and styles: a new release of the pages changes every
    ETag even when the data did not, so no cache keeps a page rendered by older code."""
    digest = hashlib.sha256()
    for path in sorted(WEB_DIR.rglob("*")):
        suffixes = (".py", ".html", ".css", ".js", ".po")
        if path.is_file() and path.suffix in suffixes and "vendor" not in path.parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_TAG = _code_tag()


@dataclass(frozen=True)
class Build:
    """The published build a request is answered from (the folder of the store in use)."""

    path: Path
    build_id: str
    created: datetime
    base_iri: str
    manifest: dict[str, Any]

    @property
    def published(self) -> Published:
        return Published(self.path)


def current() -> tuple[Structural, Build, Settings]:
    """The store (for the pages' own queries), its build and the settings (NotFoundError → 404 before
    the first build)."""
    store = current_store()
    path = store.path.parent
    return Structural(store), _memory().build(path, store.base_iri), current_settings()


def etag_for(build: Build, *parts: str) -> str:
    """Per representation and per interface language (a page in Swedish is another representation)."""
    from .i18n import current_language, explicit_choice

    return etag_of(build, current_language(), explicit_choice(), *parts)


def etag_of(build: Build, language: str, explicit: bool, *parts: str) -> str:
    """:func:`etag_for` given the request's language and whether the reader chose it."""
    keys = (CODE_TAG, build.build_id, f"{language}{'!' if explicit else ''}", *parts)
    digest = hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()
    return digest[:32]


#: Formats whose bytes differ between processes for the same graph (set order, blank node labels).
UNSTABLE_FORMATS = frozenset(("jsonld", "nt", "rdfxml"))


def weak(format_name: str) -> bool:
    """Whether a representation in this format gets a weak ETag (see the module's docstring)."""
    return format_name in UNSTABLE_FORMATS


def not_modified(build: Build, etag: str) -> bool:
    """True when the request's ``If-None-Match`` / ``If-Modified-Since`` say the client has it."""
    return not is_resource_modified(request.environ, etag=etag, last_modified=build.created)


def validate(response: Response, build: Build, etag: str, *, weak: bool = False) -> Response:
    """Add ETag, Last-Modified and Cache-Control (every cacheable page goes through here)."""
    response.set_etag(etag, weak=weak)
    response.last_modified = build.created
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def not_modified_response(build: Build, etag: str, *, weak: bool = False) -> Response:
    return validate(Response(status=304), build, etag, weak=weak)


def documents(build: Build) -> Documents | None:
    """The build's precomputed documents (``kgpub.documents``), if it has them and they were recorded
    with the incoming-link limit the current settings give (else the pages query, as before)."""
    found = memo(build, "documents", lambda: open_documents(build.path, build.base_iri))
    if found is None or found.max_incoming != max_incoming(current_settings().max_result_rows):
        return None
    return found


class Kept(NamedTuple):
    """A rendered answer: its body and media type (what :func:`rendered` keeps), and once the app has
    sent it whole, the status line and headers it went out with (what :mod:`.hits` replays)."""

    body: bytes
    mimetype: str
    sent: tuple[str, tuple[tuple[str, str], ...]] | None = None

    def size(self, key: str) -> int:
        headers = 0 if self.sent is None else sum(len(n) + len(v) for n, v in self.sent[1])
        return len(self.body) + len(key) + headers


def cached(key: str) -> Response | None:
    """The rendered answer kept under ``key`` (see :func:`rendered`), or None: a hit needs neither the
    document's record nor the store, since only answers that rendered 200 for this build are kept."""
    hit = _memory().rendered.get(key)
    return None if hit is None else Response(hit.body, status=200, mimetype=hit.mimetype)


def rendered(key: str, compute: Callable[[], Response]) -> Response:
    """A rendered document, kept per process in an LRU of ``Settings.document_cache_mb``: ``key`` must
    name everything the answer depends on (the ETag does: code, build, language, path, format)."""
    hit = cached(key)
    if hit is not None:
        return hit
    response = compute()
    if response.status_code == 200 and not response.is_streamed:
        value = Kept(response.get_data(), response.mimetype or "")
        _memory().rendered.put(key, value, current_settings().document_cache_mb)
    return response


class _Lru:
    """Bytes kept up to a budget, least recently used out first (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[str, Kept] = OrderedDict()
        self._bytes = 0

    def get(self, key: str) -> Kept | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: str, value: Kept, budget_mb: int) -> None:
        budget = budget_mb << 20
        size = value.size(key)
        if size > budget:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._bytes -= 0 if old is None else old.size(key)
            self._items[key] = value
            self._bytes += size
            while self._bytes > budget:
                k, v = self._items.popitem(last=False)
                self._bytes -= v.size(k)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


def memo(build: Build, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per build and key (small values only: trees, statistics, URL lists)."""
    return _memory().get(build, key, compute)


class _Memory:
    """Per app: the builds seen, :func:`memo`'s values and the rendered answers (:func:`rendered`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._builds: dict[Path, Build] = {}
        self._values: dict[tuple[Path, str], Any] = {}
        self.rendered = _Lru()

    def build(self, path: Path, base_iri: str) -> Build:
        with self._lock:
            found = self._builds.get(path)
        if found is not None:
            return found
        published = Published(path)
        try:
            manifest = published.manifest()
        except (OSError, ValueError):
            manifest = {}
        created = _parse_time(manifest.get("created")) or _mtime(published.manifest_path)
        build = Build(path, str(manifest.get("build") or path.name), created, base_iri, manifest)
        with self._lock:
            if len(self._builds) > 8:  # old builds are pruned on disk; forget them here too
                self._builds.clear()
                self._values.clear()
                self.rendered.clear()
            self._builds[path] = build
        return build

    def get(self, build: Build, key: str, compute: Callable[[], T]) -> T:
        with self._lock:
            if (build.path, key) in self._values:
                value: T = self._values[(build.path, key)]
                return value
        value = compute()
        with self._lock:
            self._values[(build.path, key)] = value
        return value


def _memory() -> _Memory:
    return memory_of(current_app)


def memory_of(app: Flask) -> _Memory:
    """``app``'s per-build memory (outside a request too: :mod:`.hits` runs before Flask)."""
    memory = app.extensions.get("kgpub.pages")
    if memory is None:
        memory = app.extensions.setdefault("kgpub.pages", _Memory())
    assert isinstance(memory, _Memory)
    return memory


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return parsed.replace(microsecond=0)


def _mtime(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(int(path.stat().st_mtime), UTC)
    except OSError:
        return datetime(1970, 1, 1, tzinfo=UTC)
