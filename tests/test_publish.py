"""build.json's file record and ``verify``: what it records, what it catches, and why the RocksDB
store may be hashed at all (a read-only open leaves it byte-identical)."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgpub import publish
from kgpub.config import Settings
from kgpub.errors import PublishError
from kgpub.store import open_store


@pytest.fixture
def build_copy(seed_build: Settings, tmp_path: Path) -> publish.Published:
    """A private copy of the seed build's folder, free to damage."""
    target = tmp_path / "build"
    shutil.copytree(publish.current(seed_build).path, target)
    return publish.Published(target)


def test_the_manifest_records_every_published_file(seed_build: Settings) -> None:
    published = publish.current(seed_build)
    files = published.manifest()["files"]
    on_disk = {
        p.relative_to(published.path).as_posix()
        for p in published.path.rglob("*")
        if p.is_file() and p.name != publish.MANIFEST
    }
    scratch = {
        name for name in on_disk if name in ("store/LOCK", "store/LOG") or name.startswith("store/LOG.")
    }
    assert set(files) == on_disk - scratch
    for name in (
        "dataset.trig",
        "store/CURRENT",
        "dumps/dataset.ttl",
        "dumps/dataset.nt.gz",
        "dumps/dumps.json",
    ):
        assert name in files
    assert any(name.endswith(".sst") for name in files)  # the store's data, not only its pointers
    trig = published.dataset_path.read_bytes()
    assert files["dataset.trig"] == {"size": len(trig), "sha256": hashlib.sha256(trig).hexdigest()}
    assert publish.verify(published) == []


def test_a_read_only_open_leaves_the_store_as_recorded(build_copy: publish.Published) -> None:
    # Both ways a published store is read: the query workers (RAM or RocksDB) and pyoxigraph directly.
    with open_store(build_copy, workers=1) as store:
        assert store.query("ASK { ?s ?p ?o }").boolean is True
    direct = ox.Store.read_only(str(build_copy.store_path))
    rows = direct.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3")
    assert isinstance(rows, ox.QuerySolutions) and len(list(rows)) == 3
    del direct
    gc.collect()
    assert publish.verify(build_copy) == []


