"""Settings: read from the environment with conversion, refused when they cannot work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kgpub.config import PROJECT_ROOT, Settings
from kgpub.errors import InputError


def test_environment_values_are_converted_to_their_types() -> None:
    settings = Settings.from_env(
        {
            "KGPUB_PORT": "8080",
            "KGPUB_QUERY_TIMEOUT_S": "2.5",
            "KGPUB_VAR_DIR": "/tmp/kgpub-var",
            "KGPUB_PUBLIC_BASE": "",
            "KGPUB_PUBLISHER": "Helsingin kaupunki",
            "OTHER": "ignored",
        }
    )
    assert settings.port == 8080 and settings.query_timeout_s == 2.5
    assert settings.var_dir == Path("/tmp/kgpub-var")
    assert settings.published_dir == Path("/tmp/kgpub-var/published")
    assert settings.public_base is None
    assert settings.publisher == "Helsingin kaupunki"


def test_a_str_path_given_in_code_becomes_a_path() -> None:
    settings = Settings(var_dir="/tmp/x")  # type: ignore[arg-type]
    assert settings.var_dir == Path("/tmp/x") and settings.published_dir == Path("/tmp/x/published")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"KGPUB_NO_SUCH": "1"}, "unknown setting: no_such"),
        ({"KGPUB_PORT": "eighty"}, "bad setting value 'eighty'"),
        ({"KGPUB_PORT": "70000"}, "port out of range"),
        ({"KGPUB_BASE_IRI": "http://example.org/no-slash"}, "ending in '/'"),
        ({"KGPUB_BASE_IRI": "urn:x:"}, "absolute http"),
        ({"KGPUB_MAX_RESULT_ROWS": "0"}, "must be positive"),
        ({"KGPUB_PUBLISHER": "  "}, "publisher must not be empty"),
        ({"KGPUB_MAX_REQUEST_HEADER_BYTES": "100"}, "at least 1024"),
        ({"KGPUB_SHUTDOWN_IDLE_S": "11"}, "shutdown_idle_s must be 0 .. shutdown_grace_s"),
        ({"KGPUB_MAX_QUERY_BYTES": "500000"}, "must hold a form-encoded query"),
    ],
)
def test_bad_settings_are_refused_with_the_reason(environ: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        Settings.from_env(environ)


def test_a_path_setting_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(InputError, match="var_dir must be a path"):
        Settings(var_dir=42)  # type: ignore[arg-type]


def test_importing_the_main_module_does_not_run_the_cli() -> None:
    """Worker processes re-import ``__main__`` modules; only ``python -m kgpub`` may start the CLI."""
    code = "import kgpub.__main__; print('imported')"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.strip() == "imported"
    command = [sys.executable, "-m", "kgpub", "--help"]
    ran = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0 and "build" in ran.stdout


def test_rooted_at_puts_every_folder_under_the_root(tmp_path: Path) -> None:
    settings = Settings.rooted_at(tmp_path, port=8081)
    for name in ("data", "var", "ontology", "shapes", "queries"):
        assert getattr(settings, f"{name}_dir") == tmp_path / name
    assert settings.root == tmp_path and settings.port == 8081
    assert Settings.rooted_at(tmp_path, var_dir=tmp_path / "elsewhere").var_dir == tmp_path / "elsewhere"
