"""The one exception tree of kgpub.

Every error a user can cause or meet is a :class:`KgpubError`. Each class carries the exit code the
CLI returns and the HTTP status the web layer answers with, so that translation happens in exactly
two places (``cli.py`` and ``web/errors.py``) and nowhere else.

Exit codes follow pySHACL's scheme: 0 success, 1 data does not conform, 2 usage (click), 3 bad
input, 4 internal.

::

    KgpubError                      exit 4  http 500   (base; never raised bare)
    ├── InputError                  exit 3  http 400
    │   ├── SourceError             unreadable/malformed source text or metadata
    │   ├── CurationError           curation Turtle that does not parse
    │   ├── IRIError                bad IRI / slug
    │   ├── FetchError              a page that cannot be fetched, is refused or is not HTML
    │   ├── QueryError              malformed SPARQL
    │   │   └── QueryTooLarge       http 413
    │   └── NotRepresentable        http 406  data the requested syntax cannot carry (RDF/XML vs. U+000C)
    ├── QueryRefused                exit 4  http 503 (+Retry-After)  time or row limit hit
    │   └── TooManyQueries          http 429 (+Retry-After)  one client's share of the endpoint in use
    ├── Unavailable                 exit 4  http 503 (+Retry-After)  nothing published, or damaged
    ├── NotFoundError               exit 3  http 404   no such thing, document or query
    ├── ShapesError                 exit 3  broken shapes/ or ontology/ files
    ├── InconsistentGraph           exit 1  OWL-RL / rule inconsistencies (carries them)
    ├── NotConformant               exit 1  SHACL report (carries the report text)
    └── PublishError                exit 4  store swap failed; old dataset kept
"""

from __future__ import annotations

from typing import ClassVar


class KgpubError(Exception):
    """Base of every kgpub error; carries the CLI exit code and the HTTP status."""

    exit_code: ClassVar[int] = 4
    http_status: ClassVar[int] = 500


class InputError(KgpubError):
    """The user's input is wrong: a file, a parameter, a query."""

    exit_code = 3
    http_status = 400


class SourceError(InputError):
    """A source text or its metadata is missing, unreadable or malformed."""


class CurationError(InputError):
    """A curation file under data/curation/ does not parse or says something impossible."""


class IRIError(InputError):
    """An IRI or slug that kgpub cannot mint, parse or map."""


class FetchError(InputError):
    """A page ``kgpub add``/``crawl`` cannot use: unreachable, refused by robots.txt, too large,
    redirected off the site, or not HTML. The message names the URL."""


class QueryError(InputError):
    """A SPARQL query that does not parse, or that a read-only endpoint refuses."""


class QueryTooLarge(QueryError):
    """A query longer than the configured limit."""

    http_status = 413


class NotRepresentable(InputError):
    """The data cannot be written in the requested syntax, though other syntaxes carry it: RDF/XML
    (XML 1.0) has no way to write most C0 control characters, and an evidence quote is an exact slice
    of a scraped page, form feeds included. Answered 406 so the client asks for another format."""

    http_status = 406


class QueryRefused(KgpubError):
    """A query stopped by a time or result limit; the client may retry later."""

    http_status = 503
    retry_after: ClassVar[int] = 30


class Unavailable(KgpubError):
    """The published build is missing or damaged (a file differs from ``build.json``): the server
    answers 503 + Retry-After, not 404, so crawlers come back instead of dropping the pages."""

    http_status = 503
    retry_after: ClassVar[int] = 300


class TooManyQueries(QueryRefused):
    """One client has as many queries in flight as the endpoint allows it; it may retry shortly."""

    http_status = 429
    retry_after: ClassVar[int] = 5


class NotFoundError(KgpubError):
    """No such resource, document, named query or dataset."""

    exit_code = 3
    http_status = 404


class ShapesError(KgpubError):
    """The project's own shapes/ or ontology/ files are broken."""

    exit_code = 3


class InconsistentGraph(KgpubError):
    """Reasoning found contradictions; the build stops and nothing is published."""

    exit_code = 1

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class NotConformant(KgpubError):
    """The graph does not conform to the SHACL shapes; the build stops and nothing is published."""

    exit_code = 1

    def __init__(self, message: str, report_text: str = "") -> None:
        super().__init__(message)
        self.report_text = report_text


class PublishError(KgpubError):
    """Writing the published dataset failed; what was published before is kept."""


EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "the data does not conform (SHACL violations or inconsistencies)",
    2: "usage error (unknown command or option)",
    3: "bad input (source, metadata, curation file, query, IRI, shapes)",
    4: "publishing failed (disk full or another write error: nothing was published) or a bug",
}
