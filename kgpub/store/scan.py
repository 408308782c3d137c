"""Policing a query before the engine sees it (pure): its form, its dataset, SERVICE, nesting depth.

The engine (pyoxigraph) parses the query itself and reports syntax errors; this module answers the
questions the engine's API cannot: which query form it is (to negotiate a result format before running
it), whether it names its own dataset (``FROM`` / ``FROM NAMED``), whether it asks for ``SERVICE`` —
which pyoxigraph would fetch over HTTP, something a public endpoint must never do — and how deeply it
nests (the engine's recursive parser overflows its stack past a few thousand levels).

The SERVICE decision is made on the *parsed* query, three ways, and any one refuses:

1. a tokeniser with the SPARQL grammar's own terminals (comments, strings, IRIs with ``\\u`` escapes,
   variables, prefixed names with ``\\#``-style local escapes and ``%hh``, language tags, numbers), run
   on the text as written *and* with the grammar's code-point escapes (``\\u0043``) decoded — a
   disagreement about where a comment or a name ends is what once hid a SERVICE from the check;
2. when the text mentions "service" anywhere at all, rdflib's full SPARQL 1.1 parser, and a walk of its
   parse tree for ``ServiceGraphPattern``;
3. and, whatever a parser says, the engine runs in a worker with no network (:mod:`kgpub.store.sandbox`).

tests/test_store.py checks the tokeniser against rdflib's parser on every W3C SPARQL 1.1 query, and
tests/store/test_no_outbound.py fires SERVICE-hiding variants at a loopback listener that must receive
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import QueryError
from .worker import SERVICE_REFUSED

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
               | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               | '(?:[^'\\\n\r]|\\.)*'
               | "(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<var>[?$]\w+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
    | (?P<pname>(?:[^\W\d_][\w.\u00b7-]*)?:(?:(?:[\w:]|PLX)(?:(?:[\w.:\u00b7-]|PLX)*(?:[\w:\u00b7-]|PLX))?)?)
    | (?P<word>[^\W\d_]\w*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
# The grammar's PLX: a percent-encoded byte or a backslash-escaped punctuation character (PN_LOCAL_ESC).
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])"
_TOKEN = re.compile(_TOKEN.pattern.replace("PLX", _PLX), _TOKEN.flags)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
OPENERS, CLOSERS = frozenset("{(["), frozenset("})]")

QUERY_FORMS = frozenset({"select", "ask", "construct", "describe"})
UPDATE_WORDS = frozenset(
    {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}
)


@dataclass(frozen=True)
class QueryInfo:
    """What the checks found: the form (``SELECT``…; None if none) and the risky parts."""

    form: str | None
    has_dataset: bool
    uses_service: bool
    update_keyword: str | None
    depth: int = 0  # deepest nesting of { ( [


def decode_codepoints(sparql: str) -> str:
    """The query with ``\\uXXXX`` / ``\\UXXXXXXXX`` replaced by their characters, as the SPARQL grammar
    says to do before parsing (section 19.2); an escape of a surrogate or past U+10FFFF is kept."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return _CODEPOINT.sub(char, sparql)


def keywords(sparql: str) -> list[str]:
    """The bare words of a query (keywords, ``a``, ``true``…), upper-cased, in order."""
    return [m.group("word").upper() for m in _TOKEN.finditer(sparql) if m.lastgroup == "word"]


def nesting_depth(sparql: str) -> int:
    """How deeply ``{``, ``(`` and ``[`` nest outside strings, IRIs and comments."""
    depth = deepest = 0
    for match in _TOKEN.finditer(sparql):
        if match.lastgroup == "other":
            c = match.group()
            if c in OPENERS:
                depth += 1
                deepest = max(deepest, depth)
            elif c in CLOSERS:
                depth = max(0, depth - 1)
    return deepest


def analyse(sparql: str) -> QueryInfo:
    """Classify a query; never raises (malformed queries are the engine's to report)."""
    words = keywords(sparql)
    first = next((w for w in words if w.lower() in QUERY_FORMS | UPDATE_WORDS), None)
    is_update = first is not None and first.lower() in UPDATE_WORDS
    return QueryInfo(
        form=None if first is None or is_update else first,
        has_dataset="FROM" in words,
        uses_service=asks_for_service(sparql, words),
        update_keyword=first if is_update else None,
        depth=nesting_depth(sparql),
    )


def asks_for_service(sparql: str, words: list[str] | None = None) -> bool:
    """Whether any reading of the query — as written, with code points decoded, by rdflib's full
    parser — has a SERVICE pattern. Cheap for ordinary queries: the parser runs only when the text
    contains the letters "service" (any case) once escapes are decoded."""
    decoded = decode_codepoints(sparql)
    if "service" not in sparql.lower() and "service" not in decoded.lower():
        return False
    if "SERVICE" in (words if words is not None else keywords(sparql)) or "SERVICE" in keywords(decoded):
        return True
    return _parser_finds_service(sparql)


def _parser_finds_service(sparql: str) -> bool:
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except Exception:  # rdflib rejects it: the engine will too, or the worker has no network
        return False
    return any(getattr(node, "name", None) == "ServiceGraphPattern" for node in _nodes(tree))


def _nodes(node: object, depth: int = 0) -> Iterator[object]:
    if depth > 200:
        return
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _nodes(value, depth + 1)
    elif isinstance(node, list | tuple) or hasattr(node, "asList"):
        for value in node:  # type: ignore[attr-defined]
            yield from _nodes(value, depth + 1)


def check_allowed(info: QueryInfo, max_depth: int = 0) -> None:
    """Refuse what a read-only endpoint that never fetches must refuse (QueryError → 400)."""
    if info.update_keyword is not None:
        raise QueryError(
            f"{info.update_keyword} is SPARQL Update: this endpoint is read-only and answers queries only"
        )
    if info.uses_service:
        raise QueryError(SERVICE_REFUSED)
    if max_depth and info.depth > max_depth:
        raise QueryError(
            f"the query nests {{ }}, ( ) or [ ] {info.depth} levels deep; this endpoint allows {max_depth}"
        )
