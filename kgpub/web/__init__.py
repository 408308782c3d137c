"""The web application: ``create_app(settings=None, *, store=None)`` and ``serve(settings)``.

Blueprints: ``sparql`` (SPARQL 1.1 Protocol + query page), ``resources`` (/id → 303 → /doc, /def,
/source), ``dataset`` (home page, VoID/DCAT, dumps, sitemap, robots). Error handlers live in
``errors``. ``app.extensions["kgpub"]`` holds ``settings``, ``store`` (the one given, or None) and
``stores`` — use :func:`current_store` in views: it follows ``var/published`` when a new build is
swapped in, without a restart.

A ``/doc`` answer already rendered for this build is sent by :mod:`.hits`, a WSGI layer in front of
Flask, exactly as the app sent it before (status, headers, body).

Every response allows cross-origin reads (``Access-Control-Allow-Origin: *``, no credentials): the
site is public and read-only. Every response also carries the security headers of :mod:`.security`
(Content-Security-Policy, ``X-Content-Type-Options``, ``Referrer-Policy``), and absolute URLs come
from ``Settings.public_root``, never from the request's ``Host``.
"""

from __future__ import annotations

import atexit
import logging
from typing import Any

from flask import Flask, Response, current_app, request

from ..config import Settings
from ..errors import KgpubError, PublishError
from ..store import QueryStore, Stores

EXPOSED_HEADERS = "Content-Location, ETag, Last-Modified, Link, Location, Retry-After, Vary"


def create_app(settings: Settings | None = None, *, store: QueryStore | None = None) -> Flask:
    """Build the Flask app. Invalid settings raise here, not on the first request."""
    from . import context, dataset, errors, i18n, resources, review_ui, search, security, sparql, versions
    from .cite import register as register_cite
    from .hits import DocumentHits
    from .limits import ClientLimiter

    settings = settings or Settings.from_env()
    app = Flask(__name__)
    stores = Stores(settings, fixed=store)
    limiter = ClientLimiter(settings.sparql_per_client)
    app.extensions["kgpub"] = {"settings": settings, "store": store, "stores": stores, "limiter": limiter}
    i18n.register(app)  # gettext in every template (fi, sv, en); the language of each request
    errors.register(app)
    app.register_blueprint(sparql.bp)
    resources.register(app)
    dataset.register(app)
    context.register(app)  # /context.jsonld: the JSON-LD context with short names
    register_cite(app)  # cite_version() for the "cite this" block of body pages
    search.register(app)  # /search (results page) and /search.json (the box's suggestions)
    versions.register(app)  # /versions (dated versions, their dumps); the licence in every footer
    review_ui.register(app, settings)  # /login, /logout, /review: curators only (auth.py)
    app.after_request(_cors)
    security.register(app)  # CSP, nosniff, Referrer-Policy on every response; the link filter
    app.wsgi_app = DocumentHits(app, app.wsgi_app)  # type: ignore[method-assign]
    atexit.register(stores.close)
    return app


def current_settings() -> Settings:
    settings: Settings = current_app.extensions["kgpub"]["settings"]
    return settings


def current_store() -> QueryStore:
    """The store of the published build (NotFoundError → 404 before the first build)."""
    stores: Stores = current_app.extensions["kgpub"]["stores"]
    return stores.get()


def _cors(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Access-Control-Allow-Origin", "*")
    headers.setdefault("Access-Control-Expose-Headers", EXPOSED_HEADERS)
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
        asked = request.headers.get("Access-Control-Request-Headers")
        headers["Access-Control-Allow-Headers"] = asked or "Accept, Content-Type"
        headers["Access-Control-Max-Age"] = "86400"
    return response


def make_server(settings: Settings, *, port: int | None = None, threads: int | None = None) -> Any:
    """A waitress server (production WSGI) for the app on ``settings.host`` and ``port`` (default
    ``settings.port``; 0 picks a free one, see ``server.effective_port``), with the connection limits
    of :mod:`kgpub.web.server`. ``server.flask_app`` is the Flask app."""
    from . import server

    app = create_app(settings)
    httpd = server.make_server(app, settings, port=port, threads=threads)
    httpd.flask_app = app
    return httpd


def serve(settings: Settings, *, threads: int | None = None) -> None:
    """Serve until SIGTERM or Ctrl-C (``kgpub serve``), then stop gracefully (see ``web.server``)."""
    from . import server as web_server

    httpd = make_server(settings, threads=threads)
    stores: Stores = httpd.flask_app.extensions["kgpub"]["stores"]
    try:
        store = stores.get()  # start the workers now: a platform that cannot isolate them fails here
        logging.getLogger(__name__).warning("query workers: %s", store.confinement)
    except PublishError:
        httpd.close()
        raise
    except KgpubError as exc:  # a damaged or missing build: the server answers 503 until it is fixed
        logging.getLogger(__name__).warning("serving without a usable build: %s", exc)
    web_server.serve(httpd, settings, on_stop=lambda: stores.close(kill_busy=True, final=True))
