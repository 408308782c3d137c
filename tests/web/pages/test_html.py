"""The HTML pages: escaping, the body page's sections, evidence in context, generic pages."""

from __future__ import annotations

from html.parser import HTMLParser

from flask.testing import FlaskClient

from .fixture import SCRIPT_LABEL

HTML = {"Accept": "text/html"}
BODY = "/doc/org/helsinki-kaupunginkanslia-elinkeino-osasto"


class Page(HTMLParser):
    """The parts of a page the tests look at: elements by tag, their text, links, scripts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.scripts = 0
        self.links: list[str] = []
        self.alternates: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.scripts += tag == "script" and not a.get("src", "").startswith("/static/")  # only our files
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates.append((str(a.get("type")), str(a.get("href"))))
        if a.get("id"):
            self.ids.add(str(a["id"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def page(client: FlaskClient, path: str) -> Page:
    r = client.get(path, headers=HTML)
    assert r.status_code == 200, path
    assert r.mimetype == "text/html"
    return Page(r.data.decode("utf-8"))


def test_a_label_with_markup_is_shown_as_text_everywhere(pages_client: FlaskClient) -> None:
    for path in ("/", "/doc/org/kalajoki-testilautakunta", "/doc/org/kalajoki"):
        r = pages_client.get(path, headers=HTML)
        html = r.data.decode("utf-8")
        assert "<script>alert" not in html, path
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html, path
        p = Page(html)
        assert p.scripts == 0, path
        assert SCRIPT_LABEL in p.all_text, path


def test_body_page_shows_names_kind_chain_posts_duties_and_chart(pages_client: FlaskClient) -> None:
    p = page(pages_client, BODY)
    text = p.all_text
    for expected in (
        "elinkeino-osasto",
        "Search City of Helsinki City Board City Executive Office elinkeino-osasto",  # breadcrumbs, English
        "Kind department",  # the kind's label in the reader's language (the concept scheme)
        "elinkeinojohtaja — held by Marja-Leena Rinkineva",
        "Head Marja-Leena Rinkineva",
        "yrittäjyyden edistämisestä",
        "Organisation chart",
        "sisäinen tarkastus",  # a sibling in the chart
    ):
        assert expected in text, expected
    types = {t for t, _ in p.alternates}
    assert {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"} <= types


def test_names_in_every_language(pages_client: FlaskClient) -> None:
    text = page(pages_client, "/doc/org/helsinki-kaupunginkanslia").all_text
    for name in (
        "kaupunginkanslia fi preferred",
        "stadskansliet sv preferred",
        "City Executive Office en preferred",
    ):
        assert name in text


def test_each_fact_shows_its_sentence_and_links_to_the_span(pages_client: FlaskClient) -> None:
    r = pages_client.get(BODY, headers=HTML)
    html = r.data.decode("utf-8")
    assert "<mark>Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva.</mark>" in html
    assert 'href="http://127.0.0.1:5000/source/helsinki-kaupunginkanslia#char=1355,1409"' in html
    source = pages_client.get("/source/helsinki-kaupunginkanslia", headers=HTML).data.decode("utf-8")
    assert (
        '<span id="char=1355,1409" class="ev">Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva.</span>'
        in source
    )


def test_span_inside_a_longer_sentence_is_highlighted_in_context(pages_client: FlaskClient) -> None:
    """A site's evidence spans three lines; the context is cut at the line ends."""
    html = pages_client.get("/doc/org/helsinki-helsingin-oikeusaputoimisto", headers=HTML).data.decode(
        "utf-8"
    )
    assert "<mark>Helsingin oikeusaputoimisto sijaitsee Salmisaaressa" in html
    assert "Porkkalankatu 13 G" in Page(html).all_text


def test_site_page_shows_its_hash_parts(pages_client: FlaskClient) -> None:
    p = page(pages_client, "/doc/site/helsinki-porkkalankatu-13-g")
    assert {"location", "address", "phone"} <= p.ids
    # only http(s) IRIs are links: the phone number's tel: IRI is shown as text
    assert "tel:+358295660120" in p.all_text
    assert not [link for link in p.links if link.startswith("tel:")]


def test_generic_pages_for_posts_persons_claims_and_concepts(pages_client: FlaskClient) -> None:
    person = page(pages_client, "/doc/person/helsinki-marja-leena-rinkineva").all_text
    assert "Marja-Leena Rinkineva" in person and "org:headOf" in person
    post = page(
        pages_client, "/doc/post/helsinki-kaupunginkanslia-elinkeino-osasto-elinkeinojohtaja"
    ).all_text
    assert "org:heldBy" in post and "elinkeinojohtaja" in post
    concept = page(pages_client, "/doc/def/kind/department").all_text
    assert "osasto" in concept and "What links here" in concept
    claim_iri = next(
        link
        for link in page(pages_client, BODY).links
        if "/doc/claim/" in link and link.startswith("http://127.0.0.1:5000/")
    )
    claim = page(pages_client, claim_iri.removeprefix("http://127.0.0.1:5000"))
    assert "rdf:subject" in claim.all_text and "Where the sources say so" in claim.all_text


def test_inferred_values_are_marked(pages_client: FlaskClient) -> None:
    text = page(pages_client, BODY).all_text
    assert "org:Organization inferred" in text


def test_links_go_to_the_configured_root_never_to_the_request_host(pages_client: FlaskClient) -> None:
    r = pages_client.get(BODY, headers={**HTML, "Host": "attacker.example"})
    p = Page(r.data.decode("utf-8"))
    assert not [link for link in p.links if "attacker.example" in link]
    # no public_base in these settings: this server is reached at its base IRI
    local = [link for link in p.links if link.startswith("http://127.0.0.1:5000/doc/")]
    assert len(local) > 5


def test_named_graph_pages_link_to_their_triples(pages_client: FlaskClient) -> None:
    p = page(pages_client, "/doc/graph/curation")
    query_links = [link for link in p.links if link.startswith("/sparql?")]
    assert len(query_links) == 1
    r = pages_client.get(query_links[0], headers=HTML)
    assert r.status_code == 200 and b"Helsingin kaupunki" in r.data
