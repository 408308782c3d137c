"""The fetcher against a live loopback site: limits, robots.txt, redirects, refusals, politeness."""

from __future__ import annotations

import itertools
import time

import pytest

from kgpub import __version__
from kgpub.config import Settings
from kgpub.errors import FetchError
from kgpub.ingest.fetch import Fetcher, same_site

from .conftest import Route, Site


def _get(settings: Settings, url: str, **kwargs: str) -> object:
    with Fetcher(settings) as fetcher:
        return fetcher.get(url, **kwargs)


def test_user_agent_names_kgpub_its_version_and_the_operator_contact(site: Site, settings: Settings) -> None:
    site.page("/sivu/", "kuhmo-organisaatio.html")
    _get(settings, site.url("/sivu/"))
    agents = {r.headers["user-agent"] for r in site.log}
    assert agents == {f"kgpub/{__version__} (+ingest-tests@example.org)"}
    assert site.paths() == ["/robots.txt", "/sivu/"]  # robots.txt first, once


def test_robots_disallow_is_obeyed_and_the_page_never_requested(site: Site, settings: Settings) -> None:
    site.page("/private/sisainen.html", "kuhmo-organisaatio.html")
    with pytest.raises(
        FetchError, match=r"/private/sisainen\.html: disallowed by http://127\.0\.0\.1:\d+/robots\.txt"
    ):
        _get(settings, site.url("/private/sisainen.html"))
    assert "/private/sisainen.html" not in site.paths()


def test_robots_answering_500_closes_the_site_and_404_opens_it(site: Site, settings: Settings) -> None:
    site.page("/sivu/", "kuhmo-organisaatio.html")
    site.routes["/robots.txt"] = Route(b"oops", status=500, validators=False)
    with pytest.raises(FetchError, match=r"robots\.txt could not be read \(HTTP 500\)"):
        _get(settings, site.url("/sivu/"))
    assert "/sivu/" not in site.paths()
    del site.routes["/robots.txt"]  # 404: no rules at all
    page = _get(settings, site.url("/sivu/"))
    assert getattr(page, "status", None) == 200


@pytest.mark.parametrize(("status", "reason"), [(404, "Not Found"), (500, "Internal Server Error")])
def test_error_statuses_name_the_url_and_status(
    site: Site, settings: Settings, status: int, reason: str
) -> None:
    site.routes["/virhe/"] = Route(b"<html><body>virhe</body></html>", status=status)
    with pytest.raises(FetchError, match=rf"http://127\.0\.0\.1:\d+/virhe/: HTTP {status} {reason}$"):
        _get(settings, site.url("/virhe/"))


def test_a_redirect_within_the_site_is_followed(site: Site, settings: Settings) -> None:
    body = site.page("/uusi/organisaatio/", "kuhmo-organisaatio.html")
    site.routes["/vanha"] = Route(status=301, headers={"Location": "/uusi/organisaatio/"}, validators=False)
    with Fetcher(settings) as fetcher:
        page = fetcher.get(site.url("/vanha"))
    assert page.url == site.url("/uusi/organisaatio/")
    assert page.body == body


def test_a_redirect_loop_is_named(site: Site, settings: Settings) -> None:
    site.routes["/a"] = Route(status=302, headers={"Location": "/b"}, validators=False)
    site.routes["/b"] = Route(status=302, headers={"Location": "/a"}, validators=False)
    with pytest.raises(FetchError, match=r"/a: redirect loop: .*/a → .*/b → .*/a$"):
        _get(settings, site.url("/a"))
    assert site.paths().count("/a") == 1


def test_too_many_redirects_stop_at_the_setting(site: Site, settings: Settings) -> None:
    for n in range(10):
        site.routes[f"/r{n}"] = Route(status=302, headers={"Location": f"/r{n + 1}"}, validators=False)
    with pytest.raises(FetchError, match=r"more than 3 redirects \(KGPUB_INGEST_MAX_REDIRECTS\)"):
        _get(settings.with_(ingest_max_redirects=3), site.url("/r0"))
    assert [p for p in site.paths() if p != "/robots.txt"] == ["/r0", "/r1", "/r2", "/r3"]


def test_a_redirect_off_the_site_is_refused_and_not_followed(site: Site, settings: Settings) -> None:
    elsewhere = f"http://localhost:{site.port}/muualla/"  # another host name: another site
    site.routes["/pois"] = Route(status=302, headers={"Location": elsewhere}, validators=False)
    site.page("/muualla/", "kuhmo-organisaatio.html")
    with pytest.raises(FetchError, match=rf"redirects off the site to {elsewhere}"):
        _get(settings, site.url("/pois"))
    assert "/muualla/" not in site.paths()


def test_same_site_allows_www_and_https_only(site: Site) -> None:
    assert same_site("http://kuhmo.fi/a", "https://www.kuhmo.fi/b")
    assert not same_site("http://kuhmo.fi/a", "http://kuhmo.fi.evil.example/b")
    assert not same_site("http://127.0.0.1:8000/", "http://127.0.0.1:8001/")
    assert not same_site("http://kuhmo.fi/", "ftp://kuhmo.fi/")


