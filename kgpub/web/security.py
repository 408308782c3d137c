"""What keeps data from becoming code in a visitor's browser: the link rule and the security headers.

The data is read from municipal web pages and from whoever writes curation files, and SPARQL results
are whatever a visitor's query returns: any IRI may arrive on a page. IRIs are not URLs a browser
should follow blindly — ``javascript:alert(1)``, ``data:text/html,…`` and ``vbscript:…`` are valid
IRIs. So:

- **Links**: :func:`web_link` is the one test every page link passes (``view.Linker.href`` for data,
  ``sparql_page`` for result tables): only an absolute ``http://`` or ``https://`` IRI with a host
  becomes an ``href``; anything else is shown as (escaped) text.
- **Headers** on every response (:func:`add_headers`, an ``after_request`` hook): a Content Security
  Policy with no inline script or style at all (the query page's script is a static file), so even a
  link or markup that slipped through could not run; ``X-Content-Type-Options: nosniff`` so a Turtle
  file or a source text is never sniffed into HTML; ``Referrer-Policy`` so query strings (SPARQL
  queries) are not sent to other sites.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response

WEB_SCHEMES = ("http", "https")

#: The only inline styles allowed, by hash: the ``<style>`` elements the column resizer of the
#: vendored YASGUI (@zazuko/yasgui 4.6.2, see ``static/vendor/VERSIONS.json``) adds to the query page —
#: its base rules, and ``*{cursor:col-resize!important}`` while a column is dragged. A test checks
#: the first against the vendored file, so an upgrade that changes them fails loudly.
YASGUI_STYLE_HASHES = (
    "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='",
    "'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='",
)
#: No ``'unsafe-inline'`` and no ``'unsafe-eval'`` anywhere; no ``data:`` either (the favicon is a
#: file); ``connect-src 'self'``: the query editor talks to this server only.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' " + " ".join(YASGUI_STYLE_HASHES),
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": REFERRER_POLICY,
}


def web_link(iri: str) -> str | None:
    """``iri`` if a browser may follow it as a link (absolute http(s) with a host), else None.

    Whitespace and control characters anywhere refuse it too: browsers strip some of them before
    parsing (`` java\\tscript:``), and no well-formed IRI holds them.
    """
    if any(c <= " " or c == "\x7f" for c in iri):
        return None
    if not iri[:8].lower().startswith(tuple(f"{s}://" for s in WEB_SCHEMES)):
        return None
    try:
        host = urlsplit(iri).hostname
    except ValueError:  # e.g. an unbalanced '[' in the host
        return None
    return iri if host else None


def register(app: Flask) -> None:
    """The headers on every response, and ``web_link`` as a template filter (the macros that write
    links apply it again, so a view that forgot cannot make a ``javascript:`` link)."""
    app.after_request(add_headers)
    app.add_template_filter(_link_filter, "web_link")


def _link_filter(value: Any) -> str | None:
    return web_link(value) if isinstance(value, str) else None


def add_headers(response: Response) -> Response:
    """The security headers, on every response the app makes (pages, data, errors, static files)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
