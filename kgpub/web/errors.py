"""Error responses: the one place the web layer turns errors into HTTP.

A :class:`~kgpub.errors.KgpubError` answers with its ``http_status``; one that says when to come back
(a ``retry_after``: ``QueryRefused``, ``Unavailable`` — nothing published, or a damaged build) adds
``Retry-After`` and is not logged here (it is expected, and ``Stores`` logs a damaged build once),
so a crawler meets a 503 it retries, never a 404 it drops. A werkzeug ``HTTPException`` (404, 405,
406, 413, 415…) answers with its own code and headers. The body is JSON, HTML or plain text,
whichever the client's ``Accept`` prefers (plain text when it does not say: SPARQL clients show it
to their users as is). Anything else is a bug: it is
logged with its traceback and answered with a 500 that shows none.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from flask import Flask, Response, current_app, render_template, request
from jinja2 import TemplateNotFound
from markupsafe import escape
from werkzeug.exceptions import HTTPException, InternalServerError, NotAcceptable

from ..errors import KgpubError
from ..formats import Format
from .negotiate import by_accept

_TEXT = Format("text", ("text/plain",), ".txt", None, "page")
_JSON = Format("json", ("application/json", "application/problem+json"), ".json", None, "page")
_HTML = Format("html", ("text/html", "application/xhtml+xml"), ".html", None, "page")
_CHOICES = (_TEXT, _HTML, _JSON)


def register(app: Flask) -> None:
    app.register_error_handler(KgpubError, _kgpub_error)
    app.register_error_handler(HTTPException, _http_error)


def error_response(
    status: int, title: str, message: str, headers: dict[str, str] | None = None, link: str | None = None
) -> Response:
    """An error in the representation the client prefers; ``link`` is where to go instead (a 410's
    last version), shown as a link on the HTML page and as ``link`` in JSON."""
    try:
        fmt = by_accept(_CHOICES, request.headers.get("Accept"))
    except NotAcceptable:
        fmt = _TEXT
    if fmt is _JSON:
        fields = {"status": status, "error": title, "message": message, **({"link": link} if link else {})}
        body = json.dumps(fields, ensure_ascii=False)
        mimetype = "application/json"
    elif fmt is _HTML:
        body, mimetype = _html(status, title, message, link), "text/html"
    else:
        body, mimetype = f"{status} {title}\n\n{message}\n", "text/plain"
    response = Response(body, status=status, mimetype=mimetype, headers=headers or {})
    response.vary.add("Accept")
    return response


def _kgpub_error(exc: KgpubError) -> Response:
    retry_after = getattr(exc, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    status = exc.http_status
    if status >= 500 and retry_after is None:
        current_app.logger.error("internal error on %s %s", request.method, request.path, exc_info=exc)
    title = _reason(status)
    return error_response(status, title, str(exc) or title, headers)


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    if isinstance(exc, InternalServerError):
        original = exc.original_exception
        current_app.logger.error("unhandled error on %s %s", request.method, request.path, exc_info=original)
        message = "The server met an internal error; it has been logged. The request may be retried."
    else:
        message = exc.description or ""
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    return error_response(status, exc.name, message, headers)


def _html(status: int, title: str, message: str, link: str | None = None) -> str:
    try:
        from .i18n import gettext  # the reason phrase and known messages in the reader's language

        return render_template(
            "error.html", status=status, title=gettext(title), message=gettext(message), link=link
        )
    except TemplateNotFound:
        return (
            f"<!doctype html><html lang=en><meta charset=utf-8><title>{status} {escape(title)}</title>"
            f"<h1>{status} {escape(title)}</h1><pre>{escape(message)}</pre></html>"
        )


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
