"""The shared list reader: an introducer and the list it opens, read from layout alone."""

from __future__ import annotations

from dataclasses import dataclass

from kgpub.extract.core.lists import Kind, Role, list_blocks, name_like, opens_list


@dataclass(frozen=True)
class Seg:
    text: str


def read(
    lines: list[tuple[Kind, str]], role: Role | None = "parts"
) -> list[tuple[int, tuple[int, ...], dict[int, tuple[int, ...]]]]:
    segs = [Seg(t) for _, t in lines]
    kinds = [k for k, _ in lines]
    blocks = list_blocks(segs, kinds, lambda i: role if segs[i].text.endswith((":", "ot", "units")) else None)
    return [(b.intro, b.items, b.groups) for b in blocks]


def test_a_colon_sentence_opens_the_bullets_after_it() -> None:
    lines: list[tuple[Kind, str]] = [
        ("paragraph", "The council has three units:"),
        ("item", "Planning"),
        ("item", "Finance"),
        ("paragraph", "It meets monthly."),
    ]
    assert read(lines) == [(0, (1, 2), {})]


def test_group_headings_with_bullets_are_items_that_own_their_bullets() -> None:
    lines: list[tuple[Kind, str]] = [
        ("paragraph", "Uudet toimialat ovat:"),
        ("heading", "Kaupunkiympäristö"),
        ("item", "Kadut ja puistot"),
        ("item", "Rakennusvalvonta"),
        ("heading", "Sivistys"),
        ("item", "Kirjasto"),
        ("paragraph", "Muutos tulee voimaan ensi vuonna."),
    ]
    assert read(lines) == [(0, (1, 4), {1: (2, 3), 4: (5,)})]


def test_one_name_per_line_and_nothing_after_prose_or_without_a_role() -> None:
    names: list[tuple[Kind, str]] = [
        ("heading", "Osastot"),
        ("line", "Hallinto-osasto"),
        ("line", "Talousosasto"),
    ]
    assert read(names) == [(0, (1, 2), {})]
    prose: list[tuple[Kind, str]] = [("paragraph", "Units:"), ("paragraph", "They were merged in 2020.")]
    assert read(prose) == []
    assert read([("paragraph", "Units:"), ("item", "A")], role=None) == []


def test_addresses_and_sentences_are_no_names() -> None:
    assert name_like("Kadut ja puistot") and not name_like("Keskuskatu 1, 12345 Esimerkkilä")
    assert not name_like("It was founded. Then it grew")
    assert opens_list("Osastot") and opens_list("X:n tehtävät ovat:") and not opens_list("Se toimii.")


def test_a_huge_list_stops_at_the_item_limit() -> None:
    lines: list[tuple[Kind, str]] = [("paragraph", "Units:"), *[("item", f"Unit {i}") for i in range(10_000)]]
    blocks = read(lines)
    assert len(blocks) >= 1 and all(len(items) <= 60 for _, items, _ in blocks)


def test_label_lines_are_items_of_a_heads_list_only() -> None:
    lines: list[tuple[Kind, str]] = [
        ("paragraph", "Appointed directors:"),
        ("heading", "North Office: Jane Smith"),
        ("heading", "South Office: John Brown"),
        ("paragraph", "They start in January."),
    ]
    assert read(lines, role="heads") == [(0, (1, 2), {})]
    assert read(lines, role="parts") == []


def test_statute_items_read_as_paragraphs_are_items() -> None:
    lines: list[tuple[Kind, str]] = [
        ("paragraph", "Ministeriössä on:"),
        ("paragraph", "1)yleinen osasto;"),
        ("heading", "2)asunto-osasto; sekä"),
        ("paragraph", "3)lakiosasto."),
    ]
    assert read(lines) == [(0, (1, 2, 3), {})]
