"""The ``kgpub`` command: a thin click veneer. Library errors become stderr text plus their exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .config import Settings
from .errors import EXIT_CODES, KgpubError

if TYPE_CHECKING:
    from .publish import Published

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = "Exit codes: " + "; ".join(f"{code} {text}" for code, text in EXIT_CODES.items())


def translate_errors(func: F) -> F:
    """Turn a KgpubError into a message on stderr and its exit code (the CLI's one translation)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgpubError as exc:
            click.echo(f"kgpub: error: {exc}", err=True)
            report = getattr(exc, "report_text", "")
            if report:
                click.echo(report, err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(epilog=EPILOG)
@click.version_option(__version__, prog_name="kgpub")
@click.pass_context
def main(ctx: click.Context) -> None:
    """kgpub: a knowledge graph of public bodies, built from their own web pages."""
    try:
        ctx.obj = Settings.from_env()
    except KgpubError as exc:  # a wrong KGPUB_* variable is a usage error, before any command runs
        click.echo(f"kgpub: error: in the KGPUB_* environment: {exc}", err=True)
        sys.exit(2)


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


@main.command()
@click.option(
    "--if-stale",
    is_flag=True,
    help="Do nothing when the published build is from the same inputs and intact (every file matches "
    "the size and SHA-256 in its build.json); otherwise say why, and rebuild.",
)
@click.pass_context
@translate_errors
def build(ctx: click.Context, if_stale: bool) -> None:
    """Build, reason, validate and atomically publish the dataset from data/ into var/.

    A write error (a full disk) is exit 4 naming the file; the published build is then untouched."""
    from .pipeline import build as run_build

    result = run_build(_settings(ctx), if_stale=if_stale, notify=lambda text: click.echo(text, err=True))
    assert result.published is not None
    if result.skipped:
        click.echo(f"up to date: {result.published.path}")
    else:
        for source in result.reports:
            click.echo("\n".join(source.lines()))
        click.echo(f"published {result.triples} quads to {result.published.path} ({result.reuse})")


@main.command()
@click.option("--shacl-text", is_flag=True, help="Print pySHACL's own full report instead.")
@click.pass_context
@translate_errors
def validate(ctx: click.Context, shacl_text: bool) -> None:
    """Build the graph from data/ in memory and check it with the SHACL shapes (publishes nothing).

    Each result names the input file (and character span) it came from; exit 1 on violations."""
    from .pipeline import check, input_location

    settings = _settings(ctx)
    _, _, _, report = check(settings)
    click.echo(report.text if shacl_text else report.summary(lambda iri: input_location(settings, iri)))
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "ttl"]), default="json", show_default=True)
@click.option("--lang", type=click.Choice(["fi", "sv", "en"]), help="Language of the text (default: detect).")
@click.pass_context
@translate_errors
def extract(ctx: click.Context, file: Path, fmt: str, lang: str | None) -> None:
    """Extract organisation facts from one text (a .txt file or a data/sources/<id> folder).

    A source's own text.txt is read with its meta.toml, so the facts carry its id and language."""
    from .extract import extract as run_extract
    from .sources import load_source, source_from_file

    folder = file if file.is_dir() else None
    if file.name == "text.txt" and (file.parent / "meta.toml").is_file():  # a source's own text
        folder = file.parent
    source = load_source(folder) if folder else source_from_file(file, lang)
    extraction = run_extract(source)
    if fmt == "json":
        click.echo(json.dumps(extraction.to_json(), ensure_ascii=False, indent=1))
    else:
        from .rdf import extraction_turtle

        click.echo(extraction_turtle(extraction, source.meta, _settings(ctx)))


_PAGE_OPTIONS = (
    click.option("--municipality", metavar="NAME", help="Default: from the site's name."),
    click.option("--language", type=click.Choice(["fi", "sv", "en"]), help="Default: <html lang>/detected."),
    click.option("--publisher", metavar="NAME", help="Who publishes the pages (default: the site's name)."),
    click.option("--licence", metavar="TEXT", help='e.g. "CC BY 4.0" (default: unknown).'),
)


def _page_options(func: F) -> F:
    for option in reversed(_PAGE_OPTIONS):
        func = option(func)
    return func


