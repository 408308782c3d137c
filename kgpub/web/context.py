"""``/context.jsonld``: kgpub's JSON-LD context (short names, see :mod:`kgpub.jsonld`) at a stable URL.

The JSON-LD kgpub writes embeds this same context inline (a document reads offline, a parser fetches
nothing); it is served here for people who compact or frame their own documents with it
(``pyld.jsonld.compact(doc, "<root>context.jsonld")``). It depends on the deployment's base IRI and
on kgpub's release only — not on the build — so it is served before any build, with a strong ETag
(its SHA-256), ``Cache-Control: public, max-age=86400`` (a day) and 304 on
``If-None-Match``.
"""

from __future__ import annotations

import hashlib

from flask import Blueprint, Flask, Response, request

from ..jsonld import MEDIA_TYPE, context_document
from ..namespaces import Local
from . import current_settings

bp = Blueprint("context", __name__)
#: How long a cache may keep the context without asking again (a day: it changes with releases only).
MAX_AGE_S = 86400


def register(app: Flask) -> None:
    app.register_blueprint(bp)


@bp.route("/context.jsonld")
def context() -> Response:
    body = context_document(Local(current_settings().base_iri))
    response = Response(body, mimetype=MEDIA_TYPE)
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_S}"
    response.make_conditional(request)
    return response
