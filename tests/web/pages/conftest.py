"""Fixtures for the page tests: the realistic fixture build (see ``fixture.py``) published once per
session, an app serving it, its test client and a live HTTP server on a free port.

The data's base IRI stays ``http://127.0.0.1:5000/`` while the live server listens elsewhere (its
``public_base``), so every live test also proves that request paths are mapped onto data IRIs without
a rebuild.

``site_live`` is the same build exported as a static site (``kgpub.site``) and served by real nginx
(the Debian package, ``make system-deps``) on a free loopback port; ``ld_target`` runs a linked-data
test against both, the app and the site.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgpub.config import Settings
from kgpub.engines import stop
from kgpub.web import create_app
from tests.web.conftest import LiveServer

from .fixture import publish_fixture

BASE = "http://127.0.0.1:5000/"


@pytest.fixture(scope="session")
def pages_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return publish_fixture(tmp_path_factory.mktemp("pages-var"))


@pytest.fixture(scope="session")
def pages_app(pages_settings: Settings) -> Iterator[Flask]:
    app = create_app(pages_settings)
    yield app
    app.extensions["kgpub"]["stores"].close()


@pytest.fixture
def pages_client(pages_app: Flask) -> FlaskClient:
    client = pages_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # these tests read the English interface
    return client


@pytest.fixture(scope="session")
def pages_live(pages_settings: Settings) -> Iterator[LiveServer]:
    with LiveServer(settings=pages_settings) as server:
        yield server


@pytest.fixture(scope="session")
def published_dir(pages_settings: Settings) -> Path:
    return pages_settings.published_dir.resolve()


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@dataclass(frozen=True)
class Site:
    """A static site served by nginx: ``url`` as :class:`LiveServer` has it (no trailing slash)."""

    url: str
    root: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for(port: int, proc: subprocess.Popen[bytes], log: Path, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"nginx exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''!r}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nginx did not listen on {port} within {timeout_s} s")


@pytest.fixture(scope="session")
def site_live(pages_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from kgpub.site import export_site

    assert Path(NGINX).is_file(), "nginx is missing: run `make system-deps` (Debian package nginx)"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    out = tmp_path_factory.mktemp("site")
    report = export_site(pages_settings.with_(public_base=url + "/"), out, listen=f"127.0.0.1:{port}")
    conf = report.config
    proc = subprocess.Popen(
        [
            NGINX,
            "-p",
            str(conf.parent),
            "-c",
            conf.name,
            "-e",
            str(conf.parent / "logs" / "error.log"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # its errors go to the error.log named above
    )
    try:
        _wait_for(port, proc, conf.parent / "logs" / "error.log")
        yield Site(url, report.root)
    finally:
        stop(proc)


@pytest.fixture(params=["app", pytest.param("nginx", marks=pytest.mark.slow)])
def ld_target(request: pytest.FixtureRequest) -> LiveServer | Site:
    """The same linked-data test against the app (a live server) and the static site on nginx."""
    target: LiveServer | Site = request.getfixturevalue(
        "pages_live" if request.param == "app" else "site_live"
    )
    return target
