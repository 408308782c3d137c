"""Licence and dated versions on the web: ``/versions``, ``/versions/<id>``, their dumps, and 410 Gone.

- ``/versions`` — every published version (``kgpub.versions``): its date, size and, for the newest
  ``Settings.versions_kept``, its dumps; ``/versions/<id>`` is the same page for one version (the IRI
  ``dcat:hasVersion`` names in VoID, and the link a 410 gives).
- ``/versions/<id>/dumps/<name>`` — a kept version's dump, byte for byte (ETag, 304, ranges).
- Every page's footer names the dataset licence (``Settings.dataset_licence``) and links here
  (a template context value, :func:`licence_context`).
- A 404 for a path whose IRI an earlier version had (``gone.tsv``, by its ``/id/…`` or ``/doc/…`` path)
  becomes ``410 Gone`` with a ``Link: <…/versions/<id>>; rel="predecessor-version"`` and, on the
  page, a link to that version (:func:`_gone_instead_of_not_found`, after every request, so it holds
  whichever view answered 404). A crawler drops the IRI for good; a person gets the version to cite.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, render_template, request, send_file
from werkzeug.exceptions import NotFound

from .. import versions
from ..config import Settings
from . import current_settings
from .errors import error_response
from .paths import DOC, doc_to_things, split_suffix

bp = Blueprint("versions", __name__)

#: Short names of licences a footer may name; any other licence is shown by its IRI.
LICENCE_NAMES = {
    "https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
    "https://creativecommons.org/licenses/by-sa/4.0/": "CC BY-SA 4.0",
    "https://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
    "http://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
}


def register(app: Flask) -> None:
    app.register_blueprint(bp)
    app.context_processor(licence_context)
    app.after_request(_gone_instead_of_not_found)


def licence_name(iri: str) -> str:
    return LICENCE_NAMES.get(iri, iri)


def licence_context() -> dict[str, str]:
    """``dataset_licence`` and ``dataset_licence_name`` for the footer of every page."""
    settings = current_settings()
    return {
        "dataset_licence": settings.dataset_licence,
        "dataset_licence_name": licence_name(settings.dataset_licence),
    }


def version_url(root: str, version_id: str) -> str:
    return f"{root}versions/{version_id}"


def _page(selected: str | None) -> Response:
    settings = current_settings()
    found = versions.list_versions(settings)
    if selected is not None and selected not in {v.id for v in found}:
        raise NotFound(f"no version {selected!r}; the versions are listed at /versions")
    html = render_template(
        "versions.html",
        versions=found,
        selected=selected,
        kept=settings.versions_kept,
        licence=settings.dataset_licence,
        licence_name=licence_name(settings.dataset_licence),
    )
    response = Response(html, mimetype="text/html")
    response.headers["Cache-Control"] = "public, no-cache"
    return response


@bp.route("/versions")
def listing() -> Response:
    return _page(None)


@bp.route("/versions/<version_id>")
def one(version_id: str) -> Response:
    return _page(version_id)


@bp.route("/versions/<version_id>/dumps/<name>")
def dump(version_id: str, name: str) -> Response:
    settings = current_settings()
    version = versions.get_version(settings, version_id)
    path = versions.dump_path(settings, version, name) if version else None
    if version is None or path is None:
        kept = f"; only the newest {settings.versions_kept} versions keep their dumps"
        raise NotFound(f"no dump {name!r} of version {version_id!r}{kept} (see /versions)")
    entry = next(d for d in version.dumps if d.name == name)
    mimetype = "application/gzip" if entry.encoding == "gzip" else entry.media_type
    response = send_file(
        path, mimetype=mimetype, conditional=True, last_modified=version.issued, max_age=None
    )
    response.headers["Cache-Control"] = "public, max-age=86400, immutable"  # a version never changes
    return response


def gone_iri(settings: Settings) -> tuple[str, str] | None:
    """``(iri, version id)`` when the request's path names an IRI only an earlier version had."""
    rel = request.path.lstrip("/")
    if not rel or len(rel) > 1024:
        return None
    rel, _ = split_suffix(rel)
    candidates = [rel]
    if rel.startswith(DOC + "/"):
        candidates = doc_to_things(rel[len(DOC) + 1 :])
    for candidate in candidates:
        iri = settings.base_iri + candidate
        version = versions.gone_version(settings, iri)
        if version is not None:
            return iri, version
    return None


def gone_link(version_id: str) -> str:
    return version_url(current_settings().public_root, version_id)


def _gone_instead_of_not_found(response: Response) -> Response:
    if response.status_code != 404 or request.method not in ("GET", "HEAD"):
        return response
    try:
        found = gone_iri(current_settings())
    except (OSError, ValueError):  # an unreadable registry: the 404 stands
        return response
    if found is None:
        return response
    iri, version = found
    link = gone_link(version)
    message = f"{iri} is no longer in the dataset; the last version that had it is {link}"
    headers = {"Link": f'<{link}>; rel="predecessor-version"', "Cache-Control": "public, no-cache"}
    return error_response(410, "Gone", message, headers, link=link)