def test_a_read_write_open_is_reported_as_a_changed_store(build_copy: publish.Published) -> None:
    writable = ox.Store(str(build_copy.store_path))
    del writable
    gc.collect()
    problems = publish.verify(build_copy)
    assert any(p.startswith("store/CURRENT: ") or p.startswith("store/MANIFEST-") for p in problems), problems


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("truncate dataset.trig", r"^dataset\.trig: \d+ bytes, build\.json says \d+$"),
        ("flip a byte of dumps/dataset.ttl", r"^dumps/dataset\.ttl: SHA-256 differs from build\.json$"),
        ("delete store/CURRENT", r"^store/CURRENT: missing$"),
        ("delete a store table", r"^store/\d+\.sst: missing$"),
        ("delete sources", r"^sources/.+\.txt: missing$"),
    ],
)
def test_verify_names_each_damaged_file(build_copy: publish.Published, damage: str, expected: str) -> None:
    path = build_copy.path
    if damage == "truncate dataset.trig":
        data = build_copy.dataset_path.read_bytes()
        build_copy.dataset_path.write_bytes(data[: len(data) // 2])
    elif damage.startswith("flip"):
        dump = path / "dumps" / "dataset.ttl"
        flipped = bytearray(dump.read_bytes())
        flipped[len(flipped) // 2] ^= 0x20  # same size: only the hash can tell
        dump.write_bytes(bytes(flipped))
    elif damage == "delete store/CURRENT":
        (path / "store" / "CURRENT").unlink()
    elif damage == "delete a store table":
        next(iter(sorted(build_copy.store_path.glob("*.sst")))).unlink()
    else:
        shutil.rmtree(build_copy.sources_path)
    problems = publish.verify(build_copy)
    assert problems, damage
    assert re.match(expected, problems[0]), problems


def test_a_manifest_without_a_record_is_not_trusted(build_copy: publish.Published) -> None:
    manifest = build_copy.manifest()
    del manifest["files"]
    build_copy.manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert publish.verify(build_copy) == [
        "build.json records no file hashes (made by an older kgpub or by hand)"
    ]
    build_copy.manifest_path.write_text('{"files": ', encoding="utf-8")
    assert publish.verify(build_copy)[0].startswith("build.json: unreadable")


def test_check_size_is_the_cheap_check_before_serving(build_copy: publish.Published) -> None:
    assert publish.check_size(build_copy, "dumps/dataset.ttl") is None
    dump = build_copy.dumps_path / "dataset.ttl"
    recorded = dump.stat().st_size
    dump.write_bytes(dump.read_bytes()[:100])
    expected = f"dumps/dataset.ttl: 100 bytes, build.json says {recorded}"
    assert publish.check_size(build_copy, "dumps/dataset.ttl") == expected
    assert publish.check_size(build_copy, "dumps/nope.ttl") == "dumps/nope.ttl: not recorded in build.json"


def test_seal_writes_the_manifest_last_and_whole(tmp_path: Path) -> None:
    (tmp_path / "dataset.trig").write_bytes(b"<urn:a> <urn:b> <urn:c> .\n")
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "CURRENT").write_bytes(b"MANIFEST-000005\n")
    (tmp_path / "store" / "LOG").write_bytes(b"rocksdb chatter")
    publish.seal(tmp_path, {"build": "x"})
    manifest = json.loads((tmp_path / "build.json").read_text(encoding="utf-8"))
    assert manifest["build"] == "x"
    assert sorted(manifest["files"]) == ["dataset.trig", "store/CURRENT"]  # LOG is RocksDB's scratch
    assert not list(tmp_path.glob("build.json.*"))  # no temporary left behind
    assert publish.verify(publish.Published(tmp_path)) == []


def test_a_file_linked_from_the_previous_build_keeps_its_recorded_digest(tmp_path: Path) -> None:
    """Sealing hashes every file; one that *is* the previous build's (a hard link, kgpub.delta) is not
    read again. Shown by a previous record that is not the file's real digest: it is kept for the
    linked file, and not for a file of the same path and size that is only a copy."""
    old, new = tmp_path / "old", tmp_path / "new"
    for build in (old, new):
        (build / "dumps").mkdir(parents=True)
    (old / "dumps" / "linked.ttl").write_bytes(b"<urn:a> <urn:b> <urn:c> .\n")
    (old / "dumps" / "copied.ttl").write_bytes(b"<urn:a> <urn:b> <urn:d> .\n")
    publish.seal(old, {"build": "old"})
    manifest = json.loads((old / "build.json").read_text(encoding="utf-8"))
    for entry in manifest["files"].values():
        entry["sha256"] = "0" * 64
    (old / "build.json").write_text(json.dumps(manifest), encoding="utf-8")
    os.link(old / "dumps" / "linked.ttl", new / "dumps" / "linked.ttl")
    shutil.copyfile(old / "dumps" / "copied.ttl", new / "dumps" / "copied.ttl")
    publish.seal(new, {"build": "new"}, previous=old)
    files = json.loads((new / "build.json").read_text(encoding="utf-8"))["files"]
    assert files["dumps/linked.ttl"]["sha256"] == "0" * 64
    assert files["dumps/copied.ttl"]["sha256"] == publish.file_digest(new / "dumps" / "copied.ttl")


def test_a_write_error_becomes_one_line_naming_the_file(tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "dataset.ttl"
    with pytest.raises(PublishError) as caught:
        publish.write_bytes(target, b"x")
    assert str(caught.value) == f"could not write {target}: No such file or directory"


def test_sqlite_running_out_of_room_is_a_publish_error_naming_the_file(tmp_path: Path) -> None:
    """A build's SQLite files (recorded documents, the search index) fill a disk as any file does;
    SQLite says so with its own error, not an OSError (a page limit makes SQLite hit "full" for real)."""
    import sqlite3

    target = tmp_path / "documents.sqlite"
    with (
        pytest.raises(
            publish.PublishError, match=r"could not write .*documents\.sqlite: database or disk is full"
        ),
        publish.writing(target),
    ):
        db = sqlite3.connect(target)
        try:
            db.execute("PRAGMA max_page_count = 3")
            db.execute("CREATE TABLE t (x BLOB)")
            db.executemany("INSERT INTO t VALUES (?)", ((b"x" * 4096,) for _ in range(8)))
            db.commit()
        finally:
            db.close()
