"""``kgpub build --if-stale`` over a damaged published build, and the IRI registry of a build that
never publishes — through the real command, on real builds of a copy of the project."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kgpub import publish
from kgpub.cli import main
from kgpub.config import Settings
from kgpub.iris import Registry
from kgpub.pipeline import REGISTRY_FILE, staleness
from tests.test_cli import env_for


def _build(settings: Settings, *args: str) -> Result:
    return CliRunner().invoke(main, ["build", *args], env=env_for(settings))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _truncate_dataset(p: publish.Published) -> str:
    _truncate(p.dataset_path)
    return "dataset.trig: "


def _delete_a_store_table(p: publish.Published) -> str:
    table = sorted(p.store_path.glob("*.sst"))[-1]
    table.unlink()
    return f"store/{table.name}: missing"


def _truncate_a_dump(p: publish.Published) -> str:
    _truncate(p.dumps_path / "dataset.nt.gz")
    return "dumps/dataset.nt.gz: "


def _replace_a_source_text(p: publish.Published) -> str:
    text = sorted(p.sources_path.iterdir())[0]
    text.write_bytes(text.read_bytes().replace(b"a", b"e", 1))  # same size: only the hash tells
    return f"sources/{text.name}: SHA-256 differs"


DAMAGES: list[Callable[[publish.Published], str]] = [
    _truncate_dataset,
    _delete_a_store_table,
    _truncate_a_dump,
    _replace_a_source_text,
]


@pytest.mark.slow
def test_if_stale_rebuilds_a_damaged_build_and_says_why(project_copy: Settings) -> None:
    first = _build(project_copy, "--if-stale")
    assert first.exit_code == 0, first.output
    assert "rebuilding: nothing is published yet" in first.stderr
    unchanged = _build(project_copy, "--if-stale")
    assert unchanged.exit_code == 0 and unchanged.stdout.startswith("up to date: "), unchanged.output
    assert "rebuilding" not in unchanged.stderr
    for damage in DAMAGES:
        before = publish.current(project_copy)
        expected = damage(before)
        result = _build(project_copy, "--if-stale")
        assert result.exit_code == 0, result.output
        why = f"rebuilding: the published build {before.path.name} is damaged: {expected}"
        assert why in result.stderr, (damage.__name__, result.stderr)
        after = publish.current(project_copy)
        assert after.path != before.path and "\npublished " in "\n" + result.stdout
        assert publish.verify(after) == [], damage.__name__
    # Inputs are still checked too: a changed curation file is a reason on its own.
    curation = project_copy.data_dir / "curation" / "kalajoki.ttl"
    curation.write_text(curation.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    changed = _build(project_copy, "--if-stale")
    assert changed.exit_code == 0 and "rebuilding: the inputs changed since build" in changed.stderr


def _a_slug_only_extraction_mints(settings: Settings) -> tuple[str, str]:
    """A registry row (and its slug) that no curation file names: a build mints it again."""
    curation = "".join(p.read_text(encoding="utf-8") for p in (settings.data_dir / "curation").glob("*.ttl"))
    path = settings.data_dir / REGISTRY_FILE
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        cells = line.rstrip("\n").split("\t")
        if len(cells) == 5 and cells[1] == "org" and cells[4] not in curation and cells[3]:
            return line, cells[4]
    raise AssertionError("the seed registry has no org slug outside curation")


@pytest.mark.slow
def test_slugs_of_a_build_that_does_not_publish_are_not_kept(project_copy: Settings) -> None:
    registry = project_copy.data_dir / REGISTRY_FILE
    line, slug = _a_slug_only_extraction_mints(project_copy)
    registry.write_text(registry.read_text(encoding="utf-8").replace(line, ""), encoding="utf-8")
    without = registry.read_bytes()
    (project_copy.var_dir / "published").mkdir(parents=True)  # publishing fails: not a symlink
    failed = _build(project_copy)
    assert failed.exit_code == 4 and "nothing was published" in failed.stderr, failed.output
    assert registry.read_bytes() == without  # the slug it minted was not kept
    assert not list(registry.parent.glob("*.pending*"))
    shutil.rmtree(project_copy.var_dir / "published")
    published = _build(project_copy)
    assert published.exit_code == 0, published.output
    slugs = {s for _, s in Registry.load(registry)}
    assert slug in slugs  # minted again, and kept now that a build carrying it is published
    assert slug in publish.current(project_copy).dataset_path.read_text(encoding="utf-8")
    # The registry is written after the build's input digest was taken, yet the build is up to date.
    fresh, reason = staleness(project_copy)
    assert fresh is not None, reason
