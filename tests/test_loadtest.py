"""The load tool (kgpub.loadtest) and the short version of ``make soak`` against a real ``kgpub serve``.

The long run (50 clients × 60 s, 4 hogs, faults) is ``make soak``; here 10 clients × 5 s, with and
without 2 clients looping an expensive query, on the seed build, over loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kgpub import faults, hostile, loadtest, soak
from kgpub.config import Settings
from kgpub.errors import InputError
from kgpub.scratch import Server, kgpub


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1:5000",
        "http://192.168.1.10/",
        "http://example.org/",
        "http://127.0.0.1.example.org/",
        "http://[::ffff:8.8.8.8]/",
        "http://0.0.0.0:5000/",
        "ftp://127.0.0.1/",
        "http://127.0.0.1:5000/?q=1",
        "127.0.0.1:5000",
    ],
)
def test_only_loopback_targets(url: str) -> None:
    with pytest.raises(InputError):
        loadtest.check_loopback(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:5000/", "http://127.0.0.1:5000"),
        ("http://127.8.9.10:81", "http://127.8.9.10:81"),
        ("http://[::1]:5000/", "http://[::1]:5000"),
        ("http://localhost:8080/", "http://localhost:8080"),
    ],
)
def test_loopback_targets_accepted(url: str, expected: str) -> None:
    assert loadtest.check_loopback(url) == expected


def test_cli_refuses_a_remote_url_before_any_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert loadtest.main(["--url", "http://203.0.113.5:80/", "--seconds", "1"]) == 3
    assert "only targets" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("clients", "seconds", "hogs"),
    [
        (0, 1.0, 0),
        (loadtest.MAX_CLIENTS + 1, 1.0, 0),
        (5, 0.0, 0),
        (5, loadtest.MAX_SECONDS + 1, 0),
        (5, 1.0, 6),
    ],
)
def test_bounds(clients: int, seconds: float, hogs: int) -> None:
    with pytest.raises(InputError):
        loadtest.run("http://127.0.0.1:9/", clients, seconds, hogs=hogs)


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(100, 0, -1)]  # 1..100, unsorted
    assert loadtest.percentile(values, 50) == 50.0
    assert loadtest.percentile(values, 99) == 99.0
    assert loadtest.percentile(values, 100) == 100.0
    assert loadtest.percentile([7.0], 99) == 7.0
    assert loadtest.percentile([], 50) is None


def test_each_client_its_own_loopback_address() -> None:
    addresses = {loadtest.source_address("http://127.0.0.1:5000", n) for n in range(loadtest.MAX_CLIENTS)}
    assert len(addresses) == loadtest.MAX_CLIENTS
    assert all(a is not None and a.startswith("127.") for a in addresses)
    assert loadtest.source_address("http://[::1]:5000", 0) is None


@pytest.fixture(scope="module")
def server(seed_build: Settings) -> Iterator[Server]:
    with Server(seed_build) as running:
        yield running


@pytest.mark.slow
def test_mixed_load_has_no_errors_and_bounded_memory(server: Server) -> None:
    report = loadtest.run(server.url, 10, 5.0, server_pid=server.pid)
    assert report.errors() == {}, report.markdown()
    for name in loadtest.CHEAP:
        assert len(report.stats[name].latencies) > 0, f"no {name} requests: {report.markdown()}"
    assert report.stats["id"].statuses == {"303": len(report.stats["id"].latencies)}
    assert server.pid in report.rss_before and server.pid in report.rss_after
    assert len(report.rss_after) >= 2, "the query workers are the server's children and are measured"
    total_mib = sum(kb for _, kb in report.rss_after.values()) / 1024
    assert total_mib < 1024, report.markdown()


@pytest.fixture(scope="module")
def hog_run(server: Server) -> loadtest.Report:
    return loadtest.run(server.url, 10, 5.0, hogs=2, server_pid=server.pid)


@pytest.mark.slow
def test_hogs_get_only_documented_503s(hog_run: loadtest.Report) -> None:
    """The hogs' query is stopped at the time limit (503 + Retry-After); a small query may be told the
    endpoint is busy (503); pages, documents, /id and dumps never fail."""
    assert len(hog_run.stats["hog"].latencies) >= 2
    assert set(hog_run.stats["hog"].errors) <= {"503"}, hog_run.markdown()
    assert set(hog_run.stats["sparql"].errors) <= {"503"}, hog_run.markdown()
    assert hog_run.errors(loadtest.SITE) == {}, hog_run.markdown()


@pytest.mark.slow
def test_pages_never_wait_behind_sparql(hog_run: loadtest.Report) -> None:
    """Pages, documents, /id and dumps keep p99 under 1 s while 2 clients loop an expensive query."""
    assert all(hog_run.stats[name].latencies for name in loadtest.SITE), hog_run.markdown()
    p99 = hog_run.p99(loadtest.SITE)
    assert p99 is not None and p99 < 1.0, hog_run.markdown()


@pytest.mark.slow
def test_kill_9_mid_build_loses_nothing(project_copy: Settings) -> None:
    """A build killed with SIGKILL half-way leaves the published build unchanged, every quad readable."""
    assert kgpub(project_copy, "build").returncode == 0
    before = faults.State.of(project_copy)
    assert before.quads is not None and before.quads > 1000
    (fault,) = faults.kill_mid_build(project_copy, [1.5])
    assert fault.held, fault
    assert fault.lost == 0
    assert faults.State.of(project_copy) == before


@pytest.mark.slow
def test_hostile_inputs_reach_nothing_and_never_500(server: Server) -> None:
    """The soak's hostile corpus against the real server: the loopback listener named by SERVICE, LOAD
    and FROM hears nothing, every input gets its expected answer (never a 500; only the memory bomb
    may be a 503), and / still answers."""
    outcomes, heard, after = hostile.fire(server.url)
    assert heard == 0
    assert after == "200"
    table = "\n".join(hostile.markdown(outcomes, heard, after))
    for outcome in outcomes:
        assert outcome.status[:3].isdigit(), table
        assert int(outcome.status[:3]) < 500 or outcome.status == "503", table
    assert all(o.handled for o in outcomes), table  # remote FROM / default-graph-uri too: 400


@pytest.mark.slow
def test_bad_curation_publishes_nothing(project_copy: Settings) -> None:
    assert kgpub(project_copy, "build").returncode == 0
    results = faults.validation_failure(project_copy)
    assert [f.name for f in results] == ["validation failure", "curation syntax error"]
    assert all(f.held and f.lost == 0 for f in results), results
    assert not (project_copy.data_dir / "curation" / "zz-fault.ttl").exists()


def test_soak_replaces_only_its_section(tmp_path: Path) -> None:
    begin, end = "<!-- soak:begin -->", "<!-- soak:end -->"
    doc = tmp_path / "reliability.md"
    doc.write_text(f"# Title\n\nhand-written\n\n{begin}\nold table\n{end}\n\n## After\nkept\n")
    soak.write_section(doc, "new table")
    text = doc.read_text()
    assert "old table" not in text
    assert text.startswith("# Title\n\nhand-written\n\n")
    assert f"{begin}\nnew table\n{end}" in text
    assert text.endswith("## After\nkept\n")
    fresh = tmp_path / "new.md"
    soak.write_section(fresh, "first")
    assert fresh.read_text() == f"# Reliability\n\n{begin}\nfirst\n{end}\n"
