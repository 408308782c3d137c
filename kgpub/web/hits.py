"""A document already rendered for this build, answered before Flask: the fixed cost of a ``/doc`` hit.

A cached ``/doc`` answer (:func:`.caching.rendered`) still went through Flask's request context,
routing, content negotiation, the ETag, four ``after_request`` hooks and werkzeug's header
building: ~0.25 ms of Python per request, most of what a hit cost once waitress had parsed it.
:class:`DocumentHits` is a WSGI layer in front of the Flask app (``app.wsgi_app``) that answers a
``GET``/``HEAD`` of ``/doc/…`` itself when it can prove the app would send exactly what it sent
before:

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
  headers with no body, as from the app.

Everything else goes to Flask as before: other paths and methods, a query string (``?format=``,
``?lang=``), any cookie (the language cookie, a curator's session), non-ASCII or impossible paths
(301/400), an ``Accept`` nothing satisfies (406), a build that is missing or damaged (503), a miss.
No limit is skipped: ``/doc`` has no per-client limit in the app (those guard ``/sparql``), and the
connection limits, timeouts and security headers of :mod:`.server` apply to every answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from flask import Flask
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import is_resource_modified

from ..errors import KgpubError
from ..store import Stores
from . import i18n, paths, urls
from .caching import Kept, etag_of, memory_of, weak
from .negotiate import choose

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

PREFIX = f"/{paths.DOC}/"
NOT_MODIFIED = "\x1f304"


class DocumentHits:
    """The WSGI layer (see the module docstring); ``wrapped`` is Flask's own ``wsgi_app``."""

    def __init__(self, app: Flask, wrapped: WSGIApplication) -> None:
        self.app = app
        self.wrapped = wrapped
        self.settings = app.extensions["kgpub"]["settings"]
        self.stores: Stores = app.extensions["kgpub"]["stores"]

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = self._read(environ)
        if request is None:
            return self.wrapped(environ, start_response)
        key, etag, fresh = request
        method = environ["REQUEST_METHOD"]
        found = memory_of(self.app).rendered.get(key if fresh else key + NOT_MODIFIED)
        if found is not None and found.sent is not None:
            status, headers = found.sent
            start_response(status, list(headers))
            return [found.body] if fresh and method == "GET" else []
        return self._through(environ, start_response, key, etag, fresh and method == "GET")

    def _read(self, environ: WSGIEnvironment) -> tuple[str, str, bool] | None:
        """(cache key, quoted ETag, whether the client lacks it) of a request this layer may answer."""
        path = environ.get("PATH_INFO", "")
        if (
            not path.startswith(PREFIX)
            or environ["REQUEST_METHOD"] not in ("GET", "HEAD")
            or environ.get("QUERY_STRING")
            or "HTTP_COOKIE" in environ
            or not path.isascii()
        ):
            return None
        rel = path[1:]
        try:
            paths.check_path(rel)
        except paths.BadPath:
            return None
        if not paths.is_plausible(rel) or len(rel) == len(PREFIX) - 1:
            return None
        _stem, suffix = paths.split_suffix(rel[len(PREFIX) - 1 :])
        try:
            fmt = choose(urls.DOC_FORMATS, environ.get("HTTP_ACCEPT"), suffix=suffix)
            store = self.stores.get()
        except (NotAcceptable, KgpubError):
            return None  # the app answers 406 / 503 itself
        build = memory_of(self.app).build(store.path.parent, store.base_iri)
        language = i18n.by_accept_language(environ.get("HTTP_ACCEPT_LANGUAGE"))
        etag = etag_of(build, language, False, rel, fmt.name)
        key = f"{etag}\x1f{self.settings.public_root}"
        fresh = is_resource_modified(environ, etag=etag, last_modified=build.created)
        return key, (f'W/"{etag}"' if weak(fmt.name) else f'"{etag}"'), fresh

    def _through(
        self, environ: WSGIEnvironment, start_response: StartResponse, key: str, etag: str, whole: bool
    ) -> Iterable[bytes]:
        """Flask's answer, kept for next time when it is the one this key stands for: a 200 to a
        ``GET`` (``whole``: its body too) or a 304, sent with the ETag computed here."""
        sent: list[Any] = []

        def remember(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        answer = self.wrapped(environ, remember)
        if not sent:
            return answer
        status, headers = sent[0], tuple(sent[1])
        if dict(headers).get("ETag") != etag:
            return answer
        budget = self.settings.document_cache_mb
        if status.startswith("304 "):
            memory_of(self.app).rendered.put(key + NOT_MODIFIED, Kept(b"", "", (status, headers)), budget)
            return answer
        length = dict(headers).get("Content-Length")
        if not (whole and status.startswith("200 ") and length is not None):
            return answer
        try:
            body = b"".join(answer)
        finally:
            close = getattr(answer, "close", None)
            if close is not None:
                close()
        if len(body) == int(length):
            mimetype = dict(headers).get("Content-Type", "").split(";", 1)[0]
            memory_of(self.app).rendered.put(key, Kept(body, mimetype, (status, headers)), budget)
        return [body]
