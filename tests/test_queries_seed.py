"""The named queries answer what a reader of the seed texts expects, on the real seed build."""

from __future__ import annotations

from typing import Any

import pytest

from kgpub.config import Settings
from kgpub.publish import current
from kgpub.queries import get_query
from kgpub.store import Store, open_store


@pytest.fixture(scope="module")
def store(seed_build: Settings) -> Any:
    with open_store(current(seed_build), seed_build, workers=1) as opened:
        yield opened


def rows(store: Store, settings: Settings, name: str) -> list[dict[str, str]]:
    result = store.query(get_query(settings.queries_dir, name).text)
    return [{k: str(v) for k, v in row.items()} for row in result.bindings()]


def test_heads_of_all_bodies(store: Store, seed_build: Settings) -> None:
    found = {(r["bodyName"], r.get("title", ""), r["personName"]) for r in rows(store, seed_build, "heads")}
    assert ("elinkeino-osasto", "elinkeinojohtaja", "Marja-Leena Rinkineva") in found
    assert ("kaupunginkanslia", "kansliapäällikkö", "Sami Sarvilinna") in found
    assert ("talous- ja suunnitteluosasto", "rahoitusjohtaja", "Tuula Saxholm") in found
    assert any(p == "Lasse Männistö" and t == "puheenjohtaja" for _, t, p in found)
    assert not any(p.startswith("sisäisen") for _, _, p in found)  # a title without a person is no head


def test_organisation_tree_of_helsinki(store: Store, seed_build: Settings) -> None:
    edges = {(r["name"], r["parentName"]) for r in rows(store, seed_build, "org-tree")}
    assert ("kaupunginkanslia", "kaupunginhallitus") in edges
    for osasto in ("elinkeino-osasto", "hallinto-osasto", "viestintäosasto", "strategiaosasto"):
        assert (osasto, "kaupunginkanslia") in edges
    assert ("erityisavustajatiimi", "hallinto-osasto") in edges
    assert not any(name == "hallintopalvelut" for name, _ in edges)  # Kalajoki's, not Helsinki's


def test_duties_of_a_body(store: Store, seed_build: Settings) -> None:
    texts = [r["text"] for r in rows(store, seed_build, "duties-of-body")]
    assert len(texts) == 1
    assert "maahanmuuttoasioista" in texts[0] and "kilpailukykypolitiikasta" in texts[0]


def test_bodies_that_handle_a_duty_word(store: Store, seed_build: Settings) -> None:
    names = {r["bodyName"] for r in rows(store, seed_build, "bodies-by-duty-word")}
    assert names == {"elinkeino-osasto", "viestintäosasto"}


def test_subordination_chain_of_a_unit(store: Store, seed_build: Settings) -> None:
    chain = [(r["ancestorName"], int(r["distance"])) for r in rows(store, seed_build, "subordination-chain")]
    assert chain[:3] == [("kaupunginkanslia", 1), ("kaupunginhallitus", 2), ("Helsingin kaupunki", 3)]


def test_units_per_municipality(store: Store, seed_build: Settings) -> None:
    counts = {r["name"]: int(r["bodies"]) for r in rows(store, seed_build, "units-per-municipality")}
    assert counts["Helsingin kaupunki"] > counts["Kalajoen kaupunki"] >= 5


def test_every_evidence_quote_is_the_exact_source_span(store: Store, seed_build: Settings) -> None:
    published = current(seed_build)
    found = rows(store, seed_build, "evidence")
    assert len(found) > 50
    for row in found:
        source_id = row["source"].rsplit("/", 1)[-1]
        text = (published.sources_path / f"{source_id}.txt").read_text(encoding="utf-8")
        assert text[int(row["start"]) : int(row["end"])] == row["quote"]
