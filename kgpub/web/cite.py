"""The "cite this" block of a body's page: what a researcher needs to cite one body of one version.

A citation names the body, the dataset, its version (the build id, which names the published build
and its dumps) and that version's date, the body's IRI, and a sentence of the sources that states
something about it (the page's first evidence). The version and date come from the build the page
is answered from, so a cached page (ETag per build) never cites another version.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

from .caching import current


@dataclass(frozen=True)
class Version:
    """The published build as a citation names it."""

    version: str
    date: str  # ISO 8601 (YYYY-MM-DD), the build's creation day
    dataset_url: str  # where the dataset is described (VoID/DCAT and its HTML page)


def version() -> Version:
    """The version of the build this request is answered from."""
    from .urls import public_root

    _store, build, _settings = current()
    return Version(build.build_id, build.created.date().isoformat(), public_root() + "dataset")


def register(app: Flask) -> None:
    """``cite_version()`` in every template (called only where a citation is shown)."""
    app.jinja_env.globals["cite_version"] = version
