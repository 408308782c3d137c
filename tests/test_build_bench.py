"""``kgpub.build_bench``'s report: the tables made from measured stages (the measuring itself is
``make bench``, never a test)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kgpub import build_bench
from kgpub.build_bench import exponent, main, report


def _rec(name: str, seconds: float) -> dict[str, Any]:
    return {"name": name, "seconds": seconds, "peak_mb": 100.0, "children_peak_mb": 20.0}


def _run(triples: int, scale: float) -> dict[str, Any]:
    return {
        "triples": triples,
        "pages": triples // 500,
        "full_s": 10.0 * scale,
        "incremental_s": 2.5 * scale,
        "full": [_rec("extract", 4.0 * scale), _rec("validate", 6.0 * scale)],
        "incremental": [_rec("extract", 0.4 * scale), _rec("validate", 2.1 * scale)],
    }


def test_the_report_has_each_stage_full_and_incremental_with_shares_and_exponents() -> None:
    text = report([_run(10_000, 1.0), _run(100_000, 10.0)], ["--sizes", "10000,100000"], 2, None)
    assert "| extract | 4.0 s / 100 MB (workers 20 MB) | 40.0 s / 100 MB (workers 20 MB) |" in text
    assert "| incremental rebuild (one page changed) | 2.5 s (25%) | 25.0 s (25%) |" in text
    assert "| extract | 400 ms (10%) | 4.0 s (10%) |" in text  # the incremental table
    assert "| validate | 2.1 s (35%) | 21.0 s (35%) |" in text
    assert "| extract | 1.00 |" in text  # ten times the triples, ten times the time
    assert exponent(1.0, 100.0, 10, 100) == 2.0


def test_the_tables_replace_their_block_and_keep_what_was_written_around_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bench.md"
    out.write_text(
        "# Title\n\n<!-- build-bench:begin -->\nTABLES OF THE LAST RUN\n<!-- build-bench:end -->\n"
        "\n## History\nkept\n"
    )
    monkeypatch.setattr(build_bench, "measure", lambda triples, work, workers, timeout_s: _run(10_000, 1.0))
    assert main(["--sizes", "10000", "--out", str(out), "--plot", str(tmp_path / "p.png")]) == 0
    text = out.read_text()
    assert "TABLES OF THE LAST RUN" not in text and "## History\nkept" in text and "| extract | 4.0 s" in text
