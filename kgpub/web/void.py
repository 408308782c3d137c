"""The dataset described for harvesters: VoID statistics and a DCAT(-AP) catalogue entry.

:func:`statistics` asks the store (once per build; the caller memoises it); :func:`void_graph` is pure.
IRIs: the dataset is ``<base>dataset#dataset`` (also the ``dcat:Dataset``), its catalogue
``<base>dataset#catalog``, the SPARQL service ``<base>dataset#sparql``, one distribution per dump
``<base>dataset#dump-<name>``. Download and endpoint URLs are the *public* addresses (where a harvester
can fetch them). Triple counts are of distinct triples over all named graphs; the ``void:subset`` per
named graph counts that graph's own triples.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, VOID, XSD

from ..namespaces import Local, bind_prefixes
from ..versions import Version
from .describe import Queryable

#: DCAT 3 terms rdflib's (DCAT 2) closed namespace lacks: versions.
DCAT3 = Namespace("http://www.w3.org/ns/dcat#")
SOURCES_RIGHTS = (
    "The dataset's licence covers the facts kgpub extracted and their description. The source texts are "
    "the publishers' own: each keeps its publisher's terms (dct:license or dct:rights of each source "
    "under /source/); a text whose licence is unknown is kept only as the evidence of its facts."
)

IANA = "http://www.iana.org/assignments/media-types/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
FILE_TYPES = {
    "text/turtle": "RDF_TURTLE",
    "application/n-triples": "RDF_N_TRIPLES",
    "application/trig": "RDF_TRIG",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "RDF_N_QUADS",
}
TITLE = "Organisations of Finnish municipalities (kgpub)"
DESCRIPTION = (
    "Municipal bodies, their units, posts, heads, duties and sites as W3C ORG linked data, extracted "
    "from the municipalities' own web pages; every extracted fact is a claim with the character span "
    "(RFC 5147) of the source sentence that states it."
)


@dataclass(frozen=True)
class DumpFile:
    """A file of ``dumps/``; ``scope`` says what it holds: the whole data (``dataset``), a schema
    document (``schema``), a municipality's part (``municipality``, ``tree``) or a named graph
    (``graph``) — ``about`` is then that municipality's or graph's IRI (see ``kgpub.part_dumps``)."""

    name: str
    media_type: str
    encoding: str | None
    size: int
    scope: str = "dataset"
    about: str | None = None
    title: str | None = None

    @classmethod
    def listed(cls, entry: dict[str, Any], size: int) -> DumpFile:
        """A dump as ``dumps/dumps.json`` lists it (``size``: the file's, as it is now)."""
        about, title = entry.get("about"), entry.get("title")
        return cls(
            str(entry["name"]),
            str(entry["media_type"]),
            entry.get("encoding"),
            size,
            str(entry.get("scope") or "dataset"),
            str(about) if about else None,
            str(title) if title else None,
        )


@dataclass
class Statistics:
    triples: int = 0
    entities: int = 0
    distinct_subjects: int = 0
    classes: list[tuple[str, int]] = field(default_factory=list)
    properties: list[tuple[str, int]] = field(default_factory=list)
    graphs: list[tuple[str, int]] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    licences: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)

    @property
    def vocabularies(self) -> list[str]:
        found = {namespace(iri) for iri, _ in (*self.classes, *self.properties)}
        return sorted(found)


def namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else iri


def _count(store: Queryable, sparql: str) -> int:
    rows = store.query(sparql).bindings()
    return int(str(rows[0]["n"])) if rows else 0


def _pairs(store: Queryable, sparql: str, key: str) -> list[tuple[str, int]]:
    rows = store.query(sparql).bindings()
    return sorted(((str(r[key]), int(str(r["n"]))) for r in rows), key=lambda kv: (-kv[1], kv[0]))


def _column(store: Queryable, sparql: str, key: str) -> list[str]:
    return sorted({str(r[key]) for r in store.query(sparql).bindings() if key in r})


