"""kgpub: turn public bodies' prose into a validated, served ORG knowledge graph.

Flow: sources → text → extract → model → rdf → reason → validate → store → web/cli.
"""

from __future__ import annotations

from .config import Settings
from .errors import KgpubError

__version__ = "0.1.0"
__all__ = ["KgpubError", "Settings", "__version__"]
