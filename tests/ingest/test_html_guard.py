"""HTML saved as text.txt is refused when the source is loaded, naming the file and the tag."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgpub.config import Settings
from kgpub.errors import SourceError
from kgpub.sources import html_evidence, load_source

META = (
    'title="t"\npublisher="p"\nmunicipality="Raseborg"\nlanguage="sv"\n'
    'retrieved="unknown"\nlicence="unknown"\n'
)


def _source(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "raseborg-organ"
    folder.mkdir()
    (folder / "text.txt").write_text(text, encoding="utf-8")
    (folder / "meta.toml").write_text(META, encoding="utf-8")
    return folder


def test_a_saved_page_as_text_is_refused_with_file_and_line(tmp_path: Path) -> None:
    folder = _source(tmp_path, "Stadsstyrelsen\n\n<p>Nämnden för samhällsbyggnad.</p>\n")
    with pytest.raises(SourceError) as info:
        load_source(folder)
    message = str(info.value)
    assert str(folder / "text.txt") in message
    assert "line 3: '<p>'" in message
    assert "kgpub add FILE.html --id raseborg-organ" in message


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html>\n<title>x</title>",
        "Tekninen lautakunta<br>Puheenjohtaja",
        'Katso <a href="/x">lisää</a>',
        "Bildningsnämnden&nbsp;och&nbsp;fritids&shy;nämnden &amp; sektionen",
    ],
)
def test_markup_is_recognised(text: str) -> None:
    assert html_evidence(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Kaupunginvaltuusto on kaupungin ylin toimielin.\n- hallinto-osasto\n",
        "Om x < 5 och y > 3 så gäller regeln.",
        "Talous & strategia (A &amp; B) on yksikkö.",  # one entity alone is quoted prose, not markup
    ],
)
def test_prose_is_not_markup(text: str) -> None:
    assert html_evidence(text) is None


def test_the_repository_sources_and_devset_texts_are_not_markup() -> None:
    from kgpub.config import PROJECT_ROOT

    texts = [*(PROJECT_ROOT / "data" / "sources").glob("*/text.txt")]
    texts += (PROJECT_ROOT.parent / "shared" / "devset" / "texts").glob("*/*.txt")
    assert len(texts) >= 3
    for path in texts:
        assert html_evidence(path.read_text(encoding="utf-8")) is None, path


@pytest.mark.slow
def test_a_build_with_html_as_text_fails_naming_the_file_and_keeps_the_published_data(
    project_copy: Settings,
) -> None:
    from kgpub.pipeline import build
    from kgpub.publish import current

    build(project_copy)
    published = current(project_copy).path
    before = {p.name: p.read_bytes() for p in (published / "build.json", published / "dataset.trig")}
    folder = _source(
        project_copy.data_dir / "sources", "<div><p>Stadsstyrelsen leder förvaltningen.</p></div>\n"
    )
    with pytest.raises(SourceError, match=rf"{folder / 'text.txt'}: looks like HTML.*line 1: '<div>'"):
        build(project_copy)
    assert current(project_copy).path == published
    assert {p.name: p.read_bytes() for p in (published / "build.json", published / "dataset.trig")} == before
