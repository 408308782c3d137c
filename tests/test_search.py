"""The search index (kgpub.search) on a small published fi/sv/en build: what is indexed, accent- and
prefix-insensitive matching, ranking, and input that must never reach FTS5 as syntax."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kgpub import publish, search
from kgpub.config import Settings
from kgpub.errors import PublishError, Unavailable
from tests.search_fixture import SEARCH_TRIG
from tests.web.conftest import make_published

ID = "http://127.0.0.1:5000/id/"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_published(tmp_path_factory.mktemp("search-var"), SEARCH_TRIG)


@pytest.fixture(scope="module")
def index(settings: Settings) -> search.Index:
    return search.Index(publish.current(settings).path / search.INDEX)


def iris(hits: list[search.Hit]) -> list[str]:
    return [h.iri.removeprefix(ID) for h in hits]


def test_index_holds_every_name_of_bodies_posts_and_persons_in_every_language(settings: Settings) -> None:
    rows = set(search.entries(publish.current(settings).path / search.INDEX))
    assert (ID + "org/jarvenpaa", "Träskända", "sv") in rows
    assert (ID + "org/jarvenpaa", "City of Järvenpää", "en") in rows
    assert (ID + "org/narpes-bildningsnamnden", "sivistyslautakunta", "fi") in rows  # an altLabel
    assert (ID + "person/kimmo-kyto", "Kimmo Kytö", "") in rows  # foaf:name
    assert (ID + "post/jarvenpaa-kaupunginjohtaja", "kaupunginjohtaja", "fi") in rows
    # Concepts (kinds) are not things one searches for: their labels are not entries.
    assert not any(name == "lautakunta" for _, name, _ in rows)


def test_the_index_is_recorded_in_build_json(settings: Settings) -> None:
    published = publish.current(settings)
    record = published.manifest()["files"][search.INDEX]
    assert record["size"] == (published.path / search.INDEX).stat().st_size
    assert publish.verify(published) == []


def test_accents_and_case_do_not_matter(index: search.Index) -> None:
    assert iris(index.search("jarvenpaa", 1)) == ["org/jarvenpaa"]
    assert iris(index.search("JÄRVENPÄÄ", 1)) == ["org/jarvenpaa"]
    assert iris(index.search("ake osterlund", 5)) == ["person/ake-osterlund"]


def test_a_swedish_name_finds_its_body_with_kind_and_municipality(index: search.Index) -> None:
    hit = index.search("traskanda", 1)[0]
    assert hit.iri == ID + "org/jarvenpaa" and hit.matched == "Träskända" and hit.matched_lang == "sv"
    board = index.search("bildningsnamnd", 1)[0]
    assert board.iri == ID + "org/narpes-bildningsnamnden"
    assert board.kind["sv"] == "nämnd" and board.municipality == ID + "org/narpes"
    assert board.municipality_labels["sv"] == "Närpes stad"


def test_a_person_is_found_with_the_body_they_head_and_its_municipality(index: search.Index) -> None:
    person = index.search("kyto", 1)[0]
    assert person.iri == ID + "person/kimmo-kyto" and person.type == "person"
    assert person.context == ID + "org/jarvenpaa" and person.municipality == ID + "org/jarvenpaa"
    head = index.search("osterl", 1)[0]
    assert head.context_labels["sv"] == "bildningsnämnden" and head.municipality == ID + "org/narpes"


def test_units_find_their_municipality_through_unit_of_chains(index: search.Index) -> None:
    unit = index.search("talouspalv", 1)[0]
    assert unit.municipality == ID + "org/jarvenpaa" and unit.kind["fi"] == "yksikkö"


def test_every_word_is_a_prefix(index: search.Index) -> None:
    assert iris(index.search("kaupungin", 5)) == [
        "org/jarvenpaa-kaupunginhallitus",
        "post/jarvenpaa-kaupunginjohtaja",
    ]
    assert iris(index.search("jarv kaup", 5)) == ["org/jarvenpaa"]  # "Järvenpään kaupunki": both words


def test_an_exact_name_ranks_before_a_name_that_starts_with_it_before_others(index: search.Index) -> None:
    found = iris(index.search("jarvenpaa", 10))
    # "Järvenpää" (an exact altLabel) first; "Järvenpää-talon palvelut" starts with it; the rest match a
    # word only ("City of Järvenpää" is the municipality again, so it is not listed twice).
    assert found[0] == "org/jarvenpaa"
    assert found[1] == "org/jarvenpaa-jarvenpaa-talo"
    assert found.count("org/jarvenpaa") == 1


def test_a_name_shared_by_two_bodies_lists_both_once(index: search.Index) -> None:
    assert sorted(iris(index.search("sivistyslautakunta", 10))) == [
        "org/jarvenpaa-sivistyslautakunta",
        "org/narpes-bildningsnamnden",
    ]


def test_limit_caps_the_results(index: search.Index) -> None:
    assert len(index.search("k", 2)) == 2
    assert index.search("k", 0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "-",
        "NEAR",
        "NEAR(a b)",
        "a OR b",
        "a AND NOT b",
        "^kaup",
        "kaup*",
        '"unterminated',
        ":",
        "()",
        "{col}:x",
        "\x00",
        "' OR 1=1 --",
        "   ",
        "",
        "🙂",
        "%_",
        "kaupunki\u0301",
    ],
)
def test_hostile_queries_are_text_never_fts_syntax(index: search.Index, query: str) -> None:
    hits = index.search(query, 5)  # never raises
    assert all(isinstance(h.iri, str) for h in hits)


def test_operators_are_words_and_punctuation_separates_words(index: search.Index) -> None:
    assert search.fts_query('kaup* OR "x') == '"kaup"* "or"* "x"*'
    assert search.fts_query('"*-:()') is None
    assert iris(index.search('"kaupunginhallitus"', 5)) == ["org/jarvenpaa-kaupunginhallitus"]
    assert iris(index.search("NEAR sivistys", 5)) == []  # "near" is a word no name has


def test_an_index_is_written_once_and_a_missing_one_is_unavailable(
    settings: Settings, tmp_path: Path
) -> None:
    with pytest.raises(PublishError, match="exists already"):
        search.build_index(publish.current(settings).path)
    with pytest.raises(Unavailable, match="no search index"):
        search.Index(tmp_path / search.INDEX)


def test_the_index_is_opened_read_only(index: search.Index) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        index._connect().execute("DELETE FROM entity")


def test_a_full_disk_while_writing_the_index_is_a_publish_error_naming_it(tmp_path: Path) -> None:
    """On a real full filesystem (a small tmpfs, as tests/test_pipeline_diskfull.py mounts): SQLite's
    own error becomes a PublishError naming the index, and no index is left behind."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], check=True)
    try:
        (mnt / publish.DATASET).write_text(SEARCH_TRIG, encoding="utf-8")
        free = os.statvfs(mnt).f_bavail * os.statvfs(mnt).f_frsize
        (mnt / "ballast").write_bytes(b"\0" * (free - 2 * 4096))
        with pytest.raises(PublishError, match=r"could not write .*search\.sqlite"):
            search.build_index(mnt)
        assert sorted(p.name for p in mnt.iterdir()) == ["ballast", publish.DATASET]
    finally:
        subprocess.run(["umount", str(mnt)], check=True)
