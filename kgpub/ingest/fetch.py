"""One polite HTTP client for page ingest: limits, robots.txt, same-site redirects, conditional GET.

Everything a site operator would ask of a crawler is here, and every limit is a setting
(``KGPUB_INGEST_*``): connect and read timeouts, a size limit enforced while streaming (the download
stops at the limit, so a 20 MB page costs 10 MB at most), at most ``ingest_max_redirects`` redirects
and only within the site (``www.`` and an http→https upgrade stay on the site; a loop is named),
robots.txt obeyed (its ``Crawl-delay`` too), a pause of ``ingest_delay_s`` between requests to one
host, an honest User-Agent, and ``If-None-Match``/``If-Modified-Since`` when the page was seen before.
Non-HTML answers (a PDF, an image) are refused before their body is read.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from .. import __version__
from ..config import Settings
from ..errors import FetchError
from .robots import Robots, parse_robots

HTML_TYPES = ("text/html", "application/xhtml+xml")
XML_TYPES = ("application/xml", "text/xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_ROBOTS_MAX_BYTES = 512_000  # RFC 9309 §2.5: parse at least 500 KiB


@dataclass(frozen=True)
class Page:
    """A fetched answer: 200 with its body, or 304 (``not_modified``) with none."""

    url: str  # where the content was found, after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def user_agent(settings: Settings) -> str:
    """``kgpub/<version> (+contact)``: who is asking, and how a site operator reaches them."""
    contact = settings.ingest_contact.strip() or "no contact configured: KGPUB_INGEST_CONTACT"
    return f"kgpub/{__version__} (+{contact})"


def site_key(url: str) -> tuple[str, int | None]:
    """Host without ``www.`` and the port when it is not the scheme's default: one site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = parts.port if parts.port not in (None, default) else None
    return host, port


def same_site(a: str, b: str) -> bool:
    return site_key(a) == site_key(b) and urlsplit(b).scheme in ("http", "https")


