"""``store.prepare`` with a delta (kgpub.delta): the published store copied, the delta applied — the
store must hold exactly what loading the new ``dataset.trig`` would, and the published store must be
left as it was (its files are sealed in ``build.json``)."""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox

from kgpub import publish, store
from kgpub.delta import Delta

BASE = "http://127.0.0.1:5000/"
G = ox.NamedNode(BASE + "graph/source/a")
S = ox.NamedNode(BASE + "id/org/a")
XSD = "http://www.w3.org/2001/XMLSchema#"


def _q(p: str, o: ox.NamedNode | ox.Literal | ox.BlankNode, s: ox.NamedNode | ox.BlankNode = S) -> ox.Quad:
    return ox.Quad(s, ox.NamedNode(BASE + p), o, G)


def _build(folder: Path, quads: list[ox.Quad]) -> Path:
    folder.mkdir(parents=True)
    with (folder / publish.DATASET).open("wb") as out:
        ox.serialize(quads, out, ox.RdfFormat.TRIG)
    return folder


def _quads(build: Path) -> set[ox.Quad]:
    opened = ox.Store.read_only(str(build / "store"))
    found = set(opened)
    del opened
    gc.collect()
    return found


def test_a_store_made_from_the_published_one_and_a_delta_is_the_store_of_the_new_dataset(
    tmp_path: Path,
) -> None:
    selector = ox.BlankNode("b0123")
    kept = [
        _q("name", ox.Literal("A", language="fi")),
        _q("start", ox.Literal("3", datatype=ox.NamedNode(XSD + "nonNegativeInteger")), selector),
        _q("sel", selector),
        _q("score", ox.Literal("1.5", datatype=ox.NamedNode(XSD + "decimal"))),
    ]
    gone = [
        _q("name", ox.Literal("B", language="fi")),
        # another spelling of an unchanged value: removing it from a store removes the value
        _q("score", ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal"))),
    ]
    new = [_q("name", ox.Literal("C", language="fi")), _q("kind", ox.NamedNode(BASE + "id/kind/x"))]
    old_build = _build(tmp_path / "old", kept + gone)
    store.prepare(old_build, BASE)
    sealed = {
        p.name: p.read_bytes() for p in (old_build / "store").iterdir() if p.is_file() and p.name != "LOCK"
    }

    new_build = _build(tmp_path / "new", kept + new)
    delta = Delta(old_build, frozenset(new), frozenset(gone), frozenset([kept[3]]))
    store.prepare(new_build, BASE, delta)
    loaded = _build(tmp_path / "loaded", kept + new)
    store.prepare(loaded, BASE)

    assert _quads(new_build) == _quads(loaded)
    assert len(_quads(new_build)) == len(kept) + len(new)
    after = {
        p.name: p.read_bytes() for p in (old_build / "store").iterdir() if p.is_file() and p.name != "LOCK"
    }
    assert {n: b for n, b in after.items() if not n.startswith("LOG")} == {
        n: b for n, b in sealed.items() if not n.startswith("LOG")
    }
    again = _build(tmp_path / "again", kept + gone)
    store.prepare(again, BASE)
    assert _quads(old_build) == _quads(again)
