"""``kgpub export --site DIR``: the files of the static site and its nginx configuration.

The site served by nginx runs the linked-data tests of ``test_live.py`` (``ld_target``); here, what
the exporter writes: every document in every format, byte for byte the app's answer, a configuration
nginx accepts, and a clear refusal for a build without recorded documents.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

from kgpub.cli import main
from kgpub.config import Settings
from kgpub.documents import open_documents

from .conftest import NGINX, Site
from .fixture import publish_fixture


@pytest.mark.slow
def test_every_document_is_a_file_in_every_format(
    site_live: Site, published_dir: Path, pages_app: Flask
) -> None:
    settings: Settings = pages_app.extensions["kgpub"]["settings"]
    recorded = open_documents(published_dir, settings.base_iri)
    assert recorded is not None
    rests = [rest for rest, _ in recorded.paths()]
    assert len(rests) > 50
    missing = [
        f"doc/{rest}{suffix}"
        for rest in rests
        if not rest.endswith("/")
        for suffix in (".ttl", ".jsonld", ".nt", ".rdf", ".html")
        if not (site_live.root / f"doc/{rest}{suffix}").is_file()
    ]
    assert missing == []
    client = pages_app.test_client()
    for path in ("doc/org/helsinki.ttl", "doc/org/helsinki.nt", "doc/def/kind/agency.jsonld"):
        assert (site_live.root / path).read_bytes() == client.get(f"/{path}").data, path
    for name in ("sitemap.xml", "robots.txt", "dataset.ttl", ".well-known/void.ttl", "index.html"):
        assert (site_live.root / name).stat().st_size > 0, name


def _env(settings: Settings) -> dict[str, str]:
    return {"KGPUB_VAR_DIR": str(settings.var_dir), "KGPUB_BASE_IRI": settings.base_iri}


@pytest.mark.slow
def test_the_cli_writes_a_site_nginx_accepts(pages_settings: Settings, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--site", str(tmp_path), "--listen", "127.0.0.1:8099"], env=_env(pages_settings)
    )
    assert result.exit_code == 0, result.output
    assert "documents" in result.output and "nginx -p" in result.output
    conf = tmp_path / "nginx" / "nginx.conf"
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(conf.parent), "-c", conf.name, "-e", str(conf.parent / "logs" / "error.log")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stderr
    assert "listen 127.0.0.1:8099;" in (tmp_path / "nginx" / "kgpub.conf").read_text(encoding="utf-8")


def test_a_build_without_recorded_documents_is_refused(tmp_path: Path) -> None:
    settings = publish_fixture(tmp_path / "var", precompute=False)
    result = CliRunner().invoke(main, ["export", "--site", str(tmp_path / "site")], env=_env(settings))
    assert result.exit_code == 3
    assert "no recorded documents" in result.output
