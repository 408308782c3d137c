"""Real SPARQL engines for the tests: :mod:`kgpub.engines` (shared with the benchmarks), re-exported
under the name the test modules import."""

from kgpub.engines import (
    ENGINES,
    OxigraphServer,
    RdflibEndpoint,
    VirtuosoServer,
    engine_at,
    free_port,
    oxigraph_binary,
)

__all__ = [
    "ENGINES",
    "OxigraphServer",
    "RdflibEndpoint",
    "VirtuosoServer",
    "engine_at",
    "free_port",
    "oxigraph_binary",
]
