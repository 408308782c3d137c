"""``build(settings)``: the only orchestrator. Sources → extract → RDF → curation → reason → validate →
publish. Nothing is published unless the whole graph conforms; any failure leaves ``var/published``
as it was.

Write order: source texts, ``dataset.trig``, store, dumps, search index (``search.build_index``), then
``build.json`` (``publish.seal``, with every file's size and SHA-256) last, then the atomic swap. A
write error anywhere (a full disk) is a PublishError naming the file (exit 4): the folder is discarded
and nothing is published. The IRI
registry is staged next to itself and put in place only after the swap, so slugs minted by a build
that never publishes are not kept (no one has seen them). ``--if-stale`` rebuilds when the inputs
changed **or** the published build no longer matches its ``build.json`` (see :func:`staleness`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from . import (
    __version__,
    delta,
    documents,
    incremental,
    municipalities,
    publish,
    quads,
    search,
    store,
    versions,
)
from .config import Settings
from .curation import load_curation
from .duties import cofog_graph, duty_words
from .errors import KgpubError, NotConformant, NotFoundError, PublishError
from .export import dump_prefixes, write_dumps
from .iris import Registry, slugify
from .model import Extraction
from .namespaces import DCTERMS, PROV, Local
from .ontology import load_ontology, load_shapes
from .part_dumps import write_part_dumps
from .rdf import source_document_graph, source_graph
from .reason import infer
from .report import Fact, SourceReport, published_facts, source_report
from .sources import Source, load_sources
from .stages import Stages
from .subsets import without_schema
from .validate import ValidationReport, validate

REGISTRY_FILE = Path("registry") / "iris.tsv"
#: The registry a build will keep, written before the swap and renamed into place after it.
PENDING_SUFFIX = ".pending"


@dataclass(frozen=True)
class Assembled:
    """Everything a build has made before validation: named graphs by IRI, and the registry."""

    graphs: dict[URIRef, Graph]
    registry: Registry
    sources: list[Source]
    extractions: list[Extraction]
    reports: list[SourceReport] = field(default_factory=list)  # per source, for the build's output
    extracted: tuple[str, ...] = ()  # the sources extracted by this build (the others came from the cache)


@dataclass(frozen=True)
class BuildResult:
    published: publish.Published | None
    report: ValidationReport
    triples: int
    skipped: bool = False
    reason: str = ""  # why it was rebuilt (``if_stale``), or why not
    reports: tuple[SourceReport, ...] = ()
    reuse: str = ""  # what the build took from the published one (kgpub.delta), or why nothing


def input_digest(settings: Settings, contents: Mapping[Path, bytes] | None = None) -> str:
    """A digest of everything a build reads (data, ontology, shapes, code), to tell a stale build.

    ``contents`` stands in for files as they will be once the build is published (the registry it
    stages); staged and temporary files (``*.pending``, ``*.tmp``) are not inputs."""
    contents = contents or {}
    digest = hashlib.sha256(__version__.encode())
    roots = [settings.data_dir, settings.ontology_dir, settings.shapes_dir, Path(__file__).parent]
    for root in roots:
        found = {p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        found |= {p for p in contents if p.is_relative_to(root)}
        for path in sorted(found):
            if path.name.endswith((PENDING_SUFFIX, ".tmp")):
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(contents[path] if path in contents else path.read_bytes())
    for name in ("package.json", "LAST_UPDATED"):  # the municipality list is an input too
        listed = settings.municipalities_package / name
        digest.update(listed.read_bytes() if listed.is_file() else b"")
    return digest.hexdigest()


def assemble(settings: Settings) -> Assembled:
    """Read every input and make the asserted named graphs (no reasoning, no validation yet)."""
    local = Local(settings.base_iri)
    reference = municipalities.load_reference(settings.municipalities_package)
    sources = municipalities.resolve_sources(load_sources(settings.data_dir / "sources"), reference)
    registry = Registry.load(settings.data_dir / REGISTRY_FILE)
    graphs: dict[URIRef, Graph] = {
        local.GRAPH["curation"]: load_curation(settings.data_dir / "curation", local),
        local.GRAPH["municipalities"]: municipalities.municipalities_graph(
            reference,
            local,
            municipalities.display_languages(sources, reference),
            municipalities.given_names(sources),
            municipalities.named_municipalities(sources),
        ),
    }
    reports = []
    previous = _published_facts(settings)
    # the slow part, per source: from the cache when nothing it depends on changed, else in workers
    workers = incremental.workers_for(settings.extract_workers)
    extracted = incremental.extract_sources(
        sources, settings.data_dir / "curation", settings.var_dir, workers
    )
    extractions = extracted.extractions
    for source, extraction in zip(sources, extractions, strict=True):
        graph = source_graph(extraction, source.meta, local, registry)
        graph += source_document_graph(source.meta, local, settings.unknown_licence_rights)
        graph += municipalities.owner_graph(source.meta, local)
        graph_iri = local.GRAPH[f"source/{source.meta.id}"]
        graphs[graph_iri] = graph
        owner = local.ID[f"org/{slugify(source.meta.owner)}"]
        before = None if previous is None else previous.get(str(graph_iri), set())
        reports.append(source_report(source, extraction, graph, owner, settings.base_iri, before))
    # duty concepts → COFOG functions (duties.py): a graph of its own, made from every source's concepts
    words = duty_words(settings.ontology_dir)
    graphs[local.GRAPH["cofog"]] = cofog_graph(list(graphs.values()), words, local)
    return Assembled(graphs, registry, sources, extractions, reports, extracted.extracted)


def _published_facts(settings: Settings) -> dict[str, set[Fact]] | None:
    """The facts of the published build, per named graph (None when nothing is published)."""
    try:
        dataset = publish.current(settings).dataset_path
    except KgpubError:
        return None
    return published_facts(dataset, settings.base_iri)


def input_location(settings: Settings, iri: str) -> str:
    """The file (and character span) behind a provenance IRI, so that a validation report says
    which input to edit: ``source/<id>#char=a,b`` is a span of a source text, ``curation/<name>`` a
    curation file. Anything else is returned as it is."""
    rel = iri.removeprefix(settings.base_iri)
    if rel.startswith("source/"):
        source_id, _, fragment = rel.removeprefix("source/").partition("#")
        text = settings.data_dir / "sources" / source_id / "text.txt"
        if fragment == "meta":
            return str(text.with_name("meta.toml"))
        start, _, end = fragment.removeprefix("char=").partition(",")
        return f"{text}, characters {start}-{end}" if fragment.startswith("char=") else str(text)
    if rel.startswith("curation/"):
        return str(settings.data_dir / "curation" / f"{rel.removeprefix('curation/').partition('#')[0]}.ttl")
    return iri


def check(
    settings: Settings, stages: Stages | None = None
) -> tuple[Assembled, Graph, Graph, ValidationReport]:
    """Assemble, reason and validate; returns the inferred graph and the report (does not raise).
    ``stages`` records each stage's time and peak memory (``kgpub.build_bench``)."""
    stage = stages if stages is not None else Stages()
    with stage("extract"):
        assembled = assemble(settings)
    ontology = load_ontology(settings)
    shapes = load_shapes(settings)
    with stage("reason"):
        asserted = Graph()
        for graph in assembled.graphs.values():
            asserted += graph
        inferred = infer(asserted, ontology)
    with stage("validate"):
        asserted += inferred  # the graph validated; not used afterwards, so validated in place
        report = validate(asserted, shapes, ontology, in_place=True)
    return assembled, ontology, inferred, report


