"""The Finnish extractor on whole pages: exact evidence, scores against the shared gold, odd input."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType

import pytest

from kgpub.config import PROJECT_ROOT
from kgpub.model import Extraction

from .helpers import run_fi

SHARED = PROJECT_ROOT.parent / "shared"
SEEDS = sorted(SHARED.glob("seeds/*.txt"))
DEVSET = sorted(p for p in SHARED.glob("devset/texts/fi/*.txt") if not p.name.startswith("v2_"))  # version 1


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_extraction", SHARED / "tools" / "score_extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _scores(texts: list[Path], gold_dir: Path) -> dict[str, tuple[int, int, int]]:
    scorer = _scorer()
    totals = {k: [0, 0, 0] for k in scorer.TYPES}
    for path in texts:
        gold = json.loads((gold_dir / (path.stem + ".json")).read_text(encoding="utf-8"))
        pred = run_fi(path.read_text(encoding="utf-8")).to_json()
        for kind, counts in scorer.score_pair(gold, pred).items():
            for i in range(3):
                totals[kind][i] += counts[i]
    return {k: (v[0], v[1], v[2]) for k, v in totals.items()}


def _f1(tp: int, gold: int, pred: int) -> float:
    p = tp / pred if pred else float(not gold)
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_the_shared_texts_are_there() -> None:
    assert len(SEEDS) == 3
    assert len(DEVSET) == 4


def test_seeds_score_at_least_0_9_for_every_fact_type() -> None:
    scores = _scores(SEEDS, SHARED / "gold")
    assert {k: round(_f1(*v), 3) for k, v in scores.items() if _f1(*v) < 0.9} == {}


def test_devset_fi_scores_at_least_0_85_overall() -> None:
    scores = _scores(DEVSET, SHARED / "devset" / "gold" / "fi")
    tp, gold, pred = (sum(v[i] for v in scores.values()) for i in range(3))
    assert _f1(tp, gold, pred) >= 0.85


@pytest.mark.parametrize("path", SEEDS + DEVSET, ids=lambda p: p.name)
def test_every_fact_points_at_its_sentence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    ex = run_fi(text)  # checks text[start:end] == quote for every fact
    assert ex.bodies
    known = {b.name for b in ex.bodies}
    assert {p.child for p in ex.part_of} | {p.parent for p in ex.part_of} <= known
    assert {h.org for h in ex.heads} | {d.org for d in ex.duties} | {s.org for s in ex.sites} <= known


def test_rule_names_and_confidences() -> None:
    ex = run_fi(SEEDS[0].read_text(encoding="utf-8"))
    facts = (*ex.bodies, *ex.part_of, *ex.heads, *ex.duties, *ex.sites)
    assert all(f.rule.split(".")[0] in {"body", "part", "head", "duty", "site"} for f in facts)
    assert all(0 < f.confidence <= 1 for f in facts)


def _random_words(n: int, seed: int) -> str:
    rng = random.Random(seed)
    words = " ".join(p.read_text(encoding="utf-8") for p in SEEDS).split()
    return " ".join(rng.choice(words) for _ in range(n))


def _odd_inputs() -> list[str]:
    rng = random.Random(7)
    return [
        "",
        "   \n\n",
        ".",
        "•\n•\n• ",
        "\x00\x01\ufffd" * 1000,
        "".join(chr(rng.randrange(1, 0x3000)) for _ in range(20_000)),
        "Osastoa johtaa",
        "Virastossa on kuusi osastoa:",
        "Kaupunginhallituksen " * 20_000,
        "Virastossa on kuusi osastoa: " + ", ".join(["elinkeino-osasto"] * 20_000) + ".",
        "a-" * 30_000,
        "(" * 10_000 + ")" * 10_000,
        "Porkkalankatu 13 G\n" * 5_000,
    ]


@pytest.mark.parametrize("text", _odd_inputs(), ids=lambda t: repr(t[:16]))
def test_odd_inputs_give_an_extraction(text: str) -> None:
    assert isinstance(run_fi(text), Extraction)


def test_a_megabyte_of_random_seed_words() -> None:
    text = _random_words(150_000, 1)
    assert len(text) > 1_000_000
    assert isinstance(run_fi(text), Extraction)
