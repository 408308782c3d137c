"""The kgpub command: each documented exit code, asserted through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kgpub.cli import main
from kgpub.config import PROJECT_ROOT, Settings
from kgpub.errors import EXIT_CODES
from tests.conftest import add_violating_curation

SEED = PROJECT_ROOT / "data" / "sources" / "helsinki-kaupunginkanslia" / "text.txt"


def env_for(settings: Settings) -> dict[str, str]:
    return {
        "KGPUB_DATA_DIR": str(settings.data_dir),
        "KGPUB_VAR_DIR": str(settings.var_dir),
        "KGPUB_ONTOLOGY_DIR": str(settings.ontology_dir),
        "KGPUB_SHAPES_DIR": str(settings.shapes_dir),
        "KGPUB_QUERIES_DIR": str(settings.queries_dir),
    }


def test_every_exit_code_is_in_the_help_text() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    for code, text in EXIT_CODES.items():
        assert f"{code} {text}" in flat


def test_usage_error_is_exit_2() -> None:
    assert CliRunner().invoke(main, ["no-such-command"]).exit_code == 2
    assert CliRunner().invoke(main, ["export", "--no-such-option"]).exit_code == 2


def test_a_bad_setting_in_the_environment_is_exit_2_without_a_traceback() -> None:
    for env in ({"KGPUB_NO_SUCH": "1"}, {"KGPUB_PORT": "eighty"}):
        result = CliRunner().invoke(main, ["validate"], env=env)
        assert result.exit_code == 2
        assert "in the KGPUB_* environment" in result.output and "Traceback" not in result.output


def test_extract_json_has_the_gold_shape() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("organizations", "sub_organization_of", "heads", "duties", "sites"):
        assert isinstance(data[key], list)
    text = SEED.read_text(encoding="utf-8")
    for head in data["heads"]:
        ev = head["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["quote"]


def test_extract_reads_a_source_text_with_its_metadata() -> None:
    for path in (SEED, SEED.parent):
        result = CliRunner().invoke(main, ["extract", str(path), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["source"] == "helsinki-kaupunginkanslia"


def test_bad_encoding_is_exit_3_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Hallintopalvelut koostuvat neljästä\n".encode("latin-1"))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 3
    assert "latin1.txt:1:32: not UTF-8" in result.output


def test_export_before_any_build_is_exit_3(project_copy: Settings) -> None:
    result = CliRunner().invoke(main, ["export"], env=env_for(project_copy))
    assert result.exit_code == 3
    assert "run `kgpub build` first" in result.output


def test_validate_with_a_violation_is_exit_1(project_copy: Settings) -> None:
    add_violating_curation(project_copy)
    result = CliRunner().invoke(main, ["validate"], env=env_for(project_copy))
    assert result.exit_code == 1
    assert "helsinki-testi" in result.output
    assert "zz-unlabelled.ttl" in result.output  # the file to edit
    assert "violation(s)," in result.output.rstrip().splitlines()[-1]  # the readable summary


def test_publish_failure_is_exit_4(project_copy: Settings) -> None:
    (project_copy.var_dir / "published").mkdir(parents=True)  # a real folder where the symlink goes
    result = CliRunner().invoke(main, ["build"], env=env_for(project_copy))
    assert result.exit_code == 4
    assert "is not a symlink" in result.output


def test_build_query_and_export_through_the_installed_command(project_copy: Settings) -> None:
    env = {**env_for(project_copy), "PATH": str(Path(sys.executable).parent)}
    kgpub = str(Path(sys.executable).parent / "kgpub")
    built = subprocess.run([kgpub, "build"], env=env, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    heads = subprocess.run(
        [kgpub, "query", "heads", "--format", "csv"], env=env, capture_output=True, text=True, check=False
    )
    assert heads.returncode == 0, heads.stderr
    assert "Marja-Leena Rinkineva" in heads.stdout
    bad = subprocess.run(
        [kgpub, "query", "-"], input="SELECT * WHERE {", env=env, capture_output=True, text=True, check=False
    )
    assert bad.returncode == 3 and "error" in bad.stderr
    exported = subprocess.run([kgpub, "export", "--format", "nt"], env=env, capture_output=True, check=False)
    assert exported.returncode == 0 and exported.stdout.count(b"\n") > 100


def test_review_records_a_rejection_that_the_next_build_leaves_out(project_copy: Settings) -> None:
    env = env_for(project_copy)
    shown = CliRunner().invoke(main, ["review", "helsinki-kaupunginkanslia"], env=env)
    assert shown.exit_code == 0, shown.output
    assert "helsinki-kaupunginkanslia" in shown.output
    bad = CliRunner().invoke(
        main, ["review", "helsinki-kaupunginkanslia", "--decide", "99999=reject"], env=env
    )
    assert bad.exit_code == 3 and "no fact numbered 99999" in bad.output
    done = CliRunner().invoke(
        main, ["review", "helsinki-kaupunginkanslia", "--decide", "1=reject", "--reviewer", "tester"], env=env
    )
    assert done.exit_code == 0, done.output
    assert (project_copy.data_dir / "curation" / "review-helsinki-kaupunginkanslia.ttl").is_file()
    built = CliRunner().invoke(main, ["build"], env=env)
    assert built.exit_code == 0, built.output
