"""Policing a query before the engine sees it (pure): its form, its dataset, SERVICE, nesting depth.

The engine (pyoxigraph) parses the query itself and reports syntax errors; this module answers the
questions the engine's API cannot: which query form it is (to negotiate a result format before running
it), whether it names its own dataset (``FROM`` / ``FROM NAMED``), whether it asks for ``SERVICE`` —
which pyoxigraph would fetch over HTTP, something a public endpoint must never do — and how deeply it
nests (the engine's recursive parser overflows its stack past a few thousand levels).

**Dataset.** The IRIs a query's ``FROM`` / ``FROM NAMED`` clauses name are read off the same tokens
(``PREFIX`` and ``BASE`` resolved, in both readings below) and :func:`check_dataset` refuses (400) any
that is not one of the published build's own named graphs — as it does the protocol's
``default-graph-uri`` / ``named-graph-uri``. No engine kgpub runs fetches a ``FROM`` IRI, but a client
who writes ``FROM <http://elsewhere/data.ttl>`` expects a fetch and deserves to be told why there is
none rather than an empty answer; and on the remote backend the engine also holds graphs readers must
never see (the pointer graph, staging graphs), which the check keeps out of reach.

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

import functools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
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
    #: The IRIs named by FROM / FROM NAMED (resolved; as written when a prefix is unknown), both readings.
    dataset_iris: tuple[str, ...] = ()


def decode_codepoints(sparql: str) -> str:
    """The query with ``\\uXXXX`` / ``\\UXXXXXXXX`` replaced by their characters, as the SPARQL grammar
    says to do before parsing (section 19.2); an escape of a surrogate or past U+10FFFF is kept."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return _CODEPOINT.sub(char, sparql)


def keywords(sparql: str) -> list[str]:
    """The bare words of a query (keywords, ``a``, ``true``…), upper-cased, in order."""
    return list(lex(sparql)[0])


def nesting_depth(sparql: str) -> int:
    """How deeply ``{``, ``(`` and ``[`` nest outside strings, IRIs and comments."""
    return lex(sparql)[1]


#: Queries up to this length have their :func:`lex` remembered (:data:`LEX_CACHE_SIZE` of them, the
#: most recently used): a query is analysed twice per request (the endpoint picks the result format,
#: the store polices it) and clients send the same queries again and again. At most ~2 M characters held.
LEX_CACHE_CHARS = 8192
LEX_CACHE_SIZE = 256


def lex(sparql: str) -> tuple[tuple[str, ...], int]:
    """One pass of the tokeniser over the query: its bare words upper-cased, in order, and how deeply
    ``{``, ``(`` and ``[`` nest outside strings, IRIs and comments."""
    return _lex_remembered(sparql) if len(sparql) <= LEX_CACHE_CHARS else _lex(sparql)


def _lex(sparql: str) -> tuple[tuple[str, ...], int]:
    words: list[str] = []
    depth = deepest = 0
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind == "word":
            words.append(match.group().upper())
        elif kind == "other":
            c = match.group()
            if c in OPENERS:
                depth += 1
                deepest = max(deepest, depth)
            elif c in CLOSERS:
                depth = max(0, depth - 1)
    return tuple(words), deepest


_lex_remembered = functools.lru_cache(maxsize=LEX_CACHE_SIZE)(_lex)


def analyse(sparql: str, base_iri: str | None = None) -> QueryInfo:
    """Classify a query; never raises (malformed queries are the engine's to report). ``base_iri``:
    what relative IRIs resolve against when the query has no ``BASE`` (the store's base)."""
    words, depth = lex(sparql)
    first = next((w for w in words if w.lower() in QUERY_FORMS | UPDATE_WORDS), None)
    is_update = first is not None and first.lower() in UPDATE_WORDS
    iris = dataset_iris(sparql, base_iri)
    return QueryInfo(
        form=None if first is None or is_update else first,
        has_dataset="FROM" in words or bool(iris),
        uses_service=asks_for_service(sparql, words),
        update_keyword=first if is_update else None,
        depth=depth,
        dataset_iris=iris,
    )


def dataset_iris(sparql: str, base_iri: str | None = None) -> tuple[str, ...]:
    """The IRIs after ``FROM`` and ``FROM NAMED``, in the query as written and with code points
    decoded (the SERVICE check's two readings: a disagreement cannot hide one). Prefixed names and
    relative IRIs are resolved as the engine resolves them (``PREFIX``, ``BASE``, else ``base_iri``);
    a prefixed name whose prefix is not declared is returned as written (the engine refuses it)."""
    found: list[str] = []
    if "from" not in sparql.lower() and "from" not in decode_codepoints(sparql).lower():
        return ()
    for text in dict.fromkeys((sparql, decode_codepoints(sparql))):
        found += _from_iris(text, base_iri)
    return tuple(dict.fromkeys(found))


def _from_iris(text: str, base: str | None) -> list[str]:
    tokens = [
        (m.lastgroup or "", m.group()) for m in _TOKEN.finditer(text) if m.lastgroup not in ("ws", "comment")
    ]
    prefixes: dict[str, str] = {}
    iris: list[str] = []
    for i, (kind, value) in enumerate(tokens):
        if kind != "word":
            continue
        word, after = value.upper(), tokens[i + 1 : i + 3]
        if word == "BASE" and after and after[0][0] == "iri":
            base = _resolve(after[0][1], base)
        elif word == "PREFIX" and len(after) == 2 and after[0][0] == "pname" and after[1][0] == "iri":
            if after[0][1].endswith(":"):
                prefixes[after[0][1][:-1]] = _resolve(after[1][1], base)
        elif word == "FROM":
            if after and after[0][0] == "word" and after[0][1].upper() == "NAMED":
                after = after[1:]
            if after and after[0][0] == "iri":
                iris.append(_resolve(after[0][1], base))
            elif after and after[0][0] == "pname":
                prefix, _, local = after[0][1].partition(":")
                local = re.sub(r"\\(.)", r"\1", local)  # PN_LOCAL_ESC: ex:a\# is ex:a#
                iris.append(prefixes[prefix] + local if prefix in prefixes else after[0][1])
    return iris


def _resolve(iri_token: str, base: str | None) -> str:
    """An IRI token (``<…>``, escapes decoded) made absolute against ``base`` (RFC 3986)."""
    from urllib.parse import urljoin

    iri = decode_codepoints(iri_token[1:-1])
    return urljoin(base, iri) if base and not _ABSOLUTE.match(iri) else iri


_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def check_dataset(
    info: QueryInfo,
    own_graphs: Collection[str],
    default_graphs: Iterable[str] = (),
    named_graphs: Iterable[str] = (),
) -> None:
    """Refuse (QueryError → 400) a dataset that names a graph this build does not have: by ``FROM`` /
    ``FROM NAMED`` in the query, or by the protocol's ``default-graph-uri`` / ``named-graph-uri``."""
    for where, iris in (
        ("FROM", info.dataset_iris),
        ("default-graph-uri", tuple(default_graphs)),
        ("named-graph-uri", tuple(named_graphs)),
    ):
        for iri in iris:
            if iri not in own_graphs:
                raise QueryError(
                    f"{where} <{iri}> is not a graph IRI of this dataset: this endpoint never fetches "
                    "data from other servers, and a query's dataset may name only the published "
                    "graphs (list them with SELECT DISTINCT ?g WHERE { GRAPH ?g { } })"
                )


def asks_for_service(sparql: str, words: Sequence[str] | None = None) -> bool:
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
