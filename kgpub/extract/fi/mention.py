"""A body mention: the tokens of a sentence that name (or refer back to) a body, and its base-form name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mention:
    """Tokens ``first..last`` (inclusive) name a body; ``head`` carries its case."""

    name: str
    kind: str
    word: str
    first: int
    head: int
    last: int
    case: str | None
    strong: bool
    bare: bool
    generic: bool = False
    owner: Mention | None = None
    place: str | None = None
    aliases: tuple[str, ...] = field(default=())
    descriptors: tuple[str, ...] = field(default=())
    core: str = ""

    def split(self) -> list[str]:
        """Names of a plural class word with coordinated descriptors: "yksilöasioiden ja
        ympäristöterveydenhuollon jaostot" are "yksilöasioiden jaosto" and "ympäristöterveydenhuollon
        jaosto"."""
        if "ja" not in self.descriptors:
            return [self.name]
        parts = " ".join(self.descriptors).split(" ja ")
        return [f"{d} {self.core}" for d in parts if d]

    @property
    def named(self) -> bool:
        """Names a body by itself (not a bare class word, not a generic plural)."""
        return not self.bare and not self.generic

    @property
    def municipality(self) -> bool:
        return self.kind == "municipality"


#: Whether a name is a body recorded earlier on the page.
Known = Callable[[str], bool]
