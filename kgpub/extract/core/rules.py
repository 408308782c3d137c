"""The declared rule registry: every rule that can put a fact into an extraction, declared once.

A rule is declared in its language pack's ``rules`` table (``kgpub/extract/<lang>/rules.py``, and
``core/sites`` rules shared by the packs that call them) with its id — the string the facts it makes
carry as ``rule`` —, its languages, the fact type it produces, a real example text and the facts that
example must produce, and the function that applies it. ``tests/extract/test_rules.py`` runs every
example; ``make eval`` measures every rule's precision on the development pages (seeds, devset v1 and
v2) and stores it in ``kgpub/extract/confidence.json``, which :func:`confidence` reads: a fact's
confidence is its rule's measured precision, not a number written where the rule records it, so
``kgpub review`` can put the least certain facts first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

FactType = Literal["organizations", "sub_organization_of", "heads", "duties", "sites"]

#: The generated measurements (``make eval``): {"floor": …, "min_fires": …, "rules": {id: {…}}}.
CONFIDENCE_FILE = Path(__file__).resolve().parent.parent / "confidence.json"
#: The confidence of a rule that was not measured at all (a rule newer than the file).
UNMEASURED = 0.5


@dataclass(frozen=True)
class Rule:
    """One declared rule.

    ``expects`` are the facts the example must produce with this rule, written as :func:`describe`
    writes them ("part: child < parent", "head: org | title | person", "duty: org | text",
    "site: org | address | phone", "body: name").
    """

    id: str
    langs: tuple[str, ...]
    type: FactType
    example: str
    expects: tuple[str, ...]
    function: Callable[..., Any]

    @property
    def where(self) -> str:
        """The function's module and name, as the generated tables show it."""
        module = self.function.__module__.removeprefix("kgpub.extract.")
        return f"{module}.{self.function.__qualname__}"


def rule(
    id: str,
    type: FactType,
    function: Callable[..., Any],
    example: str,
    expects: Iterable[str],
    langs: Iterable[str],
) -> Rule:
    """A table row: one rule's declaration (see :class:`Rule`)."""
    return Rule(id, tuple(langs), type, example, tuple(expects), function)


_TYPES_BY_PREFIX: dict[str, FactType] = {
    "body": "organizations",
    "part": "sub_organization_of",
    "head": "heads",
    "duty": "duties",
    "site": "sites",
}


def fact_type(rule_id: str) -> FactType:
    """The fact type an id names by its first part ("part.sv.list" → sub_organization_of)."""
    return _TYPES_BY_PREFIX[rule_id.split(".", 1)[0]]


def registry() -> dict[str, Rule]:
    """Every declared rule by id; an id declared twice is an error (a rule is declared once)."""
    from ..en.rules import RULES as EN
    from ..fi.rules import RULES as FI
    from ..sv.rules import RULES as SV
    from .sites import RULES as SITES

    found: dict[str, Rule] = {}
    for declared in (*FI, *SV, *EN, *SITES):
        if declared.id in found:
            raise ValueError(f"rule {declared.id} is declared twice")
        if fact_type(declared.id) != declared.type:
            raise ValueError(f"rule {declared.id} declares type {declared.type}")
        found[declared.id] = declared
    return found


@cache
def declared(rule_id: str) -> str | None:
    """The declared rule a fact's ``rule`` names: itself, or the family it belongs to ("duty.vastata"
    is of ``duty.<verb>``); None when no declaration covers it."""
    rules = registry()
    if rule_id in rules:
        return rule_id
    for family in rules:
        prefix, bracket, _ = family.partition("<")
        if bracket and rule_id.startswith(prefix) and re.fullmatch(r"[^\W\d_]+", rule_id[len(prefix) :]):
            return family
    return None


@cache
def _measured() -> dict[str, Any]:
    """The generated file, read once per process (an absent or broken file measures nothing)."""
    try:
        data: dict[str, Any] = json.loads(CONFIDENCE_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def confidence(rule_id: str) -> float:
    """A fact's confidence: its rule's measured precision on the development pages, or the floor when
    the rule fired too rarely there to be measured (or was not measured at all)."""
    data = _measured()
    found = data.get("rules", {}).get(declared(rule_id) or rule_id)
    if found is None:
        return float(data.get("floor", UNMEASURED))
    return float(found["confidence"])


def describe(fact: Any) -> str:
    """A fact as a rule's ``expects`` writes it: "body: name", "part: child < parent",
    "head: org | title | person", "duty: org | text", "site: org | address | phone"."""
    kind = type(fact).__name__
    if kind == "Body":
        return f"body: {fact.name}"
    if kind == "PartOf":
        return f"part: {fact.child} < {fact.parent}"
    if kind == "Head":
        return f"head: {fact.org} | {fact.title} | {fact.person or ''}"
    if kind == "Duty":
        return f"duty: {fact.org} | {fact.text}"
    return f"site: {fact.org} | {fact.address or ''} | {fact.phone or ''}"


def produced(example: str, lang: str, rule_id: str) -> list[str]:
    """What one rule makes of a text, as :func:`describe` writes it (the text read as ``lang``)."""
    from ...sources import Source, SourceMeta
    from .. import EXTRACTORS

    meta = SourceMeta(f"rule-{rule_id}", rule_id, "kgpub", "unknown", lang, "unknown", "unknown")
    extraction = EXTRACTORS[lang](Source(meta, example))
    facts: tuple[Any, ...] = (
        *extraction.bodies,
        *extraction.part_of,
        *extraction.heads,
        *extraction.duties,
        *extraction.sites,
    )
    return [describe(f) for f in facts if declared(f.rule) == rule_id]
