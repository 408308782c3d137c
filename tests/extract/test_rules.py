"""The declared rule registry: every rule's example makes its facts, every rule id the code can write is
declared, and a fact's confidence is its rule's measured precision (``kgpub/extract/confidence.json``)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from kgpub.extract import extract
from kgpub.extract.core import rules
from kgpub.extract.core.rules import CONFIDENCE_FILE, declared, produced, registry
from kgpub.model import Body, Duty, Evidence, Extraction, PartOf
from kgpub.rule_precision import Tally, confidences, load_scorer, tally_document
from kgpub.sources import Source, SourceMeta
from tests.conftest import SHARED

REGISTRY = registry()
EXTRACT = Path(rules.__file__).resolve().parent.parent
#: A rule whose example cannot show its own fact: it only records a body its sentence's mentions
#: recorded first (so the facts carry body.fi.mention); kept declared because the code still calls it.
SHADOWED = {"body.fi.member"}


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_every_rule_makes_the_facts_its_example_declares(rule_id: str) -> None:
    rule = REGISTRY[rule_id]
    assert rule.expects or rule_id in SHADOWED, f"{rule_id} declares no fact"
    got = produced(rule.example, rule.langs[0], rule_id)
    for fact in rule.expects:
        assert fact in got, f"{rule_id}: {fact!r} not among {got}"


def _literal_ids() -> set[str]:
    """Every rule id written as a string in the extraction code (rules tables excepted; an f-string
    id such as "part.en.{relation}" is checked by its values below)."""
    found: set[str] = set()
    for path in EXTRACT.rglob("*.py"):
        if path.name == "rules.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {
            id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
        }
        for node in ast.walk(tree):
            if id(node) in in_fstrings:
                continue
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and re.fullmatch(r"(?:body|part|head|duty|site)\.[a-z0-9.-]+", text):
                found.add(text)
    return found


def test_every_rule_id_in_the_code_is_declared() -> None:
    ids = _literal_ids()
    assert len(ids) > 50  # the scan found the packs' rules
    undeclared = sorted(i for i in ids if declared(i) is None)
    assert undeclared == [], "declare these rules in their pack's rules.py (kgpub.extract.core.rules)"
    assert declared("part.en.part") and declared("part.en.subordinate")  # f"part.en.{relation}"


def test_every_rule_id_names_its_fact_type_and_language() -> None:
    # "<fact>.<lang>.<name>", so a fact's rule says which pack made it; only the contact readers that
    # packs share (core/sites.py) have no language part
    shared = {"site.labelled", "site.contact-line", "site.prose", "body.contact-line"}
    for rule_id, rule in REGISTRY.items():
        fact, _, rest = rule_id.partition(".")
        lang = rest.partition(".")[0]
        assert (fact, rule.type) in {
            ("body", "organizations"),
            ("part", "sub_organization_of"),
            ("head", "heads"),
            ("duty", "duties"),
            ("site", "sites"),
        }
        assert rule_id in shared or (lang in rule.langs and len(rule.langs) == 1), rule_id
    assert all(len(REGISTRY[i].langs) > 1 for i in shared)


def test_a_verb_family_covers_each_verbs_id_but_not_another_type() -> None:
    assert declared("duty.fi.vastata") == "duty.fi.<verb>"
    assert declared("duty.fi.joka") == "duty.fi.joka"  # an exact declaration wins over the family
    assert declared("part.fi.vastata") is None
    assert declared("duty.sv.nonexistent") is None


def test_a_facts_confidence_is_its_rules_measured_precision_or_the_floor() -> None:
    data = json.loads(CONFIDENCE_FILE.read_text(encoding="utf-8"))
    meta = SourceMeta("conf", "t", "t", "t", "sv", "unknown", "unknown")
    text = "Stadsstyrelsen svarar för stadens ekonomi. Tekniska nämnden svarar för gatorna."
    extraction = extract(Source(meta, text))
    assert extraction.duties
    for fact in (*extraction.bodies, *extraction.duties):
        entry = data["rules"].get(declared(fact.rule) or fact.rule)
        want = data["floor"] if entry is None else entry["confidence"]
        assert fact.confidence == want, fact.rule
    for entry in data["rules"].values():  # the floor stands wherever too few facts were scored
        assert (entry["confidence"] == data["floor"]) or entry["fires"] >= data["min_fires"]


GOOD = "svarar för stadens ekonomi och förvaltning"


def _ev(text: str) -> Evidence:
    return Evidence("doc", 0, len(text), text)


def test_a_rules_precision_counts_the_scorers_matches_of_its_own_facts() -> None:
    scorer = load_scorer(SHARED / "tools" / "score_extraction.py")
    gold = {
        "organizations": [{"name": "Stadsstyrelsen"}, {"name": "Tekniska nämnden"}],
        "sub_organization_of": [["Tekniska nämnden", "Stadsstyrelsen"]],
        "duties": [{"org": "Stadsstyrelsen", "text": GOOD}],
    }
    extraction = Extraction(
        "doc",
        "sv",
        bodies=(
            Body("Stadsstyrelsen", "board", _ev("x"), rule="body.sv.noun"),
            Body("Kulturnämnden", "board", _ev("x"), rule="body.sv.noun"),  # not in gold
        ),
        part_of=(PartOf("Tekniska nämnden", "Stadsstyrelsen", "part", _ev("x"), rule="part.sv.subordinate"),),
        duties=(
            Duty(
                "Stadsstyrelsen", "svarar för stadens ekonomi och förvaltning", _ev("x"), rule="duty.sv.verb"
            ),
            Duty("Stadsstyrelsen", "ordnar fester", _ev("x"), rule="duty.sv.verb"),  # wrong
            Duty("Stadsstyrelsen", "leder stadens förvaltning", _ev("x"), rule="duty.fi.vastata"),  # family
        ),
    )
    tallies = tally_document(scorer, gold, extraction)
    assert (tallies["body.sv.noun"].fires, tallies["body.sv.noun"].correct) == (2, 1)
    assert (tallies["part.sv.subordinate"].fires, tallies["part.sv.subordinate"].correct) == (1, 1)
    assert (tallies["duty.sv.verb"].fires, tallies["duty.sv.verb"].correct) == (2, 1)
    assert tallies["duty.fi.<verb>"].fires == 1  # the family is measured as one rule
    data = confidences({"a.x": Tally(10, 9), "b.y": Tally(2, 2)}, min_fires=5, floor=0.4)
    assert data["rules"]["a.x"]["confidence"] == 0.9
    assert data["rules"]["b.y"]["confidence"] == 0.4


def test_swedish_english_and_core_write_no_confidence_at_a_call_site() -> None:
    """A number passed where a rule records a fact would look like its confidence and is not one."""
    found = []
    for pack in ("sv", "en", "core"):
        for path in (EXTRACT / pack).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                numbers = [a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, float)]
                if node.func.attr in {"body", "part", "head", "duty"} and numbers:
                    found.append(f"{path.name}:{node.lineno}")
    assert found == [], "drop the number: a fact's confidence is its rule's measured precision"
