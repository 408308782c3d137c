"""Each extraction rule's precision on the development pages, the confidence its facts then carry.

``make eval`` runs this after the corpus figures (``python -m kgpub.evaluate --confidence FILE``): for
every document of the seeds and of devset v1 and v2, the facts each rule made are scored alone against
the document's gold by the shared scorer's own matching (``score_pair`` of
``SHARED/tools/score_extraction.py``, loaded from that file, so a fact counts as correct exactly when
the scorer counts it), and summed per rule. A rule that made fewer than ``min_fires`` scored facts is
not measured: its facts get ``floor``, which puts them among the least certain in ``kgpub review``.
The result is written to ``kgpub/extract/confidence.json`` (read by :mod:`kgpub.extract.core.rules`)
and shown as the generated rule tables of ``docs/extraction.md``.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import KgpubError
from .extract.core.rules import Rule, declared, fact_type, registry
from .model import Extraction
from .sources import Source, source_from_file

Extractor = Callable[[Source], Extraction]
#: A rule measured on fewer scored facts than this gets the floor.
MIN_FIRES = 5
#: The confidence of a rule too rarely fired to measure.
FLOOR = 0.5


class MeasureError(KgpubError):
    """The scorer could not be loaded; exit code 3 (bad input)."""

    exit_code = 3


@dataclass
class Tally:
    """One rule's scored facts on the development pages."""

    fires: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.fires if self.fires else None


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer as a module (its matching is the definition of a correct fact)."""
    spec = importlib.util.spec_from_file_location("kgpub_shared_scorer", path)
    if spec is None or spec.loader is None:
        raise MeasureError(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _declared(fact_rule: str) -> str:
    return declared(fact_rule) or fact_rule


def _only(extraction: Extraction, rule: str) -> Extraction:
    """The facts one declared rule made (the scorer maps names through the gold's aliases only, so
    a part-of, head or duty fact is scored without the bodies it names)."""
    keep: Callable[[Any], bool] = lambda fact: _declared(fact.rule) == rule  # noqa: E731
    bodies = tuple(filter(keep, extraction.bodies))
    return dataclasses.replace(
        extraction,
        bodies=bodies,
        part_of=tuple(filter(keep, extraction.part_of)),
        heads=tuple(filter(keep, extraction.heads)),
        duties=tuple(filter(keep, extraction.duties)),
        sites=tuple(filter(keep, extraction.sites)),
    )


def _rules_of(extraction: Extraction) -> set[str]:
    facts: Iterable[Any] = (
        *extraction.bodies,
        *extraction.part_of,
        *extraction.heads,
        *extraction.duties,
        *extraction.sites,
    )
    return {_declared(f.rule) for f in facts}


def tally_document(scorer: ModuleType, gold: dict[str, Any], extraction: Extraction) -> dict[str, Tally]:
    """Each rule's scored facts in one document."""
    found: dict[str, Tally] = {}
    for rule in _rules_of(extraction):
        try:
            kind = fact_type(rule)
        except KeyError:
            continue  # not an extraction rule (e.g. a curated fact)
        tp, _gold, predicted = scorer.score_pair(gold, _only(extraction, rule).to_json())[kind]
        found[rule] = Tally(predicted, tp)
    return found


def measure(
    documents: Iterable[tuple[Path, Path, str | None]], scorer: ModuleType, extractor: Extractor
) -> dict[str, Tally]:
    """Each rule's tally over ``documents`` (gold file, text file, declared language)."""
    total: dict[str, Tally] = {}
    for gold_path, text_path, language in documents:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        extraction = extractor(source_from_file(text_path, language))
        for rule, t in tally_document(scorer, gold, extraction).items():
            into = total.setdefault(rule, Tally())
            into.fires += t.fires
            into.correct += t.correct
    return total


def confidences(
    tallies: dict[str, Tally], min_fires: int = MIN_FIRES, floor: float = FLOOR
) -> dict[str, Any]:
    """The content of ``confidence.json``: every rule's tally and the confidence its facts carry."""
    rules = {
        rule: {
            "fires": t.fires,
            "correct": t.correct,
            "confidence": round(t.correct / t.fires, 3) if t.fires >= min_fires else floor,
        }
        for rule, t in sorted(tallies.items())
    }
    return {"min_fires": min_fires, "floor": floor, "rules": rules}


def write_confidences(path: Path, data: dict[str, Any]) -> None:
    """Write the generated file (sorted, so that an unchanged measurement leaves it unchanged)."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _cell(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rule_tables(data: dict[str, Any], rules: dict[str, Rule] | None = None) -> str:
    """Markdown: one table per language of the declared rules with their example and measurement."""
    rules = registry() if rules is None else rules
    measured = data.get("rules", {})
    lines = [
        "## Rules",
        "",
        f"Generated from the rule registry (`kgpub/extract/*/rules.py`) and `kgpub/extract/confidence.json`: "
        f"fires and precision are the rule's scored facts on seeds + devset v1 + v2; a rule with fewer "
        f"than {data.get('min_fires', MIN_FIRES)} has confidence {data.get('floor', FLOOR)} (the floor).",
    ]
    for lang in ("fi", "sv", "en"):
        mine = sorted((r for r in rules.values() if lang in r.langs), key=lambda r: (r.type, r.id))
        lines += [
            "",
            f"### Rules: {lang}",
            "",
            "| id | type | function | example | fires | precision | confidence |",
        ]
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        for r in mine:
            m = measured.get(r.id, {})
            fires = m.get("fires", 0)
            precision = f"{m['correct'] / fires:.2f}" if fires else "-"
            conf = m.get("confidence", data.get("floor", FLOOR))
            cells = [f"`{r.id}`", r.type, f"`{r.where}`", _cell(r.example), fires, precision, f"{conf:.2f}"]
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
