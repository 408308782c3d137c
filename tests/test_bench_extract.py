"""The extraction benchmark's pages and its report row (the timings themselves are in docs/, not tests)."""

from __future__ import annotations

from pathlib import Path

from kgpub.bench_extract import LIMIT_S, _row, _worker, megabyte_page, real_texts

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXTS = ["Kaupunginhallitus vastaa hallinnosta.\nOsastoa johtaa elinkeinojohtaja Marja-Leena Rinkineva.\n"]


def test_pages_are_deterministic_and_past_the_size() -> None:
    for kind in ("lines", "words"):
        page = megabyte_page(TEXTS, kind, size=5_000)
        assert len(page) >= 5_000
        assert page == megabyte_page(TEXTS, kind, size=5_000)


def test_a_lines_page_repeats_real_lines_and_a_words_page_uses_only_real_words() -> None:
    lines = set(megabyte_page(TEXTS, "lines", size=2_000).splitlines())
    assert lines == set(TEXTS[0].splitlines())
    real = set(TEXTS[0].split())
    words = megabyte_page(TEXTS, "words", size=2_000)
    assert set(words.split()) <= real
    assert len(set(words.splitlines())) > 2  # shuffled words: lines no page has


def test_the_finnish_pages_include_the_seeds() -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    texts = real_texts(SHARED, "fi")
    assert seeds and all(seed in texts for seed in seeds)
    assert not any(seed in real_texts(SHARED, "sv") for seed in seeds)


def test_a_worker_measures_a_real_extraction() -> None:
    result = _worker(SHARED, "en", "lines", "extract")
    assert result["chars"] >= 1_000_000 and result["seconds"] > 0 and result["found"] > 0


def test_a_stage_past_the_limit_is_reported_not_hidden() -> None:
    seg = {"chars": 1_000_000, "seconds": 0.5, "found": 10, "rss_mb": 1.0}
    row = _row("fi, words", seg, None)
    assert f"> {LIMIT_S} s" in row and "0.50 s" in row
