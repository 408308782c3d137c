"""``kgpub load``: publish the current build to the remote SPARQL engine, atomically for readers.

Readers (``RemoteStore``) query only the graphs the pointer graph ``urn:kgpub:published`` lists, so
a load can take its time without anyone seeing half of it:

1. **Clean up**: graphs left under ``urn:kgpub:staging:`` by an earlier load that failed are dropped.
2. **Stage**: every quad of the build (read from its local store, so duplicates are gone and blank
   nodes keep one identity) is uploaded under a staging graph ``urn:kgpub:staging:<build>:<n>`` —
   Graph Store Protocol POSTs of N-Quads to ``remote_store_url`` when set, else SPARQL Update
   ``INSERT DATA`` — in chunks of ``remote_load_chunk_triples``. Quads with a blank node travel in
   requests of ``remote_load_blank_triples`` that never split a group sharing a blank node: a blank
   node label means one node only within one request (:func:`blank_node_requests`).
3. **Check**: the triples of each staging graph are counted on the engine and compared with the
   build's; any difference stops the load (PublishError), the served build untouched.
4. **Switch**: *one* SPARQL Update request drops the served graphs the new build no longer has,
   ``MOVE``s each staging graph onto its real name and rewrites the pointer graph. Oxigraph runs an
   update request as one transaction ("either the full operation succeeds, or nothing is written"),
   so readers see the old build or the new one; an engine killed mid-load or mid-switch comes back
   with the old build served (and staging leftovers that step 1 of the next load removes).

Graph names in the engine are the build's own (``GRAPH ?g`` answers the same as the embedded store);
the build's default-graph triples, if any, go to ``urn:kgpub:default``, listed as a default graph only.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from time import monotonic
from typing import Any

import pyoxigraph as ox

from ..config import Settings
from ..errors import InputError, PublishError, Unavailable
from ..publish import Published
from .remote import (
    BUILD_PREDICATE,
    DEFAULT_GRAPH,
    DEFAULT_PREDICATE,
    GRAPH_PREDICATE,
    POINTER_GRAPH,
    RESULTS_JSON,
    STAGING_PREFIX,
    Engine,
    RemoteStore,
)
from .results import QueryResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadReport:
    """What a load did, and how long each step took."""

    build_id: str
    graphs: int
    triples: int
    requests: int
    upload_s: float
    switch_s: float
    dropped_leftovers: int


def load(
    published: Published, settings: Settings, *, progress: Callable[[str], None] = log.info
) -> LoadReport:
    """Load ``published`` into the remote engine and switch readers to it (see the module docstring)."""
    if not settings.remote_query_url or not settings.remote_update_url:
        raise InputError("kgpub load needs remote_query_url and remote_update_url (KGPUB_REMOTE_*_URL)")
    build_id = str(published.manifest().get("build") or published.path.name)
    engine = Engine(settings, timeout_s=settings.remote_load_timeout_s)
    reader = RemoteStore(settings, published.store_path, "http://kgpub.invalid/", build_id=build_id)
    try:
        old_named, old_default = _served(reader)
        leftovers = _staging_graphs(engine, settings)
        if leftovers:
            progress(f"dropping {len(leftovers)} graphs left by a failed load")
            _update(engine, settings, " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in leftovers))
        started = monotonic()
        counts, requests = _stage(published, build_id, engine, settings, progress)
        upload_s = monotonic() - started
        _check(engine, settings, build_id, counts)
        started = monotonic()
        _update(engine, settings, _switch(build_id, counts, old_named + old_default))
        switch_s = monotonic() - started
    finally:
        reader.close()
        engine.close()
    triples = sum(counts.values())
    progress(f"build {build_id}: {len(counts)} graphs, {triples} triples published")
    return LoadReport(build_id, len(counts), triples, requests, upload_s, switch_s, len(leftovers))


def staging_name(build_id: str, index: int) -> str:
    return f"{STAGING_PREFIX}{build_id}:{index}"


def _served(reader: RemoteStore) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The named and default-only graphs the engine serves now (none before the first load)."""
    try:
        _, default, named = reader.published()
    except Unavailable:
        return (), ()
    return named, tuple(g for g in default if g not in named)


def _staging_graphs(engine: Engine, settings: Settings) -> list[str]:
    sparql = (
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{STAGING_PREFIX}")) }}'
    )
    return [str(row["g"]) for row in _select(engine, settings, sparql)]


