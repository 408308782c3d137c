"""``kgpub crawl``: a section of one site — the pages under a path prefix — each added as a source.

Two ways to know the pages: follow the links of pages under the prefix, breadth first from a start
page; or read a ``sitemap.xml`` (and the sitemaps a sitemap index lists). Either way only the start's
site is visited, only paths under ``--prefix``, at most ``--limit`` fetches (``ingest_crawl_limit``
by default), through one polite ``Fetcher`` (robots.txt, delay, limits). A page that fails is
reported and skipped; only a failing start stops the crawl.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from ..config import Settings
from ..errors import FetchError, InputError
from .add import AddOptions, add_url
from .decode import decode_page
from .fetch import XML_TYPES, Fetcher, normalise, same_site
from .html import page_facts
from .write import SNAPSHOT_FILE, Written, fetch_record

#: Links that are documents or media, not pages: reported, never fetched.
NOT_PAGES = {
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".odt",
    ".ods",
    ".zip",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".svg",
    ".webp",
    ".mp3",
    ".mp4",
    ".ics",
    ".csv",
    ".rtf",
    ".txt",
}
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass(frozen=True)
class Visit:
    """One URL the crawl met: the source it became, or why not."""

    url: str
    written: Written | None = None
    problem: str | None = None


def is_sitemap(url: str) -> bool:
    name = PurePosixPath(urlsplit(url).path).name.lower()
    return name.endswith(".xml") and "sitemap" in name


def under(url: str, prefix: str) -> bool:
    return urlsplit(url).path.startswith(prefix)


def crawl(
    settings: Settings,
    start: str,
    prefix: str | None,
    limit: int | None,
    options: AddOptions,
    fetcher: Fetcher | None = None,
) -> list[Visit]:
    """Add the pages of a site section; see the module docstring."""
    if options.id:
        raise InputError("--id names one source; a crawl makes many")
    start = normalise(start)
    budget = limit if limit is not None else settings.ingest_crawl_limit
    if budget <= 0:
        raise InputError(f"--limit must be positive, not {budget}")
    sitemap = is_sitemap(start)
    section = prefix or ("/" if sitemap else urlsplit(start).path)
    if not section.startswith("/"):
        raise InputError(f"--prefix must be a path starting with '/', not {section!r}")
    session = fetcher or Fetcher(settings)
    try:
        if sitemap:
            return _from_sitemap(settings, session, start, section, budget, options)
        if not under(start, section):
            raise InputError(f"{start}: the start page is outside --prefix {section}")
        return _from_links(settings, session, start, section, budget, options)
    finally:
        if fetcher is None:
            session.__exit__(None, None, None)


def _skip_reason(url: str) -> str | None:
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return f"not a page ({suffix} document); not fetched" if suffix in NOT_PAGES else None


def _from_links(
    settings: Settings, fetcher: Fetcher, start: str, prefix: str, budget: int, options: AddOptions
) -> list[Visit]:
    queue: deque[str] = deque([start])
    seen = {start}
    visits: list[Visit] = []
    fetched = 0
    while queue and fetched < budget:
        url = queue.popleft()
        reason = _skip_reason(url)
        if reason:
            visits.append(Visit(url, problem=reason))
            continue
        fetched += 1
        try:
            written = add_url(settings, fetcher, url, options)
        except (FetchError, InputError) as exc:
            if url == start:
                raise
            visits.append(Visit(url, problem=str(exc)))
            continue
        visits.append(Visit(url, written))
        for link in _links(written, url):
            if link not in seen and same_site(start, link) and under(link, prefix):
                seen.add(link)
                queue.append(link)
    return visits


def _links(written: Written, base: str) -> list[str]:
    """The links of a source's stored snapshot (the page as fetched now, or unchanged since)."""
    snapshot = written.folder / SNAPSHOT_FILE
    if not snapshot.is_file():
        return []
    charset = fetch_record(written.folder).get("charset")
    html = decode_page(snapshot.read_bytes(), str(charset) if charset else None).text
    out = []
    for href in page_facts(html).links:
        if href.startswith(("mailto:", "tel:", "javascript:", "#")):
            continue
        out.append(normalise(urljoin(base, href.strip())))
    return out


def _from_sitemap(
    settings: Settings, fetcher: Fetcher, start: str, prefix: str, budget: int, options: AddOptions
) -> list[Visit]:
    pages = _sitemap_urls(fetcher, start, prefix, budget)
    visits: list[Visit] = []
    for url in pages:
        reason = _skip_reason(url)
        if reason:
            visits.append(Visit(url, problem=reason))
            continue
        try:
            visits.append(Visit(url, add_url(settings, fetcher, url, options)))
        except (FetchError, InputError) as exc:
            visits.append(Visit(url, problem=str(exc)))
    return visits


def _sitemap_urls(fetcher: Fetcher, start: str, prefix: str, budget: int) -> list[str]:
    """Page URLs under ``prefix`` from a sitemap or sitemap index (same site), at most ``budget``."""
    pending: deque[str] = deque([start])
    read: set[str] = set()
    pages: list[str] = []
    while pending and len(pages) < budget and len(read) < budget:
        url = pending.popleft()
        read.add(url)
        page = fetcher.get(url, accept=XML_TYPES)
        try:
            root = ET.fromstring(page.body)
        except ET.ParseError as exc:
            raise FetchError(f"{url}: not a sitemap: XML error {exc}") from exc
        kind = root.tag.removeprefix(_SITEMAP_NS)
        if kind not in ("urlset", "sitemapindex"):
            raise FetchError(f"{url}: not a sitemap (root element <{kind}>, not <urlset> or <sitemapindex>)")
        for loc in root.iter(f"{_SITEMAP_NS}loc"):
            target = normalise((loc.text or "").strip())
            if not same_site(start, target):
                continue
            if kind == "sitemapindex" and target not in read:
                pending.append(target)
            elif kind == "urlset" and under(target, prefix) and target not in pages and len(pages) < budget:
                pages.append(target)
    return pages
