"""Generated blocks inside hand-written Markdown: a tool rewrites its block, never the prose around it.

``make eval`` and ``make bench`` write tables into documents that also hold text written by people
(what a figure means, what was tried before, sections other tools add). Each tool owns the lines
between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->`` of its file; a file without the markers gets
them around the new block, after the prose already there, so nothing written by hand is lost.
"""

from __future__ import annotations

from pathlib import Path


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:begin -->", f"<!-- {name}:end -->"


def write_block(out: Path, name: str, text: str, *, title: str) -> None:
    """Put ``text`` between the ``name`` markers of ``out``; a new file starts with ``# title``."""
    begin, end = markers(name)
    block = f"{begin}\n{text}{'' if text.endswith(chr(10)) else chr(10)}{end}"
    current = out.read_text(encoding="utf-8") if out.is_file() else None
    if current is not None and begin in current and end in current.split(begin, 1)[1]:
        before, rest = current.split(begin, 1)
        out.write_text(before + block + rest.split(end, 1)[1], encoding="utf-8")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    if current is None:
        out.write_text(f"# {title}\n\n{block}\n", encoding="utf-8")
    else:
        out.write_text(current.rstrip("\n") + "\n\n" + block + "\n", encoding="utf-8")
