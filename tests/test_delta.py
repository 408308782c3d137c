"""``kgpub.delta``: what a build changes against the published one, and when it compares nothing."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kgpub import delta, quads
from kgpub.config import Settings
from kgpub.pipeline import _named_graphs, build, check
from kgpub.publish import current
from tests.conftest import copy_project


def _dataset(settings: Settings) -> list[ox.Quad]:
    assembled, ontology, inferred, _report = check(settings)
    return quads.quads_of(_named_graphs(settings, assembled, ontology, inferred))


def test_the_same_inputs_change_nothing_but_the_build_record_and_a_new_sentence_changes_its_page(
    tmp_path: Path,
) -> None:
    settings = copy_project(tmp_path / "p")
    assert delta.against_published(settings, [])[0] is None  # nothing published yet
    build(settings)
    same, why = delta.against_published(settings, _dataset(settings))
    assert same is not None, why
    # only the build's own record (graph/build: its time stamp) is not in a rebuild's graphs
    assert same.graphs() == {settings.base_iri + "graph/build"}
    assert not same.added
    page = settings.data_dir / "sources" / "kalajoki-hallintopalvelut" / "text.txt"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nHallintopalvelut vastaa arkistotoimesta.\n", encoding="utf-8"
    )
    changed, _why = delta.against_published(settings, _dataset(settings))
    assert changed is not None
    assert settings.base_iri + "graph/source/kalajoki-hallintopalvelut" in changed.graphs()
    assert settings.base_iri + "graph/source/helsinki-kaupunginkanslia" not in changed.graphs()
    assert any("arkisto" in q.object.value for q in changed.added)


def test_no_delta_from_a_damaged_build_another_base_or_other_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = copy_project(tmp_path / "p")
    build(settings)
    dataset = _dataset(settings)
    assert delta.against_published(settings, dataset)[0] is not None
    other_base = settings.with_(base_iri="https://example.org/")
    assert "base IRI" in delta.against_published(other_base, dataset)[1]
    too_much, why = delta.against_published(settings.with_(reuse_max_changed=1e-9), dataset)
    assert too_much is None and "quads changed" in why
    off, why = delta.against_published(settings.with_(reuse_max_changed=0), dataset)
    assert off is None and "off" in why
    monkeypatch.setattr(delta, "code_digest", lambda: "0" * 64)  # as if kgpub had changed since
    assert "other code" in delta.against_published(settings, dataset)[1]
    monkeypatch.undo()
    published = current(settings).path
    store_file = next(p for p in (published / "store").iterdir() if p.suffix == ".sst")
    store_file.write_bytes(store_file.read_bytes()[:10])
    found, why = delta.against_published(settings, dataset)
    assert found is None and "damaged" in why
