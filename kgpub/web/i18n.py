"""The interface in Finnish, Swedish and English: gettext catalogues and the language of a request.

Catalogues: ``kgpub/web/translations/<lang>/LC_MESSAGES/messages.po`` (gettext PO files, the only
source; English is the language of the ``msgid``\\ s, so its catalogue is empty on purpose). They are
compiled in memory with Babel the first time a language is used (a few milliseconds), so a fresh clone
needs no build step and a stale ``.mo`` can never shadow an edited ``.po``. Strings are marked in the
templates with ``{% trans %}``/``_()`` (Jinja's i18n extension) and in Python with :func:`gettext`;
``pybabel extract -F babel.cfg`` finds them (see docs/i18n.md).

The language of a request (:func:`choose`): ``?lang=fi|sv|en`` (the switch in the header; remembered
in the ``kgpub_lang`` cookie for a year), else that cookie, else the best of ``Accept-Language``,
else Finnish. Labels of the data follow :func:`label_order`: the chosen language, then Finnish,
Swedish, English, then any other. A page about a body of a Swedish-majority municipality shows its
Swedish names first unless the reader chose a language explicitly (:func:`prefer_data_language`).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from flask import Flask, Response, g, has_request_context, request
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

LANGUAGES = ("fi", "sv", "en")
DEFAULT = "fi"
COOKIE = "kgpub_lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
#: Each language's name in itself, for the switch.
NATIVE_NAMES = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}
TRANSLATIONS_DIR = Path(__file__).parent / "translations"
DATA_FALLBACK = ("fi", "sv", "en")
#: A municipality whose majority language is one of these shows its names in it by default (Swedish:
#: Närpes, not Närpiö); elsewhere the reader's language leads and Finnish follows anyway.
TOWN_LANGUAGES = ("sv",)


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> Translations:
    """The compiled catalogue of ``lang`` (read from its .po, compiled in memory once per process)."""
    path = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def choose() -> tuple[str, bool]:
    """The request's interface language and whether the reader chose it (switch or cookie)."""
    asked = request.args.get("lang", "")
    if asked in LANGUAGES:
        return asked, True
    remembered = request.cookies.get(COOKIE, "")
    if remembered in LANGUAGES:
        return remembered, True
    return by_accept_language(request.headers.get("Accept-Language")), False


#: ``Accept-Language`` headers up to this length have their language remembered (a client sends the
#: same header every time; parsing one costs more than the rest of a cached document's answer).
ACCEPT_LANGUAGE_CACHE_CHARS = 512


def by_accept_language(header: str | None) -> str:
    """The interface language an ``Accept-Language`` header asks for (Finnish when none matches)."""
    if not header:
        return DEFAULT
    if len(header) <= ACCEPT_LANGUAGE_CACHE_CHARS:
        return _by_accept_language_remembered(header)
    return _by_accept_language(header)


def _by_accept_language(header: str) -> str:
    return parse_accept_header(header, LanguageAccept).best_match(LANGUAGES) or DEFAULT


_by_accept_language_remembered = lru_cache(maxsize=256)(_by_accept_language)


def current_language() -> str:
    """The interface language of this request (Finnish outside a request)."""
    if not has_request_context():
        return DEFAULT
    lang: str | None = g.get("kgpub_lang")
    if lang is None:
        lang, explicit = choose()
        g.kgpub_lang, g.kgpub_lang_explicit = lang, explicit
    return lang


def explicit_choice() -> bool:
    current_language()
    return bool(g.get("kgpub_lang_explicit", False)) if has_request_context() else False


def label_order() -> tuple[str, ...]:
    """The languages data labels are picked in: the page's data language, then fi, sv, en (then any)."""
    first = g.get("kgpub_data_lang") if has_request_context() else None
    first = first or current_language()
    return (first, *(lang for lang in DATA_FALLBACK if lang != first))


def town_label_order(lang: str) -> tuple[str, ...] | None:
    """The label order for a municipality named in ``lang`` (its majority language): that language
    first unless the reader chose one explicitly; None means the page's own order."""
    if lang not in TOWN_LANGUAGES or explicit_choice():
        return None
    return (lang, *(other for other in label_order() if other != lang))


def prefer_data_language(lang: str | None) -> None:
    """Show the names of the data in ``lang`` first on this page (a Swedish-majority municipality's
    bodies in Swedish), unless the reader chose a language with the switch."""
    if lang in TOWN_LANGUAGES and has_request_context() and not explicit_choice():
        g.kgpub_data_lang = lang


def gettext(message: str, **variables: Any) -> str:
    """``message`` in the request's language, ``%(name)s`` placeholders filled from ``variables``."""
    text: str = translations(current_language()).ugettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables: Any) -> str:
    text: str = translations(current_language()).ungettext(singular, plural, n)
    return text % {"num": n, **variables}


def switch_links() -> list[dict[str, str]]:
    """This page in each language: ``?lang=`` added to the current URL (other parameters kept)."""
    from . import current_settings

    root = current_settings().public_root.rstrip("/")
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    out = []
    for lang in LANGUAGES:
        query = urlencode([*args, ("lang", lang)])
        out.append({"lang": lang, "name": NATIVE_NAMES[lang], "href": f"{root}{request.path}?{query}"})
    return out


def _remember(response: Response) -> Response:
    """Keep an explicit ``?lang=`` in the cookie; HTML varies by the language inputs."""
    asked = request.args.get("lang", "")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True)
    if response.mimetype == "text/html":
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response


def register(app: Flask) -> None:
    """Jinja's i18n extension with this module's gettext; the switch and the language in templates."""
    app.jinja_env.add_extension("jinja2.ext.i18n")
    # newstyle: Jinja fills the %(name)s placeholders itself, escaping the values (autoescape)
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: translations(current_language()).ugettext(message),
        lambda singular, plural, n: translations(current_language()).ungettext(singular, plural, n),
        newstyle=True,
    )
    app.after_request(_remember)

    @app.context_processor
    def _languages() -> dict[str, Any]:
        if not has_request_context():
            return {"ui_lang": DEFAULT}
        return {"ui_lang": current_language(), "language_links": switch_links}


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined; it is translated where it is shown."""
    return message


#: Strings the templates translate from a variable (``_(name)``), so the extractor cannot see them:
#: the home page's counts (dataset._counts), the use of a name (view.names), HTTP reason phrases of
#: the error page (errors._html), the sign-in error (auth), the search box of base.html.
DYNAMIC_MESSAGES = (
    N_("bodies"),
    N_("posts"),
    N_("persons"),
    N_("duty statements"),
    N_("sites"),
    N_("claims with evidence"),
    N_("source texts"),
    N_("preferred"),
    N_("also"),
    N_("label"),
    N_("Bad Request"),
    N_("Forbidden"),
    N_("Not Found"),
    N_("Method Not Allowed"),
    N_("Not Acceptable"),
    N_("Gone"),
    N_("Payload Too Large"),
    N_("Too Many Requests"),
    N_("Internal Server Error"),
    N_("Service Unavailable"),
    N_("Request Entity Too Large"),
    N_("Unsupported Media Type"),
    N_("Unauthorized"),
    N_("The server met an internal error; it has been logged. The request may be retried."),
    N_("Wrong name or password."),
    N_("Search names"),
    N_("Search bodies, posts, people"),
    N_("Search"),
    N_("Suggestions"),
)