def build(
    settings: Settings,
    *,
    if_stale: bool = False,
    notify: Callable[[str], None] | None = None,
    stages: Stages | None = None,
) -> BuildResult:
    """Build, validate and atomically publish; raises NotConformant (and publishes nothing) on violations.

    With ``if_stale``, nothing is done when the published build is from the same inputs and intact;
    otherwise ``notify`` hears why it is rebuilt, before the (long) build starts."""
    reason = ""
    if if_stale:
        fresh, reason = staleness(settings)
        if fresh is not None:
            return BuildResult(fresh, ValidationReport(True, Graph(), "unchanged"), 0, True, reason)
        if notify is not None:
            notify(f"rebuilding: {reason}")
    stage = stages if stages is not None else Stages()
    assembled, ontology, inferred, report = check(settings, stage)
    if not report.conforms:
        raise NotConformant(
            "the graph does not conform to the shapes; nothing was published",
            report.summary(lambda iri: input_location(settings, iri)),
        )
    registry_path = settings.data_dir / REGISTRY_FILE
    pending = registry_path.with_name(registry_path.name + PENDING_SUFFIX)
    build_dir: Path | None = None
    try:
        with publish.writing(pending):
            assembled.registry.save(pending)
        digest = input_digest(settings, {registry_path: pending.read_bytes()})
        build_dir = publish.new_build_dir(settings)
        named = _named_graphs(settings, assembled, ontology, inferred)
        started = datetime.now(UTC)
        named[Local(settings.base_iri).GRAPH["build"]] = _build_activity(named, settings, started, digest)
        with stage("quads"):
            terms = quads.Converter(stable=True)  # its blank-node labels and converted terms: kept
            dataset = quads.quads_of(named, terms)  # every file is written from these (kgpub.quads)
        with stage("delta"):
            change, why = delta.against_published(settings, dataset)  # what may be reused from it
        _write_build(build_dir, dataset, named, assembled, settings, digest, started, stage, terms, change)
        published = publish.swap_in(build_dir, settings)
    except PublishError as exc:
        _abandon(build_dir, pending)
        raise PublishError(f"{exc}; nothing was published") from exc
    except BaseException:
        _abandon(build_dir, pending)
        raise
    # Only now, with the build published, are its new slugs kept: a build that never publishes mints
    # nothing anyone has seen. (A rename; if it fails, the next build mints the same slugs again.)
    with publish.writing(registry_path):
        os.replace(pending, registry_path)
    # A dated version (var/versions, versions.py): its dumps kept, and the IRIs it no longer has → 410.
    graphs = [*assembled.graphs.values(), ontology, inferred]
    try:
        with stage("versions"):
            versions.record(settings, published, versions.subject_iris(graphs, settings.base_iri))
    except PublishError as exc:
        raise PublishError(
            f"{exc}; the build {published.path.name} is published but not recorded as a version"
        ) from exc
    reuse = (
        f"{why}: the store and unchanged parts taken from the published build"
        if change
        else f"{why}: made anew"
    )
    return BuildResult(
        published, report, len(dataset), reason=reason, reports=tuple(assembled.reports), reuse=reuse
    )


