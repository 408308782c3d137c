"""Content negotiation over the format registry (pure: values in, a Format or NotAcceptable out).

Precedence: a URL suffix (``.ttl``), then a ``format`` parameter (a registry name, alias or media
type), then the ``Accept`` header through werkzeug's ``best_match``, which honours q-values,
wildcards and ``q=0`` exclusions (a format whose canonical type is refused is not served through an
alias), and ignores ``charset=utf-8`` (every representation is UTF-8). With no ``Accept`` (or
``*/*``) the first candidate wins, so the caller's order is its default. No match is
``406 Not Acceptable`` naming what is available.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import NotAcceptable
from werkzeug.http import dump_options_header, parse_accept_header, parse_options_header

from ..formats import BY_SUFFIX, Format, lookup


def choose(
    candidates: Sequence[Format],
    accept: str | None,
    *,
    format_param: str | None = None,
    suffix: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Format:
    """The format to answer in, among ``candidates`` (in order of preference)."""
    if not candidates:
        raise ValueError("no candidate formats")
    if suffix:
        return _named(candidates, BY_SUFFIX.get(suffix.lower()), f"suffix {suffix!r}")
    if format_param:
        key = format_param.strip().lower()
        key = (aliases or {}).get(key, key)
        return _named(candidates, lookup(key), f"format {format_param!r}")
    return by_accept(candidates, accept)


#: ``Accept`` headers up to this length have their answer remembered (:data:`ACCEPT_CACHE_SIZE` pairs of
#: candidates and header, the most recently used): parsing and matching one costs ~0.1–0.3 ms, the
#: /sparql endpoint negotiates twice per request, and a client sends the same header every time.
ACCEPT_CACHE_CHARS = 512
ACCEPT_CACHE_SIZE = 256


def by_accept(candidates: Sequence[Format], accept: str | None) -> Format:
    """The best candidate for an ``Accept`` header (the first one if the header is missing or empty)."""
    if accept is None or not accept.strip():
        return candidates[0]
    if len(accept) <= ACCEPT_CACHE_CHARS:
        return _by_accept_remembered(tuple(candidates), accept)
    return _by_accept(candidates, accept)


def _by_accept(candidates: Sequence[Format], accept: str) -> Format:
    parsed = _utf8_implied(parse_accept_header(accept, MIMEAccept))
    # A format is sent as its canonical media type, so a client that refuses that type (q=0) refuses
    # the format, even when one of its aliases (application/x-turtle, text/plain …) is still matched by
    # a wildcard: "*/*;q=0.5, text/turtle;q=0" must not be answered in text/turtle.
    offered = [
        (media_type, fmt)
        for fmt in candidates
        if not _refused(parsed, fmt.media_type)
        for media_type in fmt.media_types
    ]
    best = parsed.best_match([media_type for media_type, _ in offered])
    if best is None:
        raise NotAcceptable(
            f"none of the requested media types ({accept}) is available here; "
            f"available: {', '.join(f.media_type for f in candidates)}"
        )
    return next(fmt for media_type, fmt in offered if media_type == best)


_by_accept_remembered = functools.lru_cache(maxsize=ACCEPT_CACHE_SIZE)(_by_accept)


def _utf8_implied(parsed: MIMEAccept) -> MIMEAccept:
    """Every representation kgpub sends is UTF-8, so ``charset=utf-8`` on a media range is always met:
    drop it, or "text/turtle;charset=utf-8" would match nothing (werkzeug compares parameters exactly)
    and get 406. Any other charset stays, and that range matches nothing, as it should."""
    ranges = []
    for value, q in parsed:
        media_type, options = parse_options_header(value)
        if options.get("charset", "").strip().lower() in ("utf-8", "utf8"):
            del options["charset"]
            value = dump_options_header(media_type, options)
        ranges.append((value, q))
    return MIMEAccept(ranges)


def _refused(parsed: MIMEAccept, media_type: str) -> bool:
    """Whether the most specific range matching ``media_type`` has q=0 (RFC 9110 §12.5.1)."""
    return parsed.find(media_type) >= 0 and parsed.quality(media_type) <= 0


def _named(candidates: Sequence[Format], fmt: Format | None, what: str) -> Format:
    if fmt is None or fmt not in candidates:
        raise NotAcceptable(
            f"{what} is not available here; available: {', '.join(f.name for f in candidates)}"
        )
    return fmt
