"""kgpub add / crawl through the real command line, then kgpub extract on what they made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PAGES, Route, Site


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("KGPUB_")},
        "KGPUB_DATA_DIR": str(tmp_path / "data"),
        "KGPUB_INGEST_DELAY_S": "0",
        "KGPUB_INGEST_CONTACT": "cli-test@example.org",
    }
    return subprocess.run(
        [sys.executable, "-m", "kgpub", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "path", "source_id", "bodies"),
    [
        (
            "kuhmo-organisaatio.html",
            "/kaupunki-ja-hallinto/organisaatio/",
            "kuhmo-organisaatio",
            {"kaupunginvaltuusto", "kaupunginhallitus", "sivistyspalvelut", "tekniset palvelut"},
        ),
        (
            "narpes-organisation.html",
            "/stad-och-forvaltning/organisation/",
            "narpes-organisation",
            {"stadsstyrelsen", "centralförvaltningen", "bildningsavdelningen", "tekniska avdelningen"},
        ),
        (
            "kokkola-administration.html",
            "/en/central-administration/",
            "kokkola-central-administration",
            {"Central Administration", "Financial Services", "Legal Services"},
        ),
    ],
)
def test_add_then_extract_finds_the_bodies(
    site: Site, tmp_path: Path, name: str, path: str, source_id: str, bodies: set[str]
) -> None:
    site.page(path, name)
    added = _run(tmp_path, "add", site.url(path))
    assert added.returncode == 0, added.stderr
    assert added.stdout == f"{source_id}\n"  # the id alone on stdout, for scripts
    assert "created" in added.stderr
    folder = tmp_path / "data" / "sources" / source_id
    extracted = _run(tmp_path, "extract", str(folder))
    assert extracted.returncode == 0, extracted.stderr
    facts = json.loads(extracted.stdout)
    names = {o["name"] for o in facts["organizations"]}
    assert bodies <= names
    assert len(facts["sub_organization_of"]) >= 3
    text = (folder / "text.txt").read_text(encoding="utf-8")
    for fact in facts["heads"] + facts["duties"]:  # evidence spans point into the written text.txt
        evidence = fact["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    again = _run(tmp_path, "add", site.url(path))
    assert again.returncode == 0 and again.stdout == f"{source_id}\n" and "unchanged" in again.stderr


def test_bad_pages_exit_3_naming_the_url_without_a_traceback(site: Site, tmp_path: Path) -> None:
    site.routes["/liite.pdf"] = Route(b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"})
    for path, message in (
        ("/liite.pdf", "/liite.pdf: is application/pdf, not an HTML page"),
        ("/puuttuu/", "/puuttuu/: HTTP 404 Not Found"),
        ("/private/x/", "/private/x/: disallowed by"),
    ):
        result = _run(tmp_path, "add", site.url(path), "--municipality", "Kuhmo")
        assert result.returncode == 3
        assert result.stderr.startswith("kgpub: error: http://127.0.0.1:") and message in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "sources").exists()


def test_crawl_prints_ids_and_skips(site: Site, tmp_path: Path) -> None:
    site.routes["/hallinto/"] = Route(
        b'<html lang="fi"><head><title>Hallinto - Kuhmon kaupunki</title></head><body><main>'
        b"<h1>Hallinto</h1><p>Kuhmon kaupungin hallinnon sivut kertovat organisaatiosta.</p>"
        b'<ul><li><a href="/hallinto/organisaatio/">Organisaatio</a></li>'
        b'<li><a href="/hallinto/poistettu/">Poistettu</a></li></ul></main></body></html>'
    )
    site.page("/hallinto/organisaatio/", "kuhmo-organisaatio.html")
    result = _run(tmp_path, "crawl", site.url("/hallinto/"), "--limit", "5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["kuhmo-hallinto", "kuhmo-organisaatio"]
    assert "skipped http://127.0.0.1:" in result.stderr and "/hallinto/poistettu/: HTTP 404" in result.stderr
    assert "2 page(s) added or checked, 1 skipped" in result.stderr


def test_a_bad_ingest_setting_is_refused_at_start(tmp_path: Path) -> None:
    env = {**os.environ, "KGPUB_INGEST_MAX_BYTES": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "kgpub", "add", "http://127.0.0.1:9/"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "page size limit must be positive" in result.stderr


def test_ingest_settings_come_from_the_environment_and_bad_values_are_refused() -> None:
    from kgpub.config import Settings
    from kgpub.errors import InputError

    settings = Settings.from_env(
        {
            "KGPUB_INGEST_DELAY_S": "2.5",
            "KGPUB_INGEST_MAX_BYTES": "2000000",
            "KGPUB_INGEST_MAX_REDIRECTS": "2",
            "KGPUB_INGEST_CRAWL_LIMIT": "7",
            "KGPUB_INGEST_CONTACT": "data@kuhmo.example",
        }
    )
    assert (settings.ingest_delay_s, settings.ingest_max_bytes, settings.ingest_max_redirects) == (
        2.5,
        2_000_000,
        2,
    )
    assert settings.ingest_crawl_limit == 7 and settings.ingest_contact == "data@kuhmo.example"
    for bad in (
        {"KGPUB_INGEST_READ_TIMEOUT_S": "0"},
        {"KGPUB_INGEST_DELAY_S": "-1"},
        {"KGPUB_INGEST_CRAWL_LIMIT": "0"},
        {"KGPUB_INGEST_MAX_REDIRECTS": "-1"},
    ):
        with pytest.raises(InputError):
            Settings.from_env(bad)


def test_ids_made_before_a_failing_page_are_printed(site: Site, tmp_path: Path) -> None:
    site.page("/org/", "kuhmo-organisaatio.html")
    result = _run(tmp_path, "add", site.url("/org/"), site.url("/puuttuu/"))
    assert result.returncode == 3
    assert result.stdout == "kuhmo-org\n"
    assert "/puuttuu/: HTTP 404" in result.stderr


def test_quiet_mistakes_at_add_are_said_naming_the_url(site: Site, tmp_path: Path) -> None:
    """A site name on no municipality of the list, a misspelt --municipality: refused naming the URL,
    nothing written. A --language the text does not read as: kept (the option wins), but said."""
    html = (PAGES / "kuhmo-organisaatio.html").read_bytes()
    site.routes["/muu/"] = Route(html.replace(b"Kuhmon kaupunki", b"Kainuun liitto"))
    site.page("/org/", "kuhmo-organisaatio.html")
    site.page("/sv/", "narpes-organisation.html")
    unknown = _run(tmp_path, "add", site.url("/muu/"))
    assert unknown.returncode == 3
    assert f"{site.url('/muu/')}: cannot tell which municipality" in unknown.stderr
    assert "'Kainuun liitto'" in unknown.stderr and "--municipality NAME" in unknown.stderr
    misspelt = _run(tmp_path, "add", site.url("/org/"), "--municipality", "Kuhmu")
    assert misspelt.returncode == 3
    assert f"{site.url('/org/')}: municipality 'Kuhmu' is not a Finnish municipality" in misspelt.stderr
    assert "did you mean 'Kuhmo'" in misspelt.stderr and "Traceback" not in misspelt.stderr
    assert not (tmp_path / "data" / "sources").exists()
    wrong = _run(tmp_path, "add", site.url("/sv/"), "--language", "fi")
    assert wrong.returncode == 0, wrong.stderr
    assert "language fi as given, but the text reads as sv" in wrong.stderr
