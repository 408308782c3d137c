"""Dereferenceable IRIs ("Cool URIs for the Semantic Web", 303 style).

- ``/id/…`` and every other thing IRI under the base (``/def/…`` terms and shapes, ``/graph/…``,
  ``/curation/…``) → ``303 See Other`` → its document ``/doc/…`` (``?format=`` carried along). A
  ``.ttl``-style suffix on a thing IRI redirects to that format of its document.
- ``/doc/…[.ttl|.jsonld|.nt|.rdf|.html]`` → the thing's description (see :mod:`.describe`), chosen by
  suffix, then ``?format=``, then ``Accept``; with no ``Accept`` or ``*/*`` it is **Turtle** (a browser
  asks for ``text/html`` and gets the page). An ``Accept`` that none of the formats satisfies is
  **406** — never a silent fallback, so a client learns it asked for something this server lacks.
- ``/source/<id>[.txt|…]`` → the source text exactly as stored, ``text/plain; charset=utf-8`` (the
  default, so RFC 5147 ``#char=a,b`` evidence IRIs resolve), its description in RDF, or an HTML page
  in which every evidence span is an element whose ``id`` is ``char=a,b`` — a browser following an
  evidence link scrolls to the span and highlights it (CSS ``:target``), without JavaScript.
- Every answer sends ``Vary: Accept``, ``Link: <…>; rel="alternate"`` per format, a strong ``ETag``
  and ``Last-Modified`` (the build's), and honours ``If-None-Match`` / ``If-Modified-Since`` with 304;
  ``HEAD`` works everywhere. Unknown IRIs are 404 in the negotiated format (an empty graph with a
  comment for RDF). Paths with non-ASCII letters (ä, ö, å — raw or percent-encoded) redirect **301**
  to their ASCII-folded form; ``..`` segments, control characters and broken UTF-8 are 400; overlong
  or impossible paths are 404. Nothing here is ever a 500 on bad input.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from flask import Blueprint, Flask, Response, request
from werkzeug.exceptions import BadRequest

from ..formats import BY_SUFFIX, Format
from . import pages, paths, urls
from .caching import (
    Build,
    cached,
    current,
    documents,
    etag_for,
    not_modified,
    not_modified_response,
    rendered,
    validate,
    weak,
)
from .describe import Queryable, exists
from .negotiate import choose

bp = Blueprint("resources", __name__)

DOC_FORMATS, SOURCE_FORMATS, TEXT = urls.DOC_FORMATS, urls.SOURCE_FORMATS, urls.TEXT


def register(app: Flask) -> None:
    app.register_blueprint(bp)


def _rel() -> str:
    """The request path relative to the application root, checked (400 on impossible paths)."""
    rel = request.path.lstrip("/")
    try:
        paths.check_path(rel)
    except paths.BadPath as exc:
        raise BadRequest(f"{exc}: {request.path[:200]!r}") from exc
    return rel


def _folded_redirect(rel: str) -> Response | None:
    folded = paths.fold(rel)
    if folded is None or folded == rel:
        return None
    target = urls.url(urls.public_root(), folded)
    if request.query_string:
        target += "?" + request.query_string.decode("latin-1")
    response = Response(f"Moved Permanently: {target}\n", 301, {"Location": target}, mimetype="text/plain")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def _negotiate(candidates: tuple[Format, ...], suffix: str) -> Format:
    if suffix == TEXT.suffix:
        return choose((TEXT,), None) if TEXT in candidates else choose(candidates, None, suffix=suffix)
    return choose(
        candidates, request.headers.get("Accept"), format_param=request.args.get("format"), suffix=suffix
    )


@bp.route("/doc/<path:rest>")
def document(rest: str) -> Response:
    rel = _rel()
    moved = _folded_redirect(rel)
    if moved is not None:
        return moved
    stem, suffix = paths.split_suffix(rel[len(paths.DOC) + 1 :])
    fmt = _negotiate(DOC_FORMATS, suffix)
    store, build, settings = current()
    etag = etag_for(build, rel, fmt.name)
    if not_modified(build, etag):
        answer = not_modified_response(build, etag, weak=weak(fmt.name))
        return _finish(answer, f"{paths.DOC}/{stem}", DOC_FORMATS)
    key = f"{etag}\x1f{urls.public_root()}"
    response = cached(key)  # rendered before for this build: no record to read, no query
    if response is None:
        thing, source = _thing_of(stem, store, build)
        if thing is None:
            missing = pages.not_found(fmt, f"{request.path} describes nothing in this dataset")
            return _finish(missing, None, ())
        doc = f"{paths.DOC}/{stem}"
        response = rendered(key, lambda: pages.document(source, build, settings, thing, doc, fmt))
    if not suffix and not stem.endswith("/"):
        response.headers["Content-Location"] = (
            urls.url(urls.public_root(), f"{paths.DOC}/{stem}") + fmt.suffix
        )
    return _finish(validate(response, build, etag, weak=weak(fmt.name)), f"{paths.DOC}/{stem}", DOC_FORMATS)


def _thing_of(rest: str, store: Queryable, build: Build) -> tuple[str | None, Queryable]:
    """The thing ``doc/<rest>`` describes (None: nothing) and the store its pages ask: the build's
    precomputed answers when it has them (no query worker), else the store itself."""
    if not paths.is_plausible(rest):
        return None, store
    recorded = documents(build)
    if recorded is not None:
        found = recorded.document(rest)
        return (None, store) if found is None else (found.thing, found.replay(store))
    for candidate in paths.doc_to_things(rest):
        if exists(store, build.base_iri + candidate):
            return build.base_iri + candidate, store
    return None, store


def _exists(store: Queryable, build: Build, rel: str) -> bool:
    recorded = documents(build)
    return recorded.exists(rel) if recorded is not None else exists(store, build.base_iri + rel)


@bp.route("/source/<path:rest>")
def source(rest: str) -> Response:
    rel = _rel()
    moved = _folded_redirect(rel)
    if moved is not None:
        return moved
    stem, suffix = paths.split_suffix(rel, paths.SOURCE_SUFFIXES)
    fmt = _negotiate(SOURCE_FORMATS, suffix)
    store, build, settings = current()
    etag = etag_for(build, rel, fmt.name)
    if not_modified(build, etag):
        return _finish(not_modified_response(build, etag, weak=weak(fmt.name)), stem, SOURCE_FORMATS)
    source_id = stem[len(paths.SOURCE) + 1 :]
    text_path = _source_file(build, source_id)
    if text_path is None:
        return _finish(pages.not_found(fmt, f"no source text {source_id!r} in this dataset"), None, ())
    if fmt is TEXT:
        response = Response(text_path.read_bytes(), content_type="text/plain; charset=utf-8")
    else:
        response = pages.source(store, build, settings, build.base_iri + stem, text_path, stem, fmt)
    return _finish(validate(response, build, etag, weak=weak(fmt.name)), stem, SOURCE_FORMATS)


def _source_file(build: Build, source_id: str) -> Path | None:
    if not source_id or "/" in source_id or not paths.is_plausible(source_id):
        return None
    path = build.published.sources_path / f"{source_id}.txt"
    return path if path.is_file() else None


@bp.route("/<path:rest>")
def thing(rest: str) -> Response:
    """Any other IRI under the base: 303 to its document if the data knows it, else 404."""
    rel = _rel()
    moved = _folded_redirect(rel)
    if moved is not None:
        return moved
    store, build, _settings = current()
    if paths.is_plausible(rel) and rel.split("/", 1)[0] != paths.DOC:
        if _exists(store, build, rel):
            return _see_other(paths.thing_to_doc(rel), "")
        stem, suffix = paths.split_suffix(rel)
        if suffix and _exists(store, build, stem):
            return _see_other(paths.thing_to_doc(stem), suffix)
    fmt = _negotiate(DOC_FORMATS, "")
    return _finish(pages.not_found(fmt, f"{request.path} is not an IRI of this dataset"), None, ())


def _see_other(doc: str, suffix: str) -> Response:
    target = urls.url(urls.public_root(), doc) + suffix
    wanted = request.args.get("format")
    if wanted and not suffix:
        target += "?" + urlencode({"format": wanted})
    response = Response(f"See Other: {target}\n", 303, {"Location": target}, mimetype="text/plain")
    response.headers["Cache-Control"] = "public, no-cache"
    response.vary.add("Accept")
    return response


def _finish(response: Response, doc: str | None, formats: tuple[Format, ...]) -> Response:
    """``Vary: Accept`` always; ``Link`` alternates for each format of a document that exists."""
    response.vary.add("Accept")
    if doc is not None:
        response.headers["Link"] = urls.alternates(urls.public_root(), doc, formats)
    return response


__all__ = ["BY_SUFFIX", "register"]
