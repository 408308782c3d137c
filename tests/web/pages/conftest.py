"""Fixtures for the page tests: the realistic fixture build (see ``fixture.py``) published once per
session, an app serving it, its test client and a live HTTP server on a free port.

The data's base IRI stays ``http://127.0.0.1:5000/`` while the live server listens elsewhere (its
``public_base``), so every live test also proves that request paths are mapped onto data IRIs without
a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgpub.config import Settings
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