def test_a_20_mb_page_is_stopped_at_the_size_limit(site: Site, settings: Settings) -> None:
    site.routes["/iso.html"] = Route(stream=20_000_000)
    limited = settings.with_(ingest_max_bytes=1_000_000)
    started = time.monotonic()
    with pytest.raises(
        FetchError,
        match=r"/iso\.html: page larger than the limit of 1,000,000 bytes \(KGPUB_INGEST_MAX_BYTES\)",
    ):
        _get(limited, site.url("/iso.html"))
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 5
    while "/iso.html" not in site.sent and time.monotonic() < deadline:
        time.sleep(0.05)
    # the client hung up: what the server got rid of is the 1 MB read plus what loopback socket buffers
    # absorbed (a few MB), never the 20 MB
    assert site.sent["/iso.html"] < 12_000_000


def test_a_declared_content_length_over_the_limit_is_refused_before_reading(
    site: Site, settings: Settings
) -> None:
    site.routes["/pitka.html"] = Route(b"<p>" + b"x" * 5000 + b"</p>")
    with pytest.raises(FetchError, match=r"it declares 5,007 bytes"):
        _get(settings.with_(ingest_max_bytes=4000), site.url("/pitka.html"))


def test_a_pdf_is_refused_naming_the_url_and_type(site: Site, settings: Settings) -> None:
    pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    site.routes["/liite.pdf"] = Route(pdf, headers={"Content-Type": "application/pdf"})
    with pytest.raises(FetchError, match=r"/liite\.pdf: is application/pdf, not an HTML page"):
        _get(settings, site.url("/liite.pdf"))
    site.routes["/naamioitu.html"] = Route(pdf)  # a PDF served as text/html
    with pytest.raises(FetchError, match=r"/naamioitu\.html: is a PDF served as text/html"):
        _get(settings, site.url("/naamioitu.html"))


def test_a_slow_server_hits_the_read_timeout(site: Site, settings: Settings) -> None:
    site.routes["/hidas/"] = Route(b"<p>hidas</p>", delay_s=2.0)
    with pytest.raises(
        FetchError, match=r"/hidas/: no answer within 0\.5 s \(read timeout, KGPUB_INGEST_READ_TIMEOUT_S\)"
    ):
        _get(settings.with_(ingest_read_timeout_s=0.5), site.url("/hidas/"))


def test_nothing_listening_is_a_clear_error(settings: Settings) -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=rf"http://127\.0\.0\.1:{port}/robots\.txt could not be read"):
        _get(settings, f"http://127.0.0.1:{port}/sivu/")


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site, settings: Settings) -> None:
    site.page("/a/", "kuhmo-organisaatio.html")
    site.page("/b/", "narpes-organisation.html")
    with Fetcher(settings.with_(ingest_delay_s=0.4)) as fetcher:
        fetcher.get(site.url("/a/"))
        fetcher.get(site.url("/b/"))
    times = [r.at for r in site.log]
    assert [r.path for r in site.log] == ["/robots.txt", "/a/", "/b/"]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.39


def test_a_crawl_delay_in_robots_txt_is_honoured(site: Site, settings: Settings) -> None:
    site.routes["/robots.txt"] = Route(
        b"User-agent: kgpub\nCrawl-delay: 1\n", headers={"Content-Type": "text/plain"}
    )
    site.page("/a/", "kuhmo-organisaatio.html")
    site.page("/b/", "kuhmo-organisaatio.html")
    with Fetcher(settings) as fetcher:
        fetcher.get(site.url("/a/"))
        fetcher.get(site.url("/b/"))
    assert site.log[2].at - site.log[1].at >= 0.99


def test_validators_make_a_conditional_get(site: Site, settings: Settings) -> None:
    site.page("/sivu/", "kuhmo-organisaatio.html")
    with Fetcher(settings) as fetcher:
        first = fetcher.get(site.url("/sivu/"))
        assert first.status == 200 and first.etag and first.last_modified
        again = fetcher.get(site.url("/sivu/"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    assert site.log[-1].headers["if-none-match"] == first.etag
    assert site.log[-1].headers["if-modified-since"] == first.last_modified


def test_only_http_urls_are_fetched(settings: Settings) -> None:
    with pytest.raises(FetchError, match="not an http"):
        _get(settings, "file:///etc/passwd")


def test_the_size_limit_counts_decompressed_bytes(site: Site, settings: Settings) -> None:
    import gzip

    inflated = b"<p>" + b"Kaupunginhallitus. " * 200_000 + b"</p>"  # 3.8 MB that gzip makes tiny
    site.routes["/pakattu.html"] = Route(
        gzip.compress(inflated), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    assert len(gzip.compress(inflated)) < 100_000
    with pytest.raises(FetchError, match=r"/pakattu\.html: page larger than the limit of 1,000,000 bytes"):
        _get(settings.with_(ingest_max_bytes=1_000_000), site.url("/pakattu.html"))
