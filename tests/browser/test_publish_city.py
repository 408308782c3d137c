"""Issue 10's whole path, as a city's data person walks it, with nothing hand-written: two cities'
saved web pages on a loopback site (Kuhmo, a Finnish city not in ``data/``, and Närpes, a Swedish
one) → ``kgpub add URL…`` → ``kgpub build`` → ``kgpub curator add`` → ``kgpub serve`` → headless
Chromium signs in, rejects a fact, corrects a name, adds a missed body by selecting its words →
``kgpub build`` → the public pages and the SPARQL endpoint show exactly that.

Every step is the real command in its own process on a scratch project. Its ``data/sources``,
``data/curation`` and IRI registry start EMPTY: the cities publish from their pages and the
municipality list alone, so no seed source, curation file or minted IRI can be what makes them work
(and the builds read two sources, not five). The server's port is chosen first and the base IRI is
``http://127.0.0.1:<port>/``, so identifiers, links and the SPARQL results all name the server that
answers them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kgpub.config import Settings
from kgpub.scratch import Server, copy_project, environment, free_port
from tests.ingest.conftest import Site, running_site

from .conftest import save_screenshot
from .test_review_browser import _select_with_the_mouse

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "kuhmo curator password"
FI_PATH, SV_PATH = "/kaupunki-ja-hallinto/organisaatio/", "/sv/organisation/"
FI_ID, SV_ID = "kuhmo-organisaatio", "narpes-organisation"
REJECTED = "kaupunginhallitus"  # Kuhmo's board: the curator says this page is no source for it
ADDED, ADDED_WORDS = "asiakirjahallinto", "asiakirjahallinnosta"  # a unit the extractor missed
CORRECTED, CORRECTED_TO = "bildningsavdelningen", "bildningssektorn"  # Närpes: the unit's own name


@pytest.fixture
def city_site() -> Iterator[Site]:
    with running_site() as site:
        site.page(FI_PATH, "kuhmo-organisaatio.html")
        site.page(SV_PATH, "narpes-organisation.html")
        yield site


@pytest.fixture
def project(tmp_path: Path) -> Settings:
    """A fresh scratch project with no sources, no curation and an empty IRI registry."""
    settings = copy_project(tmp_path / "project")
    for folder in ("sources", "curation"):
        for path in sorted((settings.data_dir / folder).rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    (settings.data_dir / "registry" / "iris.tsv").unlink()
    return settings.with_(base_iri=f"http://127.0.0.1:{free_port()}/")


def kgpub(settings: Settings, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The ``kgpub`` command on the scratch project (no pause between two fetches from the site)."""
    result = subprocess.run(
        [sys.executable, "-m", "kgpub", *args],
        env=environment(settings) | {"KGPUB_INGEST_DELAY_S": "0"},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"kgpub {' '.join(args)}: {result.stderr}"
    return result


def data_files(settings: Settings) -> set[str]:
    return {str(p.relative_to(settings.data_dir)) for p in settings.data_dir.rglob("*") if p.is_file()}


def sparql(page: Page, server: str, query: str) -> list[dict[str, str]]:
    response = page.request.get(
        server + "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status == 200, response.text()
    rows = json.loads(response.text())["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def bodies(page: Page, server: str, settings: Settings) -> dict[str, dict[str, str]]:
    """Every published body of the two sources: its name → body IRI and parent's name."""
    rows = sparql(
        page,
        server,
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?body ?name ?parentName WHERE {
  ?body a org:Organization ; skos:prefLabel ?name .
  OPTIONAL { ?body org:subOrganizationOf ?parent . ?parent skos:prefLabel ?parentName }
}""",
    )
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        assert row["body"].startswith(settings.base_iri)
        if "parentName" in row or row["name"] not in found:  # a row with the parent wins
            found[row["name"]] = row
    return found


def review(page: Page, server: str) -> None:
    """Sign in; on Kuhmo's page reject the board and add a missed unit; on Närpes' correct a name.

    Controls are found by their ids, names and values, not their words: the interface speaks the
    browser's language."""
    page.goto(f"{server}/review/{FI_ID}")
    assert "/login?next=" in page.url
    page.locator("#login-name").fill("maija")
    page.locator("#login-password").fill(PASSWORD)
    page.locator("form.login button[type=submit]").click()
    expect(page.locator(".review-bar .curator")).to_have_text("maija")

    fact = page.locator("li.fact", has=page.locator(".summary", has_text=f"{REJECTED} (board)"))
    fact.locator("button[value=reject]").click()
    expect(fact).to_have_class("fact rejected")

    _select_with_the_mouse(page, ADDED_WORDS)
    expect(page.locator("#add-quote")).to_have_value(ADDED_WORDS)
    page.locator("#add-name").fill(ADDED)
    page.locator("#add-kind").select_option("unit")
    page.locator("#add-parent").select_option("hallinto- ja talouspalvelut")
    page.locator("#add-form button[type=submit]").click()
    expect(page.locator("#history")).to_contain_text(f"{ADDED} (unit) —part→ hallinto- ja talouspalvelut")
    expect(page.locator("#history tbody tr")).to_have_count(2)

    page.goto(f"{server}/review/{SV_ID}")
    fact = page.locator("li.fact", has=page.locator(".summary", has_text=f"{CORRECTED} (department)"))
    fact.locator("form.correct input[name=name]").fill(CORRECTED_TO)
    fact.locator("form.correct button[type=submit]").click()
    expect(page.locator("#history")).to_contain_text(f"{CORRECTED} (department) → {CORRECTED_TO}")
    expect(page.locator("#history")).to_contain_text("maija")
    save_screenshot(page, "publish-city-review.png")
    page.locator(".review-bar form button[type=submit]").click()
    expect(page.locator("#login-name")).to_be_visible()


def test_publish_two_cities_from_their_pages_review_in_the_browser_and_republish(
    page: Page, city_site: Site, project: Settings
) -> None:
    added = kgpub(project, "add", city_site.url(FI_PATH), city_site.url(SV_PATH))
    assert added.stdout.split() == [FI_ID, SV_ID]
    assert "municipality Kuhmo" in added.stderr and "municipality Närpes" in added.stderr
    written = data_files(project)
    assert {f for f in written if f.endswith(".ttl")} == set()

    first = kgpub(project, "build")
    assert f"{FI_ID}: " in first.stdout and f"{SV_ID}: " in first.stdout
    assert "warning" not in first.stdout.lower()
    kgpub(project, "curator", "add", "maija", stdin=PASSWORD + "\n")
    assert data_files(project) - written == {"registry/iris.tsv"}  # curators and secrets live in var/

    with Server(project, port=int(project.base_iri.rsplit(":", 1)[1].strip("/"))) as server:
        before = bodies(page, server.url, project)
        assert {REJECTED, CORRECTED, "Kuhmo", "Närpes"} <= set(before)
        assert before[CORRECTED]["parentName"] == "Närpes"
        assert ADDED not in before and CORRECTED_TO not in before

        review(page, server.url)
        verdicts = data_files(project) - written - {"registry/iris.tsv"}
        assert verdicts == {f"curation/review-{FI_ID}.ttl", f"curation/review-{SV_ID}.ttl"}
        assert bodies(page, server.url, project).keys() == before.keys()  # nothing changes until a build

        second = kgpub(project, "build")
        assert "removed" in second.stdout
        after = bodies(page, server.url, project)
        assert REJECTED not in after
        gone = page.request.get(before[REJECTED]["body"].replace("/id/", "/doc/", 1))
        assert gone.status == 410  # published once, so Gone (with the version that had it), not 404
        assert "predecessor-version" in gone.headers.get("link", "")
        assert CORRECTED not in after
        assert after[CORRECTED_TO]["parentName"] == "Närpes"
        assert after[ADDED]["parentName"] == "hallinto- ja talouspalvelut"

        evidence = sparql(
            page,
            server.url,
            f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX kgp: <{project.base_iri}def/>
SELECT ?exact ?rule ?source WHERE {{
  ?claim rdf:subject <{after[ADDED]["body"]}> ; kgp:rule ?rule ; prov:wasDerivedFrom ?ev .
  ?ev oa:hasSelector [ oa:exact ?exact ] ; oa:hasSource ?source .
}}""",
        )
        assert {(e["exact"], e["rule"]) for e in evidence} == {(ADDED_WORDS, "review")}
        assert {e["source"] for e in evidence} == {f"{project.base_iri}source/{FI_ID}"}

        doc = after[ADDED]["body"].removeprefix(project.base_iri).replace("id/", "doc/", 1)
        page.goto(f"{server.url}/{doc}")
        expect(page.get_by_role("heading", level=1)).to_have_text(ADDED)
        expect(page.locator("blockquote.evidence-text mark", has_text=ADDED_WORDS)).to_be_visible()
        links = page.locator("a[href^='http']").evaluate_all("links => links.map(a => a.href)")
        local = [h for h in links if h.startswith("http://127.0.0.1")]
        assert local and all(h.startswith(server.url + "/") for h in local), local
        save_screenshot(page, "publish-city-body.png")

        doc = after["Närpes"]["body"].removeprefix(project.base_iri).replace("id/", "doc/", 1)
        page.goto(f"{server.url}/{doc}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Närpes")
        expect(page.get_by_role("link", name=CORRECTED_TO).first).to_be_visible()
        expect(page.get_by_role("link", name=CORRECTED, exact=True)).to_have_count(0)
