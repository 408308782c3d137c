"""``kgpub export`` on a real seed build: data only by default, per municipality, per named graph."""

from __future__ import annotations

from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph
from rdflib.namespace import ORG, OWL, RDF

from kgpub.cli import main
from kgpub.config import Settings
from kgpub.namespaces import SH
from tests.test_cli import env_for


def _export(settings: Settings, *args: str) -> bytes:
    result = CliRunner().invoke(main, ["export", *args], env=env_for(settings))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_export_is_data_only_unless_the_schema_is_asked_for(seed_build: Settings) -> None:
    data = Graph().parse(data=_export(seed_build, "--format", "nt"), format="nt")
    assert not set(data.subjects(RDF.type, SH.NodeShape)) and not set(data.subjects(RDF.type, OWL.Class))
    assert set(data.subjects(RDF.type, ORG.OrganizationalUnit))
    full = Graph().parse(data=_export(seed_build, "--format", "nt", "--with-schema"), format="nt")
    assert set(full.subjects(RDF.type, SH.NodeShape)) and set(full.subjects(RDF.type, OWL.Class))
    ground = {t for t in data if not any(isinstance(x, BNode) for x in t)}  # blank nodes differ per parse
    assert ground < set(full) and len(data) < len(full)


def test_export_one_municipality_keeps_its_graphs(seed_build: Settings) -> None:
    back = Dataset()
    back.parse(data=_export(seed_build, "--municipality", "kalajoki", "--format", "trig"), format="trig")
    names = {str(g.identifier).removeprefix(seed_build.base_iri) for g in back.graphs() if len(g)}
    assert "graph/source/kalajoki-hallintopalvelut" in names
    assert not {n for n in names if "helsinki" in n} and "graph/shapes" not in names
    subjects = {str(s) for s, _p, _o, _g in back.quads((None, None, None, None))}
    assert not {s for s in subjects if "/id/org/helsinki" in s}


def test_export_named_graphs(seed_build: Settings) -> None:
    back = Dataset()
    back.parse(
        data=_export(seed_build, "--graph", "curation", "--graph", "ontology", "--format", "nq"),
        format="nquads",
    )
    names = {str(g.identifier).removeprefix(seed_build.base_iri) for g in back.graphs() if len(g)}
    assert names == {"graph/curation", "graph/ontology"}


def test_unknown_municipality_or_graph_is_exit_3_naming_the_choices(seed_build: Settings) -> None:
    result = CliRunner().invoke(main, ["export", "--municipality", "espoo"], env=env_for(seed_build))
    assert result.exit_code == 3 and "helsinki, kalajoki" in result.output
    result = CliRunner().invoke(main, ["export", "--graph", "nope"], env=env_for(seed_build))
    assert result.exit_code == 3 and "source/kalajoki-hallintopalvelut" in result.output
