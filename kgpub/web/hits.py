"""A document already rendered for this build, answered before Flask: the fixed cost of a ``/doc`` hit.

A cached ``/doc`` answer (:func:`.caching.rendered`) still went through Flask's request context,
routing, content negotiation, the ETag, four ``after_request`` hooks and werkzeug's header
building: ~0.25 ms of Python per request, most of what a hit cost once waitress had parsed it.
:class:`DocumentHits` is a WSGI layer in front of the Flask app (``app.wsgi_app``) that answers a
``GET``/``HEAD`` of ``/doc/…`` (and the ``303`` of ``/id/…``) itself when it can prove the app would
send exactly what it sent before:

- it reads the request the way :func:`.resources.document` does — the path (checked by
  :func:`.paths.check_path`), the format (suffix, else ``Accept``, by :func:`.negotiate.choose`), the
  interface language (``Accept-Language``, :func:`.i18n.by_accept_language`), the published build
  (:class:`~kgpub.store.Stores`, which follows ``var/published``) — and computes the same ETag and key
  (:func:`.caching.etag_of`): the code, the build, the language, the path and the format, so a new
  build published while serving is a new key, never a stale answer;
- it replays only what the app itself sent for that key: when a request went through to Flask, its
  status line, headers and body are kept with the rendered answer (in the same LRU, under the same
  budget) if the app answered ``200`` (or ``304``) **with the ETag computed here** — so a request
  read differently here than by the app is never stored, only answered by Flask again;
- ``If-None-Match`` / ``If-Modified-Since`` are decided by werkzeug's ``is_resource_modified``, as the
  app decides them, and a ``304`` is the one the app sent for the same key; ``HEAD`` gets a ``GET``'s
  headers with no body, as from the app;
- ``/id/…``: the app's ``303`` depends on the build, the path and the public root only; it is kept
  (key: build and path) when its ``Location`` is the document this path names
  (:func:`.paths.thing_to_doc`), and a new build is again a new key (a thing gone from it is the
  app's 404/410).

Everything else goes to Flask as before: other paths and methods, a query string (``?format=``,
``?lang=``), any cookie (the language cookie, a curator's session), non-ASCII or impossible paths
(301/400), an ``Accept`` nothing satisfies (406), a build that is missing or damaged (503), a miss.
No limit is skipped: ``/doc`` and ``/id`` have no per-client limit in the app (those guard
``/sparql``), and the connection limits, timeouts and security headers of :mod:`.server` apply to
every answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from flask import Flask
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import is_resource_modified

from ..errors import KgpubError
from ..store import Stores
from . import i18n, paths, urls
from .caching import Build, Kept, etag_of, memory_of, weak
from .negotiate import choose

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

DOC_PREFIX = f"/{paths.DOC}/"
ID_PREFIX = f"/{paths.ID}/"
NOT_MODIFIED = "\x1f304"


class Lookup(NamedTuple):
    """A request this layer may answer: the key its answer is kept under, the header (name, value)
    the app's answer must carry to be kept, the status it must have, and whether the client lacks it
    (False: its ``If-None-Match``/``If-Modified-Since`` match, the answer is the kept ``304``)."""

    key: str
    proof: tuple[str, str]
    status: str
    fresh: bool


class DocumentHits:
    """The WSGI layer (see the module docstring); ``wrapped`` is Flask's own ``wsgi_app``."""

    def __init__(self, app: Flask, wrapped: WSGIApplication) -> None:
        self.app = app
        self.wrapped = wrapped
        self.settings = app.extensions["kgpub"]["settings"]
        self.stores: Stores = app.extensions["kgpub"]["stores"]

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        lookup = self._read(environ)
        if lookup is None:
            return self.wrapped(environ, start_response)
        get = environ["REQUEST_METHOD"] == "GET"
        found = memory_of(self.app).rendered.get(lookup.key if lookup.fresh else lookup.key + NOT_MODIFIED)
        if found is not None and found.sent is not None:
            status, headers = found.sent
            start_response(status, list(headers))
            return [found.body] if lookup.fresh and get else []
        return self._through(environ, start_response, lookup, lookup.fresh and get)

    def _read(self, environ: WSGIEnvironment) -> Lookup | None:
        path = environ.get("PATH_INFO", "")
        if (
            environ["REQUEST_METHOD"] not in ("GET", "HEAD")
            or environ.get("QUERY_STRING")
            or "HTTP_COOKIE" in environ
            or not path.isascii()
        ):
            return None
        if path.startswith(DOC_PREFIX):
            read = self._document
        elif path.startswith(ID_PREFIX):
            read = self._thing
        else:
            return None
        rel = path[1:]
        try:
            paths.check_path(rel)
        except paths.BadPath:
            return None
        if not paths.is_plausible(rel) or rel.endswith("/"):
            return None
        try:
            return read(environ, rel)
        except (NotAcceptable, KgpubError):
            return None  # the app answers 406 / 503 itself

    def _build(self) -> Build:
        store = self.stores.get()  # follows var/published, as the app does on every request
        return memory_of(self.app).build(store.path.parent, store.base_iri)

    def _document(self, environ: WSGIEnvironment, rel: str) -> Lookup:
        """``/doc/…``: keyed and validated as :func:`.resources.document` does."""
        _stem, suffix = paths.split_suffix(rel[len(DOC_PREFIX) - 1 :])
        fmt = choose(urls.DOC_FORMATS, environ.get("HTTP_ACCEPT"), suffix=suffix)
        build = self._build()
        language = i18n.by_accept_language(environ.get("HTTP_ACCEPT_LANGUAGE"))
        etag = etag_of(build, language, False, rel, fmt.name)
        fresh = is_resource_modified(environ, etag=etag, last_modified=build.created)
        proof = ("ETag", f'W/"{etag}"' if weak(fmt.name) else f'"{etag}"')
        return Lookup(f"{etag}\x1f{self.settings.public_root}", proof, "200 ", fresh)

    def _thing(self, environ: WSGIEnvironment, rel: str) -> Lookup:
        """``/id/…``: the app's ``303`` to the thing's document (:func:`.resources.thing`), which
        depends on the build, the path and the public root only; kept when it goes where the document
        of this path is (``id/x.ttl`` → ``doc/x.ttl`` too; a thing the build lacks is the app's 404)."""
        build = self._build()
        root = self.settings.public_root
        target = urls.url(root, paths.thing_to_doc(rel))
        return Lookup(f"303\x1f{build.build_id}\x1f{rel}\x1f{root}", ("Location", target), "303 ", True)

    def _through(
        self, environ: WSGIEnvironment, start_response: StartResponse, lookup: Lookup, whole: bool
    ) -> Iterable[bytes]:
        """Flask's answer, kept for next time when it is the one the key stands for: the expected
        status to a ``GET`` (``whole``: its body too) or a 304, carrying the proof computed here."""
        sent: list[Any] = []

        def remember(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        answer = self.wrapped(environ, remember)
        if not sent:
            return answer
        status, headers = sent[0], tuple(sent[1])
        named = dict(headers)
        name, value = lookup.proof
        if named.get(name) != value:
            return answer
        rendered, budget = memory_of(self.app).rendered, self.settings.document_cache_mb
        if status.startswith("304 "):
            rendered.put(lookup.key + NOT_MODIFIED, Kept(b"", "", (status, headers)), budget)
            return answer
        length = named.get("Content-Length")
        if not (whole and status.startswith(lookup.status) and length is not None):
            return answer
        try:
            body = b"".join(answer)
        finally:
            close = getattr(answer, "close", None)
            if close is not None:
                close()
        if len(body) == int(length):
            mimetype = named.get("Content-Type", "").split(";", 1)[0]
            rendered.put(lookup.key, Kept(body, mimetype, (status, headers)), budget)
        return [body]