def _select(engine: Engine, settings: Settings, sparql: str) -> list[dict[str, Any]]:
    assert settings.remote_query_url is not None
    status, ctype, body = engine.post(
        settings.remote_query_url,
        timeout_s=settings.remote_load_timeout_s,
        accept=RESULTS_JSON,
        data={"query": sparql},
    )
    if status != 200 or ctype != RESULTS_JSON:
        raise PublishError(f"the engine refused a query of the load (HTTP {status}): {body[:300]!r}")
    return QueryResult("bindings", body, 0, "http://kgpub.invalid/").bindings()


def _update(engine: Engine, settings: Settings, update: str) -> None:
    assert settings.remote_update_url is not None
    status, _, body = engine.post(
        settings.remote_update_url, timeout_s=settings.remote_load_timeout_s, data={"update": update}
    )
    if status not in (200, 204):
        raise PublishError(f"the engine refused an update of the load (HTTP {status}): {body[:300]!r}")


def _stage(
    published: Published, build_id: str, engine: Engine, settings: Settings, progress: Callable[[str], None]
) -> tuple[dict[str, int], int]:
    """Upload every quad under its staging graph; the number of triples per real graph, requests made."""
    store = ox.Store.read_only(str(published.store_path))
    try:
        names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        staging = {name: ox.NamedNode(staging_name(build_id, i)) for i, name in enumerate(names)}
        default_staging = ox.NamedNode(staging_name(build_id, len(names)))
        counts: dict[str, int] = {}
        with_blanks: list[ox.Quad] = []
        requests = 0
        chunk: list[ox.Quad] = []
        for quad in store.quads_for_pattern(None, None, None, None):
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else DEFAULT_GRAPH
            target = staging.get(name, default_staging)
            counts[name] = counts.get(name, 0) + 1
            staged = ox.Quad(quad.subject, quad.predicate, quad.object, target)
            if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
                with_blanks.append(staged)
                continue
            chunk.append(staged)
            if len(chunk) >= settings.remote_load_chunk_triples:
                requests += _upload(engine, settings, chunk)
                progress(f"uploaded {sum(counts.values())} triples")
                chunk = []
        if chunk:
            requests += _upload(engine, settings, chunk)
        for group in blank_node_requests(with_blanks, settings.remote_load_blank_triples):
            requests += _upload(engine, settings, group)
    finally:
        del store
        gc.collect()  # pyoxigraph releases the store only when the object is freed
    return counts, requests


def blank_node_requests(quads: list[ox.Quad], size: int) -> Iterator[list[ox.Quad]]:
    """``quads`` (each with a blank node) in requests of about ``size`` triples, never splitting a
    group of quads linked by a shared blank node: a label means one node only within one request.

    Groups are the connected components of "shares a blank node" (union-find over the labels); they
    are packed whole, in the order first seen, so a group larger than ``size`` travels alone. Virtuoso
    needs this: one template of every blank-node quad of a real build (one ``oa:hasSelector`` node per
    claim) exceeds its "10000 lines of generated SQL" (measured, 81k-triple synthetic build)."""
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    def labels(quad: ox.Quad) -> list[str]:
        return [t.value for t in (quad.subject, quad.object) if isinstance(t, ox.BlankNode)]

    for quad in quads:
        first, *rest = labels(quad)
        for other in rest:
            parent[root(other)] = root(first)
    groups: dict[str, list[ox.Quad]] = {}
    for quad in quads:
        groups.setdefault(root(labels(quad)[0]), []).append(quad)
    batch: list[ox.Quad] = []
    for group in groups.values():
        if batch and len(batch) + len(group) > size:
            yield batch
            batch = []
        batch.extend(group)
    if batch:
        yield batch


def _upload(engine: Engine, settings: Settings, quads: list[ox.Quad]) -> int:
    if settings.remote_store_url:
        body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        status, _, answer = engine.post(
            settings.remote_store_url,
            timeout_s=settings.remote_load_timeout_s,
            content=body,
            content_type="application/n-quads",
            params={"no_transaction": ""},  # Oxigraph: staging needs no atomicity (3× faster, measured)
        )
        if status not in (200, 201, 204):
            raise PublishError(f"the engine refused an upload (HTTP {status}): {answer[:300]!r}")
        return 1
    if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads):
        _update(engine, settings, _insert_with_blank_nodes(quads))
    else:
        _update(engine, settings, "INSERT DATA {\n" + "\n".join(_graph_blocks(quads)) + "\n}")
    return 1


