"""Segmentation invariants on every real text we have, and on inputs no page should contain."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kgpub.config import PROJECT_ROOT
from kgpub.text import Document, segment

SHARED = PROJECT_ROOT.parent / "shared"
TEXTS = sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("devset/texts/*/*.txt")])


def test_the_shared_texts_are_there() -> None:
    assert len(TEXTS) == 58  # 3 seeds; devset v1: 4 fi + 2 sv + 2 en; v2: 21 fi + 13 sv + 13 en


def _check(doc: Document) -> None:
    """Every sentence is a slice of the original with only white space normalised, in reading order."""
    last = 0
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
        for s in block.sentences:
            assert len(s.text) == s.end - s.start
            original = doc.text[s.start : s.end]
            assert s.text == "".join(" " if c.isspace() else c for c in original)
            assert s.text.strip() == s.text and s.text
            assert s.start >= last
            assert block.start <= s.start and s.end <= block.end
            last = s.end


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_sentences_are_exact_slices_of_real_texts(path: Path) -> None:
    doc = segment(path.read_text(encoding="utf-8"))
    _check(doc)
    assert doc.sentences


def test_sentence_span_helper() -> None:
    text = "Viraston päällikkönä on kansliapäällikkö Sami Sarvilinna."
    sentence = segment(text).sentences[0]
    i = sentence.text.index("Sami")
    start, end = sentence.span(i, i + len("Sami Sarvilinna"))
    assert text[start:end] == "Sami Sarvilinna"


def _random_words(n: int, seed: int) -> str:
    rng = random.Random(seed)
    vocab = [
        "osasto",
        "Virastossa",
        "on",
        "kuusi",
        "osastoa:",
        "ja",
        "mm.",
        "21.9.",
        "•",
        "*",
        "\n",
        "\n\n",
        "Hallinto-osasto",
        "huolehtii",
        "evästeet.",
        "Kirjautuminen",
        "-",
        "1.",
        "(oto)",
        "–",
        ".",
        ",",
    ]
    return " ".join(rng.choice(vocab) for _ in range(n))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        ".",
        "• • •",
        "*",
        "\x00\x01\x02\ufffd\udcff",
        "a\rb\r\nc\u2028d\x0ce",
        "ä" * 100_000,
        "Osasto. " * 20_000,
        "- " * 50_000,
        "Etusivu > " * 10_000,
        _random_words(5_000, 1),
    ],
    ids=lambda t: repr(t[:12]),
)
def test_odd_inputs_never_break_the_invariant(text: str) -> None:
    _check(segment(text))


def test_a_megabyte_of_random_words() -> None:
    text = _random_words(200_000, 2)
    assert len(text) > 1_000_000
    doc = segment(text)
    _check(doc)
    assert doc.sentences
