"""kgpub crawl's library: a site section by links or by sitemap, same site and prefix only."""

from __future__ import annotations

import pytest

from kgpub.config import Settings
from kgpub.errors import FetchError, InputError
from kgpub.ingest.add import AddOptions
from kgpub.ingest.crawl import crawl

from .conftest import Route, Site

SECTION = "/kaupunki-ja-hallinto/"


def _section(site: Site) -> None:
    """An index page under the section linking to pages inside and outside it, a PDF and a closed page."""
    index = f"""<!DOCTYPE html><html lang="fi">
<head><title>Kaupunki ja hallinto – Kuhmon kaupunki</title></head>
<body><nav><a href="/">Etusivu</a> <a href="/asuminen/">Asuminen</a></nav>
<main><h1>Kaupunki ja hallinto</h1>
<p>Kuhmon kaupungin hallinto on jaettu toimialoihin. Lue lisää alla olevista sivuista.</p>
<ul><li><a href="{SECTION}organisaatio/">Organisaatio</a></li>
<li><a href="{SECTION}organisaatio/#toimialat">Toimialat</a></li>
<li><a href="{SECTION}talousarvio.pdf">Talousarvio (PDF)</a></li>
<li><a href="/private/sisainen/">Sisäinen</a></li>
<li><a href="http://localhost:{site.port}{SECTION}muu/">Toinen isäntä</a></li>
<li><a href="mailto:kirjaamo@kuhmo.example">Kirjaamo</a></li></ul>
<p>Katso myös <a href="{SECTION}narpes/">ruotsinkielinen esimerkki</a>
ja <a href="{SECTION}puuttuu/">vanha sivu</a>.</p>
</main></body></html>""".encode()
    site.routes[SECTION] = Route(index)
    site.page(f"{SECTION}organisaatio/", "kuhmo-organisaatio.html")
    site.page(f"{SECTION}narpes/", "narpes-organisation.html")
    site.page("/asuminen/", "kuhmo-organisaatio.html")
    site.page("/private/sisainen/", "kuhmo-organisaatio.html")
    site.routes[f"{SECTION}talousarvio.pdf"] = Route(
        b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"}
    )


def test_a_section_is_crawled_by_its_links_within_the_prefix(site: Site, settings: Settings) -> None:
    _section(site)
    visits = crawl(settings, site.url(SECTION), None, 10, AddOptions(municipality="Kuhmo"))
    added = {v.url.removeprefix(site.base): v.written.id for v in visits if v.written}
    assert added == {
        SECTION: "kuhmo-kaupunki-ja-hallinto",
        f"{SECTION}organisaatio/": "kuhmo-organisaatio",
        f"{SECTION}narpes/": "kuhmo-narpes",
    }
    problems = {v.url.removeprefix(site.base): v.problem for v in visits if v.problem}
    assert "not a page (.pdf document)" in str(problems[f"{SECTION}talousarvio.pdf"])
    assert "HTTP 404" in str(problems[f"{SECTION}puuttuu/"])
    requested = site.paths()
    for never in ("/asuminen/", "/private/sisainen/", f"{SECTION}talousarvio.pdf", f"{SECTION}muu/"):
        assert never not in requested  # outside the prefix, a document, or another host
    assert requested.count(f"{SECTION}organisaatio/") == 1  # the #fragment link is the same page


def test_the_limit_caps_the_fetches(site: Site, settings: Settings) -> None:
    _section(site)
    visits = crawl(settings, site.url(SECTION), None, 2, AddOptions(municipality="Kuhmo"))
    assert len([v for v in visits if v.written]) == 2
    assert len([p for p in site.paths() if p != "/robots.txt"]) == 2


def test_robots_txt_closes_part_of_a_section(site: Site, settings: Settings) -> None:
    _section(site)
    site.routes["/robots.txt"] = Route(
        f"User-agent: *\nDisallow: {SECTION}narpes/\n".encode(), headers={"Content-Type": "text/plain"}
    )
    visits = crawl(settings, site.url(SECTION), None, 10, AddOptions(municipality="Kuhmo"))
    [refused] = [v for v in visits if v.url.endswith("/narpes/")]
    assert refused.written is None and "disallowed by" in str(refused.problem)
    assert f"{SECTION}narpes/" not in site.paths()


def test_a_sitemap_lists_the_pages(site: Site, settings: Settings) -> None:
    _section(site)
    base = site.base
    site.routes["/sitemap.xml"] = Route(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>
<sitemap><loc>https://elsewhere.example/sitemap.xml</loc></sitemap>
</sitemapindex>""".encode(),
        headers={"Content-Type": "application/xml"},
    )
    site.routes["/sitemap-pages.xml"] = Route(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}{SECTION}organisaatio/</loc></url>
<url><loc>{base}{SECTION}narpes/</loc></url>
<url><loc>{base}/asuminen/</loc></url>
<url><loc>https://elsewhere.example{SECTION}x/</loc></url>
</urlset>""".encode(),
        headers={"Content-Type": "text/xml"},
    )
    visits = crawl(settings, site.url("/sitemap.xml"), SECTION, 10, AddOptions(municipality="Kuhmo"))
    assert [v.url.removeprefix(base) for v in visits] == [f"{SECTION}organisaatio/", f"{SECTION}narpes/"]
    assert all(v.written for v in visits)
    assert "/asuminen/" not in site.paths()


def test_a_failing_start_or_a_bad_sitemap_stops_the_crawl(site: Site, settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"/kaupunki-ja-hallinto/: HTTP 404"):
        crawl(settings, site.url(SECTION), None, 5, AddOptions(municipality="Kuhmo"))
    site.routes["/sitemap.xml"] = Route(b"<html><body>ei</body></html>", headers={"Content-Type": "text/xml"})
    with pytest.raises(FetchError, match=r"sitemap\.xml: not a sitemap \(root element <html>"):
        crawl(settings, site.url("/sitemap.xml"), None, 5, AddOptions(municipality="Kuhmo"))
    with pytest.raises(InputError, match="outside --prefix"):
        crawl(settings, site.url("/asuminen/"), SECTION, 5, AddOptions())
