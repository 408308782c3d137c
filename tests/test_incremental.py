"""Incremental builds (``kgpub.incremental``): a page that changed is the only one extracted again, and
the build then publishes exactly what a full build from scratch publishes."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef

from kgpub.config import Settings
from kgpub.incremental import EXTRACTOR_CODE, PACKAGE, code_digest, source_key
from kgpub.pipeline import assemble, build
from kgpub.publish import current
from kgpub.sources import load_source
from kgpub.synthetic import write_corpus
from tests.conftest import copy_project
from tests.test_quads import _named, _same_graphs


def test_extractor_code_covers_every_module_the_extractor_imports() -> None:
    """A module the extractor imports but the cache key ignores would serve stale extractions."""
    script = (
        "import sys, kgpub.extract, kgpub.review, kgpub.incremental\n"
        "mods = [m for n, m in sys.modules.items() if n.startswith('kgpub')]\n"
        "print('\\n'.join(m.__file__ for m in mods if m.__file__))"
    )
    files = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    covered = [PACKAGE / name for name in EXTRACTOR_CODE]
    for line in files.stdout.split():
        path = Path(line)
        assert any(path == c or c in path.parents for c in covered), f"{path} is not in EXTRACTOR_CODE"


def test_the_key_changes_with_text_curation_and_rules(project_copy: Settings, tmp_path: Path) -> None:
    folder = project_copy.data_dir / "sources" / "kalajoki-hallintopalvelut"
    curation = project_copy.data_dir / "curation"
    before = source_key(load_source(folder), curation)
    assert source_key(load_source(folder), curation) == before  # stable
    (curation / "review-kalajoki-hallintopalvelut.ttl").write_text(
        "# nothing decided yet\n", encoding="utf-8"
    )
    after_curation = source_key(load_source(folder), curation)
    assert after_curation != before
    text = folder / "text.txt"
    text.write_bytes(text.read_bytes() + b"\nLis\xc3\xa4ys.\n")
    assert source_key(load_source(folder), curation) not in (before, after_curation)
    assert len(code_digest()) == 64


def _with_corpus(root: Path) -> Settings:
    settings = copy_project(root).with_(extract_workers=2)
    write_corpus(settings.data_dir / "sources", pages=4, seed=7)
    return settings


def _graphs(settings: Settings) -> dict[URIRef, Graph]:
    dataset = Dataset()
    dataset.parse(current(settings).dataset_path, format="trig")
    graphs = _named(dataset)
    graphs.pop(URIRef(settings.base_iri + "graph/build"))  # its time stamp and input digest differ
    return graphs


@pytest.mark.slow
def test_one_changed_page_is_extracted_again_and_the_build_equals_a_full_one(tmp_path: Path) -> None:
    settings = _with_corpus(tmp_path / "incremental")
    first = assemble(settings)
    assert sorted(first.extracted) == sorted(s.meta.id for s in first.sources)  # nothing cached yet
    build(settings)
    assert assemble(settings).extracted == ()  # every source from the cache
    page = next(s for s in first.sources if s.meta.id.endswith("-sivistystoimiala"))
    assert page.path is not None
    with page.path.open("a", encoding="utf-8") as f:
        f.write("Nuorisopalvelut vastaa nuorisotyöstä ja etsivästä nuorisotyöstä.\n")
    assert assemble(settings).extracted == (page.meta.id,)
    build(settings)

    fresh = _with_corpus(tmp_path / "full").with_(extract_workers=1)
    (fresh.data_dir / "sources" / page.meta.id / "text.txt").write_bytes(page.path.read_bytes())
    build(fresh)  # from scratch: no cache, one process
    incremental, full = _graphs(settings), _graphs(fresh)
    assert any(str(g).endswith(page.meta.id) for g in incremental)
    _same_graphs(incremental, full)
    # the store was the published one plus the delta, the parts of what did not change linked from it
    # (kgpub.delta): they must hold what a full build's do
    reused, made = current(settings).path, current(fresh).path
    assert _store_quads(reused) == _store_quads(made)
    previous = next(b for b in reused.parent.iterdir() if b.name < reused.name)  # the build before
    linked = [
        p.name for p in (reused / "dumps").iterdir() if p.stat().st_ino == _inode(previous / "dumps" / p.name)
    ]
    assert "graph-source-kalajoki-hallintopalvelut.trig" in linked  # another page's graph
    assert {"municipality-helsinki.ttl", "municipality-kalajoki.tree.jsonld"} <= set(linked)  # other towns
    assert f"graph-source-{page.meta.id}.trig" not in linked  # the page's own: new
    assert not any(n.startswith(f"municipality-{page.meta.id.split('-')[0]}.") for n in linked)  # its town's
    for name in sorted(
        p.name for p in (made / "dumps").iterdir() if p.name.startswith(("municipality-", "graph-"))
    ):
        if name != "graph-build.trig":  # its time stamps differ
            assert _dump_triples(reused / "dumps" / name) == _dump_triples(made / "dumps" / name), name


def _inode(path: Path) -> int:
    return path.stat().st_ino if path.exists() else -1


def _store_quads(build: Path) -> set[ox.Quad]:
    """The store's quads but the build's own provenance graph (its time stamps differ)."""
    opened = ox.Store.read_only(str(build / "store"))
    found = {q for q in opened if not str(q.graph_name.value).endswith("/graph/build")}
    del opened
    gc.collect()
    return found


def _dump_triples(path: Path) -> set[ox.Quad | ox.Triple]:
    fmt = {".ttl": ox.RdfFormat.TURTLE, ".jsonld": ox.RdfFormat.JSON_LD, ".trig": ox.RdfFormat.TRIG}[
        path.suffix
    ]
    return set(ox.parse(path=str(path), format=fmt))


@pytest.mark.slow
def test_worker_processes_extract_what_the_build_process_extracts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kgpub import incremental
    from kgpub.municipalities import load_reference, resolve_sources
    from kgpub.sources import load_sources

    write_corpus(tmp_path / "sources", pages=3, seed=3)
    settings = Settings()
    sources = resolve_sources(
        load_sources(tmp_path / "sources"), load_reference(settings.municipalities_package)
    )
    curation = tmp_path / "curation"
    serial = incremental.extract_sources(sources, curation, tmp_path / "var-serial", workers=1)
    monkeypatch.setattr(incremental, "MIN_PARALLEL", 2)
    parallel = incremental.extract_sources(sources, curation, tmp_path / "var-parallel", workers=2)
    assert parallel.extracted == serial.extracted == tuple(s.meta.id for s in sources)
    assert parallel.extractions == serial.extractions
    assert sum(len(e.heads) + len(e.bodies) for e in serial.extractions) > 10  # the pages say something
    cached = incremental.extract_sources(sources, curation, tmp_path / "var-parallel", workers=2)
    assert cached.extracted == () and cached.extractions == serial.extractions
