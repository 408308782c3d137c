"""A page's HTML → the lines the extractor reads, plus what the page says about itself.

The extractor (``kgpub.text.clean``) reads structure from lines: a heading is a short line followed
by a blank line, a list item is a line starting with ``- ``, a paragraph is its own line. So the main
content is taken with trafilatura (which drops menus, breadcrumbs, footers and cookie banners) as
its XML, whose ``<head>``, ``<p>``, ``<list>/<item>``, ``<lb/>`` and ``<table>`` are rendered back
into exactly those lines. When trafilatura finds nothing (a very short page), a plain walk of the
body without ``nav``/``header``/``footer``/``aside`` and cookie or menu blocks gives the same shape.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import trafilatura

_SPACE = re.compile(r"\s+")
_HEADINGS = {f"h{i}" for i in range(1, 7)}
#: Elements whose text is never page content (fallback walk).
_SKIP = {
    "head",
    "title",
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
}
#: class/id words of blocks that are chrome, not content (fallback walk).
_CHROME = re.compile(r"cookie|consent|gdpr|banner|menu|navigation|breadcrumb|skip-link|footer|share", re.I)
_VOID = {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "col", "area", "base", "embed", "param"}
_LIST_MARK = "- "


@dataclass(frozen=True)
class PageFacts:
    """What the page's markup says about itself (each may be missing)."""

    title: str | None = None
    lang: str | None = None  # two letters from <html lang>, lower case
    site_name: str | None = None  # og:site_name or application-name
    canonical: str | None = None
    links: tuple[str, ...] = ()  # every <a href> as written (crawl resolves them)


def _flat(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


class _FactsParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.title_parts: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "html" and a.get("lang") and self.lang is None:
            self.lang = a["lang"]
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = a.get("href") or None
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)


def page_facts(html: str) -> PageFacts:
    """Title, language, site name, canonical URL and links, read with the standard library's parser."""
    parser = _FactsParser()
    parser.feed(html)
    parser.close()
    lang = (parser.lang or "").strip().lower().replace("_", "-").split("-")[0] or None
    site = parser.meta.get("og:site_name") or parser.meta.get("application-name")
    return PageFacts(
        title=_flat("".join(parser.title_parts)) or _flat(parser.meta.get("og:title")) or None,
        lang=lang,
        site_name=_flat(site) or None,
        canonical=parser.canonical,
        links=tuple(parser.links),
    )


# -- trafilatura's XML → lines ---------------------------------------------------------------------


def _inline(element: ET.Element, *, stop_at: frozenset[str] = frozenset()) -> list[str]:
    """The element's text as lines: ``<lb/>`` breaks a line; nested ``stop_at`` elements are left out."""
    lines = [""]

    def walk(node: ET.Element) -> None:
        lines[-1] += node.text or ""
        for child in node:
            if child.tag == "lb":
                lines.append("")
            elif child.tag not in stop_at:
                walk(child)
            lines[-1] += child.tail or ""

    walk(element)
    return [flat for line in lines if (flat := _flat(line))]


def _list_lines(element: ET.Element) -> list[str]:
    out: list[str] = []
    for item in element.iter("item"):
        lines = _inline(item, stop_at=frozenset({"list"}))
        if lines:
            out.append(_LIST_MARK + lines[0])
            out.extend(lines[1:])
    return out


def _table_lines(element: ET.Element) -> list[str]:
    rows = []
    for row in element.iter("row"):
        cells = [" ".join(_inline(cell)) for cell in row.findall("cell")]
        line = " – ".join(c for c in cells if c)
        if line:
            rows.append(line)
    return rows


