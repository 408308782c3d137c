"""``python -m kgpub.evaluate``: scoring with the shared scorer, the report, and its error paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kgpub.evaluate import EvaluationError, corpora, evaluate, main, read_baseline, report, write_report
from kgpub.extract.en import extract_en
from kgpub.extract.language import source_language
from kgpub.extract.sv import extract_sv
from kgpub.model import Extraction
from kgpub.sources import Source

from .conftest import SHARED


def sv_or_en(source: Source) -> Extraction:
    """The Swedish and English rules, chosen as ``kgpub.extract`` chooses them (metadata, else detection)."""
    lang = source_language(source.meta.language, source.text)
    return extract_sv(source) if lang == "sv" else extract_en(source)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A small copy of the shared layout: Swedish v1 dev texts stand in as seeds; the real scorer."""
    root = tmp_path / "shared"
    for lang in ("sv", "en"):
        for kind in ("texts", "gold"):
            shutil.copytree(SHARED / "devset" / kind / lang, root / "devset" / kind / lang)
    v1_only = shutil.ignore_patterns("v2_*")
    shutil.copytree(SHARED / "devset" / "texts" / "sv", root / "seeds", ignore=v1_only)
    shutil.copytree(SHARED / "devset" / "gold" / "sv", root / "gold", ignore=v1_only)
    (root / "tools").mkdir()
    (root / "tools" / "score_extraction.py").symlink_to(SHARED / "tools" / "score_extraction.py")
    return root


def test_the_development_set_meets_the_targets_for_swedish_and_english() -> None:
    results = {
        r.corpus.name: r for r in evaluate(SHARED, extractor=sv_or_en) if r.corpus.language in ("sv", "en")
    }
    assert set(results) == {"devset/sv", "devset/en", "devset-v2/sv", "devset-v2/en"}
    for name in ("devset/sv", "devset/en"):
        assert results[name].total["all"]["f1"] >= 0.75, name
    for result in results.values():
        assert not result.failures


def test_scores_come_from_the_shared_scorer_per_corpus_and_fact_type(shared: Path) -> None:
    results = evaluate(shared, extractor=sv_or_en)
    assert [r.corpus.name for r in results] == [
        "seeds",
        "devset/sv",
        "devset/en",
        "devset-v2/sv",
        "devset-v2/en",
    ]
    seeds = results[0]
    assert seeds.total["all"]["gold"] == 32 and set(seeds.total) >= {"organizations", "duties", "all"}
    assert seeds.detected == {"d04_narpes_stadens_ledning": "sv", "d05_helsingfors_organisation": "sv"}
    assert seeds.total == results[1].total  # same texts, language detected vs declared


def test_a_crashing_extractor_is_reported_and_scored_as_empty(shared: Path) -> None:
    def broken(source: Source) -> Extraction:
        raise RuntimeError("rule bug")

    results = evaluate(shared, extractor=broken)
    assert all(r.total["all"]["predicted"] == 0 for r in results)
    assert any("RuntimeError: rule bug" in f for f in results[0].failures)


def test_the_report_has_a_summary_and_a_table_per_corpus(shared: Path) -> None:
    table = report(evaluate(shared, extractor=sv_or_en), "python -m kgpub.evaluate --shared X", "2026-11-22")
    assert table.startswith("Produced by `python -m kgpub.evaluate --shared X` on 2026-11-22")
    assert "| seeds | 2 |" in table and "### devset/en" in table
    assert table.count("\n| duties |") == 5 and "| d04_narpes_stadens_ledning | sv |" in table


def test_write_report_replaces_only_the_marked_block(tmp_path: Path) -> None:
    out = tmp_path / "extraction.md"
    out.write_text("# Extraction\n\nRules.\n\n<!-- eval:begin -->\nold\n<!-- eval:end -->\n\nGaps.\n")
    write_report(out, "new table\n")
    assert (
        out.read_text()
        == "# Extraction\n\nRules.\n\n<!-- eval:begin -->\nnew table\n<!-- eval:end -->\n\nGaps.\n"
    )
    fresh = tmp_path / "docs" / "new.md"
    write_report(fresh, "t\n")
    assert fresh.read_text() == "# Extraction quality\n\n<!-- eval:begin -->\nt\n<!-- eval:end -->\n"


def test_missing_shared_material_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(EvaluationError, match="shared material not found"):
        evaluate(tmp_path / "nowhere")
    assert main(["--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x.md")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("kgpub.evaluate: error: shared material not found") and "Traceback" not in err
    assert not (tmp_path / "x.md").exists()


def test_corpora_follow_the_shared_layout(shared: Path) -> None:
    assert [(c.name, c.language, c.version) for c in corpora(shared)] == [
        ("seeds", None, None),
        ("devset/sv", "sv", "v1"),
        ("devset/en", "en", "v1"),
        ("devset-v2/sv", "sv", "v2"),
        ("devset-v2/en", "en", "v2"),
    ]


def test_versions_split_one_language_folder_by_file_name(shared: Path) -> None:
    by_name = {r.corpus.name: r for r in evaluate(shared, extractor=sv_or_en)}
    v1, v2 = by_name["devset/sv"], by_name["devset-v2/sv"]
    assert set(v1.documents) == {"d04_narpes_stadens_ledning", "d05_helsingfors_organisation"}
    assert v2.documents and all(doc.startswith("v2_") for doc in v2.documents)
    every = sorted(p.stem for p in (shared / "devset" / "gold" / "sv").glob("*.json"))
    assert sorted([*v1.documents, *v2.documents]) == every


def test_a_recorded_baseline_is_shown_next_to_today(shared: Path, tmp_path: Path) -> None:
    base = tmp_path / "blind.json"
    out = tmp_path / "report.md"
    assert main(["--shared", str(shared), "--baseline", str(base), "--record-baseline", "blind"]) == 0
    recorded = read_baseline(base)
    assert recorded is not None and recorded["note"] == "blind"
    assert set(recorded["totals"]) == {"devset-v2/sv", "devset-v2/en"}
    assert main(["--shared", str(shared), "--baseline", str(base), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Blind baseline: recorded" in text and "| devset-v2/sv (blind) |" in text


def test_a_broken_baseline_file_is_a_clear_error(shared: Path, tmp_path: Path) -> None:
    bad = tmp_path / "blind.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["--shared", str(shared), "--baseline", str(bad)]) == 3
    assert main(["--shared", str(shared), "--record-baseline", "x"]) == 3


def test_confidence_measures_each_rule_on_the_pages_and_the_report_gets_the_rule_tables(
    shared: Path, tmp_path: Path
) -> None:
    out, conf = tmp_path / "extraction.md", tmp_path / "confidence.json"
    assert (
        main(["--shared", str(shared), "--out", str(out), "--confidence", str(conf), "--min-fires", "3"]) == 0
    )
    data = json.loads(conf.read_text(encoding="utf-8"))
    assert (data["min_fires"], data["floor"]) == (3, 0.5)
    measured = data["rules"]
    assert "duty.sv.verb" in measured and "body.en.name" in measured  # Swedish and English pages
    for entry in measured.values():
        assert 0 <= entry["correct"] <= entry["fires"]
        rarely = entry["fires"] < 3
        assert entry["confidence"] == (0.5 if rarely else round(entry["correct"] / entry["fires"], 3))
    report = out.read_text(encoding="utf-8")
    assert "### Rules: sv" in report and "| `duty.sv.verb` | duties |" in report
