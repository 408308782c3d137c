"""The home page and what harvesters read: dataset description, dumps, sitemap, robots.

- ``/`` — the bodies as a tree per municipality, counts, links to SPARQL, the dumps and this description.
- ``/dataset`` and ``/.well-known/void`` (RFC 8615, VoID §7) — the same VoID + DCAT(-AP) description,
  negotiated: Turtle (default), JSON-LD, N-Triples, RDF/XML, or an HTML page.
- ``/dumps/<name>`` — the prebuilt dumps of the published build, byte for byte, with ETag,
  Last-Modified, 304 and ranges. ``dataset.nt.gz`` is served as the file it is:
  ``Content-Type: application/gzip`` and **no** ``Content-Encoding`` — a client saves the ``.gz`` it
  asked for (its size is the ``dcat:byteSize`` the description states) instead of having it
  transparently unpacked; the description says what is inside (``dcat:mediaType`` N-Triples,
  ``dcat:compressFormat`` gzip). Before a dump is sent its size is checked against ``build.json``
  (its SHA-256 was checked when the build was first served, see ``Stores``): a truncated dump is a
  503 + Retry-After, never a 200 with part of the data.
- ``/sitemap.xml`` — every document (things by their ``/doc/`` page, sources), plus the home, dataset
  and SPARQL pages; a sitemap index over numbered parts past 50,000 URLs. ``/robots.txt`` points at it.
"""

from __future__ import annotations

import json
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from flask import Blueprint, Flask, Response, current_app, render_template, send_file
from werkzeug.exceptions import NotFound

from ..errors import Unavailable
from ..formats import BY_NAME, Format, by_kind
from ..publish import check_size
from ..versions import list_versions
from . import void
from .caching import Build, current, etag_for, memo, not_modified, not_modified_response, validate, weak
from .describe import Queryable
from .i18n import explicit_choice, label_order
from .negotiate import choose
from .orgchart import forest
from .paths import page_path
from .rdf_doc import serialize
from .urls import linker, public_root

bp = Blueprint("dataset", __name__)

HTML = BY_NAME["html"]
DESCRIPTION_FORMATS: tuple[Format, ...] = (*by_kind("graph"), HTML)
SITEMAP_LIMIT = 50000
URL_SAFE = "/:@!$&'()*+,;=-._~%"
GZIP = "application/gzip"


def register(app: Flask) -> None:
    app.register_blueprint(bp)


def _negotiated(formats: tuple[Format, ...]) -> Format:
    from flask import request

    return choose(formats, request.headers.get("Accept"), format_param=request.args.get("format"))


@bp.route("/")
def home() -> Response:
    store, build, _ = current()
    root = public_root()
    etag = etag_for(build, "home", root)
    if not_modified(build, etag):
        return not_modified_response(build, etag)
    lang = "/".join(label_order()) + ("!" if explicit_choice() else "")  # labels in the reader's language
    municipal, other = memo(build, f"forest {root} {lang}", lambda: _forest(store, build))
    counts = memo(build, "counts", lambda: _counts(store, build.base_iri))
    html = render_template(
        "home.html", municipal=municipal, other=other, counts=counts, dumps=dumps(build), build=build
    )
    return validate(Response(html, mimetype="text/html"), build, etag)


def _forest(store: Queryable, build: Build) -> tuple[list[object], list[object]]:
    graph = store.query(
        """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
CONSTRUCT { ?b a ?t . ?b org:subOrganizationOf ?p . ?b skos:prefLabel ?l . ?b org:classification ?k .
  ?k skos:prefLabel ?kl . ?b dct:language ?lang } WHERE {
  VALUES ?t { org:Organization org:OrganizationalUnit org:FormalOrganization }
  ?b a ?t .
  OPTIONAL { ?b org:subOrganizationOf ?p }
  OPTIONAL { ?b skos:prefLabel ?l }
  OPTIONAL { ?b dct:language ?lang }  # a municipality's majority language: its tree's names
  OPTIONAL { ?b org:classification ?k . OPTIONAL { ?k skos:prefLabel ?kl } }
}"""
    ).graph()
    municipal, other = forest(graph, linker(build.base_iri, public_root()))
    return list(municipal), list(other)


def _counts(store: Queryable, base: str) -> list[tuple[str, int]]:
    kinds = [
        ("bodies", "?s a ?t . VALUES ?t { org:Organization org:OrganizationalUnit org:FormalOrganization }"),
        ("posts", "?s a org:Post"),
        ("persons", "?s a foaf:Person"),
        ("duty statements", f"?s a <{base}def/DutyStatement>"),
        ("sites", "?s a org:Site"),
        ("claims with evidence", f"?s a <{base}def/Claim>"),
        ("source texts", f'?s a foaf:Document . FILTER(STRSTARTS(STR(?s), "{base}source/"))'),
    ]
    out = []
    for name, pattern in kinds:
        rows = store.query(
            "PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
            f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {pattern} }}"
        ).bindings()
        out.append((name, int(str(rows[0]["n"])) if rows else 0))
    return out


