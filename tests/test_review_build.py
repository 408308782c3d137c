"""Review → build → validate: a verdict takes effect in the published graph, and never breaks the build.

Driven through the command line a curator uses (``kgpub review SRC --decide …``, then ``kgpub build``)
on a private copy of the project holding one seed source.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, SKOS

from kgpub.cli import main
from kgpub.config import Settings
from kgpub.extract import extract
from kgpub.publish import current
from kgpub.review import numbered_facts
from kgpub.sources import load_source
from tests.conftest import copy_project

SOURCE = "kalajoki-hallintopalvelut"


def _env(settings: Settings) -> dict[str, str]:
    return {
        "KGPUB_DATA_DIR": str(settings.data_dir),
        "KGPUB_VAR_DIR": str(settings.var_dir),
        "KGPUB_ONTOLOGY_DIR": str(settings.ontology_dir),
        "KGPUB_SHAPES_DIR": str(settings.shapes_dir),
        "KGPUB_QUERIES_DIR": str(settings.queries_dir),
    }


def _published(settings: Settings) -> Graph:
    dataset = Dataset()
    dataset.parse(current(settings).dataset_path, format="trig")
    graph = Graph()
    for quad in dataset.quads():
        graph.add(quad[:3])
    return graph


@pytest.mark.slow
def test_a_reject_and_a_confirm_take_effect_in_the_next_build(tmp_path: Path) -> None:
    settings = copy_project(tmp_path)
    for other in (settings.data_dir / "sources").iterdir():
        if other.name != SOURCE:
            shutil.rmtree(other)
    meta = settings.data_dir / "sources" / SOURCE / "meta.toml"  # named as a user may: looked up
    meta.write_text(meta.read_text(encoding="utf-8").replace('"Kalajoki"', '"KALAJOKI"'), encoding="utf-8")
    source = load_source(settings.data_dir / "sources" / SOURCE)
    facts = {n.summary: n for n in numbered_facts(extract(source))}
    rejected = facts["talousohjaus —part→ hallintopalvelut"]
    sibling = facts["yleishallinto —part→ hallintopalvelut"]  # stated by the same sentence
    assert rejected.fact.evidence == sibling.fact.evidence
    confirmed = next(n for n in facts.values() if n.summary.startswith("kaupunginkanslia: hoitaa"))
    env = _env(settings)

    decide = f"{rejected.number}=reject {confirmed.number}=confirm"
    result = CliRunner().invoke(main, ["review", SOURCE, "--decide", decide, "--reviewer", "Anna"], env=env)
    assert result.exit_code == 0, result.output
    review_file = settings.data_dir / "curation" / f"review-{SOURCE}.ttl"
    written = review_file.read_text(encoding="utf-8")
    assert "Selector" not in written and "SpecificResource" not in written  # nothing re-described

    result = CliRunner().invoke(main, ["build"], env=env)
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, ["validate"], env=env).exit_code == 0

    graph = _published(settings)
    by_label = {str(o): s for s, o in graph.subject_objects(SKOS.prefLabel)}
    talous, yleis, hallinto = (by_label[n] for n in ("talousohjaus", "yleishallinto", "hallintopalvelut"))
    kgp = f"{settings.base_iri}def/"
    assert (talous, ORG.subOrganizationOf, hallinto) not in graph  # the rejected fact is gone
    assert (yleis, ORG.subOrganizationOf, hallinto) in graph  # its sentence still supports the sibling
    assert (talous, RDF.type, None) in graph  # the body itself was not rejected

    rows = list(
        graph.query(
            """SELECT ?claim ?confidence WHERE {
                 ?d a kgp:ReviewDecision ; kgp:decision "confirmed" ; kgp:aboutClaim ?claim .
                 ?claim a kgp:Claim ; rdf:predicate kgp:dutyStatement ; kgp:confidence ?confidence .
               }""",
            initNs={"kgp": kgp, "rdf": RDF},
        )
    )
    assert [row[1] for row in rows] == [Literal(Decimal("1.0"))]  # type: ignore[index]
    claim = rows[0][0]  # type: ignore[index]
    span = URIRef(
        f"{settings.base_iri}source/{SOURCE}#char={confirmed.fact.evidence.start},"
        f"{confirmed.fact.evidence.end}"
    )
    assert (claim, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), span) in graph
    rejected_decisions = list(graph.subjects(URIRef(f"{kgp}decision"), Literal("rejected")))
    assert len(rejected_decisions) == 1
    for about in graph.objects(rejected_decisions[0], URIRef(f"{kgp}aboutClaim")):
        assert (about, RDF.subject, None) not in graph  # names the claims that are no longer published

    # A second review of the same fact, the other way round: the latest verdict wins on rebuild.
    again = f"{rejected.number}=confirm"
    result = CliRunner().invoke(main, ["review", SOURCE, "--decide", again, "--reviewer", "Ben"], env=env)
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, ["build"], env=env).exit_code == 0
    assert (talous, ORG.subOrganizationOf, hallinto) in _published(settings)
