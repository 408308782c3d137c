"""The municipality list from the npm package, the meta.toml lookup, and the [organisation] table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kgpub.cli import main
from kgpub.config import Settings
from kgpub.errors import SourceError
from kgpub.municipalities import load_reference, municipalities_graph, owner_graph, reference_iri
from kgpub.namespaces import DCTERMS, ORG, PROV, RDF, SKOS, Local
from kgpub.pipeline import input_digest
from kgpub.sources import load_meta, ytunnus_ok

PACKAGE = Settings().municipalities_package
LOCAL = Local("http://127.0.0.1:5000/")
META = """title = "Organisaatio"
publisher = "Kaupunki"
language = "fi"
retrieved = "unknown"
licence = "unknown"
"""


def meta(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "some-source"
    folder.mkdir()
    (folder / "meta.toml").write_text(META + text, encoding="utf-8")
    return folder


def test_every_municipality_is_known_with_its_numbers_and_names() -> None:
    reference = load_reference(PACKAGE)
    numbers = [m.number for m in reference.municipalities]
    assert len(numbers) == len(set(numbers)) == 309  # Finland's municipalities in 2024
    manifest = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert reference.version == manifest["version"]
    helsinki = reference.find("helsingfors")
    assert helsinki is not None and helsinki.number == "091" and helsinki.name_fi == "Helsinki"
    assert reference.find("  HELSINKI ") == helsinki == reference.find("091")
    narpes = reference.find("närpiö")
    assert narpes is not None and narpes.language == "sv" and narpes.slug == "narpes"
    raahe = reference.find("Brahestad")
    assert raahe is not None and raahe.language == "fi" and raahe.slug == "raahe" and not raahe.bilingual
    assert reference.find("Gotham") is None


def test_an_unknown_municipality_names_the_file_and_suggests(tmp_path: Path) -> None:
    reference = load_reference(PACKAGE)
    where = tmp_path / "meta.toml"
    with pytest.raises(SourceError, match=r"meta\.toml: municipality 'Helsinky'.*did you mean 'Helsinki'"):
        reference.resolve("Helsinky", where)


def test_a_missing_package_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="make install"):
        load_reference(tmp_path / "nowhere")


def test_the_graph_has_provenance_and_majority_language_names() -> None:
    reference = load_reference(PACKAGE)
    # Kristinestad is bilingual (code 2): the list does not say which language is the majority's, its
    # pages do (display_languages); its IRI keeps the list's slug, which never depends on the pages.
    shown = {"kristiinankaupunki": "sv"}
    graph = municipalities_graph(reference, LOCAL, shown, only={"narpes", "kristiinankaupunki", "raahe"})
    narpes, raahe = LOCAL.ID["org/narpes"], LOCAL.ID["org/raahe"]
    assert (narpes, RDF.type, ORG.FormalOrganization) in graph
    assert {(str(o), o.language) for o in graph.objects(narpes, SKOS.prefLabel)} == {("Närpes", "sv")}
    assert {(str(o), o.language) for o in graph.objects(narpes, SKOS.altLabel)} == {("Närpiö", "fi")}
    assert {str(o) for o in graph.objects(raahe, SKOS.prefLabel)} == {"Raahe"}
    kristinestad = LOCAL.ID["org/kristiinankaupunki"]
    assert {str(o) for o in graph.objects(kristinestad, SKOS.prefLabel)} == {"Kristinestad"}
    assert {str(o) for o in graph.objects(kristinestad, SKOS.altLabel)} == {"Kristiinankaupunki"}
    assert len(set(graph.subjects(RDF.type, ORG.FormalOrganization))) == 3
    doc = reference_iri(LOCAL)
    assert reference.version in str(graph.value(doc, DCTERMS.source))
    assert graph.value(doc, DCTERMS.modified) is not None


def test_business_id_check_digit() -> None:
    assert ytunnus_ok("0201256-6") and ytunnus_ok("0185924-7")
    assert not ytunnus_ok("0201256-5") and not ytunnus_ok("201256-6") and not ytunnus_ok("0201256/6")


def test_a_publisher_that_is_not_a_municipality_needs_no_municipality(tmp_path: Path) -> None:
    folder = meta(
        tmp_path,
        '[organisation]\nkind = "wellbeing_county"\nname_fi = "Varsinais-Suomen hyvinvointialue"\n'
        'name_sv = "Egentliga Finlands välfärdsområde"\nbusiness_id = "3221308-6"\n',
    )
    parsed = load_meta(folder)
    assert parsed.municipality == "unknown"
    assert parsed.owner == "Varsinais-Suomen hyvinvointialue"
    assert parsed.organisation is not None and parsed.organisation.kind == "wellbeing_county"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[organisation]\nbusiness_id = "0201256-5"\n', "business_id '0201256-5' is not a valid"),
        ('[organisation]\nkind = "club"\nname_fi = "Seura"\n', "kind must be one of"),
        ('[organisation]\nkind = "ministry"\n', "needs a name"),
        ('[organisation]\nwikidata = "1757"\n', "wikidata must be an item id"),
        ('[organisation]\nmotto = "x"\n', "unknown field"),
    ],
)
def test_a_wrong_organisation_table_names_the_file(tmp_path: Path, table: str, message: str) -> None:
    folder = meta(tmp_path, 'municipality = "Raahe"\n' + table)
    with pytest.raises(SourceError, match=message) as caught:
        load_meta(folder)
    assert str(folder / "meta.toml") in str(caught.value)


def test_a_municipality_is_still_required_without_an_organisation(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"missing required field.*municipality"):
        load_meta(meta(tmp_path, ""))


def test_the_package_folder_is_a_setting(tmp_path: Path) -> None:
    settings = Settings.from_env({"KGPUB_MUNICIPALITIES_PACKAGE": str(tmp_path / "elsewhere")})
    assert settings.municipalities_package == tmp_path / "elsewhere"
    env = {
        "KGPUB_MUNICIPALITIES_PACKAGE": str(tmp_path / "elsewhere"),
        "KGPUB_VAR_DIR": str(tmp_path / "var"),
    }
    result = CliRunner().invoke(main, ["build"], env=env)
    assert result.exit_code != 0
    assert f"{tmp_path / 'elsewhere' / 'postcodes.json'}: the municipality list is missing" in result.output
    assert not (tmp_path / "var" / "published").exists()


def test_a_new_list_makes_the_published_build_stale(tmp_path: Path) -> None:
    copy = tmp_path / "package"
    shutil.copytree(PACKAGE, copy)
    before = input_digest(Settings(municipalities_package=copy))
    assert input_digest(Settings(municipalities_package=copy)) == before
    (copy / "LAST_UPDATED").write_text("2030-01-01T08:00:00", encoding="utf-8")  # the next release
    assert input_digest(Settings(municipalities_package=copy)) != before


def test_organisation_facts_are_claimed_from_the_meta_toml(tmp_path: Path) -> None:
    folder = meta(
        tmp_path,
        'municipality = "Helsinki"\n[organisation]\nname_fi = "Helsingin kaupunki"\n'
        'business_id = "0201256-6"\nwikidata = "Q1757"\n',
    )
    graph = owner_graph(load_meta(folder), LOCAL)
    helsinki = LOCAL.ID["org/helsinki"]
    record = URIRef(f"{LOCAL.base}source/some-source#meta")
    assert (record, RDF.type, LOCAL.KGP.CurationFile) in graph
    ytunnus = Literal("0201256-6", datatype=LOCAL.KGP.ytunnus)
    facts = [
        (SKOS.prefLabel, Literal("Helsingin kaupunki", lang="fi")),
        (ORG.identifier, ytunnus),
        (SKOS.closeMatch, URIRef("http://www.wikidata.org/entity/Q1757")),
    ]
    for predicate, value in facts:
        assert (helsinki, predicate, value) in graph
        (claim,) = [c for c in graph.subjects(RDF.predicate, predicate) if (c, RDF.object, value) in graph]
        assert (claim, PROV.wasDerivedFrom, record) in graph
    # a municipality's kind and type come from the list, not from meta.toml
    assert (helsinki, ORG.classification, None) not in graph
