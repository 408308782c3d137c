"""Section lists as municipal pages number them: "<Nämnd>s tre sektioner" with numbered items, a
section "av <nämnd>", owners written with coordinated halves (invented names)."""

from __future__ import annotations

from tests.extract.sv.test_sv_extract import names, parts, run

PAGE = (
    "Sektionerna\n\n"
    "Nämnden för kultur och fritidens två sektioner\n\n"
    " 1. Finskspråkiga sektionen av nämnden för kultur och fritid\n"
    " 2. Sektionen för idrott av nämnden för kultur och fritid\n\n"
    "Miljö- och byggnadsnämndens två sektioner\n\n"
    " 1. Miljö- och byggnadsnämndens tillståndssektion\n"
    " 2. Miljö- och byggnadsnämndens tillsynssektion\n"
)


def test_a_count_ends_a_for_complement_and_av_names_the_owner() -> None:
    e = run(PAGE)
    assert {"nämnden för kultur och fritid", "sektionen för idrott", "finskspråkiga sektionen"} <= names(e)
    got = parts(e)
    assert ("sektionen för idrott", "nämnden för kultur och fritid", "part") in got
    assert ("finskspråkiga sektionen", "nämnden för kultur och fritid", "part") in got


def test_a_heading_with_bullets_after_a_list_s_own_bullets_starts_a_new_list() -> None:
    got = parts(run(PAGE))
    assert not any(c == "miljö- och byggnadsnämnden" for c, _, _ in got)


def test_an_owner_written_with_coordinated_halves_names_its_section() -> None:
    got = parts(run(PAGE))
    assert ("miljö- och byggnadsnämndens tillståndssektion", "miljö- och byggnadsnämnden", "part") in got
    assert ("miljö- och byggnadsnämndens tillsynssektion", "miljö- och byggnadsnämnden", "part") in got