def _report_written(written: Any) -> None:
    """The id on stdout (for scripts); what happened, and any notes, on stderr."""
    click.echo(written.id)
    version = f" (version {written.version})" if written.status == "updated" else ""
    click.echo(f"kgpub: {written.status}{version}: {written.folder}", err=True)
    for note in written.notes:
        click.echo(f"kgpub:   {note}", err=True)


@main.command()
@click.argument("pages", nargs=-1, required=True, metavar="URL|FILE.html...")
@_page_options
@click.option("--id", "source_id", metavar="ID", help="The source id (one page only; default: from the URL).")
@click.pass_context
@translate_errors
def add(
    ctx: click.Context,
    pages: tuple[str, ...],
    municipality: str | None,
    language: str | None,
    publisher: str | None,
    licence: str | None,
    source_id: str | None,
) -> None:
    """Add web pages (URLs or saved .html files) as sources under data/sources/; print their ids.

    Each page becomes data/sources/<id>/ with text.txt (its main text), meta.toml, page.html and
    fetch.toml. Adding a page again fetches it conditionally: unchanged changes nothing, a changed
    text becomes the next version (the previous one moves to versions/<n>/)."""
    from .ingest.add import AddOptions, add_pages

    options = AddOptions(municipality, language, source_id, publisher, licence)
    for written in add_pages(_settings(ctx), list(pages), options):  # each id as soon as it is made
        _report_written(written)


@main.command()
@click.argument("start", metavar="URL|SITEMAP")
@click.option("--prefix", metavar="PATH", help="Only paths under this (default: the start's).")
@click.option("--limit", type=int, help="At most this many fetches (default: KGPUB_INGEST_CRAWL_LIMIT, 50).")
@_page_options
@click.pass_context
@translate_errors
def crawl(
    ctx: click.Context,
    start: str,
    prefix: str | None,
    limit: int | None,
    municipality: str | None,
    language: str | None,
    publisher: str | None,
    licence: str | None,
) -> None:
    """Add a site section: pages under --prefix linked from the start page, or listed in a sitemap.xml.

    Same site only, robots.txt obeyed; a page that fails is reported and skipped (exit 3 when none
    could be added)."""
    from .ingest.add import AddOptions
    from .ingest.crawl import crawl as run_crawl

    options = AddOptions(municipality, language, None, publisher, licence)
    visits = run_crawl(_settings(ctx), start, prefix, limit, options)
    for visit in visits:
        if visit.written is not None:
            _report_written(visit.written)
        else:
            click.echo(f"kgpub: skipped {visit.url}: {visit.problem}", err=True)
    added = sum(v.written is not None for v in visits)
    click.echo(f"kgpub: {added} page(s) added or checked, {len(visits) - added} skipped", err=True)
    if not added:
        sys.exit(3)


@main.command()
@click.option("--format", "fmt", default="ttl", show_default=True, help="ttl, jsonld, nt, rdfxml, trig or nq")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout."
)
@click.option("--municipality", help="Only this municipality's part (its slug: helsinki, kalajoki, …).")
@click.option(
    "--graph", "graphs", multiple=True, help="Only this named graph (curation, source/<id>, …; repeatable)."
)
@click.option("--with-schema", is_flag=True, help="Add the ontology and the SHACL shapes to the data.")
@click.option(
    "--site",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the whole linked-data site here instead (DIR/www and an nginx configuration in DIR/nginx).",
)
@click.option("--listen", help="With --site: host:port for the standalone nginx.conf (default: host:port).")
@click.pass_context
@translate_errors
def export(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    municipality: str | None,
    graphs: tuple[str, ...],
    with_schema: bool,
    site: Path | None,
    listen: str | None,
) -> None:
    """Print the published data in an RDF format (graph formats carry the union of the graphs).

    The data only, by default: the ontology and the shapes are in dumps/ontology.ttl and
    dumps/shapes.ttl (or add them with --with-schema, or name them with --graph). With --site, write
    every document, page, dump and description as files plus an nginx configuration that serves them
    as `kgpub serve` does (kgpub/site.py); links point at KGPUB_PUBLIC_BASE (else the base IRI)."""
    if site is not None:
        from .site import export_site

        report = export_site(_settings(ctx), site, listen=listen)
        click.echo(f"kgpub: {report.documents} documents, {report.files} files in {report.root}", err=True)
        click.echo(f"kgpub: nginx -p {report.config.parent} -c {report.config.name}", err=True)
        return
    from .export import load_dataset, resolve_format, serialize
    from .namespaces import Local
    from .publish import current
    from .subsets import named_graphs, select, to_dataset

    settings = _settings(ctx)
    local = Local(settings.base_iri)
    chosen = resolve_format(fmt)
    named = named_graphs(load_dataset(current(settings).dataset_path))
    part = select(named, local, municipality=municipality, graphs=graphs, schema=with_schema)
    data = serialize(to_dataset(part, local), chosen, local)
    if output:
        output.write_bytes(data)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@main.command()