def statistics(store: Queryable, base: str, limit: int = 2000) -> Statistics:
    """Counts for VoID, and the facts DCAT needs (build activity, licences, sources, top bodies)."""
    local = Local(base)
    distinct = "{ SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    return Statistics(
        triples=_count(store, f"SELECT (COUNT(*) AS ?n) WHERE {distinct}"),
        entities=_count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c . FILTER(isIRI(?s)) }"),
        distinct_subjects=_count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        classes=_pairs(
            store,
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c "
            f"ORDER BY DESC(?n) LIMIT {limit}",
            "c",
        ),
        properties=_pairs(
            store,
            f"SELECT ?p (COUNT(*) AS ?n) WHERE {distinct} GROUP BY ?p ORDER BY DESC(?n) LIMIT {limit}",
            "p",
        ),
        graphs=_pairs(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "g"),
        activities=_column(
            store,
            f"SELECT ?a WHERE {{ GRAPH <{local.GRAPH['build']}> {{ ?a a <{PROV.Activity}> }} }} LIMIT 10",
            "a",
        ),
        licences=_column(
            store,
            f"SELECT DISTINCT ?l WHERE {{ ?s <{DCTERMS.license}> ?l . ?s a <{FOAF.Document}> }} LIMIT 50",
            "l",
        ),
        sources=_column(
            store,
            f"SELECT DISTINCT ?s WHERE {{ ?s a <{FOAF.Document}> . "
            f'FILTER(STRSTARTS(STR(?s), "{base}source/")) }} LIMIT {limit}',
            "s",
        ),
        roots=_column(
            store,
            "SELECT DISTINCT ?o WHERE { ?o a <http://www.w3.org/ns/org#FormalOrganization> . "
            f'FILTER(STRSTARTS(STR(?o), "{base}")) }} LIMIT 100',
            "o",
        ),
    )


