"""Every named query on a mixed fi/sv/en build: no body is dropped for lacking a Finnish name, the
names come back in the language the body has, and the text people copy (absolute prefixes, no BASE)
runs as it is — including after changing the name in its VALUES to a Swedish or an English one."""

from __future__ import annotations

from typing import Any

import pytest

from kgpub.config import Settings
from kgpub.publish import current
from kgpub.queries import get_query, load_queries
from kgpub.store import Store, open_store

pytestmark = pytest.mark.slow  # one real build (~10 s)


@pytest.fixture(scope="module")
def store(mixed_build: Settings) -> Any:
    with open_store(current(mixed_build), mixed_build, workers=1) as opened:
        yield opened


def rows(store: Store, settings: Settings, name: str, *swap: tuple[str, str]) -> list[dict[str, str]]:
    """Run the named query as the query page shows it (absolute prefixes), VALUES changed by ``swap``."""
    text = get_query(settings.queries_dir, name, settings.base_iri).text
    for old, new in swap:
        assert old in text, f"{name}: {old} not in the query"
        text = text.replace(old, new)
    result = store.query(text)
    return [{k: str(v) for k, v in row.items()} for row in result.bindings()]


def test_the_text_shown_has_absolute_prefixes_and_no_language_filter(mixed_build: Settings) -> None:
    for query in load_queries(mixed_build.queries_dir, mixed_build.base_iri):
        assert "<def/>" not in query.text, query.name
        assert f"PREFIX kgp:  <{mixed_build.base_iri}def/>" in query.text or "kgp:" not in query.text
        assert "LANG(?" not in query.text.replace("LANGMATCHES(LANG(?", ""), query.name  # no = "fi" filter


def test_heads_names_bodies_in_finnish_and_english(store: Store, mixed_build: Settings) -> None:
    found = {(r["bodyName"], r["personName"]) for r in rows(store, mixed_build, "heads")}
    assert ("elinkeino-osasto", "Marja-Leena Rinkineva") in found
    assert ("Administrative Division", "Juha Summanen") in found  # English-only body


def test_org_tree_of_helsinki_holds_its_english_bodies(store: Store, mixed_build: Settings) -> None:
    edges = {(r["name"], r["parentName"]) for r in rows(store, mixed_build, "org-tree")}
    assert ("kaupunginkanslia", "kaupunginhallitus") in edges
    assert ("Administrative Procedures Unit", "Administrative Division") in edges


@pytest.mark.parametrize("town", ["Närpes", "Närpiö"])  # the Swedish name or the Finnish one
def test_org_tree_of_a_swedish_town_in_swedish(store: Store, mixed_build: Settings, town: str) -> None:
    found = rows(store, mixed_build, "org-tree", ('"Helsingin kaupunki"', f'"{town}"'))
    edges = {(r["name"], r["parentName"], r.get("kind")) for r in found}
    assert ("stadsstyrelsen", "Närpes", "executive board") in edges
    assert ("fritidsavdelningen", "stadens ämbetsverk", "department") in edges


def test_units_per_municipality_counts_the_swedish_town(store: Store, mixed_build: Settings) -> None:
    counts = {r["name"]: int(r["bodies"]) for r in rows(store, mixed_build, "units-per-municipality")}
    assert counts["Närpes"] >= 6  # its majority language's name, not Närpiö
    assert "Närpiö" not in counts
    assert counts["Helsingin kaupunki"] > counts["Kalajoen kaupunki"]


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("sisäinen tarkastus", [("kaupunginkanslia", 1), ("kaupunginhallitus", 2)]),
        ("fritidsavdelningen", [("stadens ämbetsverk", 1), ("Närpes", 2)]),
        ("Legal Services Unit", [("Administrative Division", 1), ("Helsingin kaupunki", 2)]),
    ],
)
def test_subordination_chain_in_every_language(
    store: Store, mixed_build: Settings, unit: str, expected: list[tuple[str, int]]
) -> None:
    found = rows(store, mixed_build, "subordination-chain", ('"sisäinen tarkastus"', f'"{unit}"'))
    assert [(r["ancestorName"], int(r["distance"])) for r in found][: len(expected)] == expected


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("elinkeino-osasto", "maahanmuutto"),
        ("stadsstyrelsen", "riskhantering"),
        ("Administrative Procedures Unit", "case management"),
    ],
)
def test_duties_in_every_language(store: Store, mixed_build: Settings, body: str, word: str) -> None:
    duties = rows(store, mixed_build, "duties-of-body", ('"elinkeino-osasto"', f'"{body}"'))
    assert any(word in r["text"] for r in duties)
    named = rows(store, mixed_build, "bodies-by-duty-word", ('"maahanmuutto"', f'"{word}"'))
    assert body in {r["bodyName"] for r in named}


def test_evidence_covers_the_swedish_and_english_sources(store: Store, mixed_build: Settings) -> None:
    sources = {r["source"].rsplit("/", 1)[-1] for r in rows(store, mixed_build, "evidence")}
    assert {
        "narpes-stadens-ledning",
        "helsinki-administrative-department",
        "helsinki-kaupunginkanslia",
    } <= sources
