"""Fault injection on a scratch project (used by ``make soak``; see ``docs/reliability.md``).

Each function breaks something the way the world does — ``kill -9`` in the middle of a build, a bad
curation file, a published file cut short, the server stopped while clients are busy — and reports
what the published data and the clients saw. The claims they check are the pipeline's: a failed or
killed build leaves ``var/published`` exactly as it was (no triple lost), and the server comes back.
Everything runs on :mod:`kgpub.scratch` copies, never on the project's own ``data/`` or ``var/``.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from . import loadtest, publish
from .config import Settings
from .scratch import Server, environment, kgpub

#: A well-formed curation file that breaks a SHACL shape (a label without a language tag).
BAD_CURATION = """\
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix kgp:  <def/> .

<curation/zz-fault> a kgp:CurationFile ;
    dct:title "A fault-injection file with a shape violation"@en ;
    prov:wasAttributedTo [ a prov:Agent ; foaf:name "kgpub soak" ] ;
    dct:modified "2026-12-05"^^xsd:date .

<id/org/helsinki-fault> a org:Organization ; skos:prefLabel "no language tag" ;
    org:subOrganizationOf <id/org/helsinki> .
"""
#: A curation file that is not Turtle at all.
BROKEN_CURATION = '@prefix kgp: <def/> .\n<id/org/x> kgp:oops "unterminated .\n'


@dataclass(frozen=True)
class State:
    """What is published: the build folder, a digest of dataset.trig, and its quads (None: unreadable)."""

    build: str
    digest: str
    quads: int | None

    @classmethod
    def of(cls, settings: Settings) -> State:
        current = publish.current(settings)
        data = current.dataset_path.read_bytes()
        try:
            base = current.manifest().get("base_iri")
            quads: int | None = sum(1 for _ in ox.parse(data, format=ox.RdfFormat.TRIG, base_iri=base))
        except (SyntaxError, ValueError):
            quads = None
        return cls(current.path.name, hashlib.sha256(data).hexdigest()[:12], quads)


@dataclass
class Fault:
    """One injected fault: what was done, what happened, and whether the published data held."""

    name: str
    action: str
    outcome: str
    quads_before: int | None
    quads_after: int | None
    held: bool

    @property
    def lost(self) -> int | None:
        if self.quads_before is None or self.quads_after is None:
            return None
        return self.quads_before - self.quads_after


def served_quads(url: str) -> int | None:
    """The quads the server answers for (a SPARQL COUNT over every graph), None if it cannot say."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    try:
        answer = httpx.get(
            url + "/sparql",
            params={"query": query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        return (
            int(answer.json()["results"]["bindings"][0]["n"]["value"]) if answer.status_code == 200 else None
        )
    except (httpx.HTTPError, ValueError, KeyError, IndexError):
        return None


def kill_mid_build(settings: Settings, delays: list[float], url: str | None = None) -> list[Fault]:
    """``kill -9`` a ``kgpub build`` (its whole process group) after each delay; the published build
    must be unchanged. With ``url``, the server's own count is checked too."""
    faults = []
    settings = settings.with_(reuse_max_changed=0)  # a full build: an incremental one may end before the kill
    for delay in delays:
        before = State.of(settings)
        proc = subprocess.Popen(
            [sys.executable, "-m", "kgpub", "build"],
            env=environment(settings),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        after = State.of(settings)
        served = served_quads(url) if url else None
        if killed:
            held = after == before and (served is None or served == after.quads)
            outcome = (
                "published build unchanged" if after == before else f"published changed to {after.build}"
            )
        else:  # it finished first: then a complete new build must be the published one
            held = after.quads == before.quads and after.build != before.build
            outcome = f"finished before the kill; {after.build} published"
        if url:
            outcome += f"; server answers {served} quads"
        faults.append(
            Fault("kill -9 mid-build", f"after {delay:.1f} s", outcome, before.quads, after.quads, held)
        )
    return faults


def validation_failure(settings: Settings) -> list[Fault]:
    """A curation file that breaks a shape (exit 1) and one that is not Turtle (exit 3): nothing published."""
    faults = []
    for name, text, expected in (
        ("validation failure", BAD_CURATION, 1),
        ("curation syntax error", BROKEN_CURATION, 3),
    ):
        path = settings.data_dir / "curation" / "zz-fault.ttl"
        before = State.of(settings)
        path.write_text(text, encoding="utf-8")
        try:
            done = kgpub(settings, "build")
        finally:
            path.unlink()
        after = State.of(settings)
        message = said(done, settings, stderr_first=True)
        held = done.returncode == expected and after == before
        outcome = (
            f"exit {done.returncode} (expected {expected}); {'unchanged' if after == before else 'CHANGED'}"
        )
        faults.append(
            Fault(name, f"data/curation/zz-fault.ttl; `{message}`", outcome, before.quads, after.quads, held)
        )
    return faults


def disk_full(settings: Settings, free_fractions: list[float]) -> list[Fault]:
    """Builds on a full disk: ``var/`` moved onto a small tmpfs (``mount``, so root only) holding one
    build, then filled until only a fraction of another build's size is free. Each build must fail
    with exit 4 and a message, and leave the published build as it was. Needs root; where ``mount`` is
    refused, one row says so."""
    var = settings.var_dir
    build_bytes = sum(p.stat().st_size for p in publish.current(settings).path.rglob("*") if p.is_file())
    mount_point = var.with_name("var-tmpfs")
    mount_point.mkdir()
    size_kb = (build_bytes * 2) // 1024 + 1024
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        reason = mounted.stderr.strip()[:100]
        return [Fault("disk full", "tmpfs var/", f"not run: mount refused ({reason})", None, None, False)]
    faults = []
    small = settings.with_(var_dir=mount_point)
    try:
        first = kgpub(small, "build")
        if first.returncode != 0:
            return [Fault("disk full", "first build on tmpfs", f"exit {first.returncode}", None, None, False)]
        for fraction in free_fractions:
            before = State.of(small)
            filler = mount_point / "filler"
            free = os.statvfs(mount_point)
            room = free.f_bavail * free.f_frsize - int(build_bytes * fraction)
            _fill(filler, max(0, room))
            done = kgpub(small, "build")
            filler.unlink()
            after = State.of(small)
            message = said(done, settings, stderr_first=True)
            held = done.returncode == 4 and after == before
            faults.append(
                Fault(
                    "disk full",
                    f"{fraction:.0%} of a build's size free",
                    f"exit {done.returncode}: `{message}`; {'unchanged' if after == before else 'CHANGED'}",
                    before.quads,
                    after.quads,
                    held,
                )
            )
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
        mount_point.rmdir()
    return faults


def _fill(path: Path, size: int) -> None:
    """Write ``size`` bytes (real pages: tmpfs does not count holes)."""
    block = b"\0" * (1 << 20)
    with path.open("wb") as f:
        while size > 0:
            chunk = block[: min(size, len(block))]
            f.write(chunk)
            size -= len(chunk)


def restart_under_load(
    server: Server, clients: int = 20, seconds: float = 20.0, stop_after: float = 5.0
) -> tuple[Fault, loadtest.Report]:
    """SIGTERM the server while ``clients`` are busy, start it again on the same port, count errors."""
    result: dict[str, loadtest.Report] = {}

    def load() -> None:
        result["report"] = loadtest.run(server.url, clients, seconds, measure_memory=False)

    before = served_quads(server.url)
    thread = threading.Thread(target=load)
    thread.start()
    time.sleep(stop_after)
    stopped = server.stop(signal.SIGTERM)
    restart = time.monotonic()
    server.start()
    down = stopped.seconds + time.monotonic() - restart
    thread.join()
    report = result["report"]
    after = served_quads(server.url)
    errors = report.errors()
    refused = errors.pop("ConnectError", 0)  # asked while no server listened (clients retry every 50 ms)
    dropped = sum(v for k, v in errors.items() if not k.isdigit())  # a connection closed with no answer
    outcome = (
        f"exit {stopped.returncode} after {stopped.seconds:.1f} s; "
        f"{len(stopped.orphans)} orphan process(es); "
        f"down {down:.1f} s; {report.requests} requests: {dropped} closed with no answer, {refused} refused "
        f"while down, other errors: {', '.join(f'{k}: {v}' for k, v in sorted(errors.items())) or 'none'}"
    )
    held = stopped.returncode is not None and not stopped.orphans and not dropped and before == after
    fault = Fault(
        "restart under load",
        f"SIGTERM after {stop_after:g} s of {clients} clients",
        outcome,
        before,
        after,
        held,
    )
    return fault, report


def corrupt_published(settings: Settings, server: Server) -> list[Fault]:
    """Cut published files short and see what ``build --if-stale`` and the server make of it.

    Ends with a plain ``kgpub build``, so the scratch project is whole again afterwards."""
    faults = []
    current = publish.current(settings)
    before = State.of(settings)

    dump = current.dumps_path / "dataset.ttl"
    size = dump.stat().st_size
    _truncate(dump)
    got = httpx.get(server.url + "/dumps/dataset.ttl", timeout=30)
    held = got.status_code != 200 or len(got.content) == size
    faults.append(
        Fault(
            "truncated dump",
            f"dumps/dataset.ttl cut from {size} to {size // 2} bytes",
            f"GET /dumps/dataset.ttl → {got.status_code}, {len(got.content)} bytes",
            before.quads,
            before.quads,
            held,
        )
    )

    _truncate(current.dataset_path)
    done = kgpub(settings, "build", "--if-stale")
    after = State.of(settings)
    message = said(done, settings)
    faults.append(
        Fault(
            "truncated dataset.trig",
            "published dataset.trig cut to half, then `kgpub build --if-stale`",
            f"exit {done.returncode}: `{message}`; published quads now {after.quads}",
            before.quads,
            after.quads,
            after.quads == before.quads,
        )
    )

    current, damaged = publish.current(settings), State.of(settings)  # --if-stale may have rebuilt
    store_files = sorted(p for p in current.store_path.rglob("*") if p.is_file())
    for path in store_files:
        path.unlink()
    server.stop()
    try:
        server.start(timeout=30)
        outcome = (
            f"server restarted: GET / → {_status(server.url + '/')}, "
            f"GET /doc/org/helsinki → {_status(server.url + '/doc/org/helsinki')}, "
            f"SPARQL → {_status(server.url + '/sparql?query=ASK%7B%7D')}"
        )
    except RuntimeError as exc:
        outcome = f"server did not start: {exc}"
    done = kgpub(settings, "build", "--if-stale")
    outcome += f"; `build --if-stale`: exit {done.returncode} `{said(done, settings)}`"
    after = State.of(settings)
    faults.append(
        Fault(
            "deleted store files",
            f"{len(store_files)} files under store/ deleted, server restarted",
            outcome,
            before.quads,
            after.quads,
            after.quads == before.quads and after.build != damaged.build,
        )
    )

    done = kgpub(settings, "build")
    repaired = State.of(settings)
    faults.append(
        Fault(
            "repair",
            "`kgpub build`",
            f"exit {done.returncode}; {repaired.build} published, {repaired.quads} quads",
            before.quads,
            repaired.quads,
            done.returncode == 0 and repaired.quads == before.quads,
        )
    )
    return faults


def said(done: subprocess.CompletedProcess[str], settings: Settings, *, stderr_first: bool = False) -> str:
    """What a command said, with the scratch folder shortened to ``…``: the first line of its error
    (``kgpub: error: …``) or the last line of its output (``published …`` / ``up to date: …``)."""
    err, out = done.stderr.strip().splitlines(), done.stdout.strip().splitlines()
    lines = [*err[:1], *out[-1:]] if stderr_first or not out else out[-1:]
    line = lines[0] if lines else ""
    return line.replace(str(settings.root), "…")[:200]


def _truncate(path: Path) -> None:
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 2)


def _status(url: str) -> str:
    try:
        return str(httpx.get(url, timeout=30).status_code)
    except httpx.HTTPError as exc:
        return type(exc).__name__