def normalise(url: str) -> str:
    """The URL without its fragment (a fragment never changes what the server sends)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def media_type(header: str) -> tuple[str, str | None]:
    """``text/html; charset=UTF-8`` → ``("text/html", "UTF-8")``."""
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("'\"")
    return kind.strip().lower(), charset


def _sniff_type(body: bytes) -> str:
    head = body[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "application/pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<p", b"<div", b"<meta")):
        return "text/html"
    if head.startswith(b"<?xml") or head.startswith(b"<urlset") or head.startswith(b"<sitemapindex"):
        return "application/xml"
    return "application/octet-stream"


class Fetcher:
    """A session of polite GETs. Use as a context manager; ``robots`` and host timing are per session."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                settings.ingest_read_timeout_s,
                connect=settings.ingest_connect_timeout_s,
            ),
            follow_redirects=False,
            headers={"User-Agent": user_agent(settings), "Accept": "text/html,application/xhtml+xml;q=0.9"},
            trust_env=False,  # no proxy or netrc from the environment: the page is fetched from the site
        )
        self._robots: dict[str, Robots] = {}
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._client.close()

    # -- public -----------------------------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] = HTML_TYPES,
    ) -> Page:
        """GET ``url`` following same-site redirects; 304 when the validators still match."""
        url = normalise(url)
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise FetchError(f"{url}: not an http(s) URL")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        chain = [url]
        for _ in range(self.settings.ingest_max_redirects + 1):
            self._check_robots(url)
            with self._request(url, headers) as response:
                if response.status_code in _REDIRECTS:
                    url = self._next_hop(chain, response)
                    continue
                return self._page(url, response, accept)
        raise FetchError(
            f"{chain[0]}: more than {self.settings.ingest_max_redirects} redirects "
            f"(KGPUB_INGEST_MAX_REDIRECTS): {' → '.join(chain)}"
        )

    def robots(self, url: str) -> Robots:
        """The robots.txt rules of ``url``'s site, fetched once per session."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        if origin not in self._robots:
            self._robots[origin] = self._fetch_robots(origin)
        return self._robots[origin]

    # -- internals --------------------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        rules = self.robots(url)
        if rules.refused_because:
            raise FetchError(f"{url}: not fetched: {rules.refused_because}, so the site is treated as closed")
        if not rules.allowed(url):
            raise FetchError(
                f"{url}: disallowed by {rules.origin}/robots.txt for {user_agent(self.settings)}"
            )

    def _fetch_robots(self, origin: str) -> Robots:
        url = f"{origin}/robots.txt"
        try:
            for _ in range(self.settings.ingest_max_redirects + 1):
                with self._request(url, {}) as response:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        url = urljoin(url, location)
                        continue
                    if not 200 <= response.status_code < 300:
                        return parse_robots(origin, response.status_code, "")
                    body = self._read(url, response, _ROBOTS_MAX_BYTES, truncate=True)
                    return parse_robots(origin, response.status_code, body.decode("utf-8", errors="replace"))
        except FetchError as exc:
            return parse_robots(origin, None, "", problem=str(exc))
        return parse_robots(origin, None, "", problem="too many redirects")

    def _wait_turn(self, url: str) -> None:
        """Sleep until ``ingest_delay_s`` (or the site's Crawl-delay) has passed since the last request."""
        host = urlsplit(url).netloc.lower()
        delay = self.settings.ingest_delay_s
        rules = self._robots.get(f"{urlsplit(url).scheme}://{host}")
        if rules is not None:
            delay = max(delay, rules.crawl_delay() or 0.0)
        last = self._last.get(host)
        if last is not None:
            remaining = delay - (time.monotonic() - last)
            if remaining > 0:
                time.sleep(remaining)
        self._last[host] = time.monotonic()

    @contextmanager
    def _request(self, url: str, headers: dict[str, str]) -> Iterator[httpx.Response]:
        self._wait_turn(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                yield response
        except httpx.TimeoutException as exc:
            kind = "connect" if isinstance(exc, httpx.ConnectTimeout) else "read"
            limit = getattr(self.settings, f"ingest_{kind}_timeout_s")
            raise FetchError(
                f"{url}: no answer within {limit:g} s ({kind} timeout, KGPUB_INGEST_{kind.upper()}_TIMEOUT_S)"
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: cannot fetch: {exc}") from exc
        finally:
            self._last[urlsplit(url).netloc.lower()] = time.monotonic()

    def _next_hop(self, chain: list[str], response: httpx.Response) -> str:
        here = chain[-1]
        location = response.headers.get("location")
        if not location:
            raise FetchError(f"{here}: HTTP {response.status_code} redirect without a Location header")
        target = normalise(urljoin(here, location))
        if not same_site(chain[0], target):
            raise FetchError(
                f"{here}: redirects off the site to {target}; only redirects within the site are followed"
            )
        if target in chain:
            raise FetchError(f"{chain[0]}: redirect loop: {' → '.join([*chain, target])}")
        chain.append(target)
        return target

    def _page(self, url: str, response: httpx.Response, accept: tuple[str, ...]) -> Page:
        etag = response.headers.get("etag")
        last_modified = response.headers.get("last-modified")
        if response.status_code == 304:
            return Page(url, 304, "", None, b"", etag, last_modified)
        if response.status_code != 200:
            reason = response.reason_phrase or ""
            raise FetchError(f"{url}: HTTP {response.status_code} {reason}".rstrip())
        kind, charset = media_type(response.headers.get("content-type", ""))
        if kind and kind not in accept:
            raise FetchError(f"{url}: is {kind}, not an HTML page; kgpub reads HTML pages only")
        body = self._read(url, response, self.settings.ingest_max_bytes)
        if not kind or kind == "application/octet-stream":
            kind = _sniff_type(body)
            if kind not in accept:
                raise FetchError(
                    f"{url}: is {kind} (no Content-Type; judged from its bytes), not an HTML page"
                )
        elif _sniff_type(body) == "application/pdf":
            raise FetchError(f"{url}: is a PDF served as {kind}; kgpub reads HTML pages only")
        return Page(url, 200, kind, charset, body, etag, last_modified)

    def _read(self, url: str, response: httpx.Response, limit: int, *, truncate: bool = False) -> bytes:
        """The body, stopping as soon as it passes ``limit`` bytes (or keeping the first ``limit``)."""
        declared = response.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > limit:
            raise FetchError(self._too_large(url, limit, f"it declares {int(declared):,} bytes"))
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    if truncate:
                        return b"".join(chunks)[:limit]
                    raise FetchError(self._too_large(url, limit, "the download was stopped there"))
        except httpx.TimeoutException as exc:
            raise FetchError(
                f"{url}: the page stopped arriving (read timeout, KGPUB_INGEST_READ_TIMEOUT_S)"
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: cannot read the page: {exc}") from exc
        return b"".join(chunks)

    @staticmethod
    def _too_large(url: str, limit: int, how: str) -> str:
        return f"{url}: page larger than the limit of {limit:,} bytes (KGPUB_INGEST_MAX_BYTES); {how}"