@click.argument("query_file", metavar="FILE.rq|-|NAME", type=str)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld", "rdfxml"]),
    default="table",
    show_default=True,
    help="table/csv/tsv/json/xml for SELECT and ASK; ttl/nt/jsonld/rdfxml for CONSTRUCT and DESCRIBE.",
)
@click.option(
    "--show", is_flag=True, help="Print the query (a named one with absolute prefixes) instead of running it."
)
@click.pass_context
@translate_errors
def query(ctx: click.Context, query_file: str, fmt: str, show: bool) -> None:
    """Run a SPARQL query (a file, - for stdin, or the name of a query in queries/) on the published data."""
    from .formats import lookup
    from .publish import current
    from .queries import get_query
    from .store import open_store

    settings = _settings(ctx)
    text = _read_query(settings, query_file, get_query)
    if show:
        click.echo(text, nl=not text.endswith("\n"))
        return
    with open_store(current(settings), settings, workers=1) as store:
        result = store.query(text)
        if fmt == "table":
            click.echo(_table(result), nl=False)
            return
        chosen = lookup(fmt)
        assert chosen is not None
        click.echo(result.serialize(chosen).decode("utf-8"), nl=False)


def _read_query(settings: Settings, spec: str, get_query: Callable[[Path, str, str], Any]) -> str:
    if spec == "-":
        return sys.stdin.read()
    path = Path(spec)
    if path.is_file():
        from .sources import read_text

        return read_text(path)
    named = get_query(settings.queries_dir, spec, settings.base_iri)  # prefixes absolute: pastes anywhere
    text: str = named.text
    return text


def _table(result: Any) -> str:
    """A plain-text table of a SELECT result (ASK prints true/false; graphs print N-Triples)."""
    if result.kind == "boolean":
        return f"{str(result.boolean).lower()}\n"
    if result.kind == "graph":
        return str(result.data.decode("utf-8"))
    names: list[str] = result.variables
    rows = [[str(row.get(n, "")) for n in names] for row in result.bindings()]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


@main.command(name="load")
@click.pass_context
@translate_errors
def load_cmd(ctx: click.Context) -> None:
    """Publish the current build to the remote SPARQL engine, atomically for readers (docs/deployment.md)."""
    from .publish import current
    from .store.load import load

    settings = _settings(ctx)
    report = load(current(settings), settings, progress=lambda text: click.echo(text, err=True))
    click.echo(
        f"loaded build {report.build_id}: {report.graphs} graphs, {report.triples} triples in "
        f"{report.requests} requests ({report.upload_s:.2f} s), switched in {report.switch_s:.2f} s"
    )


