"""The SPARQL 1.1 Protocol endpoint ``/sparql`` (read-only), its service description and query page.

- Queries: ``GET ?query=``, ``POST`` form (``application/x-www-form-urlencoded``) and ``POST`` direct
  (``application/sparql-query``, UTF-8 only); ``default-graph-uri`` / ``named-graph-uri``.
- Results: SELECT/ASK as SPARQL JSON, XML, CSV (a download name; for a browser or ``download=1``
  a UTF-8 BOM too, for spreadsheets), TSV; CONSTRUCT/DESCRIBE as Turtle, JSON-LD, N-Triples,
  RDF/XML; chosen by ``Accept`` or a ``format`` (alias ``output``) parameter, and as an HTML page
  for browsers.
- Without a query: the SPARQL 1.1 Service Description (machines) or the query page (browsers).
- Refused: SPARQL Update in any form (403), ``SERVICE`` (400); over-long queries (413); past the
  time or row limit (503 + Retry-After). See :mod:`kgpub.store` for the dataset semantics.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from flask import Blueprint, Response, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest, Forbidden, NotAcceptable, UnsupportedMediaType

from ..errors import QueryTooLarge
from ..formats import BY_NAME, Format
from ..store import FORMATS_BY_KIND, analyse
from ..store.worker import ResultKind
from . import current_settings
from .limits import public_query
from .negotiate import by_accept, choose
from .sparql_page import render_page, render_results, service_description

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = (
    "This SPARQL endpoint is read-only: SPARQL Update is not accepted. "
    "The data changes only through `kgpub build`."
)

KIND_OF_FORM: dict[str, ResultKind] = {
    "SELECT": "bindings",
    "ASK": "boolean",
    "CONSTRUCT": "graph",
    "DESCRIBE": "graph",
}
#: ``format=`` values that mean something else for graph results (SPARQLWrapper sends these).
GRAPH_ALIASES = {"xml": "rdfxml", "rdf+xml": "rdfxml", "json": "jsonld", "n3": "ttl", "ntriples": "nt"}
SD_FORMATS = tuple(BY_NAME[n] for n in ("ttl", "rdfxml", "jsonld", "nt", "html"))
HTML = BY_NAME["html"]
QUERY_RESULT_FORMATS = tuple(BY_NAME[n] for n in dict.fromkeys(sum(FORMATS_BY_KIND.values(), ())))


@dataclass(frozen=True)
class ProtocolRequest:
    """A query operation as the protocol defines it."""

    query: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    format_param: str | None


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    op = read_request()
    if op.query is None:
        if request.method == "POST":
            raise BadRequest(
                "no query: send it as the 'query' form field or as an application/sparql-query body"
            )
        return _describe_service(op)
    if _wants_html(op):
        return render_results(op.query, op.default_graphs, op.named_graphs)
    return answer(op)


def answer(op: ProtocolRequest) -> Response:
    """Run the query and write its result in the negotiated format."""
    assert op.query is not None
    kind = KIND_OF_FORM.get(analyse(op.query).form or "")
    fmt = None
    if kind is not None:  # otherwise the store reports what is wrong with the query
        fmt = _negotiate(kind, op.format_param)
    result = public_query(op.query, op.default_graphs, op.named_graphs)
    if fmt is None or kind != result.kind:
        fmt = _negotiate(result.kind, op.format_param)
    response = Response(result.serialize(fmt), mimetype=fmt.media_type)
    if fmt.name == "csv":
        as_csv_file(response, for_spreadsheet=_for_people())
    response.vary.add("Accept")
    return response


#: What a spreadsheet needs to read UTF-8 (Excel takes a CSV without it for the local code page, so
#: "Järvenpää" arrives as "JÃ¤rvenpÃ¤Ã¤"). Only for people: a SPARQL client's CSV parser (rdflib's,
#: behind SPARQLWrapper) would read it as part of the first column's name.
UTF8_BOM = b"\xef\xbb\xbf"
CSV_FILE_NAME = "query-results.csv"


def _for_people() -> bool:
    """A browser (its ``Accept`` names ``text/html``) or a link that asks for a download
    (``download=1``, the query page's "CSV for spreadsheets")."""
    accept = request.headers.get("Accept", "")
    return "download" in request.args or "text/html" in accept


def as_csv_file(response: Response, *, for_spreadsheet: bool) -> None:
    """CSV results as a file: ``charset=utf-8``, a download name (``Content-Disposition:
    attachment``) and, for a spreadsheet, a UTF-8 BOM first."""
    if for_spreadsheet:
        response.set_data(UTF8_BOM + response.get_data())
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{CSV_FILE_NAME}"'


def _negotiate(kind: ResultKind, format_param: str | None) -> Format:
    candidates = tuple(BY_NAME[n] for n in FORMATS_BY_KIND[kind])
    aliases = GRAPH_ALIASES if kind == "graph" else None
    return choose(candidates, request.headers.get("Accept"), format_param=format_param, aliases=aliases)


def _wants_html(op: ProtocolRequest) -> bool:
    if op.format_param:
        return op.format_param.strip().lower() == "html"
    accept = request.headers.get("Accept")
    if not accept:
        return False
    try:  # HTML only when the client prefers it to every machine format (browsers do)
        return by_accept((*QUERY_RESULT_FORMATS, HTML), accept) is HTML
    except NotAcceptable:
        return False


def _describe_service(op: ProtocolRequest) -> Response:
    fmt = choose(SD_FORMATS, request.headers.get("Accept"), format_param=op.format_param)
    response = render_page() if fmt is HTML else service_description(fmt)
    response.vary.add("Accept")
    return response


def read_request() -> ProtocolRequest:
    """Parse the three ways of sending a query; anything else is a 4xx with a reason."""
    params: MultiDict[str, str] = MultiDict(request.args)
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == UPDATE:
            raise Forbidden(READ_ONLY)
        if mimetype == DIRECT:
            return _direct(params)
        if mimetype != FORM:
            raise UnsupportedMediaType(
                f"POST a query as {FORM} (field 'query') or as {DIRECT}; got {mimetype or 'no Content-Type'}"
            )
        params.update(_form_fields())
    if "update" in params:
        raise Forbidden(READ_ONLY)
    queries = params.getlist("query")
    if len(queries) > 1:
        raise BadRequest("more than one 'query' parameter: send exactly one query")
    query = queries[0] if queries else None
    if query is not None and len(query.encode("utf-8")) > _limit():
        raise QueryTooLarge(f"the query is longer than {_limit()} bytes, the limit of this endpoint")
    return _with_dataset(query, params)


def _direct(params: MultiDict[str, str]) -> ProtocolRequest:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"a {DIRECT} body must be UTF-8, not {charset}")
    try:
        query = _body(_limit()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the query is not valid UTF-8: {exc}") from exc
    return _with_dataset(query, params)


def _form_fields() -> list[tuple[str, str]]:
    body = _body(3 * _limit() + 4096)  # percent-encoding triples a query's size at most
    try:
        return parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the form body is not valid UTF-8: {exc}") from exc


def _with_dataset(query: str | None, params: MultiDict[str, str]) -> ProtocolRequest:
    return ProtocolRequest(
        query=query,
        default_graphs=tuple(params.getlist("default-graph-uri")),
        named_graphs=tuple(params.getlist("named-graph-uri")),
        format_param=params.get("format") or params.get("output"),
    )


def _body(limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes without reading more than that."""
    length = request.content_length
    if length is not None and length > limit:
        raise QueryTooLarge(f"the request body is {length} bytes; this endpoint takes at most {limit}")
    data = request.stream.read(limit + 1)
    if len(data) > limit:
        raise QueryTooLarge(f"the request body is larger than {limit} bytes, the limit of this endpoint")
    return data


def _limit() -> int:
    return current_settings().max_query_bytes
