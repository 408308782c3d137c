"""The published build as a static site: every answer of the linked-data server as a file, and an
nginx configuration that serves them the way the Flask server does (``kgpub export --site DIR``).

``DIR/www`` holds what the app answers, fetched from the app itself (so a file is byte for byte the
app's answer, made by the same representation modules): every document ``/doc/<path>`` in Turtle,
JSON-LD, N-Triples, RDF/XML and HTML (``<path>.ttl`` …), every source text with its page and RDF, the
home page, ``/dataset`` and ``/.well-known/void`` in each format, the dumps, ``sitemap.xml``,
``robots.txt``, ``context.jsonld``, and a 404 answer per format (``_404.ttl`` …).
``DIR/nginx/kgpub.conf`` is a ``server`` block (``include`` it in ``http {}``); ``DIR/nginx/nginx.conf``
runs it alone (``nginx -p DIR/nginx -c nginx.conf``). nginx then answers:

- ``/id/<path>`` and the other thing IRIs (``/def/…``, ``/graph/…``, ``/curation/…``) → 303 to
  ``/doc/<path>`` when that document exists (a suffix and ``?format=`` carried along), else 404;
- ``/doc/<path>`` chosen by suffix, then ``?format=``, then ``Accept`` (Turtle by default, HTML for
  browsers, ``q=0`` refusals honoured, nothing acceptable → 406), with ``Vary: Accept``, the ``Link``
  alternates, strong ``ETag`` and ``Last-Modified`` (nginx's, from the file) and 304s;
- unknown paths → 404 in the negotiated format.

What nginx cannot do as the app does: ``Accept`` is matched by regular expressions in the server's
order of preference (a client that ranks Turtle below HTML with q-values but accepts both gets
Turtle), and non-ASCII paths are not folded (301) — they are 404.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .config import Settings
from .documents import open_documents
from .errors import NotFoundError
from .formats import Format
from .publish import Published, current, writing
from .web import urls

#: Representations other than documents that the site copies, each in its formats (suffix → Accept).
DESCRIPTIONS = ("dataset", ".well-known/void")
FIXED = ("sitemap.xml", "robots.txt", "context.jsonld")
#: The file name of a document whose path ends in '/' (``/doc/def/`` → ``doc/def/_index.ttl`` …).
INDEX = "_index"
_NOT_Q0 = r"(?!\s*;\s*q\s*=\s*0(?:\.0*)?\s*(?:,|$))"


@dataclass(frozen=True)
class SiteReport:
    files: int
    documents: int
    root: Path
    config: Path


def export_site(settings: Settings, out: Path, *, listen: str | None = None) -> SiteReport:
    """Write the site of the published build to ``out`` (``out/www``, ``out/nginx``).

    Links in the pages point at ``settings.public_root`` (set ``public_base`` to where the site is
    served). ``listen`` (``host:port``) goes into the standalone ``nginx.conf``."""
    from .web import create_app

    published = current(settings)
    recorded = open_documents(published.path, settings.base_iri)
    if recorded is None:
        raise NotFoundError(f"{published.path} has no recorded documents: rebuild it with this kgpub")
    www = out / "www"
    with writing(out):
        if www.exists():
            shutil.rmtree(www)
        www.mkdir(parents=True)
    app = create_app(settings)
    client = app.test_client()
    files = 0

    def save(path: str, url: str, *, status: int = 200) -> bool:
        nonlocal files
        answer = client.get(url)
        if answer.status_code != status:
            return False
        target = www / path
        with writing(target):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(answer.data)
        files += 1
        return True

    try:
        documents = 0
        for rest, _thing in recorded.paths():
            if not rest:
                continue
            for fmt in urls.DOC_FORMATS:
                if rest.endswith("/"):  # a namespace IRI (def/): a folder, so the file is _index.<suffix>
                    save(f"doc/{rest}{INDEX}{fmt.suffix}", f"/doc/{rest}?format={fmt.name}")
                else:
                    save(f"doc/{rest}{fmt.suffix}", f"/doc/{rest}{fmt.suffix}")
            documents += 1
        for text in sorted(published.sources_path.glob("*.txt")):
            for fmt in urls.SOURCE_FORMATS:
                save(f"source/{text.stem}{fmt.suffix}", f"/source/{text.stem}{fmt.suffix}")
        for name in DESCRIPTIONS:
            for fmt in urls.DOC_FORMATS:
                save(f"{name}{fmt.suffix}", f"/{name}?format={fmt.name}")
        for name in FIXED:
            save(name, f"/{name}")
        save("index.html", "/")
        for fmt in urls.DOC_FORMATS:
            save(f"_404{fmt.suffix}", f"/doc/_/none{fmt.suffix}", status=404)
        _copy_dumps(published, www / "dumps")
        files += sum(1 for p in (www / "dumps").iterdir()) if (www / "dumps").is_dir() else 0
    finally:
        app.extensions["kgpub"]["stores"].close()
    config = write_nginx(out, settings.public_root, listen or f"{settings.host}:{settings.port}")
    return SiteReport(files, documents, www, config)


def _copy_dumps(published: Published, target: Path) -> None:
    if not published.dumps_path.is_dir():
        return
    with writing(target):
        shutil.copytree(published.dumps_path, target)


def _accept_map(name: str, formats: tuple[Format, ...], default: str) -> str:
    """An nginx ``map`` from ``Accept`` to a suffix: the formats in order of preference, each unless
    refused with q=0; wildcards give ``default``; nothing acceptable gives "406"."""
    lines = [f"map $http_accept ${name} {{", f'    "" "{default}";']
    seen: set[str] = set()
    for fmt in formats:
        for media_type in fmt.media_types:
            if media_type in seen:
                continue
            seen.add(media_type)
            pattern = media_type.replace("+", r"\+").replace(".", r"\.")
            lines.append(f'    "~*(^|,)\\s*{pattern}{_NOT_Q0}" "{fmt.suffix}";')
    lines.append(f'    "~*(^|,)\\s*\\*/\\*{_NOT_Q0}" "{default}";')
    lines.append(f'    "~*(^|,)\\s*(text|application)/\\*{_NOT_Q0}" "{default}";')
    lines.append('    default "406";')
    lines.append("}")
    return "\n".join(lines)


def _format_map() -> str:
    lines = ["map $arg_format $kgpub_format {", '    "" "";']
    for fmt in urls.DOC_FORMATS:
        keys = {fmt.name, fmt.suffix.lstrip("."), *(fmt.media_types[:1])}
        if fmt.rdflib_format:
            keys.add(fmt.rdflib_format)
        lines += [f'    "{key}" "{fmt.suffix}";' for key in sorted(keys)]
    lines += ['    default "406";', "}"]
    return "\n".join(lines)


def server_block(www: Path, root: str, listen: str) -> str:
    """The ``server {}`` that answers as the Flask app does (see the module's docstring)."""
    types = "\n".join(
        f"        {fmt.media_type} {fmt.suffix.lstrip('.')};" for fmt in (*urls.SOURCE_FORMATS,)
    )
    alternates = ", ".join(
        f'<{root}doc/$stem{fmt.suffix}>; rel=\\"alternate\\"; type=\\"{fmt.media_type}\\"'
        for fmt in urls.DOC_FORMATS
    )
    headers = """        add_header Vary Accept always;
        add_header Access-Control-Allow-Origin * always;
        add_header Cache-Control "public, no-cache" always;"""
    return f"""{_accept_map("kgpub_doc", urls.DOC_FORMATS, ".ttl")}

{_accept_map("kgpub_source", urls.SOURCE_FORMATS, ".txt")}

{_format_map()}

map "$kgpub_format:$kgpub_doc" $kgpub_ext {{
    "~^:(?<e>.*)$" $e;
    "~^(?<e>[^:]+):" $e;
}}

server {{
    listen {listen};
    server_name _;
    root {www};
    etag on;
    charset utf-8;
    charset_types text/turtle application/ld+json application/n-triples application/rdf+xml
        text/plain application/xml;
    types {{
{types}
        application/xml xml;
        application/gzip gz;
        application/trig trig;
        application/n-quads nq;
    }}
    default_type application/octet-stream;
    error_page 404 /_404$kgpub_ext;
    error_page 406 @not_acceptable;

    location @not_acceptable {{
{headers}
        default_type text/plain;
        return 406 "406 Not Acceptable\\n";
    }}
    location ~ "^/_404\\.(ttl|jsonld|nt|rdf|html)$" {{
        internal;
{headers}
    }}
    location ~ "^/_404406$" {{
        internal;
        return 406 "406 Not Acceptable\\n";
    }}

    # a document in a named format
    location ~ "^/doc/(?<stem>.+)\\.(ttl|jsonld|nt|rdf|html)$" {{
{headers}
        add_header Link "{alternates}" always;
        try_files $uri =404;
    }}
    # a document whose path ends in '/' (a namespace): ?format=, then Accept
    location ~ "^/doc/(?<stem>.*/)$" {{
{headers}
        if ($kgpub_ext = "406") {{ return 406; }}
        try_files /doc/${{stem}}{INDEX}$kgpub_ext =404;
    }}
    # a document negotiated: ?format=, then Accept
    location ~ "^/doc/(?<stem>.+)$" {{
{headers}
        add_header Link "{alternates}" always;
        if ($kgpub_ext = "406") {{ return 406; }}
        add_header Content-Location "{root}doc/$stem$kgpub_ext" always;
        try_files /doc/$stem$kgpub_ext =404;
    }}
    location ~ "^/source/(?<sid>[^/]+)\\.(txt|ttl|jsonld|nt|rdf|html)$" {{
{headers}
        try_files $uri =404;
    }}
    location ~ "^/source/(?<sid>[^/]+)$" {{
{headers}
        if ($kgpub_source = "406") {{ return 406; }}
        try_files /source/$sid$kgpub_source =404;
    }}
    location = / {{
{headers}
        try_files /index.html =404;
    }}
    location ~ "^/(?<desc>dataset|\\.well-known/void)$" {{
{headers}
        if ($kgpub_ext = "406") {{ return 406; }}
        try_files /$desc$kgpub_ext =404;
    }}
    location ~ "^/(sitemap\\.xml|robots\\.txt|context\\.jsonld|dumps/.+)$" {{
{headers}
        try_files $uri =404;
    }}
    # thing IRIs: 303 to their document when it exists
    location ~ "^/id/(?<thing>.+?)(?<sfx>\\.(?:ttl|jsonld|nt|rdf|html))?$" {{
{headers}
        if (-f $document_root/doc/$thing.ttl) {{ return 303 {root}doc/$thing$sfx$is_args$args; }}
        return 404;
    }}
    location ~ "^/(?<thing>[^_/][^/]*/)$" {{
{headers}
        if (-f $document_root/doc/${{thing}}{INDEX}.ttl) {{ return 303 {root}doc/$thing$is_args$args; }}
        return 404;
    }}
    location ~ "^/(?<thing>[^_/][^/]*/.+?)(?<sfx>\\.(?:ttl|jsonld|nt|rdf|html))?$" {{
{headers}
        if (-f $document_root/doc/$thing.ttl) {{ return 303 {root}doc/$thing$sfx$is_args$args; }}
        return 404;
    }}
    location / {{
{headers}
        return 404;
    }}
}}
"""


def _user() -> str:
    import grp
    import pwd

    return f"{pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name}"


def write_nginx(out: Path, root: str, listen: str) -> Path:
    """``out/nginx/kgpub.conf`` (the server block) and ``out/nginx/nginx.conf`` (standalone, run as
    any user with ``nginx -p out/nginx -c nginx.conf``); returns the standalone one."""
    folder = out / "nginx"
    www = (out / "www").resolve()
    parts = urlsplit(root)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"not an http(s) root: {root}")
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "logs").mkdir(exist_ok=True)
        (folder / "kgpub.conf").write_text(server_block(www, root, listen), encoding="utf-8")
        standalone = folder / "nginx.conf"
        standalone.write_text(
            f"""user {_user()};  # started as root: the workers read the files as their owner, not nobody
worker_processes 1;
pid {folder.resolve()}/nginx.pid;
error_log {folder.resolve()}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {folder.resolve()}/tmp-body;
    proxy_temp_path {folder.resolve()}/tmp-proxy;
    fastcgi_temp_path {folder.resolve()}/tmp-fastcgi;
    uwsgi_temp_path {folder.resolve()}/tmp-uwsgi;
    scgi_temp_path {folder.resolve()}/tmp-scgi;
    sendfile on;
    keepalive_timeout 30;
    keepalive_requests 100000;
    include {folder.resolve()}/kgpub.conf;
}}
""",
            encoding="utf-8",
        )
    return standalone
