"""The web application: ``create_app(settings=None, *, store=None)``.

Blueprints: ``sparql`` (SPARQL 1.1 Protocol + query page), ``resources`` (/id → 303 → /doc, /def,
/source), ``dataset`` (home page, VoID/DCAT, dumps, sitemap, robots). Error handlers live in
``errors``. The store and settings are in ``app.extensions["kgpub"]``.
"""

from __future__ import annotations

from flask import Flask

from ..config import Settings


def create_app(settings: Settings | None = None, *, store: object | None = None) -> Flask:
    """Build the Flask app. Invalid settings raise here, not on the first request."""
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.extensions["kgpub"] = {"settings": settings, "store": store}
    return app
