"""An incremental build keeps the published build's recorded documents whose answers cannot have
changed (``kgpub.documents``, module doc) — and the ``documents.sqlite`` it writes is the one a full
recording of the same store writes: every row, every answer, every key it watches.

One project is built, then changed the ways pages and curation change (a sentence adding a duty, a
head renamed, a body's sentences removed, a curation file renaming a body and adding one under the
municipality), and built again after each change. After each build, ``documents.write`` of the new
store with the delta from the build before (whose file the pipeline wrote, itself incremental from
the second change on) and the published file are compared with ``documents.write`` of the same
store with no delta. Then, on small hand-made graphs, each kind of key the rule watches is shown to
be needed: a case a rule without it would leave stale, and what exactly each change records again.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kgpub import documents, publish
from kgpub.config import Settings
from kgpub.delta import Delta
from kgpub.pipeline import build
from kgpub.synthetic import write_corpus
from tests.conftest import copy_project

DUTY = "Nuorisopalvelut vastaa nuorisotyöstä ja etsivästä nuorisotyöstä.\n"
HEAD = re.compile(r"^(\S+ johtaa \w+) ([A-ZÅÄÖ]\w+ [A-ZÅÄÖ][\w-]+)\.$", re.MULTILINE)
CURATED_BODY = """
<id/org/kalajoki-tarkastuslautakunta> a org:Organization, cpov:PublicOrganisation ;
    skos:prefLabel "tarkastuslautakunta"@fi, "revisionsnämnden"@sv, "Audit Committee"@en ;
    org:classification kind:board ;
    org:subOrganizationOf <id/org/kalajoki> .
"""


def _rows(path: Path) -> dict[str, Any]:
    """Every table of a ``documents.sqlite``, answers unpacked (N-Triples, JSON: as the engine wrote them)."""
    db = sqlite3.connect(path)
    try:
        docs = {}
        for rest, thing, answers, hashes, watched in db.execute("SELECT * FROM documents"):
            unpacked = json.loads(zlib.decompress(answers))
            keys = None if watched is None else documents.unpack_keys(watched)
            docs[rest] = (thing, unpacked, json.loads(hashes), keys)
        return {
            "meta": sorted(db.execute("SELECT * FROM meta")),
            "iris": sorted(db.execute("SELECT * FROM iris")),
            "documents": docs,
        }
    finally:
        db.close()


def _write(build_dir: Path, settings: Settings, scratch: Path, delta: Delta | None) -> dict[str, Any]:
    """``documents.write`` of ``build_dir``'s store with ``delta`` (into ``scratch``)."""
    scratch.mkdir()
    (scratch / "store").symlink_to(build_dir / "store")
    documents.write(scratch, settings.base_iri, settings.max_result_rows, processes=1, delta=delta)
    return _rows(scratch / documents.FILE)


def _delta(previous: Path, current: Path) -> Delta:
    """The quads ``current`` adds to and removes from ``previous`` (as ``delta.against_published``)."""
    before, after = (
        set(ox.parse(path=str(b / publish.DATASET), format=ox.RdfFormat.TRIG)) for b in (previous, current)
    )
    return Delta(previous, frozenset(after - before), frozenset(before - after))


def _page(settings: Settings, suffix: str) -> Path:
    return next(p for p in sorted((settings.data_dir / "sources").glob(f"*{suffix}/text.txt")))


def _add_duty(settings: Settings) -> None:
    with _page(settings, "-sivistystoimiala").open("a", encoding="utf-8") as f:
        f.write(DUTY)


def _rename_head(settings: Settings) -> None:
    page = _page(settings, "-perusturvatoimiala")
    text = page.read_text(encoding="utf-8")
    assert HEAD.search(text), "the page names a head"
    page.write_text(HEAD.sub(r"\1 Maija Meikäläinen.", text, count=1), encoding="utf-8")


def _remove_body_sentences(settings: Settings) -> None:
    page = _page(settings, "-ymparistotoimiala")
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    said = [i for i, line in enumerate(lines) if " huolehtii " in line or " sijaitsee " in line]
    assert len(said) >= 2, "the page states duties and sites"
    page.write_text("".join(line for i, line in enumerate(lines) if i not in said[-2:]), encoding="utf-8")


def _change_curation(settings: Settings) -> None:
    curation = settings.data_dir / "curation" / "kalajoki.ttl"
    text = curation.read_text(encoding="utf-8")
    assert '"City Board"@en' in text
    curation.write_text(text.replace('"City Board"@en', '"Town Board"@en') + CURATED_BODY, encoding="utf-8")


