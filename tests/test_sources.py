"""Sources: the seed texts are byte-identical copies and broken sources fail with a located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgpub.config import PROJECT_ROOT
from kgpub.errors import SourceError
from kgpub.sources import load_source, load_sources, read_text

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
SOURCES = PROJECT_ROOT / "data" / "sources"


def test_seed_sources_are_byte_identical_to_the_shared_seeds() -> None:
    sources = load_sources(SOURCES)
    assert len(sources) >= 3
    by_name = {s.meta.original_name: s for s in sources if s.meta.original_name}
    for seed in sorted(SEEDS.glob("*.txt")):
        source = by_name[seed.name]
        assert source.path is not None
        assert source.path.read_bytes() == seed.read_bytes()


def test_metadata_is_complete() -> None:
    for source in load_sources(SOURCES):
        assert source.meta.language in ("fi", "sv", "en")
        assert source.meta.municipality
        assert source.meta.retrieved == "unknown" or len(source.meta.retrieved) == 10


def test_missing_metadata_names_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "no-meta"
    folder.mkdir()
    (folder / "text.txt").write_text("Kaupunginkanslia on virasto.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"no-meta: source has no metadata file meta\.toml"):
        load_source(folder)


def test_bad_encoding_names_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ensimmäinen rivi\nKaupunginkanslia on hyvä\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin1\.txt:1:7: not UTF-8 \(byte offset 6"):
        read_text(path)


def test_meta_syntax_error_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "bad-toml"
    folder.mkdir()
    (folder / "text.txt").write_text("x", encoding="utf-8")
    (folder / "meta.toml").write_text('title = "a"\npublisher = \n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"meta\.toml: .*line 2"):
        load_source(folder)


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "de"
    folder.mkdir()
    (folder / "text.txt").write_text("x", encoding="utf-8")
    (folder / "meta.toml").write_text(
        'title="t"\npublisher="p"\nmunicipality="m"\nlanguage="de"\nretrieved="unknown"\nlicence="unknown"\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="language must be one of"):
        load_source(folder)
