"""Shared fixtures: a copy of the project's inputs in a tmp folder, so builds never touch the repo."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from kgpub.config import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

SHARED = PROJECT_ROOT.parent / "shared"

# Hypothesis profiles for the property tests (tests/**/*_props.py, tests/extract/test_fuzz.py).
# "default": 100 examples each, so the property suite stays well under a minute on 2 cores;
# "ci" (chosen when CI=true): the same examples on every run (derandomized, no example database),
# so a red CI is reproducible; "long" (HYPOTHESIS_PROFILE=long, `make fuzz`): KGPUB_FUZZ_EXAMPLES
# (default 2000; `make fuzz` passes FUZZ_EXAMPLES=1000) examples each.
# A per-example deadline catches a pathological input that makes code under test slow.
settings.register_profile("default", max_examples=100, deadline=5000)
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("KGPUB_FUZZ_EXAMPLES", "2000")),
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow],
)
_IN_CI = os.environ.get("CI", "").lower() == "true"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _IN_CI else "default"))


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright driver for the whole run: its sync API owns an event loop, so a second
    ``sync_playwright()`` while the first is open fails ("Sync API inside the asyncio loop")."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def copy_project(root: Path) -> Settings:
    """Settings whose data/, ontology/, shapes/, queries/ and var/ are private copies under root."""
    for name in ("data", "ontology", "shapes", "queries"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    return Settings.rooted_at(root)


@pytest.fixture
def project_copy(tmp_path: Path) -> Settings:
    """A private copy of the project's inputs: builds in a test never touch the repo."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One real build of the seed sources, shared by the tests that only read it."""
    from kgpub.pipeline import build

    settings = copy_project(tmp_path_factory.mktemp("seed-build"))
    build(settings)
    return settings


@pytest.fixture(scope="session")
def mixed_build(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One real build of the seeds plus a Swedish (Närpes) and an English source (tests/mixed_build.py)."""
    from kgpub.pipeline import build
    from tests.mixed_build import add_mixed_sources

    settings = copy_project(tmp_path_factory.mktemp("mixed-build"))
    add_mixed_sources(settings)
    build(settings)
    return settings


UNLABELLED_BODY = """\
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix kgp:  <def/> .

<curation/zz-unlabelled> a kgp:CurationFile ;
    dct:title "A test file with a shape violation"@en ;
    prov:wasAttributedTo [ a prov:Agent ; foaf:name "kgpub tests" ] ;
    dct:modified "2026-11-22"^^xsd:date .

# A body whose label has no language tag violates the label shape.
<id/org/helsinki-testi> a org:Organization ; skos:prefLabel "testi" ;
    org:subOrganizationOf <id/org/helsinki> .
"""


def add_violating_curation(settings: Settings) -> None:
    """Put a well-formed curation file that breaks a SHACL shape into ``settings.data_dir``."""
    (settings.data_dir / "curation" / "zz-unlabelled.ttl").write_text(UNLABELLED_BODY, encoding="utf-8")