CHANGES: list[tuple[str, Callable[[Settings], None]]] = [
    ("a sentence adds a duty", _add_duty),
    ("a head renamed", _rename_head),
    ("a body's duty and site sentences removed", _remove_body_sentences),
    ("curation renames a body and adds one under the municipality", _change_curation),
]


def _kept(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    found = [re.search(r"documents: (\d+) of (\d+) kept", r.getMessage()) for r in caplog.records]
    last = [m for m in found if m][-1]
    return int(last[1]), int(last[2])


def test_incremental_documents_equal_a_full_recording(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = copy_project(tmp_path / "project").with_(extract_workers=1)
    write_corpus(settings.data_dir / "sources", pages=4, seed=7)
    build(settings)
    caplog.set_level(logging.INFO, logger="kgpub.documents")
    for step, (what, change) in enumerate(CHANGES):
        before = publish.current(settings).path
        change(settings)
        build(settings)
        after = publish.current(settings).path
        assert after != before
        full = _write(after, settings, tmp_path / f"full-{step}", None)
        caplog.clear()
        incremental = _write(after, settings, tmp_path / f"incremental-{step}", _delta(before, after))
        kept, total = _kept(caplog)
        assert 0 < kept < total, f"{what}: {kept} of {total} documents kept"
        for name, found in (("incremental", incremental), ("published", _rows(after / documents.FILE))):
            assert found["meta"] == full["meta"]
            assert found["iris"] == full["iris"], f"{what}: {name}"
            assert sorted(found["documents"]) == sorted(full["documents"]), f"{what}: {name}"
            differ = [rest for rest, row in full["documents"].items() if found["documents"][rest] != row]
            assert differ == [], (
                f"{what}: {len(differ)} {name} documents differ from a full recording: {differ[:5]}"
            )


BASE = "http://example.org/"
PREFIXES = f"""@prefix : <{BASE}id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix ex: <http://example.com/vocab#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""
#: A municipality, a chain of bodies under it (a - b - c - d), a sibling, a kind many bodies share,
#: a blank node two levels down in one body's description.
BEFORE = """
:m a org:Organization ; skos:prefLabel "M"@fi ; dct:language "fi" .
:a a org:Organization ; skos:prefLabel "A"@fi ; org:subOrganizationOf :m ;
    org:transitiveSubOrganizationOf :m ; org:classification :kind .
:b a org:Organization ; skos:prefLabel "B"@fi ; org:subOrganizationOf :a ; org:classification :kind ;
    org:transitiveSubOrganizationOf :a, :m ; ex:note "plain" ; org:hasSite :b-site .
:c a org:Organization ; skos:prefLabel "C"@fi ; org:subOrganizationOf :b ; org:classification :kind ;
    org:transitiveSubOrganizationOf :b, :a, :m ; ex:detail _:d1 .
_:d1 ex:inner _:d2 .
_:d2 ex:value "deep" .
:d a org:Organization ; skos:prefLabel "D"@fi ; org:subOrganizationOf :c .
:s a org:Organization ; skos:prefLabel "S"@fi ; org:subOrganizationOf :a ; org:classification :kind .
:kind skos:prefLabel "kind"@en .
:p ex:knows :b .
"""

CLAIM = """
:claim rdf:subject :b ; rdf:predicate ex:note ; rdf:object "plain" ;
    prov:wasDerivedFrom <http://example.org/source/s#char=1,9> .
<http://example.org/source/s#char=1,9> oa:hasSource <http://example.org/source/s> ; oa:hasSelector :sel .
:sel a oa:TextPositionSelector ; oa:start 1 ; oa:end 9 .
"""


def _quads(triples: str) -> set[ox.Quad]:
    text = PREFIXES + f"<{BASE}graph/g> {{\n{triples}\n}}\n"
    return set(ox.parse(text.encode(), format=ox.RdfFormat.TRIG))


def _build_dir(path: Path, quads: set[ox.Quad]) -> Path:
    path.mkdir()
    store = ox.Store(str(path / "store"))
    store.extend(quads)
    store.flush()
    del store
    return path


def _incremental(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: set[ox.Quad], after: set[ox.Quad]
) -> set[str]:
    """Record ``before`` in full, then ``after`` with the delta and in full: the same rows. The
    documents the delta recorded again."""
    old = _build_dir(tmp_path / "before", before)
    documents.write(old, BASE, 10_000, processes=1)
    new = _build_dir(tmp_path / "after", after)
    again: set[str] = set()
    record_chunk = documents._record_chunk

    def recording(build_dir: str, base: str, limit: int, items: list[tuple[str, str, list[str]]]) -> Any:
        again.update(thing for _rest, thing, _hashes in items)
        return record_chunk(build_dir, base, limit, items)

    with monkeypatch.context() as patch:
        patch.setattr(documents, "_record_chunk", recording)
        documents.write(
            new,
            BASE,
            10_000,
            processes=1,
            delta=Delta(old, frozenset(after - before), frozenset(before - after)),
        )
    full = tmp_path / "full"
    full.mkdir()
    (full / "store").symlink_to(new / "store")
    documents.write(full, BASE, 10_000, processes=1)
    assert _rows(new / documents.FILE) == _rows(full / documents.FILE)
    return again


#: ``(what, before, after, documents recorded again)``: each case is missed by a rule without one
#: kind of key (see the module doc of kgpub.documents).
CASES = [
    ("a statement that no claim reifies", BEFORE, BEFORE.replace('"plain"', '"changed"'), {"id/b"}),
    (
        "a new grandparent: the chart's chain of ancestors",
        BEFORE,
        BEFORE + ':m org:subOrganizationOf :region . :region skos:prefLabel "R"@fi .',
        # m (its statement), region (new), and every body below m: a chart follows the chain of
        # ancestors to its top
        {"id/m", "id/region", "id/a", "id/s", "id/b", "id/c", "id/d"},
    ),
    (
        "a sibling's new child is not in the chart",
        BEFORE,
        BEFORE + ":s2 a org:Organization ; org:subOrganizationOf :s .",
        {"id/s", "id/s2", "id/a"},  # s (incoming), s2 (new), a (its grandchildren)
    ),
    (
        "a change two blank nodes down",
        BEFORE,
        BEFORE.replace('"deep"', '"deeper"'),
        {"id/c"},
    ),
    (
        "a renamed neighbour, and a kind shared by many",
        BEFORE,
        BEFORE.replace('"D"@fi', '"DD"@fi') + ":e a org:Organization ; org:classification :kind .",
        # c and b show d's label (child, grandchild); kind gains a body; a and s keep theirs
        {"id/d", "id/c", "id/b", "id/e", "id/kind"},
    ),
    (
        "a hash IRI of a body, linked from nothing",
        BEFORE,
        BEFORE + "<http://example.org/id/a#x> ex:about :d .",  # a's neighbours: d's label too
        {"id/a", "id/d"},
    ),
    (
        "a label for what a hash IRI links to",
        BEFORE + "<http://example.org/id/a#x> ex:about :p .",
        BEFORE + '<http://example.org/id/a#x> ex:about :p . :p skos:prefLabel "P"@fi .',
        {"id/p", "id/a", "id/b"},  # a's neighbours (its hash IRI's), b's (p links to b) show p's label
    ),
    (
        "an evidence selector that is an IRI",
        BEFORE + CLAIM,
        BEFORE + CLAIM.replace("oa:end 9", "oa:end 8"),
        {"id/sel", "id/b", "id/claim"},  # the claims of b and of the claim show the selector's offsets
    ),
    (
        "the languages organisations are named in",
        BEFORE.replace('dct:language "fi"', 'dct:language "sv"'),
        BEFORE.replace('dct:language "fi"', 'dct:language "sv"')
        + ':x a org:FormalOrganization ; dct:language "sv" .',
        {"id/x", "id/a", "id/b", "id/c", "id/d", "id/s", "id/m"},  # every body asks for its language
    ),
    (
        "a site gains its first statement",
        BEFORE,
        BEFORE + ':b-site ex:street "Katu 1" .',
        {"id/b-site", "id/b"},
    ),
    (
        "a post's holder gains its first statement",
        BEFORE + ":post org:postIn :b ; org:heldBy :h .",
        BEFORE + ':post org:postIn :b ; org:heldBy :h . :h ex:phone "1" .',
        {"id/h", "id/b"},  # b's neighbourhood describes its posts' holders; the post's own page does not
    ),
]


@pytest.mark.parametrize(("what", "before", "after", "again"), CASES, ids=[c[0] for c in CASES])
def test_a_change_records_again_exactly_what_it_reaches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str, before: str, after: str, again: set[str]
) -> None:
    assert _incremental(tmp_path, monkeypatch, _quads(before), _quads(after)) == again, what