@main.command()
@click.option("--host", default=None, help="Interface to listen on (default: settings, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port to listen on (default: settings, 5000).")
@click.pass_context
@translate_errors
def serve(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the published dataset (SPARQL endpoint, linked data, dumps) with waitress.

    The published build is checked against its build.json first: a damaged one is reported here and
    answered with 503 + Retry-After until `kgpub build --if-stale` replaces it (no restart needed)."""
    from .publish import current, verify
    from .web import serve as run_server

    settings = _settings(ctx)
    settings = settings.with_(host=host or settings.host, port=port or settings.port)
    published = current(settings)  # fail early, with exit code 3, when nothing is published yet
    problems = verify(published)
    if settings.public_base is None:
        settings = _links_to_this_server(settings, published)
    for problem in problems:
        click.echo(f"kgpub: warning: the published build is damaged: {problem}", err=True)
    if problems:
        click.echo("kgpub: warning: answering 503 until `kgpub build --if-stale` replaces it", err=True)
    click.echo(f"serving {settings.published_dir} on http://{settings.host}:{settings.port}/", err=True)
    run_server(settings)


def _links_to_this_server(settings: Settings, published: Published) -> Settings:
    """Settings whose links reach this server: the build's IRIs carry the base it was built with,
    which may be another port of this machine (``kgpub build``, then ``serve --port 8080``) or another
    base than this environment's; links then follow the build (see ``paths.loopback_public_base``)."""
    from .web.paths import loopback_public_base

    try:
        built = str(published.manifest().get("base_iri") or settings.base_iri)
    except (OSError, ValueError):
        built = settings.base_iri
    here = loopback_public_base(built, settings.host, settings.port)
    if here is None:
        return settings if built == settings.base_iri else settings.with_(public_base=built)
    click.echo(
        f"kgpub: note: the build's IRIs start with {built}; links point here, to {here}. For IRIs of "
        f"this address, build with KGPUB_BASE_IRI={here} (make serve PORT=… does)",
        err=True,
    )
    return settings.with_(public_base=here)


@main.command()
@click.argument("source_id", metavar="SOURCE")
@click.option("--html", "as_html", is_flag=True, help="Print a standalone HTML page.")
@click.option("--decide", metavar="'1-3=confirm 5=reject'", help="Record verdicts for the numbered facts.")
@click.option("--reviewer", default="", help="Who decides (required with --decide).")
@click.pass_context
@translate_errors
def review(ctx: click.Context, source_id: str, as_html: bool, decide: str | None, reviewer: str) -> None:
    """Show a source (an id under data/sources/) with its facts numbered; confirm or reject them.

    Verdicts go to data/curation/review-<id>.ttl; rejected facts are left out of the next build.
    """
    from .extract import extract as run_extract
    from .review import numbered_facts, parse_decisions, record_decisions
    from .review import review as render
    from .sources import load_source

    settings = _settings(ctx)
    folder = Path(source_id)
    source = load_source(folder if folder.is_dir() else settings.data_dir / "sources" / source_id)
    extraction = run_extract(source)
    if decide is None:
        click.echo(render(source, extraction, html=as_html), nl=False)
        return
    decisions = parse_decisions(decide, len(numbered_facts(extraction)))
    from .iris import Registry
    from .pipeline import REGISTRY_FILE

    registry = Registry.load(settings.data_dir / REGISTRY_FILE)  # read only: the claims' IRIs
    path = record_decisions(
        extraction,
        decisions,
        settings.data_dir / "curation",
        reviewer=reviewer,
        meta=source.meta,
        registry=registry,
    )
    click.echo(f"recorded {len(decisions)} decision(s) in {path}")


@main.group()
def curator() -> None:
    """Who may review in the browser (/review): the curators file (KGPUB_CURATORS_FILE)."""


@curator.command("add")
@click.argument("name")
@click.pass_context
@translate_errors
def curator_add(ctx: click.Context, name: str) -> None:
    """Add NAME (or set a new password): prompted twice on a terminal, else one line from stdin.

    Only a salted scrypt hash is stored; the file is written with mode 0600."""
    from . import curators

    settings = _settings(ctx)
    curators.check_name(name)
    if sys.stdin.isatty():
        password = click.prompt(f"password for {name}", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    replaced = curators.add(settings.curators_path, name, password, min_length=settings.curator_min_password)
    click.echo(f"{'updated' if replaced else 'added'} curator {name} in {settings.curators_path}")


@curator.command("remove")
@click.argument("name")
@click.pass_context
@translate_errors
def curator_remove(ctx: click.Context, name: str) -> None:
    """Remove NAME: their next request is signed out (the verdicts they recorded stay)."""
    from . import curators

    settings = _settings(ctx)
    curators.remove(settings.curators_path, name)
    click.echo(f"removed curator {name} from {settings.curators_path}")


@curator.command("list")
@click.pass_context
@translate_errors
def curator_list(ctx: click.Context) -> None:
    """The curators' names, one a line."""
    from . import curators

    for name in curators.load(_settings(ctx).curators_path):
        click.echo(name)
