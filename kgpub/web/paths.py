"""Request paths ↔ data IRIs (pure: strings in, strings out).

The data's IRIs hang off ``Settings.base_iri``; the server may be reached elsewhere (``public_base``,
or whatever host the request came to). A request path is mapped onto the data by *relative path*:
``/id/org/helsinki`` ↔ ``<base>id/org/helsinki``, whatever the host — so a proxy or a test server on
another port serves the same IRIs without a rebuild.

Areas (first path segment):

- ``id/…`` things → ``303 See Other`` → ``doc/…`` (``id/org/x`` ↔ ``doc/org/x``);
- every other area under the base (``def/…`` ontology terms and shapes, ``graph/…``, ``curation/…``)
  → ``303`` → ``doc/<area>/…`` (``def/kind/x`` ↔ ``doc/def/kind/x``);
- ``source/<id>`` is a document itself (the exact text, RFC 5147 ``#char=a,b`` fragments resolve in it);
- ``doc/…`` are the documents. A document path names its thing in one of two ways
  (``doc/org/x`` → ``id/org/x``; ``doc/def/x`` → ``def/x``): :func:`doc_to_things` lists both and the
  caller takes the one the data knows.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..iris import slugify

DOC = "doc"
SOURCE = "source"
ID = "id"
#: Longer paths name nothing here (slugs are at most ~90 characters): 404 without asking the store.
MAX_PATH = 512
#: Suffixes that pick a document's format (a ``.txt`` suffix only on source texts).
DOC_SUFFIXES = (".ttl", ".jsonld", ".nt", ".rdf", ".html")
SOURCE_SUFFIXES = (*DOC_SUFFIXES, ".txt")
#: Paths under the base that are documents themselves (no 303): served as they are.
DIRECT = frozenset({"dataset", "sparql", "sitemap.xml", "robots.txt", ".well-known/void"})
_ALLOWED = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


class BadPath(ValueError):
    """A request path that cannot name anything: ``..`` segments, control characters, broken UTF-8."""


def check_path(rel: str) -> None:
    """Refuse paths no IRI can have (→ 400); the caller still answers 404 for well-formed unknowns."""
    if "\ufffd" in rel:
        raise BadPath("the path is not valid UTF-8 (after percent-decoding)")
    if _CONTROL.search(rel):
        raise BadPath("the path contains control characters")
    if any(seg in (".", "..") for seg in rel.split("/")):
        raise BadPath("the path contains '.' or '..' segments")
    if "//" in rel:
        raise BadPath("the path contains an empty segment")


def is_plausible(rel: str) -> bool:
    """Short and made of IRI characters (after folding): otherwise no IRI in the data can match."""
    return len(rel) <= MAX_PATH and bool(_ALLOWED.match(rel))


def fold(rel: str) -> str | None:
    """The canonical ASCII form of a path whose segments hold ä/ö/å and friends; None if already ASCII.

    Each non-ASCII segment is folded the way slugs are minted (``henkilöstöohjaus`` → ``henkilostoohjaus``),
    keeping a format suffix (``.ttl``) as it is.
    """
    if rel.isascii():
        return None
    segments = []
    for seg in rel.split("/"):
        if seg.isascii():
            segments.append(seg)
            continue
        stem, suffix = split_suffix(seg, SOURCE_SUFFIXES)
        segments.append(slugify(stem) + suffix)
    return "/".join(segments)


def split_suffix(path: str, suffixes: tuple[str, ...] = DOC_SUFFIXES) -> tuple[str, str]:
    """``doc/org/x.ttl`` → (``doc/org/x``, ``.ttl``); no known suffix → (path, "")."""
    last = path.rsplit("/", 1)[-1]
    for suffix in suffixes:
        if last.endswith(suffix) and len(last) > len(suffix):
            return path[: -len(suffix)], suffix
    return path, ""


def thing_to_doc(rel: str) -> str:
    """The document path of a thing path: ``id/org/x`` → ``doc/org/x``, ``def/x`` → ``doc/def/x``."""
    rel = rel.split("#", 1)[0]
    if rel.startswith(ID + "/"):
        return f"{DOC}/{rel[len(ID) + 1 :]}"
    return f"{DOC}/{rel}"


def doc_to_things(rest: str) -> list[str]:
    """The thing paths a document path (without ``doc/``) may describe, the ``id/`` reading first."""
    things = [f"{ID}/{rest}"]
    first = rest.split("/", 1)[0]
    if first not in (ID, DOC, SOURCE, ""):
        things.append(rest)
    return things


def relative(iri: str, base: str) -> str | None:
    """``<base>id/org/x`` → ``id/org/x``; None for IRIs outside the base."""
    return iri[len(base) :] if iri.startswith(base) else None


def page_path(iri: str, base: str) -> str | None:
    """Where a data IRI is shown on this server (relative): source texts as themselves, other things by
    their document (a ``#fragment`` kept); None for IRIs outside the base."""
    rel = relative(iri, base)
    if rel is None or not rel or rel.startswith(DOC + "/"):
        return rel
    path, _, fragment = rel.partition("#")
    if path in DIRECT or path.startswith(SOURCE + "/"):
        return rel
    doc = thing_to_doc(path)
    return f"{doc}#{fragment}" if fragment else doc


_LOOPBACK = re.compile(r"^(?:127(?:\.\d{1,3}){3}|localhost|::1)$", re.IGNORECASE)
_WILDCARD = frozenset({"", "0.0.0.0", "::"})


def loopback_public_base(base_iri: str, host: str, port: int) -> str | None:
    """Where a server listening on ``host:port`` is reached, when the data's base IRI is a loopback
    address on another port (or host); None when the base needs no stand-in.

    Why: a build's IRIs carry its base (``http://127.0.0.1:5000/``), and every link the server writes
    starts with its public root. A loopback base can only ever be reached on this machine, so a server
    started on another port (``kgpub serve --port 8080``) would send every click to a port nothing
    listens on. A base on any other host is a public name (a proxy in front, a domain) and is kept.
    """
    parts = urlsplit(base_iri)
    if parts.scheme != "http" or parts.hostname is None or not _LOOPBACK.match(parts.hostname):
        return None
    listen = host.strip("[]")
    shown = parts.hostname if listen in _WILDCARD else listen
    shown = f"[{shown}]" if ":" in shown else shown
    if (shown.strip("[]"), port) == (parts.hostname, parts.port or 80):
        return None
    return f"http://{shown}:{port}/"
