"""The port and the base IRI: a build's IRIs carry the base it was built with, so serving on another
port must not leave links pointing at a port nothing listens on.

``make serve PORT=…`` builds for ``http://HOST:PORT/`` (unless the user set a base or a public base
of their own); ``kgpub serve --port`` on a build whose loopback base names another port sends links
to itself. Both are checked through the real commands: ``make -n`` for what the Makefile runs, and a
real build and ``kgpub serve`` process for where the links go.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import httpx
import pytest

from kgpub.config import PROJECT_ROOT
from kgpub.scratch import Server, copy_project, free_port, kgpub
from kgpub.web.paths import loopback_public_base


@pytest.mark.parametrize(
    ("base", "host", "port", "expected"),
    [
        ("http://127.0.0.1:5000/", "127.0.0.1", 5000, None),  # built for where it is served
        ("http://127.0.0.1:5000/", "127.0.0.1", 8080, "http://127.0.0.1:8080/"),
        ("http://127.0.0.1:5000/", "0.0.0.0", 8080, "http://127.0.0.1:8080/"),  # all interfaces
        ("http://localhost:5000/", "localhost", 5000, None),
        ("http://127.0.0.1:5000/", "localhost", 5000, "http://localhost:5000/"),
        ("http://[::1]:5000/", "::", 5001, "http://[::1]:5001/"),
        ("http://127.0.0.1/", "127.0.0.1", 80, None),  # the default port
        ("https://data.kuhmo.fi/", "127.0.0.1", 8080, None),  # a public name: a proxy is in front
        ("https://127.0.0.1:5000/", "127.0.0.1", 8080, None),  # TLS terminates elsewhere
    ],
)
def test_a_loopback_base_on_another_port_gets_this_servers_address(
    base: str, host: str, port: int, expected: str | None
) -> None:
    assert loopback_public_base(base, host, port) == expected


def _make_n(*args: str, **env: str) -> list[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KGPUB_")} | env
    result = subprocess.run(
        ["make", "-n", *args], cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, check=True
    )
    return [line for line in result.stdout.splitlines() if "kgpub build" in line or "kgpub serve" in line]


def test_make_serve_builds_and_serves_for_its_own_port() -> None:
    lines = _make_n("serve", "PORT=8123")
    assert [line.split(" ", 1)[0] for line in lines] == ["KGPUB_BASE_IRI=http://127.0.0.1:8123/"] * 2
    assert "--port 8123" in lines[1] and "build --if-stale" in lines[0]
    assert _make_n("build", "PORT=8123")[0].startswith("KGPUB_BASE_IRI=http://127.0.0.1:8123/ ")
    assert _make_n("serve", "HOST=0.0.0.0")[1].startswith("KGPUB_BASE_IRI=http://127.0.0.1:5000/ ")


@pytest.mark.parametrize(
    "own", [{"KGPUB_BASE_IRI": "https://data.kuhmo.fi/"}, {"KGPUB_PUBLIC_BASE": "https://data.kuhmo.fi/"}]
)
def test_make_serve_leaves_a_users_own_base_alone(own: dict[str, str]) -> None:
    lines = _make_n("serve", "PORT=8123", **own)
    assert len(lines) == 2 and not any("KGPUB_BASE_IRI=" in line for line in lines)


@pytest.mark.slow
def test_kgpub_serve_on_another_port_links_to_itself(tmp_path: Path) -> None:
    settings = copy_project(tmp_path).with_(base_iri=f"http://127.0.0.1:{free_port()}/")
    built = kgpub(settings, "build")
    assert built.returncode == 0, built.stderr
    port = free_port()
    with Server(settings, port=port) as server:
        home = httpx.get(server.url + "/", timeout=30)
        thing = httpx.get(server.url + "/id/org/kalajoki", timeout=30)
    log = server.log.read_text(encoding="utf-8")
    assert f"links point here, to http://127.0.0.1:{port}/" in log
    links = set(re.findall(r'href="(http://127\.0\.0\.1:\d+/[^"]*)"', home.text))
    assert links and {link.split("/")[2] for link in links} == {f"127.0.0.1:{port}"}
    assert thing.status_code == 303
    assert thing.headers["location"] == f"http://127.0.0.1:{port}/doc/org/kalajoki"
