"""``make soak``: the long load run and the fault injections, written into ``docs/reliability.md``.

``python -m kgpub.soak --out docs/reliability.md`` copies the project into a temp folder, builds it,
starts ``kgpub serve`` on a free loopback port, then: 50 clients × 60 s of mixed traffic twice (the
second run shows whether memory keeps growing), the same with 4 of the clients looping an expensive
query, ``kill -9`` at several points of a build, a validation failure, a restart under load, and cut
published files. It stops the server and replaces the part of the output file between
``<!-- soak:begin -->`` and ``<!-- soak:end -->`` (the rest of the document is written by hand).
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from . import faults, hostile, loadtest
from .config import PROJECT_ROOT
from .generated import write_block
from .scratch import Server, copy_project, kgpub


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def provenance(command: str) -> list[str]:
    """Command, date, commit and machine, so a table can be reproduced or compared."""
    dirty = [
        line[3:] for line in _git("status", "--porcelain", "--", "kgpub").splitlines() if line[:2] != "??"
    ]
    untracked = [
        line[3:] for line in _git("status", "--porcelain", "--", "kgpub").splitlines() if line[:2] == "??"
    ]
    tree = (
        "clean"
        if not dirty and not untracked
        else (
            f"plus uncommitted changes in {len(dirty)} tracked and {len(untracked)} new file(s) under kgpub/ "
            "(the shared working tree; the server ran that code)"
        )
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    commit = f"`{_git('rev-parse', '--short', 'HEAD')}` ({_git('log', '-1', '--format=%s')[:70]})"
    return [
        f"- command: `{command}`",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- commit: {commit}, {tree}",
        f"- machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()} "
        f"{platform.release()}; server and load generator on the same machine, over loopback",
    ]


def fault_table(items: list[faults.Fault]) -> list[str]:
    lines = [
        "| fault | what was done | what happened | quads before | quads after | lost | as required |",
        "|---|---|---|---:|---:|---:|---|",
    ]
    for f in items:
        lost = "–" if f.lost is None else str(f.lost)
        lines.append(
            f"| {f.name} | {f.action} | {f.outcome} | {f.quads_before} | {f.quads_after} | {lost} | "
            f"{'yes' if f.held else '**no**'} |"
        )
    return lines


def soak(
    clients: int, seconds: float, hogs: int, kills: int, command: str, log: Callable[[str], None]
) -> str:
    """Run everything on a scratch copy and return the Markdown section."""
    with tempfile.TemporaryDirectory(prefix="kgpub-soak-") as tmp:
        settings = copy_project(Path(tmp))
        start = time.monotonic()
        built = kgpub(settings, "build")
        build_s = time.monotonic() - start
        if built.returncode != 0:
            raise RuntimeError(f"the scratch build failed: {built.stderr}")
        state = faults.State.of(settings)
        out = [*provenance(command), "", f"Scratch build: {state.quads} quads in {build_s:.1f} s.", ""]
        server = Server(settings)
        with server:
            runs = []
            for n, h in enumerate((0, 0, hogs), 1):
                log(f"soak: run {n}: {clients} clients, {h} hogs, {seconds:g} s")
                report = loadtest.run(server.url, clients, seconds, hogs=h, server_pid=server.pid)
                runs.append(report)
                title = f"Run {n}: mixed traffic" if not h else f"Run {n}: mixed traffic, {h} hogs"
                out += [f"### {title}", "", report.markdown()]
            totals = [sum(kb for _, kb in r.rss_after.values()) / 1024 for r in runs[:2]]
            first = sum(kb for _, kb in runs[0].rss_before.values()) / 1024
            out += [
                f"Memory (server + workers): {first:.0f} MiB before run 1, {totals[0]:.0f} MiB after run 1, "
                f"{totals[1]:.0f} MiB after run 2.",
                "",
            ]
            if hogs:
                site, sparql = runs[2].p99(loadtest.SITE), runs[2].p99(("sparql",))
                verdict = "under" if site is not None and site < 1 else "**not** under"
                site_ms, sparql_ms = loadtest.format_ms(site), loadtest.format_ms(sparql)
                out += [
                    f"With {hogs} hogs: p99 of pages, documents, /id and dumps {site_ms} ms "
                    f"({verdict} the 1 s goal); p99 of the small SPARQL queries {sparql_ms} ms.",
                    "",
                ]
            log("soak: hostile inputs")
            outcomes, heard, after = hostile.fire(server.url)
            out += ["### Hostile inputs", "", *hostile.markdown(outcomes, heard, after), ""]
            log("soak: faults")
            start = time.monotonic()  # a build now, under the same conditions as the killed ones
            kgpub(settings, "build")
            rebuild_s = time.monotonic() - start
            delays = [rebuild_s * (0.1 + 0.87 * i / max(1, kills - 1)) for i in range(kills)]
            items = faults.kill_mid_build(settings, delays, url=server.url)
            items += faults.validation_failure(settings)
            items += faults.disk_full(settings, [0.9, 0.6, 0.3, 0.05, 0.01])
            restart, restart_report = faults.restart_under_load(server)
            items.append(restart)
            items += faults.corrupt_published(settings, server)
        out += ["### Faults injected", "", *fault_table(items), ""]
        out += ["### The load during the restart", "", restart_report.markdown()]
        return "\n".join(out)


def write_section(path: Path, section: str) -> None:
    """Replace the text between the soak markers (or append the markers and the section)."""
    write_block(path, "soak", section.rstrip() + "\n", title="Reliability")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.soak", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="the Markdown file to update (default: print)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--hogs", type=int, default=4)
    parser.add_argument("--kills", type=int, default=7, help="kill -9 points spread over one build")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "-m", "kgpub.soak", *(sys.argv[1:] if argv is None else argv)])
    section = soak(
        args.clients, args.seconds, args.hogs, args.kills, command, log=lambda m: print(m, file=sys.stderr)
    )
    if args.out:
        write_section(args.out, section)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
