"""Fuzz target for the extractor: any text → ``extract`` finishes in bounded time, never raises, and
every fact's evidence quotes the text exactly.

Text comes from :mod:`tests.strategies`: page-like mixes of real seed lines, Finnish/Swedish/English
organisation sentences, list markers, colons, headings, menus and banners, plus raw Unicode. Each
example runs under two clocks: Hypothesis' ``deadline`` (the profile's, see tests/conftest.py) and a
hard wall clock (SIGALRM) that stops an example that hangs — a regex gone exponential or a loop that
never ends — and fails it with the text that did it. ``make fuzz`` runs the same target with many more
examples (``HYPOTHESIS_PROFILE=long``).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from hypothesis import example, given
from hypothesis import strategies as st

from kgpub.extract import extract
from kgpub.sources import Source, SourceMeta
from tests.strategies import fuzz_text
from tests.text.test_offsets_props import assert_exact_evidence

#: Hard limit on one extraction, seconds (override with KGPUB_FUZZ_EXAMPLE_S). Generated texts are at
#: most ~15 000 characters; the extractor reads them in well under 0.1 s, so this only catches hangs.
EXAMPLE_S = float(os.environ.get("KGPUB_FUZZ_EXAMPLE_S", "10"))


class Hang(Exception):
    """An extraction ran past the hard wall clock."""


@contextmanager
def wall_clock(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in this (the main) thread if the block runs longer than ``seconds``."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"extraction still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _source(text: str, language: str) -> Source:
    return Source(SourceMeta("fuzz", "fuzz", "p", "helsinki", language, "unknown", "unknown"), text)


@given(fuzz_text, st.sampled_from(["fi", "sv", "en", "und"]))
@example("", "und")
@example("\ufeff\u200b\r\n\r\n", "fi")
@example("Osasto:\n- \n• •\n1.\n:\n", "fi")
@example("Kansliassa on kolme osastoa: " + ", ".join(["hallinto-osasto"] * 400) + ".", "fi")
@example("Stadskansliet består av " + " samt ".join(["enheten"] * 300) + ".", "sv")
@example("The Office is led by " + " and ".join(["Head of Unit Åsa Öberg"] * 200) + ".", "en")
@example("a\u0308" * 3000 + "\U0001f600" * 500, "und")
def test_any_text_is_extracted_in_bounded_time_with_exact_evidence(text: str, language: str) -> None:
    started = time.monotonic()
    with wall_clock(EXAMPLE_S):
        extraction = extract(_source(text, language))
    assert time.monotonic() - started < EXAMPLE_S
    assert extraction.source == "fuzz"
    assert extraction.lang in ("fi", "sv", "en")
    assert_exact_evidence(text, extraction)


def test_the_wall_clock_stops_a_hang() -> None:
    """The guard itself works: a busy loop is interrupted and reported, not left running."""
    started = time.monotonic()
    try:
        with wall_clock(0.2):
            while True:
                pass
    except Hang as exc:
        assert "0.2 s" in str(exc)
    assert time.monotonic() - started < 2
