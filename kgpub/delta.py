"""What a build changes against the published one: the quads it adds and removes.

Published builds never change, so a file of the new build that would be computed from exactly what
made the same file of the published build can be taken from it instead of being computed again
(issue 12: an incremental rebuild after one page changed). This module says *what* changed; the
stages that reuse (the store, the part dumps, the documents) decide what that change reaches.

The comparison is of the quads themselves — the new build's list against the published
``dataset.trig`` parsed back — so it needs no bookkeeping of which input made which quad, and it is
exact whatever changed (a page, a curation file, a reasoning rule's output). Blank nodes compare by
label, which is why :mod:`kgpub.quads` labels them from what they are, not at random.

There is no delta (a full build) when nothing is published, when the published build is of another
base IRI or of other code (``build.json``'s ``code``: a change to kgpub may change how any file is
written from the same quads), when it no longer matches its seal (``publish.verify``: its store is
copied), or when more than ``reuse_max_changed`` (a setting) of the quads changed (reuse would then
cost more than it saves).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from . import publish
from .config import Settings
from .errors import KgpubError
from .incremental import PACKAGE, package_digest


@cache
def code_digest() -> str:
    """The SHA-256 of kgpub's own code (every file of the package), kept in ``build.json``."""
    return package_digest(sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"))


@dataclass(frozen=True)
class Delta:
    """The published build a new build is compared against, and the quads the new one adds and removes."""

    previous: Path
    added: frozenset[ox.Quad]
    removed: frozenset[ox.Quad]
    #: Unchanged quads a store must be given again after the removals: a store keeps one form of a
    #: typed value (``"1.50"`` and ``"1.5"`` are one decimal), so removing one spelling removes both.
    restore: frozenset[ox.Quad] = frozenset()

    def changed(self) -> frozenset[ox.Quad]:
        return self.added | self.removed

    def graphs(self) -> frozenset[str]:
        """The named graphs (IRIs) with a quad added or removed."""
        return frozenset(q.graph_name.value for q in self.changed() if isinstance(q.graph_name, ox.NamedNode))

    def __len__(self) -> int:
        return len(self.added) + len(self.removed)


def against_published(settings: Settings, dataset: list[ox.Quad]) -> tuple[Delta | None, str]:
    """``(delta, why)``: the change from the published build to ``dataset``, or ``(None, why not)``.
    Above ``settings.reuse_max_changed`` of changed quads (0: always) there is none."""
    max_fraction = settings.reuse_max_changed
    if max_fraction <= 0:
        return None, "reuse of the published build is off (reuse_max_changed = 0)"
    try:
        current = publish.current(settings)
        manifest = current.manifest()
    except (KgpubError, OSError, ValueError):
        return None, "nothing is published"
    if manifest.get("base_iri") != settings.base_iri:
        return None, "the published build has another base IRI"
    if manifest.get("code") != code_digest():
        return None, "the published build was made by other code"
    damaged = publish.verify(current)  # its store and files are copied: only if they are as sealed
    if damaged:
        return None, f"the published build is damaged ({damaged[0]})"
    previous = current.path.resolve()
    try:
        before = set(ox.parse(path=str(previous / publish.DATASET), format=ox.RdfFormat.TRIG))
    except (OSError, SyntaxError, ValueError) as exc:
        return None, f"the published dataset is unreadable ({exc})"
    after = set(dataset)
    removed = before - after
    typed = {(q.subject, q.predicate, q.graph_name) for q in removed if _typed(q.object)}
    restore = {q for q in after if _typed(q.object) and (q.subject, q.predicate, q.graph_name) in typed}
    delta = Delta(previous, frozenset(after - before), frozenset(removed), frozenset(restore))
    if len(delta) > max_fraction * max(len(after), 1):
        return None, f"{len(delta):,} of {len(after):,} quads changed"
    return delta, f"{len(delta.added):,} quads added, {len(delta.removed):,} removed"


_PLAIN = ("http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def _typed(term: object) -> bool:
    return isinstance(term, ox.Literal) and term.datatype.value not in _PLAIN
