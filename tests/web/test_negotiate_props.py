"""Properties of content negotiation over generated Accept headers (RFC 9110 §12.5.1).

The oracle below is written from the RFC, not from the code: a media type's quality is the q of the
most specific range that matches it (``type/subtype`` over ``type/*`` over ``*/*``), 0 when none does;
a format is refused when the media type it is sent as (its canonical one) gets q=0, otherwise it is as
acceptable as the best of its media types. The negotiator must pick a format of maximal quality, or
answer 406 when every format has quality 0 — and no header, however malformed, may raise anything
else.
"""

from __future__ import annotations

import random

import pytest
from flask import Flask
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from werkzeug.exceptions import NotAcceptable

from kgpub.formats import BY_NAME, Format
from kgpub.web.negotiate import by_accept, choose

GRAPH = tuple(BY_NAME[n] for n in ("ttl", "jsonld", "nt", "rdfxml", "html"))
RESULTS = tuple(BY_NAME[n] for n in ("json", "xml", "csv", "tsv", "html"))
DATASET = tuple(BY_NAME[n] for n in ("trig", "nq", "ttl", "jsonld"))
CANDIDATE_LISTS = (GRAPH, RESULTS, DATASET)

#: Ranges a client may name: every media type of the registry, their type wildcards, */*, strangers.
OFFERED = sorted({t for f in GRAPH + RESULTS + DATASET for t in f.media_types})
RANGES = sorted(
    {*OFFERED, *(t.split("/")[0] + "/*" for t in OFFERED), "*/*", "image/png", "application/pdf", "video/*"}
)
Q_VALUES = ("0", "0.0", "0.000", "0.001", "0.1", "0.25", "0.5", "0.9", "0.999", "1", "1.0", "1.000")

Item = tuple[str, str | None]  # (range, q as written or None)


def _matches(media_range: str, media_type: str) -> int | None:
    """How specifically ``media_range`` matches ``media_type``: 2 exact, 1 type/*, 0 */*, None no match."""
    rtype, rsub = media_range.lower().split("/")
    mtype, msub = media_type.lower().split("/")
    if (rtype, rsub) == (mtype, msub):
        return 2
    if rsub == "*" and rtype == mtype:
        return 1
    if (rtype, rsub) == ("*", "*"):
        return 0
    return None


def _quality(items: list[Item], media_type: str) -> tuple[float, bool]:
    """(q of the most specific matching range, whether any range matched)."""
    best: tuple[int, float] | None = None
    for media_range, q in items:
        level = _matches(media_range, media_type)
        if level is not None and (best is None or level > best[0]):
            best = (level, float(q) if q is not None else 1.0)
    return (best[1], True) if best else (0.0, False)


def _format_quality(items: list[Item], fmt: Format) -> float:
    q, matched = _quality(items, fmt.media_type)
    if matched and q == 0:
        return 0.0  # the type it would be sent as is refused
    return max(_quality(items, t)[0] for t in fmt.media_types)


def _header(items: list[Item], sep: str = ",", semi: str = ";") -> str:
    return sep.join(r if q is None else f"{r}{semi}q={q}" for r, q in items)


#: Accept items with distinct ranges (a range listed twice has no meaning the RFC defines).
accept_items = st.lists(
    st.tuples(st.sampled_from(RANGES), st.none() | st.sampled_from(Q_VALUES)),
    min_size=1,
    max_size=8,
    unique_by=lambda item: item[0].lower(),
)


def _choice(candidates: tuple[Format, ...], accept: str | None) -> str | None:
    """The chosen format's name, or None for 406."""
    try:
        return by_accept(candidates, accept).name
    except NotAcceptable:
        return None


@given(st.sampled_from(CANDIDATE_LISTS), accept_items)
@example(GRAPH, [("*/*", "0.5"), ("text/turtle", "0")])  # Turtle refused, also offered as x-turtle
@example(GRAPH, [("text/turtle", "0"), ("*/*", None)])
@example(GRAPH, [("text/*", None), ("text/turtle", "0")])
@example(RESULTS, [("application/*", "0.3"), ("application/sparql-results+json", "0")])
def test_the_choice_has_maximal_quality_and_406_means_nothing_is_acceptable(
    candidates: tuple[Format, ...], items: list[Item]
) -> None:
    qualities = {f.name: _format_quality(items, f) for f in candidates}
    chosen = _choice(candidates, _header(items))
    if chosen is None:
        assert max(qualities.values()) == 0, qualities
    else:
        assert chosen in qualities  # one of the offered formats
        assert qualities[chosen] > 0  # never one the client refused (q=0)
        assert qualities[chosen] == max(qualities.values()), qualities


@given(st.sampled_from(CANDIDATE_LISTS), accept_items, st.randoms(use_true_random=False))
def test_the_order_of_accept_items_does_not_matter(
    candidates: tuple[Format, ...], items: list[Item], rnd: random.Random
) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert _choice(candidates, _header(shuffled)) == _choice(candidates, _header(items))


@given(
    st.sampled_from(CANDIDATE_LISTS),
    accept_items,
    st.sampled_from([",", ", ", " , ", ",\t", "\t,\t", ",  "]),
    st.sampled_from([";", "; ", " ;", " ; ", "\t;\t"]),
    st.booleans(),
)
def test_white_space_and_case_do_not_matter(
    candidates: tuple[Format, ...], items: list[Item], sep: str, semi: str, upper: bool
) -> None:
    plain = _choice(candidates, _header(items))
    cased = [(r.upper() if upper else r.title(), q) for r, q in items]
    assert _choice(candidates, " " + _header(cased, sep, semi) + " ") == plain


