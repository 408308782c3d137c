"""Corrections, additions and undo in review files (kgpub.review), and the curators file and CLI."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgpub import curators
from kgpub.cli import main
from kgpub.curation import load_curation_file
from kgpub.errors import CurationError, InputError
from kgpub.extract.sv import extract_sv
from kgpub.model import Extraction
from kgpub.namespaces import Local
from kgpub.review import (
    apply_decisions,
    apply_edits,
    history,
    numbered_facts,
    record_addition,
    record_correction,
    record_decisions,
    record_undo,
    review_path,
    verdicts,
)
from kgpub.sources import Source, SourceMeta

TEXT = (  # devset d04, shortened, with a character outside the BMP before the span a curator adds
    "Stadens ledning 🏛\n\n"
    "Stadsstyrelsen leder stadens verksamhet, förvaltning och ekonomi.\n\n"
    "Stadens ämbetsverk är indelat i följande avdelningar: förvaltningsavdelningen, bildningsavdelningen.\n"
)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def source() -> Source:
    return Source(
        SourceMeta("narpes-ledning", "Stadens ledning", "p", "Närpes", "sv", "unknown", "unknown"), TEXT
    )


@pytest.fixture
def extraction(source: Source) -> Extraction:
    return extract_sv(source)


def _number(extraction: Extraction, summary_start: str) -> int:
    return next(n.number for n in numbered_facts(extraction) if n.summary.startswith(summary_start))


def test_a_correction_renames_the_body_in_every_fact_about_it(extraction: Extraction, tmp_path: Path) -> None:
    number = _number(extraction, "förvaltningsavdelningen (")
    record_correction(
        extraction, number, tmp_path, reviewer="maija", name="allmänna avdelningen", kind="unit"
    )
    out = apply_edits(extraction, TEXT, tmp_path)
    body = next(b for b in out.bodies if b.name == "allmänna avdelningen")
    assert body.kind == "unit" and body.confidence == 1.0
    assert "förvaltningsavdelningen" not in {b.name for b in out.bodies}
    assert ("allmänna avdelningen", "stadens ämbetsverk") in {(p.child, p.parent) for p in out.part_of}
    assert all("förvaltningsavdelningen" not in (p.child, p.parent) for p in out.part_of)


def test_only_a_body_is_corrected_and_a_correction_must_change_something(
    extraction: Extraction, tmp_path: Path
) -> None:
    duty = _number(extraction, "stadsstyrelsen: leder")
    with pytest.raises(CurationError, match="only a body"):
        record_correction(extraction, duty, tmp_path, reviewer="maija", name="x")
    body = _number(extraction, "stadsstyrelsen (")
    with pytest.raises(CurationError, match="nothing to correct"):
        record_correction(extraction, body, tmp_path, reviewer="maija", name="stadsstyrelsen", kind="board")
    with pytest.raises(CurationError, match="kind 'agencyx'"):
        record_correction(extraction, body, tmp_path, reviewer="maija", kind="agencyx")
    assert not review_path(tmp_path, "narpes-ledning").exists()


def test_an_addition_is_a_body_with_the_selected_span_as_evidence(
    source: Source, extraction: Extraction, tmp_path: Path
) -> None:
    start = TEXT.index("ekonomi.")
    end = start + len("ekonomi")
    record_addition(
        source,
        tmp_path,
        start=start,
        end=end,
        quote="ekonomi",
        name="ekonomienheten",
        kind="agency",
        parent="stadsstyrelsen",
        reviewer="maija",
    )
    out = apply_edits(extraction, TEXT, tmp_path)
    added = next(b for b in out.bodies if b.name == "ekonomienheten")
    assert (added.kind, added.rule, added.confidence) == ("agency", "review", 1.0)
    assert TEXT[added.evidence.start : added.evidence.end] == added.evidence.quote == "ekonomi"
    assert ("ekonomienheten", "stadsstyrelsen", "part") in {
        (p.child, p.parent, p.relation) for p in out.part_of
    }


def test_an_addition_whose_span_does_not_read_its_quote_is_refused(source: Source, tmp_path: Path) -> None:
    start = TEXT.index("ekonomi.")
    with pytest.raises(CurationError, match="select again"):  # one off, as a UTF-16 count past the emoji
        record_addition(
            source,
            tmp_path,
            start=start + 1,
            end=start + 8,
            quote="ekonomi",
            name="s",
            kind="agency",
            reviewer="maija",
        )
    with pytest.raises(CurationError, match="not a span"):
        record_addition(source, tmp_path, start=5, end=5, quote="", name="s", kind="agency", reviewer="maija")
    assert not review_path(tmp_path, "narpes-ledning").exists()


def test_a_changed_text_makes_the_build_refuse_an_addition(
    source: Source, extraction: Extraction, tmp_path: Path
) -> None:
    start = TEXT.index("ekonomi.")
    record_addition(
        source,
        tmp_path,
        start=start,
        end=start + 7,
        quote="ekonomi",
        name="ekonomienheten",
        kind="agency",
        reviewer="maija",
    )
    with pytest.raises(CurationError, match="no longer read"):
        apply_edits(extraction, TEXT.replace("ekonomi.", "budget."), tmp_path)


def test_undo_restores_the_extraction_and_the_history_keeps_everything(
    source: Source, extraction: Extraction, tmp_path: Path
) -> None:
    rejected = _number(extraction, "stadsstyrelsen (")
    record_decisions(extraction, {rejected: "reject"}, tmp_path, reviewer="maija", when=T0)
    renamed = _number(extraction, "bildningsavdelningen (")
    record_correction(extraction, renamed, tmp_path, reviewer="ville", name="bildning")
    assert verdicts(extraction, tmp_path) == {rejected: "rejected"}
    entries = history(tmp_path, "narpes-ledning")
    assert [(e.what, e.who) for e in entries] == [("corrected", "ville"), ("rejected", "maija")]
    for entry in entries:
        record_undo("narpes-ledning", entry.fragment, tmp_path, reviewer="ville")
    assert verdicts(extraction, tmp_path) == {}
    assert apply_edits(apply_decisions(extraction, tmp_path), TEXT, tmp_path) == extraction
    assert all(e.undone for e in history(tmp_path, "narpes-ledning"))
    with pytest.raises(CurationError, match="already been undone"):
        record_undo("narpes-ledning", entries[0].fragment, tmp_path, reviewer="ville")
    with pytest.raises(CurationError, match="no decision, correction or addition"):
        record_undo("narpes-ledning", "session-99-decision-1", tmp_path, reviewer="ville")


def test_a_review_file_with_edits_is_a_valid_curation_file(
    source: Source, extraction: Extraction, tmp_path: Path
) -> None:
    record_correction(
        extraction, _number(extraction, "stadsstyrelsen ("), tmp_path, reviewer="m", kind="council"
    )
    start = TEXT.index("ekonomi.")
    record_addition(
        source,
        tmp_path,
        start=start,
        end=start + 7,
        quote="ekonomi",
        name="ekonomienheten",
        kind="agency",
        reviewer="m",
    )
    graph = load_curation_file(review_path(tmp_path, "narpes-ledning"), Local("http://127.0.0.1:5000/"))
    spans = [str(o) for o in graph.objects(None, Local("http://127.0.0.1:5000/").KGP.span)]
    assert spans == [f"http://127.0.0.1:5000/source/narpes-ledning#char={start},{start + 7}"]


def test_the_curators_file_holds_hashes_only_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "var" / "curators.json"
    assert curators.add(path, "maija", "a long enough password", min_length=10) is False
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text())["curators"]["maija"]
    assert stored.startswith("scrypt:") and "a long enough password" not in path.read_text()
    assert curators.verify(path, "maija", "a long enough password")
    assert not curators.verify(path, "maija", "a long enough passworD")
    assert not curators.verify(path, "ville", "a long enough password")
    with pytest.raises(InputError, match="at least 10"):
        curators.add(path, "ville", "short", min_length=10)
    with pytest.raises(InputError, match="curator name"):
        curators.add(path, "../etc", "a long enough password", min_length=10)
    path.write_text("{not json")
    with pytest.raises(InputError, match="not a curators file"):
        curators.load(path)


def test_cli_curator_add_reads_the_password_from_stdin(tmp_path: Path) -> None:
    env = {"KGPUB_CURATORS_FILE": str(tmp_path / "c.json")}
    result = CliRunner().invoke(main, ["curator", "add", "maija"], input="a long enough password\n", env=env)
    assert result.exit_code == 0, result.output
    assert curators.verify(tmp_path / "c.json", "maija", "a long enough password")
    short = CliRunner().invoke(main, ["curator", "add", "ville"], input="short\n", env=env)
    assert short.exit_code == 3 and "at least" in short.output
    listed = CliRunner().invoke(main, ["curator", "list"], env=env)
    assert listed.output == "maija\n"
    assert CliRunner().invoke(main, ["curator", "remove", "maija"], env=env).exit_code == 0
    assert CliRunner().invoke(main, ["curator", "remove", "maija"], env=env).exit_code == 3
