"""``build(settings)``: the only orchestrator. Sources → extract → RDF → curation → reason → validate →
publish. Nothing is published unless the whole graph conforms; any failure leaves ``var/published``
as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from . import __version__, publish, store
from .config import Settings
from .curation import load_curation
from .errors import KgpubError, NotConformant, SourceError
from .export import write_dumps
from .extract import extract
from .iris import Registry
from .model import Extraction
from .namespaces import DCTERMS, PROV, Local, bind_prefixes
from .ontology import load_ontology, load_shapes
from .rdf import source_document_graph, source_graph
from .reason import infer
from .review import apply_decisions, apply_edits
from .sources import Source, load_sources
from .validate import ValidationReport, validate

REGISTRY_FILE = Path("registry") / "iris.tsv"


@dataclass(frozen=True)
class Assembled:
    """Everything a build has made before validation: named graphs by IRI, and the registry."""

    graphs: dict[URIRef, Graph]
    registry: Registry
    sources: list[Source]
    extractions: list[Extraction]


@dataclass(frozen=True)
class BuildResult:
    published: publish.Published | None
    report: ValidationReport
    triples: int
    skipped: bool = False


def input_digest(settings: Settings) -> str:
    """A digest of everything a build reads (data, ontology, shapes, code), to tell a stale build."""
    digest = hashlib.sha256(__version__.encode())
    roots = [settings.data_dir, settings.ontology_dir, settings.shapes_dir, Path(__file__).parent]
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def check_evidence(extraction: Extraction, text: str) -> None:
    """Every evidence span must slice the exact quote out of the original text (DESIGN §2)."""
    facts: Iterable[object] = (
        *extraction.bodies,
        *extraction.part_of,
        *extraction.heads,
        *extraction.duties,
        *extraction.sites,
    )
    for fact in facts:
        ev = fact.evidence  # type: ignore[attr-defined]
        if text[ev.start : ev.end] != ev.quote:
            raise SourceError(
                f"source {extraction.source}: evidence [{ev.start},{ev.end}) does not match its quote "
                f"{ev.quote[:60]!r} (extractor bug)"
            )


def assemble(settings: Settings) -> Assembled:
    """Read every input and make the asserted named graphs (no reasoning, no validation yet)."""
    local = Local(settings.base_iri)
    sources = load_sources(settings.data_dir / "sources")
    registry = Registry.load(settings.data_dir / REGISTRY_FILE)
    graphs: dict[URIRef, Graph] = {
        local.GRAPH["curation"]: load_curation(settings.data_dir / "curation", local)
    }
    extractions = []
    for source in sources:
        curation = settings.data_dir / "curation"
        extraction = apply_edits(apply_decisions(extract(source), curation), source.text, curation)
        check_evidence(extraction, source.text)
        graph = source_graph(extraction, source.meta, local, registry)
        graph += source_document_graph(source.meta, local)
        graphs[local.GRAPH[f"source/{source.meta.id}"]] = graph
        extractions.append(extraction)
    return Assembled(graphs, registry, sources, extractions)


def input_location(settings: Settings, iri: str) -> str:
    """The file (and character span) behind a provenance IRI, so that a validation report says
    which input to edit: ``source/<id>#char=a,b`` is a span of a source text, ``curation/<name>`` a
    curation file. Anything else is returned as it is."""
    rel = iri.removeprefix(settings.base_iri)
    if rel.startswith("source/"):
        source_id, _, fragment = rel.removeprefix("source/").partition("#")
        text = settings.data_dir / "sources" / source_id / "text.txt"
        start, _, end = fragment.removeprefix("char=").partition(",")
        return f"{text}, characters {start}-{end}" if fragment.startswith("char=") else str(text)
    if rel.startswith("curation/"):
        return str(settings.data_dir / "curation" / f"{rel.removeprefix('curation/').partition('#')[0]}.ttl")
    return iri


def check(settings: Settings) -> tuple[Assembled, Graph, Graph, ValidationReport]:
    """Assemble, reason and validate; returns the inferred graph and the report (does not raise)."""
    assembled = assemble(settings)
    ontology = load_ontology(settings)
    shapes = load_shapes(settings)
    asserted = Graph()
    for graph in assembled.graphs.values():
        asserted += graph
    inferred = infer(asserted, ontology)
    report = validate(asserted + inferred, shapes, ontology)
    return assembled, ontology, inferred, report


def build(settings: Settings, *, if_stale: bool = False) -> BuildResult:
    """Build, validate and atomically publish; raises NotConformant (and publishes nothing) on violations."""
    if if_stale:
        fresh = _fresh_build(settings)
        if fresh is not None:
            return BuildResult(fresh, ValidationReport(True, Graph(), "unchanged"), 0, skipped=True)
    assembled, ontology, inferred, report = check(settings)
    if not report.conforms:
        raise NotConformant(
            "the graph does not conform to the shapes; nothing was published",
            report.summary(lambda iri: input_location(settings, iri)),
        )
    # Slugs minted by a valid build are kept even if publishing fails below: a slug is never reused.
    assembled.registry.save(settings.data_dir / REGISTRY_FILE)
    digest = input_digest(settings)
    build_dir = publish.new_build_dir(settings)
    try:
        dataset = _dataset(settings, assembled, ontology, inferred)
        started = datetime.now(UTC)
        _add_build_activity(dataset, settings, started, digest)
        _write_build(build_dir, dataset, assembled, settings, digest, started)
        store.prepare(build_dir)
        write_dumps(build_dir, dataset, Local(settings.base_iri))
        published = publish.swap_in(build_dir, settings)
    except BaseException:
        publish.discard(build_dir)
        raise
    return BuildResult(published, report, len(dataset))


def _fresh_build(settings: Settings) -> publish.Published | None:
    """The published build if it was made from exactly the current inputs and base IRI."""
    try:
        current = publish.current(settings)
        manifest = current.manifest()
    except (KgpubError, OSError, ValueError):
        return None
    if manifest.get("inputs") == input_digest(settings) and manifest.get("base_iri") == settings.base_iri:
        return current
    return None


def _dataset(settings: Settings, assembled: Assembled, ontology: Graph, inferred: Graph) -> Dataset:
    local = Local(settings.base_iri)
    dataset = Dataset()
    bind_prefixes(dataset, local)
    named = {
        **assembled.graphs,
        local.GRAPH["ontology"]: ontology,
        local.GRAPH["shapes"]: load_shapes(settings),
        local.GRAPH["inferred"]: inferred,
    }
    for iri, graph in named.items():
        target = dataset.graph(iri)
        for triple in graph:
            target.add(triple)
    return dataset


def _add_build_activity(dataset: Dataset, settings: Settings, started: datetime, digest: str) -> None:
    local = Local(settings.base_iri)
    graph = dataset.graph(local.GRAPH["build"])
    activity = local.ID[f"build/{started.strftime('%Y%m%dT%H%M%SZ')}"]
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, Literal(f"kgpub build {started.isoformat()}", lang="en")))
    graph.add((activity, PROV.endedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    software = URIRef(f"https://pypi.org/project/kgpub/{__version__}/")
    graph.add((activity, PROV.wasAssociatedWith, software))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"kgpub {__version__}")))
    graph.add((activity, DCTERMS.identifier, Literal(digest)))
    for iri in list(dataset.graphs()):
        if iri.identifier != local.GRAPH["build"] and isinstance(iri.identifier, URIRef):
            graph.add((iri.identifier, PROV.wasGeneratedBy, activity))


def _write_build(
    build_dir: Path,
    dataset: Dataset,
    assembled: Assembled,
    settings: Settings,
    digest: str,
    started: datetime,
) -> None:
    (build_dir / "sources").mkdir()
    for source in assembled.sources:
        assert source.path is not None
        shutil.copyfile(source.path, build_dir / "sources" / f"{source.meta.id}.txt")
    dataset.serialize(build_dir / publish.DATASET, format="trig", encoding="utf-8")
    manifest = {
        "build": build_dir.name,
        "created": started.isoformat(),
        "kgpub": __version__,
        "base_iri": settings.base_iri,
        "inputs": digest,
        "triples": len(dataset),
        "graphs": sorted(str(g.identifier) for g in dataset.graphs() if len(g)),
        "sources": [s.meta.id for s in assembled.sources],
    }
    (build_dir / publish.MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
