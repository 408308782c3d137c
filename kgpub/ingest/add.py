"""``kgpub add``: one page (a URL or a saved ``.html`` file) → one source folder.

Fetch (or read), decode, take the main text, fill the metadata, write — and refuse, naming the URL
or file, whatever would publish nonsense: a page that is not HTML, a page with no main text, a
text that still looks like markup, a page whose municipality cannot be told.
A URL seen before is fetched conditionally with its stored ``ETag``/``Last-Modified``; 304 or the
same text changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import FetchError, InputError
from ..municipalities import Reference, load_reference
from ..sources import META_FILE, html_evidence
from .decode import decode_page
from .fetch import Fetcher, Page, normalise
from .html import PageFacts, main_text, page_facts
from .meta import choose_language, guess_municipality, split_title
from .write import (
    Draft,
    Written,
    fetch_record,
    find_by_url,
    free_id,
    id_for_file,
    id_for_url,
    slug,
    source_urls,
    write_source,
)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class AddOptions:
    """What the user says about the pages (None: read it from the page)."""

    municipality: str | None = None
    language: str | None = None
    id: str | None = None
    publisher: str | None = None
    licence: str | None = None


def sources_dir(settings: Settings) -> Path:
    return settings.data_dir / "sources"


def is_url(target: str) -> bool:
    return urlsplit(target).scheme in ("http", "https")


def add_pages(
    settings: Settings, targets: list[str], options: AddOptions, fetcher: Fetcher | None = None
) -> Iterator[Written]:
    """Add every target in order, yielding each source as it is written (so a caller can report it
    before a later page fails); the first failure stops, and sources already written stay."""
    if options.id and len(targets) > 1:
        raise InputError(f"--id names one source, but {len(targets)} pages were given")
    if options.id is not None and (slug(options.id) != options.id or not options.id):
        raise InputError(f"--id {options.id!r}: a source id is lowercase ASCII letters, digits and '-'")
    own = fetcher is None and any(is_url(t) for t in targets)
    session = Fetcher(settings) if own else fetcher
    try:
        for target in targets:
            if is_url(target):
                assert session is not None
                yield add_url(settings, session, target, options)
            else:
                yield add_file(settings, Path(target), options)
    finally:
        if own and session is not None:
            session.__exit__(None, None, None)


def add(
    settings: Settings, targets: list[str], options: AddOptions, fetcher: Fetcher | None = None
) -> list[Written]:
    """Every target added (see ``add_pages``)."""
    return list(add_pages(settings, targets, options, fetcher))


def add_url(settings: Settings, fetcher: Fetcher, url: str, options: AddOptions) -> Written:
    """Fetch ``url`` (conditionally when known) and write or update its source."""
    url = normalise(url)
    root = sources_dir(settings)
    known = _known_id(root, url, options.id)
    record = fetch_record(root / known) if known else {}
    page = fetcher.get(
        url,
        etag=str(record["etag"]) if record.get("etag") else None,
        last_modified=str(record["last_modified"]) if record.get("last_modified") else None,
    )
    if page.not_modified:
        assert known is not None
        return Written(known, root / known, "unchanged", int(str(record.get("version", 1))), ("HTTP 304",))
    if known is None and page.url != url:  # redirected to a page that already has a source
        known = find_by_url(root, page.url)
    source_id = known or options.id  # None: minted from the municipality once the page is read
    today = dt.datetime.now(dt.UTC).date().isoformat()
    reference = load_reference(settings.municipalities_package)
    return _write(root, source_id, page.body, page.charset, page, url, page.url, today, options, reference)


def add_file(settings: Settings, path: Path, options: AddOptions) -> Written:
    """A saved page: the same as a fetched one, without HTTP (retrieval date unknown)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() not in HTML_SUFFIXES:
        raise InputError(f"{path}: not an .html file; kgpub add reads HTML pages (a URL or a saved .html)")
    body = path.read_bytes()
    if body.lstrip()[:5].lower() == b"%pdf-":
        raise FetchError(f"{path}: is a PDF, not an HTML page; kgpub reads HTML pages only")
    root = sources_dir(settings)
    base = id_for_file(path)
    same_file = fetch_record(root / base).get("file") == path.name  # the same saved page, added again
    source_id = options.id or (base if same_file else free_id(root, base))
    reference = load_reference(settings.municipalities_package)
    return _write(root, source_id, body, None, None, None, None, "unknown", options, reference, path.name)


