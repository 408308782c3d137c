"""Request paths ↔ data IRIs (pure)."""

from __future__ import annotations

import pytest

from kgpub.web import paths

BASE = "http://127.0.0.1:5000/"


@pytest.mark.parametrize(
    ("thing", "doc"),
    [
        ("id/org/helsinki", "doc/org/helsinki"),
        ("id/site/x#location", "doc/site/x"),
        ("def/kind/agency", "doc/def/kind/agency"),
        ("def/", "doc/def/"),
        ("graph/source/a", "doc/graph/source/a"),
        ("curation/helsinki", "doc/curation/helsinki"),
    ],
)
def test_thing_and_document_paths_round_trip(thing: str, doc: str) -> None:
    assert paths.thing_to_doc(thing) == doc
    assert thing.split("#")[0] in paths.doc_to_things(doc.removeprefix("doc/"))


def test_doc_paths_never_name_documents_or_sources_as_things() -> None:
    assert paths.doc_to_things("id/org/x") == ["id/id/org/x"]
    assert paths.doc_to_things("source/x") == ["id/source/x"]


@pytest.mark.parametrize(
    ("iri", "page"),
    [
        (BASE + "id/org/helsinki", "doc/org/helsinki"),
        (BASE + "id/site/x#location", "doc/site/x#location"),
        (BASE + "source/s1#char=1,5", "source/s1#char=1,5"),
        (BASE + "dataset#dataset", "dataset#dataset"),
        (BASE + "def/kind/agency", "doc/def/kind/agency"),
        ("http://www.w3.org/ns/org#Organization", None),
    ],
)
def test_page_path(iri: str, page: str | None) -> None:
    assert paths.page_path(iri, BASE) == page


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("id/org/kalajoki-henkilöstöohjaus", "id/org/kalajoki-henkilostoohjaus"),
        ("id/org/Åland-ÄÖ", "id/org/aland-ao"),
        ("doc/org/sisäinen.ttl", "doc/org/sisainen.ttl"),
        ("id/org/helsinki", None),
    ],
)
def test_fold_non_ascii_segments(raw: str, folded: str | None) -> None:
    assert paths.fold(raw) == folded


@pytest.mark.parametrize("bad", ["id/../etc/passwd", "id/./x", "id/a\x00b", "id/\ufffd", "id//x"])
def test_impossible_paths_are_refused(bad: str) -> None:
    with pytest.raises(paths.BadPath):
        paths.check_path(bad)


def test_plausible_paths() -> None:
    assert paths.is_plausible("id/org/helsinki")
    assert not paths.is_plausible("id/" + "a" * 600)
    assert not paths.is_plausible("id/org/a b")
    assert not paths.is_plausible('id/org/a"b')


def test_split_suffix_only_known_formats() -> None:
    assert paths.split_suffix("doc/org/x.ttl") == ("doc/org/x", ".ttl")
    assert paths.split_suffix("doc/org/x.y") == ("doc/org/x.y", "")
    assert paths.split_suffix("source/a.txt", paths.SOURCE_SUFFIXES) == ("source/a", ".txt")
    assert paths.split_suffix("doc/org/.ttl") == ("doc/org/.ttl", "")
