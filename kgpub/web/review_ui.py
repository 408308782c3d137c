"""``/review``: curators confirm, reject, correct and add facts in the browser (signed in: :mod:`.auth`).

- ``GET /review`` — the sources under ``data/sources/``, with how many verdicts each has.
- ``GET /review/<source>`` — the source text with every fact's evidence highlighted; the facts least
  confident first, each with its current verdict and the forms to confirm, reject or (a body) correct
  its name or kind; a form to add a missed body whose evidence is the text selected in the page
  (``static/review.js`` fills in the span; without JavaScript the span can be typed); the history of
  verdicts (who, when) with undo.
- ``POST /review/<source>/decide|correct|add|undo`` — record through :mod:`kgpub.review` into
  ``data/curation/review-<source>.ttl`` as the signed-in curator, then 303 back to the page. The next
  ``kgpub build`` applies them; the published site is never written by a request.

A fact is named by its number *and* a fingerprint of its content: if the extraction changed between
showing the page and submitting it (new extractor, edited text), the request is refused with 409
rather than applied to whatever fact now has that number.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.wrappers import Response as BaseResponse

from .. import review
from ..config import Settings
from ..extract import extract
from ..iris import Registry
from ..model import KINDS, Extraction
from ..sources import Source, load_source, load_sources
from . import auth
from .i18n import N_, gettext

bp = Blueprint("review", __name__, url_prefix="/review")
bp.before_request(auth.require_curator)
bp.after_request(auth.no_store)
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_FRAGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,100}")


def register(app: Flask, settings: Settings) -> None:
    auth.configure(app, settings)
    app.register_blueprint(bp)


def _settings() -> Settings:
    from . import current_settings

    return current_settings()


def _curation_dir() -> Path:
    return _settings().data_dir / "curation"


def _source(source_id: str) -> Source:
    folder = _settings().data_dir / "sources" / source_id
    if not _ID.fullmatch(source_id) or not folder.is_dir():
        abort(404, f"No source {source_id!r} under data/sources/.")
    return load_source(folder)


def fingerprint(fact: review.Numbered) -> str:
    """A short digest of what a numbered fact says (its number alone may name another fact later)."""
    data = json.dumps(dataclasses.asdict(fact.fact), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(f"{fact.type}\n{data}".encode()).hexdigest()[:16]


def _numbered(extraction: Extraction) -> review.Numbered:
    """The fact the form names, checked against its fingerprint (400 malformed, 409 changed)."""
    facts = review.numbered_facts(extraction)
    try:
        number = int(request.form.get("number", ""))
    except ValueError:
        abort(400, "The form names no fact number.")
    if not 1 <= number <= len(facts):
        abort(400, f"No fact numbered {number} (facts are 1–{len(facts)}).")
    fact = facts[number - 1]
    if request.form.get("fingerprint") != fingerprint(fact):
        abort(
            409, f"Fact {number} is no longer what the page showed (the extraction changed): reload the page."
        )
    return fact


def _back(source_id: str, anchor: str | None = None) -> BaseResponse:
    return redirect(url_for("review.source", source_id=source_id, _anchor=anchor), code=303)


@bp.get("")
def sources() -> str:
    curation = _curation_dir()
    rows = [
        (s, sum(1 for e in review.history(curation, s.meta.id) if not e.undone))
        for s in load_sources(_settings().data_dir / "sources")
    ]
    return render_template("review_list.html", rows=rows)


@bp.get("/<source_id>")
def source(source_id: str) -> str:
    src = _source(source_id)
    extraction = extract(src)
    facts = review.numbered_facts(extraction)
    curation = _curation_dir()
    applied = review.apply_edits(review.apply_decisions(extraction, curation), src.text, curation)
    pieces, at = [], 0
    for text, covering, _ in review._pieces(src.text, facts):
        # a CR as a character reference: an HTML parser would turn a literal CR LF into LF and shift
        # every offset the page's script computes after it
        shown = Markup(str(escape(text)).replace("\r", "&#13;"))
        pieces.append((at, at + len(text), shown, covering))
        at += len(text)
    return render_template(
        "review_source.html",
        source=src,
        pieces=pieces,
        length=len(src.text),
        facts=sorted(facts, key=lambda n: (n.fact.confidence, n.number)),
        verdicts=review.verdicts(extraction, curation),
        fingerprint=fingerprint,
        history=review.history(curation, source_id),
        bodies=sorted({b.name for b in applied.bodies}),
        kinds=KINDS,
    )


@bp.post("/<source_id>/decide")
def decide(source_id: str) -> BaseResponse:
    from ..pipeline import REGISTRY_FILE  # the build's own modules: loaded when a verdict is recorded

    src = _source(source_id)
    verdict: review.Decision
    match request.form.get("verdict"):
        case "confirm":
            verdict = "confirm"
        case "reject":
            verdict = "reject"
        case _:
            abort(400, "The verdict must be 'confirm' or 'reject'.")
    with review.WRITE_LOCK:
        extraction = extract(src)
        fact = _numbered(extraction)
        review.record_decisions(
            extraction,
            {fact.number: verdict},
            _curation_dir(),
            reviewer=auth.current_curator() or "",
            meta=src.meta,
            registry=Registry.load(_settings().data_dir / REGISTRY_FILE),  # read only: the claims' IRIs
        )
    done = (
        N_("Fact %(number)s confirmed: %(summary)s")
        if verdict == "confirm"
        else N_("Fact %(number)s rejected: %(summary)s")
    )
    flash(gettext(done, number=fact.number, summary=fact.summary))
    return _back(source_id, f"fact-{fact.number}")


@bp.post("/<source_id>/correct")
def correct(source_id: str) -> BaseResponse:
    src = _source(source_id)
    with review.WRITE_LOCK:
        extraction = extract(src)
        fact = _numbered(extraction)
        review.record_correction(
            extraction,
            fact.number,
            _curation_dir(),
            reviewer=auth.current_curator() or "",
            name=request.form.get("name"),
            kind=request.form.get("kind") or None,
        )
    flash(gettext("Fact %(number)s corrected.", number=fact.number))
    return _back(source_id, f"fact-{fact.number}")


@bp.post("/<source_id>/add")
def add(source_id: str) -> BaseResponse:
    src = _source(source_id)
    try:
        start, end = int(request.form.get("start", "")), int(request.form.get("end", ""))
    except ValueError:
        abort(400, "Select the text that states the body (or give its start and end characters).")
    name = request.form.get("name", "")
    with review.WRITE_LOCK:
        review.record_addition(
            src,
            _curation_dir(),
            start=start,
            end=end,
            quote=request.form.get("quote", ""),
            name=name,
            kind=request.form.get("kind", ""),
            parent=request.form.get("parent") or None,
            reviewer=auth.current_curator() or "",
        )
    added = repr(" ".join(name.split()))
    message = N_("Added %(name)s, stated by characters %(start)s–%(end)s.")
    flash(gettext(message, name=added, start=start, end=end))
    return _back(source_id, "history")


@bp.post("/<source_id>/undo")
def undo(source_id: str) -> BaseResponse:
    _source(source_id)
    fragment = request.form.get("entry", "")
    if not _FRAGMENT.fullmatch(fragment):
        abort(400, "The form names no review entry to undo.")
    with review.WRITE_LOCK:
        review.record_undo(source_id, fragment, _curation_dir(), reviewer=auth.current_curator() or "")
    flash(gettext("Undone: %(what)s.", what=fragment))
    return _back(source_id, "history")
