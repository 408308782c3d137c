"""A damaged or missing published build, as the server meets it: 503 + Retry-After with a message that
says what is wrong (never a 404 that crawlers drop, never a traceback), a truncated dump never served
with 200, and a good build swapped in served again without a restart.

The damage is real (files truncated or deleted in a real published build: store, dataset, dumps) and
so is the server: the test client of the app, and ``kgpub serve`` started as a user starts it.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kgpub import publish
from kgpub.config import Settings
from kgpub.web import create_app
from tests.web.pages.fixture import publish_fixture

PATHS = ("/", "/dataset", "/id/org/helsinki", "/doc/org/helsinki", "/sparql?query=ASK%7B%7D", "/sitemap.xml")


def _assert_unavailable(status: int, headers: httpx.Headers | dict[str, str], body: str, *names: str) -> None:
    assert status == 503, body
    assert int(headers["Retry-After"]) > 0
    assert "Traceback" not in body
    for name in names:
        assert name in body, body


def test_a_deleted_store_file_is_503_on_every_page_and_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = publish_fixture(tmp_path / "var")
    published = publish.current(settings)
    (published.store_path / "CURRENT").unlink()
    app = create_app(settings)
    client = app.test_client()
    try:
        with caplog.at_level(logging.ERROR):
            for path in PATHS:
                r = client.get(path, headers={"Accept": "text/plain, */*;q=0.1"})
                _assert_unavailable(r.status_code, dict(r.headers), r.text, "store/CURRENT: missing", "retry")
            r = client.get("/sparql?query=ASK%7B%7D", headers={"Accept": "application/json"})
            problem = r.get_json()
            assert r.status_code == 503 and problem["status"] == 503 and "damaged" in problem["message"]
        damaged = [rec for rec in caplog.records if "is damaged" in rec.getMessage()]
        assert len(damaged) == 1  # once per build, not once per request
        # A good build swapped in is served at once, by the same app.
        publish_fixture(tmp_path / "var")
        assert client.get("/").status_code == 200
        answer = client.get("/sparql?query=ASK%7B%7D", headers={"Accept": "application/json"}).get_json()
        assert answer["boolean"] is True
    finally:
        app.extensions["kgpub"]["stores"].close()


def test_a_dump_truncated_after_the_check_is_never_served(tmp_path: Path) -> None:
    settings = publish_fixture(tmp_path / "var")
    dump = publish.current(settings).dumps_path / "dataset.ttl"
    app = create_app(settings)
    client = app.test_client()
    try:
        whole = client.get("/dumps/dataset.ttl")
        assert whole.status_code == 200 and whole.data == dump.read_bytes()
        etag = whole.headers["ETag"]
        whole.close()  # send_file's response holds the file open
        dump.write_bytes(dump.read_bytes()[:1000])  # after the server checked the build
        for headers in ({}, {"If-None-Match": etag}, {"Range": "bytes=0-99"}):
            r = client.get("/dumps/dataset.ttl", headers={"Accept": "text/plain", **headers})
            _assert_unavailable(r.status_code, dict(r.headers), r.text, "dataset.ttl", "1000 bytes")
        intact = client.get("/dumps/dataset.jsonld")
        assert intact.status_code == 200  # the intact dumps still are
        intact.close()
    finally:
        app.extensions["kgpub"]["stores"].close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_for(url: str, deadline_s: float = 60.0) -> httpx.Response:
    end = time.monotonic() + deadline_s
    while True:
        try:
            return httpx.get(url, headers={"Accept": "text/plain"}, timeout=30)
        except httpx.TransportError:
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


@pytest.mark.slow
def test_kgpub_serve_reports_a_damaged_build_and_answers_503_until_it_is_rebuilt(tmp_path: Path) -> None:
    settings: Settings = publish_fixture(tmp_path / "var")
    trig = publish.current(settings).dataset_path
    trig.write_bytes(trig.read_bytes()[:5000])  # a truncated dataset.trig
    port = _free_port()
    env = {**os.environ, "KGPUB_VAR_DIR": str(settings.var_dir), "KGPUB_PORT": str(port)}
    kgpub = str(Path(sys.executable).parent / "kgpub")
    server = subprocess.Popen(
        [kgpub, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        root = f"http://127.0.0.1:{port}"
        r = _wait_for(f"{root}/")
        _assert_unavailable(r.status_code, r.headers, r.text, "dataset.trig: 5000 bytes")
        dump = httpx.get(f"{root}/dumps/dataset.trig", timeout=30)
        assert dump.status_code == 503
        publish_fixture(tmp_path / "var")  # what `kgpub build --if-stale` does: a new, intact build
        assert httpx.get(f"{root}/", timeout=30).status_code == 200
        assert httpx.get(f"{root}/dumps/dataset.trig", timeout=30).status_code == 200
    finally:
        server.terminate()
        try:
            _, stderr = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, stderr = server.communicate()
    assert "warning: the published build is damaged: dataset.trig: 5000 bytes" in stderr
    assert "Traceback" not in stderr