def dumps(build: Build) -> list[void.DumpFile]:
    """The dumps of a build, from ``dumps/dumps.json`` (written with them), else from the folder."""
    folder = build.published.dumps_path
    listing = folder / "dumps.json"
    found: list[void.DumpFile] = []
    try:
        for entry in json.loads(listing.read_text(encoding="utf-8")):
            path = folder / str(entry["name"])
            if path.is_file() and "/" not in str(entry["name"]):
                found.append(void.DumpFile.listed(entry, path.stat().st_size))  # with what it covers
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return found


def _description(formats: tuple[Format, ...]) -> Response:
    store, build, settings = current()
    fmt = _negotiated(formats)
    root = public_root()
    etag = etag_for(build, "dataset", fmt.name, root, settings.publisher, settings.dataset_licence)
    if not_modified(build, etag):
        response = not_modified_response(build, etag, weak=weak(fmt.name))
    else:
        stats = memo(build, "void", lambda: void.statistics(store, build.base_iri))
        graph = void.void_graph(
            stats,
            dumps(build),
            base=build.base_iri,
            root=root,
            modified=build.created,
            publisher_name=settings.publisher,
            licence=settings.dataset_licence,
            versions=list_versions(settings),
        )
        if fmt is HTML:
            body = render_template(
                "dataset.html",
                stats=void.summary(stats),
                dumps=dumps(build),
                build=build,
                root=root,
                href=linker(build.base_iri, public_root()).href,
            )
            response = Response(body, mimetype="text/html")
        else:
            response = Response(serialize(graph, fmt, build.base_iri), mimetype=fmt.media_type)
        response = validate(response, build, etag, weak=weak(fmt.name))
    response.vary.add("Accept")
    links = [f'<{root}dataset?format={f.name}>; rel="alternate"; type="{f.media_type}"' for f in formats]
    response.headers["Link"] = ", ".join(links)
    return response


@bp.route("/dataset")
def description() -> Response:
    return _description(DESCRIPTION_FORMATS)


@bp.route("/.well-known/void")
def well_known_void() -> Response:
    return _description(DESCRIPTION_FORMATS)


@bp.route("/dumps/<name>")
def dump(name: str) -> Response:
    _, build, _ = current()
    found = {d.name: d for d in dumps(build)}.get(name)
    if found is None:
        raise NotFound(f"no dump named {name!r}; the dumps are listed at /dataset")
    damaged = check_size(build.published, f"dumps/{found.name}")
    if damaged:
        current_app.logger.error("not serving a damaged dump: %s", damaged)
        raise Unavailable(f"the dump {found.name} is damaged ({damaged}); it is being rebuilt, retry later")
    mimetype = GZIP if found.encoding == "gzip" else found.media_type
    response = send_file(
        build.published.dumps_path / found.name,
        mimetype=mimetype,
        conditional=True,
        etag=etag_for(build, "dumps", found.name),
        last_modified=build.created,
        max_age=None,
    )
    response.headers["Cache-Control"] = "public, no-cache"
    return response


@bp.route("/robots.txt")
def robots() -> Response:
    root = public_root()
    text = f"User-agent: *\nDisallow: /sparql?\nAllow: /\n\nSitemap: {root}sitemap.xml\n"
    return Response(text, mimetype="text/plain")


def _documents(store: Queryable, build: Build, page_size: int) -> list[str]:
    """Relative paths of every document (each subject IRI under the base, by its page)."""
    base = build.base_iri
    paths: set[str] = set()
    offset = 0
    while True:
        rows = store.query(
            f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o . FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{base}")) }} '
            f"ORDER BY ?s LIMIT {page_size} OFFSET {offset}"
        ).bindings()
        for row in rows:
            path = page_path(str(row["s"]), base)
            if path:
                paths.add(path.split("#", 1)[0])
        if len(rows) < page_size:
            break
        offset += page_size
    return sorted(p for p in paths if p)


@bp.route("/sitemap.xml")
@bp.route("/sitemap-<int:part>.xml")
def sitemap(part: int | None = None) -> Response:
    store, build, _settings = current()
    root = public_root()
    etag = etag_for(build, "sitemap", str(part), root)
    if not_modified(build, etag):
        return not_modified_response(build, etag)
    page_size = SITEMAP_LIMIT
    docs = memo(build, "sitemap", lambda: _documents(store, build, page_size))
    urls = ["", "dataset", "sparql", *docs]
    parts = max(1, -(-len(urls) // SITEMAP_LIMIT))
    lastmod = build.created.isoformat()
    if part is None and parts > 1:
        items = "".join(
            f"<sitemap><loc>{xml_escape(f'{root}sitemap-{n}.xml')}</loc><lastmod>{lastmod}</lastmod></sitemap>"
            for n in range(1, parts + 1)
        )
        body = f'{XML_DECL}<sitemapindex xmlns="{SITEMAP_NS}">{items}</sitemapindex>\n'
    else:
        n = part or 1
        if not 1 <= n <= parts:
            raise NotFound(f"the sitemap has {parts} part(s)")
        chunk = urls[(n - 1) * SITEMAP_LIMIT : n * SITEMAP_LIMIT]
        items = "".join(
            f"<url><loc>{xml_escape(root + quote(u, safe=URL_SAFE))}</loc><lastmod>{lastmod}</lastmod></url>"
            for u in chunk
        )
        body = f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}">{items}</urlset>\n'
    return validate(Response(body, mimetype="application/xml"), build, etag)


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