def _known_id(root: Path, url: str, wanted: str | None) -> str | None:
    """The source already made from ``url``; ``--id`` naming a source of another page is an error."""
    if wanted:
        folder = root / wanted
        urls = source_urls(folder) if folder.is_dir() else set()
        if folder.is_dir() and urls and url not in urls:
            raise InputError(f"--id {wanted}: {folder} is the source of {sorted(urls)[0]}, not of {url}")
        return wanted if folder.is_dir() else None
    return find_by_url(root, url)


def _write(
    root: Path,
    source_id: str | None,
    body: bytes,
    charset: str | None,
    page: Page | None,
    requested: str | None,
    final: str | None,
    retrieved: str,
    options: AddOptions,
    reference: Reference,
    original: str | None = None,
) -> Written:
    where = final or original or source_id or "page"
    decoded = decode_page(body, charset)
    facts = page_facts(decoded.text)
    text, extractor = main_text(decoded.text, final)
    if not text.strip():
        raise FetchError(f"{where}: no text found in the page's main content; nothing written")
    markup = html_evidence(text)
    if markup:
        raise FetchError(f"{where}: the extracted text still looks like HTML ({markup}); nothing written")
    folder = root / source_id if source_id else None
    meta, explicit, notes = _meta(facts, text, final, retrieved, options, original, where, folder, reference)
    if source_id is None:
        municipality = meta["municipality"] if meta["municipality"] != "unknown" else None
        source_id = free_id(root, id_for_url(final or where, municipality))
    fetch: dict[str, str | int] = {"extractor": extractor, "charset": decoded.charset}
    if decoded.note:
        fetch["charset_note"] = decoded.note
        notes.append(f"charset: {decoded.note}")
    if page is not None and requested and final:
        fetch |= {"url": requested, "final_url": final, "content_type": page.content_type}
        fetch |= {"retrieved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        fetch |= {k: v for k, v in (("etag", page.etag), ("last_modified", page.last_modified)) if v}
    if original:
        fetch["file"] = original
    draft = Draft(source_id, text, body, meta, fetch, explicit)
    written = write_source(root, draft)
    return replace(written, notes=(*notes, *written.notes))


def _meta(
    facts: PageFacts,
    text: str,
    url: str | None,
    retrieved: str,
    options: AddOptions,
    original: str | None,
    where: str,
    folder: Path | None,
    reference: Reference,
) -> tuple[dict[str, str], frozenset[str], list[str]]:
    notes: list[str] = []
    title, suffix = split_title(facts.title)
    publisher = options.publisher or facts.site_name or suffix
    if not publisher and url:
        publisher = urlsplit(url).hostname
    updating = (
        folder is not None and (folder / META_FILE).is_file()
    )  # an update keeps the municipality written before
    if options.municipality:  # a typo is caught here, naming the page, not by the next build
        found = reference.resolve(options.municipality, where)
        swedish = options.municipality.casefold() == found.name_sv.casefold()
        options = replace(options, municipality=found.name_sv if swedish else found.name_fi)
    municipality = options.municipality or (guess_municipality(publisher, reference) if publisher else None)
    if not municipality and not updating:
        raise InputError(
            f"{where}: cannot tell which municipality the page belongs to "
            f"(site name {publisher or 'unknown'!r}); pass --municipality NAME"
        )
    if municipality and not options.municipality and not updating:
        notes.append(
            f"municipality {municipality}: read from the site name {publisher!r}; --municipality overrides"
        )
    language = choose_language(options.language, facts.lang, text)
    if language.note:
        notes.append(language.note)
    first_line = text.strip().splitlines()[0]
    meta = {
        "title": title or first_line[:120],
        "publisher": publisher or "unknown",
        "municipality": municipality or "unknown",
        "language": language.value,
        "retrieved": retrieved,
        "licence": options.licence or "unknown",
    }
    canonical = facts.canonical if facts.canonical and is_url(facts.canonical) else None
    if url or canonical:
        meta["url"] = str(url or canonical)
    if original:
        meta["original_name"] = original
    given = {
        "municipality": options.municipality,
        "language": options.language,
        "publisher": options.publisher,
        "licence": options.licence,
    }
    return meta, frozenset(k for k, v in given.items() if v), notes
