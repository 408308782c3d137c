"""A realistic published build for the page tests, made with kgpub's own model code.

The Helsinki kaupunginkanslia seed text is the source (its evidence offsets are found in the real
text); hand-written facts go through ``kgpub.rdf`` (claims, evidence IRIs, duty concepts, sites), the
real curation files, the local ontology and the shapes, kgpub's reasoner, and a build activity — then
``store.prepare``, ``export.write_dumps`` and ``publish.swap_in`` publish it, as the pipeline will.
One extra curated body carries a label with markup, to prove every page escapes it.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgpub import documents, publish, search, store
from kgpub.config import PROJECT_ROOT, Settings
from kgpub.curation import load_curation
from kgpub.export import write_dumps
from kgpub.iris import Registry
from kgpub.model import Body, Duty, Evidence, Extraction, Head, PartOf, Site
from kgpub.municipalities import given_names, load_reference, municipalities_graph, owner_graph
from kgpub.namespaces import ORG, Local, bind_prefixes
from kgpub.ontology import load_local_ontology, load_shapes
from kgpub.rdf import source_document_graph, source_graph
from kgpub.reason import infer
from kgpub.sources import load_source

SOURCE_ID = "helsinki-kaupunginkanslia"
SCRIPT_LABEL = "<script>alert('x')</script> & <b>lautakunta</b>"
SOURCE_DIR = PROJECT_ROOT / "data" / "sources" / SOURCE_ID


def _ev(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(SOURCE_ID, start, start + len(quote), quote)


def extraction(text: str) -> Extraction:
    """What an extractor would find in the first half of the kanslia text."""
    six = "Kaupunginkansliassa on kuusi osastoa: elinkeino-osasto, hallinto-osasto, henkilöstöosasto, strategiaosasto, talous- ja suunnitteluosasto ja viestintäosasto."  # noqa: E501
    duty = "Elinkeino-osasto huolehtii kaupungin elinkeino-, innovaatio- ja kilpailukykypolitiikasta, yrittäjyyden edistämisestä sekä työllisyys- ja maahanmuuttoasioista."  # noqa: E501
    head = "Osastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva."
    chief = "Viraston päällikkönä on kansliapäällikkö Sami Sarvilinna."
    audit = "Sisäinen tarkastus toimii kansliapäällikön alaisuudessa ja sitä johtaa sisäisen tarkastuksen päällikkö."  # noqa: E501
    site = "Helsingin oikeusaputoimisto sijaitsee Salmisaaressa, osoitteessa:\nPorkkalankatu 13 G\nPuhelinnumero: 029 5660 120"  # noqa: E501
    e_six, e_duty, e_head = _ev(text, six), _ev(text, duty), _ev(text, head)
    e_chief, e_audit, e_site = _ev(text, chief), _ev(text, audit), _ev(text, site)
    return Extraction(
        source=SOURCE_ID,
        lang="fi",
        bodies=(
            Body("kaupunginkanslia", "agency", e_six),
            Body("elinkeino-osasto", "department", e_six),
            Body("hallinto-osasto", "department", e_six),
            Body("sisäinen tarkastus", "unit", e_audit),
            Body("Helsingin oikeusaputoimisto", "other", e_site),
        ),
        part_of=(
            PartOf("elinkeino-osasto", "kaupunginkanslia", "part", e_six),
            PartOf("hallinto-osasto", "kaupunginkanslia", "part", e_six),
            PartOf(
                "sisäinen tarkastus", "kaupunginkanslia", "reports_to", e_audit, via_post="kansliapäällikkö"
            ),
            PartOf("kaupunginkanslia", "kaupunginhallitus", "subordinate", e_six),
        ),
        heads=(
            Head("elinkeino-osasto", "elinkeinojohtaja", "Marja-Leena Rinkineva", e_head, rule="head.johtaa"),
            Head("kaupunginkanslia", "kansliapäällikkö", "Sami Sarvilinna", e_chief),
        ),
        duties=(Duty("elinkeino-osasto", duty.split(" huolehtii ", 1)[1].rstrip("."), e_duty),),
        sites=(
            Site("Helsingin oikeusaputoimisto", e_site, address="Porkkalankatu 13 G", phone="029 5660 120"),
        ),
    )


def fixture_curation(local: Local) -> Graph:
    """A curated Kalajoki body whose label is markup: pages must show it as text."""
    g = Graph()
    body = local.ID["org/kalajoki-testilautakunta"]
    g.add((body, RDF.type, ORG.Organization))
    g.add((body, SKOS.prefLabel, Literal(SCRIPT_LABEL, lang="fi")))
    g.add((body, SKOS.prefLabel, Literal("testnämnd", lang="sv")))
    g.add((body, ORG.subOrganizationOf, local.ID["org/kalajoki"]))
    g.add((local.ID["org/kalajoki"], SKOS.prefLabel, Literal("Kalajoen kaupunki", lang="fi")))
    g.add((body, ORG.classification, local.KIND["committee"]))
    return g


def dataset(settings: Settings) -> tuple[Dataset, list[Path]]:
    """The named graphs a build would publish, and the source files behind them."""
    local = Local(settings.base_iri)
    source = load_source(SOURCE_DIR)
    graphs: dict[URIRef, Graph] = {}
    src = source_graph(extraction(source.text), source.meta, local, Registry())
    src += owner_graph(source.meta, local)  # the city's own names, business ID (meta.toml)
    graphs[local.GRAPH[f"source/{SOURCE_ID}"]] = src + source_document_graph(source.meta, local)
    graphs[local.GRAPH["curation"]] = load_curation(
        PROJECT_ROOT / "data" / "curation", local
    ) + fixture_curation(local)
    reference = load_reference(settings.municipalities_package)
    named = {**given_names([source]), "kalajoki": {"fi": "Kalajoen kaupunki"}}  # as its meta.toml says
    graphs[local.GRAPH["municipalities"]] = municipalities_graph(
        reference, local, named=named, only={"helsinki", "kalajoki"}
    )
    ontology = load_local_ontology(settings) + load_shapes(settings)
    graphs[local.GRAPH["ontology"]] = ontology
    asserted = Graph()
    for g in graphs.values():
        asserted += g
    graphs[local.GRAPH["inferred"]] = infer(asserted, load_local_ontology(settings))
    ds = bind_prefixes(Dataset(), local)
    for iri, g in graphs.items():
        target = ds.graph(iri)
        for triple in g:
            target.add(triple)
    _build_activity(ds, local)
    assert source.path is not None
    return ds, [source.path]


def _build_activity(ds: Dataset, local: Local) -> None:
    build = ds.graph(local.GRAPH["build"])
    activity = local.ID["build/20261122T100000Z"]
    build.add((activity, RDF.type, PROV.Activity))
    build.add((activity, RDFS.label, Literal("kgpub build 2026-11-22T10:00:00+00:00", lang="en")))
    build.add((activity, PROV.endedAtTime, Literal("2026-11-22T10:00:00+00:00", datatype=XSD.dateTime)))
    agent = BNode()
    build.add((activity, PROV.wasAssociatedWith, agent))
    build.add((agent, RDF.type, PROV.SoftwareAgent))
    for g in list(ds.graphs()):
        if isinstance(g.identifier, URIRef) and g.identifier != local.GRAPH["build"] and len(g):
            build.add((g.identifier, PROV.wasGeneratedBy, activity))


def publish_fixture(var_dir: Path, *, precompute: bool = True, **changes: object) -> Settings:
    """Publish the fixture dataset under ``var_dir`` as a complete build (store, sources, dumps, and
    with ``precompute`` the documents recorded at build time, as the pipeline does)."""
    settings = Settings(var_dir=var_dir).with_(**changes)
    ds, sources = dataset(settings)
    build_dir = publish.new_build_dir(settings)
    (build_dir / "sources").mkdir()
    for path in sources:
        shutil.copyfile(path, build_dir / "sources" / f"{path.parent.name}.txt")
    ds.serialize(build_dir / publish.DATASET, format="trig", encoding="utf-8")
    manifest = {
        "build": build_dir.name,
        "created": datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC).isoformat(),
        "kgpub": "0.1.0",
        "base_iri": settings.base_iri,
        "triples": len(ds),
        "graphs": sorted(str(g.identifier) for g in ds.graphs() if len(g)),
        "sources": [p.parent.name for p in sources],
    }
    store.prepare(build_dir, settings.base_iri)
    search.build_index(build_dir, settings.base_iri)
    write_dumps(build_dir, ds, Local(settings.base_iri))
    if precompute:
        documents.write(
            build_dir, settings.base_iri, settings.max_result_rows, record_max=settings.documents_recorded_max
        )
    publish.seal(build_dir, manifest)  # build.json last, with every file's size and SHA-256
    publish.swap_in(build_dir, settings)
    return settings
