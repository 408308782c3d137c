"""Search: ``/search?q=`` (a results page that needs no JavaScript) and ``/search.json?q=&limit=``
(suggestions for the box's autocomplete, ``static/search.js``; also ``/search`` with
``Accept: application/json``).

Both read the search index of the build the store serves (``search.sqlite`` in the same folder, see
:mod:`kgpub.search`), so they follow ``var/published`` swaps as pages do and never mix two builds.
Limits (``Settings``): a query longer than ``search_max_query_chars`` is a 400; ``limit`` must be a
positive integer and is capped at ``search_max_results``. A query with no word in it (empty, or only
``"*-:``) finds nothing rather than failing. Links go through :class:`.view.Linker`, so a result links
to its page here, and only ever to an http(s) address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, Response, render_template, request

from ..errors import InputError
from ..search import INDEX, Hit, Index, pick
from .caching import Build, current, etag_for, not_modified, not_modified_response, validate
from .urls import linker, public_root
from .view import LANGS, Linker

bp = Blueprint("search", __name__)


def register(app: Flask) -> None:
    """The routes, and ``search_max_chars`` for the box every page has (base.html)."""
    app.register_blueprint(bp)
    app.context_processor(_box)
    if "gettext" not in app.jinja_env.globals:  # templates mark strings with _() (kgpub.web.i18n)
        app.jinja_env.add_extension("jinja2.ext.i18n")
        app.jinja_env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]


def _box() -> dict[str, Any]:
    from . import current_settings

    return {"search_max_chars": current_settings().search_max_query_chars}


@dataclass(frozen=True)
class Result:
    """One result as a page or the JSON shows it."""

    iri: str
    href: str | None
    label: str
    lang: str
    type: str
    matched: str | None  # the name that matched, when it is not the label shown
    kind: str | None
    municipality: str | None
    municipality_href: str | None
    context: str | None
    context_href: str | None

    def json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _langs() -> tuple[str, ...]:
    """The languages labels are shown in, best first: the interface's language, then fi, sv, en."""
    try:
        from .i18n import label_order
    except ImportError:  # the interface's languages are not installed: Finnish, Swedish, English
        return LANGS
    return label_order()


def _result(hit: Hit, links: Linker, langs: tuple[str, ...]) -> Result:
    label, lang = pick(hit.labels, langs)
    if label is None:
        label, lang = hit.matched, hit.matched_lang
    return Result(
        iri=hit.iri,
        href=links.href(hit.iri),
        label=label,
        lang=lang,
        type=hit.type,
        matched=hit.matched if hit.matched != label else None,
        kind=pick(hit.kind, langs)[0],
        municipality=pick(hit.municipality_labels, langs)[0] if hit.municipality != hit.iri else None,
        municipality_href=links.href(hit.municipality) if hit.municipality else None,
        context=pick(hit.context_labels, langs)[0],
        context_href=links.href(hit.context) if hit.context else None,
    )


def _arguments(default_limit: int) -> tuple[str, int]:
    """``q`` and ``limit`` from the request, checked against the settings (InputError → 400)."""
    _, _, settings = current()
    query = request.args.get("q", "")
    if len(query) > settings.search_max_query_chars:
        raise InputError(f"the search is longer than {settings.search_max_query_chars} characters, the limit")
    raw = request.args.get("limit")
    if raw is None:
        return query, min(default_limit, settings.search_max_results)
    try:
        limit = int(raw)
    except ValueError:
        raise InputError(f"limit must be a positive integer, not {raw!r}") from None
    if limit <= 0:
        raise InputError(f"limit must be a positive integer, not {raw!r}")
    return query, min(limit, settings.search_max_results)


def _find(query: str, limit: int) -> tuple[Build, list[Result]]:
    _, build, _ = current()
    hits = Index(build.path / INDEX).search(query, limit) if query.strip() else []
    links, langs = linker(build.base_iri, public_root()), _langs()
    return build, [_result(hit, links, langs) for hit in hits]


def _wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"], default="text/html")
    return best == "application/json"


@bp.route("/search")
def search() -> Response:
    """The results page (or the suggestions as JSON for ``Accept: application/json``)."""
    if _wants_json():
        return suggest()
    _, build, settings = current()
    query, limit = _arguments(settings.search_max_results)
    etag = etag_for(build, "search", query, str(limit), linker(build.base_iri, public_root()).root)
    if not_modified(build, etag):
        return _vary(not_modified_response(build, etag))
    _, results = _find(query, limit)
    html = render_template("search.html", query=query, search_query=query, results=results, limit=limit)
    return _vary(validate(Response(html, mimetype="text/html"), build, etag))


@bp.route("/search.json")
def suggest() -> Response:
    """``{"query": …, "results": [{iri, href, label, lang, type, kind, municipality, …}]}``."""
    _, build, settings = current()
    query, limit = _arguments(settings.search_suggestions)
    etag = etag_for(build, "search.json", query, str(limit), linker(build.base_iri, public_root()).root)
    if not_modified(build, etag):
        return _vary(not_modified_response(build, etag))
    _, results = _find(query, limit)
    body = {"query": query, "results": [r.json() for r in results]}
    response = Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")
    return _vary(validate(response, build, etag))


def _vary(response: Response) -> Response:
    """Results depend on the Accept header (/search) and on the language labels are shown in."""
    for header in ("Accept", "Accept-Language", "Cookie"):
        response.vary.add(header)
    return response
