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
    version_url: str  # /versions/<id> (its date, triples, kept dumps); /dataset if it was never recorded


def version() -> Version:
    """The version of the build this request is answered from."""
    from .. import versions
    from .urls import public_root
    from .versions import version_url

    _store, build, settings = current()
    recorded = versions.get_version(settings, build.build_id) is not None
    url = version_url(public_root(), build.build_id) if recorded else public_root() + "dataset"
    return Version(build.build_id, build.created.date().isoformat(), url)


def register(app: Flask) -> None:
    """``cite_version()`` in every template (called only where a citation is shown)."""
    app.jinja_env.globals["cite_version"] = version