@given(
    st.sampled_from(CANDIDATE_LISTS),
    accept_items,
    st.sampled_from(["charset=utf-8", "charset=UTF-8", 'charset="utf-8"', "Charset=utf8"]),
)
@example(GRAPH, [("text/turtle", None)], "charset=utf-8")
@example(RESULTS, [("application/sparql-results+json", "0.9"), ("text/*", "0.5")], "charset=UTF-8")
def test_a_utf8_charset_parameter_does_not_change_the_choice(
    candidates: tuple[Format, ...], items: list[Item], charset: str
) -> None:
    """Every representation is UTF-8, so asking for UTF-8 is asking for what is there anyway."""
    with_charset = _header([(f"{r};{charset}", q) for r, q in items])
    assert _choice(candidates, with_charset) == _choice(candidates, _header(items))


@given(st.sampled_from(CANDIDATE_LISTS), st.lists(st.sampled_from(OFFERED), min_size=1, max_size=5))
def test_another_charset_matches_no_media_type(candidates: tuple[Format, ...], types: list[str]) -> None:
    assert _choice(candidates, ", ".join(f"{t};charset=iso-8859-1" for t in types)) is None


@given(st.sampled_from(CANDIDATE_LISTS), st.sampled_from(("", "*/*", " */* ", "*/*;q=1", "*/*;q=0.3")))
def test_without_a_preference_the_first_candidate_wins(candidates: tuple[Format, ...], accept: str) -> None:
    assert by_accept(candidates, accept) is candidates[0]


@given(
    st.sampled_from(CANDIDATE_LISTS),
    st.sampled_from(OFFERED),
    st.sampled_from(Q_VALUES[3:]),
    st.sampled_from(Q_VALUES[3:]),
)
def test_a_more_specific_range_overrides_a_wildcard(
    candidates: tuple[Format, ...], media_type: str, q_type: str, q_wild: str
) -> None:
    """``type/*;q=0`` with ``type/subtype;q>0`` accepts that type; ``type/subtype;q=0`` under ``*/*``
    refuses it, whatever the wildcards' q-values (RFC 9110: the most specific reference wins)."""
    main = media_type.split("/")[0]
    fmt = next((f for f in candidates if f.media_type == media_type), None)
    accepted = _choice(candidates, f"{main}/*;q=0, */*;q=0, {media_type};q={q_type}")
    if fmt is not None:
        assert accepted == fmt.name
    refused = _choice(candidates, f"*/*;q={q_wild}, {main}/*;q={q_wild}, {media_type};q=0")
    if fmt is not None:
        assert refused != fmt.name


_PIECES = [*RANGES, "q=", ";q=1.5", ";q=-1", ';q="0.5"', ";q=nan", ";;", "/", "*", '"', "\\"]
header_garbage = st.text(
    alphabet=st.sampled_from(list("*/;=,. \t\"'\\qQ01-+e")) | st.characters(codec="utf-8"), max_size=80
) | st.builds("".join, st.lists(st.sampled_from([*_PIECES, ",", ", "]), max_size=12))


@given(
    st.sampled_from(CANDIDATE_LISTS),
    header_garbage,
    st.none() | st.text(max_size=20),
    st.none() | st.text(max_size=8) | st.sampled_from([".ttl", ".TTL", ".rdf", ".srj", ".", ".exe"]),
)
def test_garbage_headers_get_a_choice_or_406_never_an_exception(
    candidates: tuple[Format, ...], accept: str, format_param: str | None, suffix: str | None
) -> None:
    try:
        chosen = choose(candidates, accept, format_param=format_param, suffix=suffix)
    except NotAcceptable as exc:
        assert exc.code == 406
        assert exc.description
    else:
        assert chosen in candidates


@pytest.mark.parametrize("candidates", CANDIDATE_LISTS)
def test_a_refused_canonical_type_is_not_served_through_an_alias(candidates: tuple[Format, ...]) -> None:
    """The response carries the canonical media type, so refusing it refuses the format even when an
    alias (application/x-turtle, text/plain, application/json) is still acceptable by a wildcard."""
    for fmt in candidates:
        if len(fmt.media_types) > 1:
            assert _choice(candidates, f"*/*;q=0.5, {fmt.media_type};q=0") != fmt.name


PATHS = [
    "/id/org/helsinki-kaupunginkanslia",
    "/doc/org/helsinki-kaupunginkanslia",
    "/dataset",
    "/sparql?query=ASK%7B%7D",
    "/sparql?query=CONSTRUCT%7B%3Fs%20%3Fp%20%3Fo%7DWHERE%7B%3Fs%20%3Fp%20%3Fo%7DLIMIT%201",
    "/doc/org/no-such-body",
]


@settings(deadline=None)  # the first SPARQL request starts the query workers
@given(st.sampled_from(PATHS), header_garbage)
@example("/doc/org/helsinki-kaupunginkanslia", "*/*;q=0.5, text/turtle;q=0")
def test_the_live_app_answers_any_accept_header_without_a_server_error(
    app: Flask, path: str, accept: str
) -> None:
    """End to end through Flask: any Accept header is a representation, a redirect, 404 or 406."""
    assume("\r" not in accept and "\n" not in accept)  # cannot be sent: HTTP has no such header value
    response = app.test_client().get(path, headers={"Accept": accept})
    assert response.status_code in (200, 303, 404, 406), (response.status_code, response.data[:300])
    if response.status_code == 406:
        assert response.data  # a message naming what is available