def _abandon(build_dir: Path | None, pending: Path) -> None:
    if build_dir is not None:
        publish.discard(build_dir)
    pending.unlink(missing_ok=True)
    pending.with_name(pending.name + ".tmp").unlink(missing_ok=True)


def staleness(settings: Settings) -> tuple[publish.Published | None, str]:
    """``(published, "up to date: …")`` when the published build is from exactly the current inputs and
    base IRI and every file matches its ``build.json``; else ``(None, why a build is needed)``."""
    try:
        current = publish.current(settings)
    except NotFoundError:
        return None, "nothing is published yet"
    problems = publish.verify(current)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return None, f"the published build {current.path.name} is damaged: {problems[0]}{more}"
    try:
        manifest = current.manifest()
    except (KgpubError, OSError, ValueError) as exc:
        return None, f"the published build.json is unreadable ({exc})"
    if manifest.get("base_iri") != settings.base_iri:
        return None, f"the base IRI changed (published: {manifest.get('base_iri')})"
    if manifest.get("inputs") != input_digest(settings):
        return None, f"the inputs changed since build {current.path.name}"
    return current, f"up to date: {current.path.name} is from the current inputs and intact"


def _named_graphs(
    settings: Settings, assembled: Assembled, ontology: Graph, inferred: Graph
) -> dict[URIRef, Graph]:
    """Every named graph a build publishes, by IRI (the build's provenance graph is added last)."""
    local = Local(settings.base_iri)
    return {
        **assembled.graphs,
        local.GRAPH["ontology"]: ontology,
        local.GRAPH["shapes"]: load_shapes(settings),
        local.GRAPH["inferred"]: inferred,
    }