def _insert_with_blank_nodes(quads: list[ox.Quad]) -> str:
    """One update that inserts ``quads`` with one fresh node per blank-node label, on every engine.

    Virtuoso refuses blank nodes in ``INSERT DATA``, and its ``INSERT { … } WHERE {}`` fails when the
    template names two graphs by IRI ("string_output_string needs a string output", 7.2.5, measured);
    graph variables bound once in the WHERE clause work there and on Oxigraph: the template is
    instantiated once, so each label is one node across every graph of the request."""
    names = dict.fromkeys(str(q.graph_name) for q in quads)  # the order _graph_blocks writes them in
    binds = " ".join(f"BIND({name} AS ?g{index})" for index, name in enumerate(names))
    blocks = "\n".join(_graph_blocks(quads, variables=True))
    return "INSERT {\n" + blocks + "\n} WHERE { " + binds + " }"


#: Triples per ``GRAPH { }`` block of an update: Virtuoso's SPARQL parser runs out of stack ("memory
#: exhausted") at ~5,000 triples in one block, while 10 blocks of 2,000 in one request load (measured).
_BLOCK_TRIPLES = 2000


def _graph_blocks(quads: list[ox.Quad], *, variables: bool = False) -> Iterator[str]:
    """``GRAPH <g> { triples }`` per graph, in first-seen order; ``GRAPH ?g0 …`` with ``variables``."""
    by_graph: dict[str, list[ox.Triple]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(
            ox.Triple(quad.subject, quad.predicate, quad.object)
        )
    for index, (graph, triples) in enumerate(by_graph.items()):
        for start in range(0, len(triples), _BLOCK_TRIPLES):
            part = triples[start : start + _BLOCK_TRIPLES]
            text = (ox.serialize(part, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            yield f"GRAPH {f'?g{index}' if variables else graph} {{\n{text}}}"


def _check(engine: Engine, settings: Settings, build_id: str, counts: dict[str, int]) -> None:
    """Every staging graph holds exactly the build's triples (else PublishError, nothing switched)."""
    prefix = staging_name(build_id, 0)[:-1]
    sparql = (
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }} GROUP BY ?g'
    )
    remote = {str(row["g"]): int(row["n"]) for row in _select(engine, settings, sparql)}
    names = sorted(n for n in counts if n != DEFAULT_GRAPH)
    expected = {staging_name(build_id, i): counts[n] for i, n in enumerate(names)}
    if DEFAULT_GRAPH in counts:
        expected[staging_name(build_id, len(names))] = counts[DEFAULT_GRAPH]
    if remote != expected:
        wrong = sorted(g for g in expected.keys() | remote.keys() if remote.get(g) != expected.get(g))
        raise PublishError(
            f"the engine holds other triple counts than build {build_id} in {len(wrong)} staging graphs "
            f"(e.g. {wrong[0]}: {remote.get(wrong[0], 0)} ≠ {expected.get(wrong[0], 0)}); nothing switched"
        )


def _switch(build_id: str, counts: dict[str, int], old: tuple[str, ...]) -> str:
    """One update: old graphs out, staging graphs onto their names, the pointer rewritten."""
    names = sorted(n for n in counts if n != DEFAULT_GRAPH)
    new = set(names) | ({DEFAULT_GRAPH} & counts.keys())
    ops = [f"DROP SILENT GRAPH <{g}>" for g in old if g not in new]
    ops += [f"MOVE SILENT GRAPH <{staging_name(build_id, i)}> TO GRAPH <{n}>" for i, n in enumerate(names)]
    if DEFAULT_GRAPH in counts:
        ops.append(f"MOVE SILENT GRAPH <{staging_name(build_id, len(names))}> TO GRAPH <{DEFAULT_GRAPH}>")
    pointer = [f'<{POINTER_GRAPH}> <{BUILD_PREDICATE}> "{build_id}" .']
    pointer += [f"<{POINTER_GRAPH}> <{GRAPH_PREDICATE}> <{n}> ." for n in names]
    if DEFAULT_GRAPH in counts:
        pointer.append(f"<{POINTER_GRAPH}> <{DEFAULT_PREDICATE}> <{DEFAULT_GRAPH}> .")
    ops.append(f"DROP SILENT GRAPH <{POINTER_GRAPH}>")
    ops.append(f"INSERT DATA {{ GRAPH <{POINTER_GRAPH}> {{\n" + "\n".join(pointer) + "\n} }")
    return " ;\n".join(ops)