def render_xml(xml: str) -> str:
    """Trafilatura's XML document → text: one block per line, blocks separated by a blank line,
    list items on consecutive ``- `` lines."""
    root = ET.fromstring(xml)
    main = root.find("main")
    blocks: list[list[str]] = []
    for child in main if main is not None else []:
        if child.tag == "head":
            lines = [" ".join(_inline(child))]
        elif child.tag == "list":
            lines = _list_lines(child)
        elif child.tag == "table":
            lines = _table_lines(child)
        elif child.tag == "graphic":
            continue
        else:  # p, quote, code, div and anything new: its lines
            lines = _inline(child)
        lines = [line for line in lines if line]
        if lines:
            blocks.append(lines)
    return "\n\n".join("\n".join(block) for block in blocks) + ("\n" if blocks else "")


# -- fallback: a plain walk of the body --------------------------------------------------------------


class _FallbackParser(HTMLParser):
    """Headings, paragraphs and list items of the body, outside navigation and chrome."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it (inside) skipped chrome?
        self.blocks: list[tuple[str, str]] = []  # (kind, text)
        self.kind = "p"
        self.buffer: list[str] = []

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def _flush(self) -> None:
        text = _flat("".join(self.buffer))
        if text:
            self.blocks.append((self.kind, text))
        self.buffer = []
        self.kind = "p"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        skip = (
            self._skipping()
            or tag in _SKIP
            or bool(_CHROME.search(f"{a.get('class', '')} {a.get('id', '')}"))
        )
        if tag == "br":
            self._flush()
            return
        if tag in _VOID:
            return
        self.stack.append(skip)
        if not skip and (tag in _HEADINGS or tag in {"p", "li", "div", "tr", "dt", "dd", "td", "th"}):
            self._flush()
            self.kind = "h" if tag in _HEADINGS else "li" if tag == "li" else "p"

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if not self._skipping() and (tag in _HEADINGS or tag in {"p", "li", "div", "ul", "ol", "tr", "dd"}):
            self._flush()
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.buffer.append(data)


def _fallback(html: str) -> str:
    parser = _FallbackParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    out: list[str] = []
    for kind, text in parser.blocks:
        if kind == "li":
            if out and not out[-1].startswith(_LIST_MARK):
                out.append("")
            out.append(_LIST_MARK + text)
        else:
            if out:
                out.append("")
            out.append(text)
    return "\n".join(out) + ("\n" if out else "")


#: Page chrome trafilatura's own rules may keep on small pages: consent banners, skip links, crumbs.
CHROME_XPATHS = [
    f"//*[contains(translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{word}')]"
    for attr in ("class", "id")
    for word in ("cookie", "consent", "gdpr", "skip-link", "breadcrumb")
]
_MAIN = "ancestor::main or ancestor::article or ancestor::*[@role='main']"
_OUTSIDE_CHROME = "not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)"


def _unlink_content_lists(tree: Any) -> Any:
    """Unwrap the links of list items inside the page's main region.

    An organisation page lists its units as links ("<li><a href=…>sivistyspalvelut</a></li>");
    trafilatura drops link-dense lists as navigation, which would lose exactly the list the
    extractor needs. Inside ``<main>``/``<article>``/``role=main`` and outside nav, header, footer and
    aside such a list is content, so its links become plain text; menus elsewhere are judged as before.
    """
    for anchor in tree.xpath(f"//li//a[{_MAIN}][{_OUTSIDE_CHROME}]"):
        anchor.drop_tag()
    return tree


def main_text(html: str, url: str | None = None) -> tuple[str, str]:
    """The page's main content as text lines and which extractor produced it
    (``"trafilatura"`` or ``"fallback"``)."""
    tree = trafilatura.load_html(html)
    xml = trafilatura.extract(
        _unlink_content_lists(tree) if tree is not None else html,
        url=url,
        prune_xpath=CHROME_XPATHS,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )
    text = render_xml(xml) if xml else ""
    fallback = _fallback(html)
    # On a very small page trafilatura falls back to the body's whole text as one paragraph, menu
    # included: a plain walk that finds several blocks keeps more of the structure the extractor reads.
    flattened = len(text.strip().splitlines()) <= 1 and len(fallback.strip().splitlines()) > 1
    if text.strip() and not flattened:
        return text, "trafilatura"
    return fallback, "fallback"
