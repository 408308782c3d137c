"""``python -m kgpub.evaluate``: scoring with the shared scorer, the report, and its error paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgpub.evaluate import EvaluationError, corpora, evaluate, main, report, write_report
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
    """A small copy of the shared layout: Swedish dev texts stand in as seeds; the real scorer."""
    root = tmp_path / "shared"
    for lang in ("sv", "en"):
        for kind in ("texts", "gold"):
            shutil.copytree(SHARED / "devset" / kind / lang, root / "devset" / kind / lang)
    shutil.copytree(SHARED / "devset" / "texts" / "sv", root / "seeds")
    shutil.copytree(SHARED / "devset" / "gold" / "sv", root / "gold")
    (root / "tools").mkdir()
    (root / "tools" / "score_extraction.py").symlink_to(SHARED / "tools" / "score_extraction.py")
    return root


def test_the_development_set_meets_the_targets_for_swedish_and_english() -> None:
    results = {
        r.corpus.name: r for r in evaluate(SHARED, extractor=sv_or_en) if r.corpus.language in ("sv", "en")
    }
    assert set(results) == {"devset/sv", "devset/en"}
    for result in results.values():
        assert result.total["all"]["f1"] >= 0.75, result.corpus.name
        assert not result.failures


def test_scores_come_from_the_shared_scorer_per_corpus_and_fact_type(shared: Path) -> None:
    results = evaluate(shared, extractor=sv_or_en)
    assert [r.corpus.name for r in results] == ["seeds", "devset/sv", "devset/en"]
    seeds = results[0]
    assert seeds.total["all"]["gold"] == 29 and set(seeds.total) >= {"organizations", "duties", "all"}
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
    assert table.count("| duties |") == 3 and "| d04_narpes_stadens_ledning | sv |" in table


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
    assert [(c.name, c.language) for c in corpora(shared)] == [
        ("seeds", None),
        ("devset/sv", "sv"),
        ("devset/en", "en"),
    ]
