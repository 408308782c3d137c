"""A full disk at each step of a build, on a real full filesystem: exit 4, one line naming the file,
nothing published, the previous build byte-identical, no build folder left behind, no slug kept.

The var/ folder is a small tmpfs mounted for the test (``mount -t tmpfs -o size=…``; that needs root,
which the project's test machine is). A ballast file leaves just enough free space for the build to
run out inside the step under test; the sizes come from the first, successful build on the same
filesystem, so the test follows the data instead of hard-coding byte counts. The manifest, written
last, cannot be targeted that way (the store's size varies by a few pages from build to build, the
manifest is one), so ``seal`` is run on a build folder on a filesystem that is already full.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgpub import publish
from kgpub.config import Settings
from kgpub.errors import PublishError
from kgpub.pipeline import REGISTRY_FILE
from tests.conftest import copy_project
from tests.test_cli import env_for

PAGE = 4096
KGPUB = str(Path(sys.executable).parent / "kgpub")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs, unmounted afterwards even when the test fails."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _pages(size: int) -> int:
    return -(-size // PAGE) * PAGE


def _free(path: Path) -> int:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def _snapshot(settings: Settings) -> dict[str, bytes]:
    """Every byte of what is published, and where the link points."""
    published = publish.current(settings)
    files = {
        p.relative_to(published.path).as_posix(): p.read_bytes()
        for p in published.path.rglob("*")
        if p.is_file()
    }
    return {**files, "->": str(published.path).encode()}


def _build(settings: Settings) -> subprocess.CompletedProcess[str]:
    env = {**env_for(settings), "PATH": str(Path(sys.executable).parent)}
    env["KGPUB_REUSE_MAX_CHANGED"] = str(settings.reuse_max_changed)
    return subprocess.run([KGPUB, "build"], env=env, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_disk_full_at_every_step_is_exit_4_and_publishes_nothing(tmp_path: Path, small_disk: Path) -> None:
    # full builds: the sizes below are what a build writes when it takes nothing from the published one
    settings = copy_project(tmp_path / "project").with_(var_dir=small_disk / "var", reuse_max_changed=0)
    first = _build(settings)
    assert first.returncode == 0, first.stderr
    published = publish.current(settings)
    before = _snapshot(settings)
    registry = (settings.data_dir / REGISTRY_FILE).read_bytes()
    # What each part of the build occupies on this filesystem (whole pages, as tmpfs counts).
    size: dict[str, int] = {}
    for name, entry in publish.file_record(published.path).items():
        part = name.split("/")[0]
        size[part] = size.get(part, 0) + _pages(entry["size"])
    store_scratch = sum(_pages(p.stat().st_size) for p in published.store_path.glob("L*"))
    written = size["sources"] + size["dataset.trig"]
    store = size["store"] + store_scratch
    steps = {
        "dataset.trig": size["sources"] + size["dataset.trig"] // 2,
        "store/": written + 16 * PAGE,
        # RocksDB preallocates while it loads, so the store's peak is unknown; the dumps come after it,
        # and the last of them does not fit when 16 pages are missing (sizes vary by a few hundred
        # bytes between builds: blank node labels, compression).
        "dumps/": written + store + size["dumps"] - 16 * PAGE,
    }
    ballast = small_disk / "ballast"
    for step, free in steps.items():
        with ballast.open("wb") as f:
            f.write(b"\0" * (_free(small_disk) - free))
        try:
            result = _build(settings)
        finally:
            ballast.unlink()
        assert result.returncode == 4, (step, result.stderr)
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1 and "Traceback" not in message, message
        assert message.startswith("kgpub: error: could not "), message
        assert "No space left on device" in message and "nothing was published" in message, message
        named = str(settings.var_dir / "builds") + "/"
        assert named in message, message  # the file that could not be written, with its full path
        paths = [part.split("/", 1)[-1] for part in message.split(named)[1:]]  # inside the build folder
        assert any(path.startswith(step) for path in paths), (step, message)
        # Nothing published, nothing half-written left, no slug kept.
        assert _snapshot(settings) == before, step
        assert publish.verify(publish.current(settings)) == []
        assert sorted((settings.var_dir / "builds").iterdir()) == [published.path], step
        assert (settings.data_dir / REGISTRY_FILE).read_bytes() == registry
        assert not list((settings.data_dir / REGISTRY_FILE).parent.glob("*.pending*"))
    again = _build(settings)  # with the space back, the next build publishes
    assert again.returncode == 0, again.stderr
    assert publish.current(settings).path != published.path


def test_disk_full_writing_the_manifest_leaves_no_manifest(tmp_path: Path, small_disk: Path) -> None:
    build_dir = small_disk / "builds" / "b1"
    (build_dir / "store").mkdir(parents=True)
    (build_dir / "dataset.trig").write_bytes(b"<urn:a> <urn:b> <urn:c> .\n")
    (build_dir / "store" / "CURRENT").write_bytes(b"MANIFEST-000005\n")
    with (small_disk / "ballast").open("wb") as f:
        f.write(b"\0" * _free(small_disk))
    assert _free(small_disk) == 0
    with pytest.raises(PublishError) as caught:
        publish.seal(build_dir, {"build": "b1"})
    assert str(caught.value) == f"could not write {build_dir / 'build.json'}: No space left on device"
    assert sorted(p.name for p in build_dir.iterdir()) == ["dataset.trig", "store"]  # no (partial) manifest
    settings = Settings(var_dir=small_disk)
    with pytest.raises(PublishError, match="incomplete build"):
        publish.swap_in(build_dir, settings)  # a folder without build.json is never published
    assert not settings.published_dir.exists()