def void_graph(
    stats: Statistics,
    dumps: list[DumpFile],
    *,
    base: str,
    root: str,
    modified: datetime,
    publisher_name: str = "kgpub",
    licence: str | None = None,
    versions: Sequence[Version] = (),
) -> Graph:
    """VoID + DCAT: the catalogue, the dataset with its partitions, its dumps and its SPARQL service;
    ``licence`` (``Settings.dataset_licence``) as its ``dct:license``, and every dated version
    (``kgpub.versions``, newest first) as a ``dcat:hasVersion`` with its ``dct:issued`` and kept dumps."""
    g = bind_prefixes(Graph(), Local(base))
    ds, catalog, service = (
        URIRef(base + "dataset#dataset"),
        URIRef(base + "dataset#catalog"),
        URIRef(base + "dataset#sparql"),
    )
    publisher = URIRef(base + "dataset#publisher")
    when = Literal(modified.isoformat(), datatype=XSD.dateTime)
    add = g.add
    add((catalog, RDF.type, DCAT.Catalog))
    add((catalog, DCTERMS.title, Literal("kgpub catalogue", lang="en")))
    add((catalog, DCTERMS.description, Literal("The datasets this kgpub server publishes.", lang="en")))
    add((catalog, DCTERMS.publisher, publisher))
    add((catalog, DCAT.dataset, ds))
    add((catalog, DCAT.service, service))
    add((catalog, DCTERMS.modified, when))
    add((publisher, RDF.type, FOAF.Agent))
    add((publisher, FOAF.name, Literal(publisher_name)))
    for t in (VOID.Dataset, DCAT.Dataset):
        add((ds, RDF.type, t))
    add((ds, DCTERMS.title, Literal(TITLE, lang="en")))
    add((ds, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    add((ds, DCTERMS.publisher, publisher))
    add((ds, DCTERMS.modified, when))
    add((ds, FOAF.homepage, URIRef(root)))
    add((ds, DCAT.landingPage, URIRef(root)))
    for word in ("organisations", "municipalities", "Finland", "public administration", "W3C ORG"):
        add((ds, DCAT.keyword, Literal(word, lang="en")))
    add((ds, VOID.uriSpace, Literal(base + "id/")))
    add((ds, VOID.sparqlEndpoint, URIRef(root + "sparql")))
    if licence is None:
        _licence(g, ds, stats)
    else:
        add((ds, DCTERMS.license, URIRef(licence)))
        add((ds, DCTERMS.rights, Literal(SOURCES_RIGHTS, lang="en")))
    _versions(g, ds, versions, base, root, licence)
    _statistics(g, ds, stats)
    for activity in stats.activities:
        add((ds, PROV.wasGeneratedBy, URIRef(activity)))
    for src in stats.sources:
        add((ds, DCTERMS.source, URIRef(src)))
    for top in stats.roots:
        add((ds, VOID.rootResource, URIRef(top)))
    if stats.roots:
        add((ds, VOID.exampleResource, URIRef(stats.roots[0])))
    add((service, RDF.type, DCAT.DataService))
    add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint (read-only)", lang="en")))
    add((service, DCAT.endpointURL, URIRef(root + "sparql")))
    add((service, DCAT.endpointDescription, URIRef(root + "sparql")))
    add((service, DCTERMS.conformsTo, URIRef("http://www.w3.org/TR/sparql11-protocol/")))
    add((service, DCAT.servesDataset, ds))
    add((ds, DCAT.distribution, service_distribution(g, ds, service, base, root)))
    for dump in dumps:
        _dump(g, ds, dump, base, root, stats)
        if licence is not None:
            g.set((URIRef(base + "dataset#dump-" + dump.name), DCTERMS.license, URIRef(licence)))
    return g


def _versions(
    g: Graph, ds: URIRef, versions: Sequence[Version], base: str, root: str, licence: str | None
) -> None:
    """One ``dcat:Dataset`` per dated version (``<base>versions/<id>``), the newest the current one,
    each the ``dcat:previousVersion`` of the next; distributions for the dumps still kept."""
    add = g.add
    newer: URIRef | None = None
    for n, version in enumerate(versions):
        iri = URIRef(f"{base}versions/{version.id}")
        add((ds, DCAT3.hasVersion, iri))
        if n == 0:
            add((ds, DCAT3.hasCurrentVersion, iri))
            add((ds, DCAT3.version, Literal(version.id)))
        add((iri, RDF.type, DCAT.Dataset))
        add((iri, DCAT3.isVersionOf, ds))
        add((iri, DCAT3.version, Literal(version.id)))
        add((iri, DCTERMS.title, Literal(f"{TITLE}, version of {version.date}", lang="en")))
        add((iri, DCTERMS.issued, Literal(version.issued.isoformat(), datatype=XSD.dateTime)))
        add((iri, DCAT.landingPage, URIRef(f"{root}versions/{version.id}")))
        add((iri, VOID.triples, Literal(version.triples)))
        if licence is not None:
            add((iri, DCTERMS.license, URIRef(licence)))
        if newer is not None:
            add((newer, DCAT3.previousVersion, iri))
        newer = iri
        for dump in version.dumps:
            url = URIRef(f"{root}versions/{version.id}/dumps/{dump.name}")
            dist = URIRef(f"{base}versions/{version.id}#dump-{dump.name}")
            add((iri, DCAT.distribution, dist))
            add((iri, VOID.dataDump, url))
            add((dist, RDF.type, DCAT.Distribution))
            add((dist, DCAT.downloadURL, url))
            add((dist, DCAT.mediaType, URIRef(IANA + dump.media_type)))
            add((dist, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
            if dump.encoding == "gzip":
                add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
            if licence is not None:
                add((dist, DCTERMS.license, URIRef(licence)))


def service_distribution(g: Graph, ds: URIRef, service: URIRef, base: str, root: str) -> URIRef:
    dist = URIRef(base + "dataset#sparql-access")
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCTERMS.title, Literal("SPARQL endpoint", lang="en")))
    g.add((dist, DCAT.accessURL, URIRef(root + "sparql")))
    g.add((dist, DCAT.accessService, service))
    return dist


def _licence(g: Graph, ds: URIRef, stats: Statistics) -> None:
    if len(stats.licences) == 1:
        g.add((ds, DCTERMS.license, URIRef(stats.licences[0])))
        return
    g.add(
        (
            ds,
            DCTERMS.rights,
            Literal(
                "Facts are extracted from public web pages of the municipalities; each source text keeps "
                "its publisher's terms (see dct:license / dct:rights of each source under /source/).",
                lang="en",
            ),
        )
    )


def _statistics(g: Graph, ds: URIRef, stats: Statistics) -> None:
    add = g.add
    add((ds, VOID.triples, Literal(stats.triples)))
    add((ds, VOID.entities, Literal(stats.entities)))
    add((ds, VOID.distinctSubjects, Literal(stats.distinct_subjects)))
    add((ds, VOID.classes, Literal(len(stats.classes))))
    add((ds, VOID.properties, Literal(len(stats.properties))))
    for vocab in stats.vocabularies:
        add((ds, VOID.vocabulary, URIRef(vocab)))
    for cls, n in stats.classes:
        part = BNode()
        add((ds, VOID.classPartition, part))
        add((part, VOID["class"], URIRef(cls)))
        add((part, VOID.entities, Literal(n)))
    for prop, n in stats.properties:
        part = BNode()
        add((ds, VOID.propertyPartition, part))
        add((part, VOID.property, URIRef(prop)))
        add((part, VOID.triples, Literal(n)))
    for graph_iri, n in stats.graphs:
        subset = graph_subset(ds, graph_iri)
        add((ds, VOID.subset, subset))
        add((subset, RDF.type, VOID.Dataset))
        add((subset, URIRef("http://www.w3.org/ns/sparql-service-description#name"), URIRef(graph_iri)))
        add((subset, VOID.triples, Literal(n)))


def graph_subset(ds: URIRef, graph_iri: str) -> URIRef:
    """The ``void:subset`` of one named graph: ``<base>dataset#graph/<name>``."""
    document = str(ds).split("#", 1)[0]  # <base>dataset
    return URIRef(f"{document}#{graph_iri.removeprefix(document.removesuffix('dataset'))}")


def _part(g: Graph, ds: URIRef, dump: DumpFile) -> URIRef:
    """The dataset a part dump is a dump of: a municipality's or a named graph's ``void:subset``, the
    dataset itself for the full dumps (schema documents: what the dataset conforms to)."""
    if dump.about is None or dump.scope not in ("municipality", "tree", "graph"):
        return ds
    if dump.scope == "graph":
        subset = graph_subset(ds, dump.about)
    else:
        subset = URIRef(f"{ds.split('#', 1)[0]}#municipality-{dump.about.rstrip('/').rsplit('/', 1)[-1]}")
        g.add((subset, DCTERMS.spatial, URIRef(dump.about)))
        g.add((subset, FOAF.primaryTopic, URIRef(dump.about)))
        g.add(
            (
                subset,
                DCTERMS.title,
                Literal(f"The organisation of {dump.about.rsplit('/', 1)[-1]}", lang="en"),
            )
        )
    g.add((ds, VOID.subset, subset))
    g.add((subset, RDF.type, VOID.Dataset))
    g.add((subset, RDF.type, DCAT.Dataset))
    return subset


def _dump(g: Graph, ds: URIRef, dump: DumpFile, base: str, root: str, stats: Statistics) -> None:
    url = URIRef(root + "dumps/" + dump.name)
    dist = URIRef(base + "dataset#dump-" + dump.name)
    add = g.add
    owner = _part(g, ds, dump)
    if dump.scope == "schema":
        add((ds, DCTERMS.conformsTo, url))  # the ontology and the shapes: not data, but its terms
    elif dump.scope != "tree":
        add((owner, VOID.dataDump, url))
    add((owner, DCAT.distribution, dist))
    add((dist, RDF.type, DCAT.Distribution))
    add((dist, DCTERMS.title, Literal(dump.title or f"Full dump: {dump.name}", lang="en")))
    add((dist, DCAT.downloadURL, url))
    add((dist, DCAT.accessURL, url))
    add((dist, DCAT.mediaType, URIRef(IANA + dump.media_type)))
    add((dist, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
    if dump.media_type in FILE_TYPES:
        add((dist, DCTERMS["format"], URIRef(EU_FILE_TYPE + FILE_TYPES[dump.media_type])))
    if dump.encoding == "gzip":
        add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
    if len(stats.licences) == 1:
        add((dist, DCTERMS.license, URIRef(stats.licences[0])))


def summary(stats: Statistics) -> dict[str, Any]:
    """What the HTML dataset page shows besides the graph."""
    return {
        "triples": stats.triples,
        "entities": stats.entities,
        "classes": stats.classes[:40],
        "properties": stats.properties[:60],
        "graphs": stats.graphs,
        "vocabularies": stats.vocabularies,
        "activities": stats.activities,
        "licences": stats.licences,
        "sources": stats.sources,
    }
