"""Generated blocks (``kgpub.generated``): a tool rewrites its own block and nothing written around it."""

from __future__ import annotations

from pathlib import Path

from kgpub.generated import markers, write_block


def test_the_block_is_replaced_and_the_prose_and_other_blocks_stay(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    bench, other = markers("bench"), markers("other")
    doc.write_text(
        f"# B\n\nintro\n{bench[0]}\nold\n{bench[1]}\n\n## By hand\nkept\n{other[0]}\nx\n{other[1]}\n",
        encoding="utf-8",
    )
    write_block(doc, "bench", "new table\n", title="B")
    assert doc.read_text(encoding="utf-8") == (
        f"# B\n\nintro\n{bench[0]}\nnew table\n{bench[1]}\n\n## By hand\nkept\n{other[0]}\nx\n{other[1]}\n"
    )


def test_a_file_without_markers_keeps_its_text_and_gets_the_block_after_it(tmp_path: Path) -> None:
    doc = tmp_path / "old.md"
    doc.write_text("# Old\n\nwritten by hand before the markers existed\n", encoding="utf-8")
    write_block(doc, "bench", "table", title="ignored")
    begin, end = markers("bench")
    assert doc.read_text(encoding="utf-8") == (
        f"# Old\n\nwritten by hand before the markers existed\n\n{begin}\ntable\n{end}\n"
    )
    new = tmp_path / "sub" / "new.md"
    write_block(new, "bench", "table", title="New")
    assert new.read_text(encoding="utf-8") == f"# New\n\n{begin}\ntable\n{end}\n"


def test_an_end_marker_before_the_begin_marker_is_not_a_block(tmp_path: Path) -> None:
    doc = tmp_path / "odd.md"
    begin, end = markers("bench")
    doc.write_text(f"{end}\nstray\n{begin}\n", encoding="utf-8")
    write_block(doc, "bench", "t\n", title="x")
    text = doc.read_text(encoding="utf-8")
    assert text.startswith(f"{end}\nstray\n{begin}\n") and text.endswith(f"{begin}\nt\n{end}\n")
