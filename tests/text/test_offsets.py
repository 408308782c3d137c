"""OffsetMap: cleaned positions map back to the original code points they were copied from."""

from __future__ import annotations

from kgpub.text.offsets import MapBuilder, OffsetMap, Run

ORIGINAL = "Hyppää pääsisältöön\nStrategiaosasto huolehtii hankkeiden\nkoordinoinnista.\n"


def _two_runs() -> tuple[str, OffsetMap]:
    builder = MapBuilder(ORIGINAL)
    builder.copy(20, 56)  # "Strategiaosasto huolehtii hankkeiden" (the menu line is dropped)
    builder.insert(" | ")
    builder.copy(57, 73)  # "koordinoinnista."
    return builder.build()


def test_copied_characters_map_to_their_origin() -> None:
    cleaned, offsets = _two_runs()
    assert cleaned == "Strategiaosasto huolehtii hankkeiden | koordinoinnista."
    inserted = range(36, 39)
    for i, c in enumerate(cleaned):
        if i not in inserted:
            assert ORIGINAL[offsets.to_original(i)] == c
    assert offsets.to_original(37) == 56  # inserted text maps to the end of the run before it


def test_span_covers_first_to_last_character() -> None:
    cleaned, offsets = _two_runs()
    i = cleaned.index("hankkeiden")
    j = cleaned.index("koordinoinnista") + len("koordinoinnista")
    start, end = offsets.span(i, j)
    assert ORIGINAL[start:end] == "hankkeiden\nkoordinoinnista"


def test_pieces_leave_out_inserted_text() -> None:
    cleaned, offsets = _two_runs()
    pieces = offsets.pieces(0, len(cleaned))
    assert [ORIGINAL[o : o + n] for _, o, n in pieces] == [
        "Strategiaosasto huolehtii hankkeiden",
        "koordinoinnista.",
    ]
    assert [cleaned[c : c + n] for c, _, n in pieces] == [ORIGINAL[o : o + n] for _, o, n in pieces]


def test_white_space_is_replaced_one_for_one() -> None:
    builder = MapBuilder("a\r\nb\tc\u00a0d")
    builder.copy(0, 8)
    cleaned, offsets = builder.build()
    assert cleaned == "a  b c d"
    assert offsets.runs == (Run(0, 0, 8),)


def test_adjacent_copies_merge_into_one_run() -> None:
    builder = MapBuilder("abcdef")
    builder.copy(0, 3)
    builder.copy(3, 6)
    assert builder.build()[1].runs == (Run(0, 0, 6),)


def test_empty_map_answers_zero() -> None:
    offsets = OffsetMap(())
    assert offsets.to_original(5) == 0
    assert offsets.span(0, 0) == (0, 0)
    assert offsets.pieces(0, 10) == []
