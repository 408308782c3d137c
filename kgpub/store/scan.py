"""A SPARQL lexer just deep enough to police a query before the engine sees it (pure).

The engine (pyoxigraph) parses the query itself and reports syntax errors; this module only answers
the questions the engine's API cannot: which query form it is (to negotiate a result format before
running it), whether it names its own dataset (``FROM`` / ``FROM NAMED``), and whether it asks for
``SERVICE`` — which pyoxigraph would fetch over HTTP, something a public endpoint must never do.

It tokenises the way the SPARQL grammar does (comments, strings, IRIs, variables, prefixed names,
language tags and numbers are single tokens), so a keyword inside ``"…SERVICE…"``, ``<…#from>``,
``?service``, ``ex:Service`` or ``"x"@service`` is never mistaken for one. tests/test_store.py checks
it against rdflib's full parser on every query of the W3C SPARQL 1.1 test suite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QueryError

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
               | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               | '(?:[^'\\\n\r]|\\.)*'
               | "(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]\w+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
    | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%.\\-]*[\w:%\\-])?)
    | (?P<word>[^\W\d_]\w*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = frozenset({"select", "ask", "construct", "describe"})
UPDATE_WORDS = frozenset(
    {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}
)


@dataclass(frozen=True)
class QueryInfo:
    """What the lexer found: the form (``SELECT``…; None if it found none) and the risky parts."""

    form: str | None
    has_dataset: bool
    uses_service: bool
    update_keyword: str | None


def keywords(sparql: str) -> list[str]:
    """The bare words of a query (keywords, ``a``, ``true``…), upper-cased, in order."""
    return [m.group("word").upper() for m in _TOKEN.finditer(sparql) if m.lastgroup == "word"]


def analyse(sparql: str) -> QueryInfo:
    """Classify a query; never raises (malformed queries are the engine's to report)."""
    words = keywords(sparql)
    first = next((w for w in words if w.lower() in QUERY_FORMS | UPDATE_WORDS), None)
    is_update = first is not None and first.lower() in UPDATE_WORDS
    return QueryInfo(
        form=None if first is None or is_update else first,
        has_dataset="FROM" in words,
        uses_service="SERVICE" in words,
        update_keyword=first if is_update else None,
    )


def check_allowed(info: QueryInfo) -> None:
    """Refuse what a read-only endpoint that never fetches must refuse (QueryError → 400)."""
    if info.update_keyword is not None:
        raise QueryError(
            f"{info.update_keyword} is SPARQL Update: this endpoint is read-only and answers queries only"
        )
    if info.uses_service:
        raise QueryError(
            "SERVICE is not supported: this endpoint never makes requests to other servers "
            "(federated queries would turn it into a proxy)"
        )