def _build_activity(
    named: Mapping[URIRef, Graph], settings: Settings, started: datetime, digest: str
) -> Graph:
    """The ``graph/build`` graph: the build as a ``prov:Activity`` that generated every other graph."""
    local = Local(settings.base_iri)
    graph = Graph()
    activity = local.ID[f"build/{started.strftime('%Y%m%dT%H%M%SZ')}"]
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, Literal(f"kgpub build {started.isoformat()}", lang="en")))
    graph.add((activity, PROV.endedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    software = URIRef(f"https://pypi.org/project/kgpub/{__version__}/")
    graph.add((activity, PROV.wasAssociatedWith, software))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"kgpub {__version__}")))
    graph.add((activity, DCTERMS.identifier, Literal(digest)))
    for iri, named_graph in named.items():
        if iri != local.GRAPH["build"] and len(named_graph):
            graph.add((iri, PROV.wasGeneratedBy, activity))
    return graph


def _write_build(
    build_dir: Path,
    dataset: list[ox.Quad],
    named: Mapping[URIRef, Graph],
    assembled: Assembled,
    settings: Settings,
    digest: str,
    started: datetime,
    stage: Stages,
    terms: quads.Converter | None = None,
    change: delta.Delta | None = None,
) -> None:
    """Write every file of the build, ``build.json`` (with their hashes) last; with ``change``, the
    files the published build already has for what did not change are taken from it."""
    with publish.writing(build_dir / "sources"):
        (build_dir / "sources").mkdir()
    for source in assembled.sources:
        assert source.path is not None
        with publish.writing(build_dir / "sources" / f"{source.meta.id}.txt") as target:
            shutil.copyfile(source.path, target)
    with (
        stage("dataset.trig"),
        publish.writing(build_dir / publish.DATASET) as target,
        target.open("wb") as out,
    ):
        quads.write_quads(dataset, out, dump_prefixes(Local(settings.base_iri)))
    with stage("store"), publish.writing(build_dir / "store"):  # RocksDB's own OSError on open names its file
        store.prepare(build_dir, settings.base_iri, change)
    local = Local(settings.base_iri)
    with stage("dumps"):
        write_dumps(build_dir, without_schema(dataset, local), local)  # data only
    with stage("part dumps"):
        # the schema documents, each municipality, each graph
        write_part_dumps(build_dir, named, local, terms=terms, change=change)
    with stage("search index"):
        search.build_index(build_dir, settings.base_iri)  # names → search.sqlite, hashed by seal
    with stage("documents"):
        documents.write(  # /doc without a query; with a delta, the unchanged documents kept
            build_dir,
            settings.base_iri,
            settings.max_result_rows,
            record_max=settings.documents_recorded_max,
            delta=change,
        )
    manifest = {
        "build": build_dir.name,
        "created": started.isoformat(),
        "kgpub": __version__,
        "code": delta.code_digest(),  # a later build reuses files of this one only if the code is the same
        "base_iri": settings.base_iri,
        "inputs": digest,
        "triples": len(dataset),
        "graphs": sorted(str(iri) for iri, graph in named.items() if len(graph)),
        "sources": [s.meta.id for s in assembled.sources],
    }
    with stage("seal"):
        publish.seal(build_dir, manifest, change.previous if change is not None else None)
