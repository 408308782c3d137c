"""robots.txt, read as RFC 9309 says: a missing file allows everything, an unreachable one nothing.

Python's ``urllib.robotparser`` does the matching; what it does not do is decide what a failed
fetch means. RFC 9309 §2.3.1: a 4xx answer means there are no rules (crawl freely); a 5xx answer or
no answer means the site cannot say, so assume everything is disallowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

#: The product token matched against ``User-agent:`` lines.
AGENT = "kgpub"


@dataclass(frozen=True)
class Robots:
    """The rules of one site (``origin`` is ``scheme://host[:port]``)."""

    origin: str
    parser: RobotFileParser | None  # None: no rules, everything allowed
    refused_because: str | None = None  # set: the file was unreachable, everything is disallowed

    def allowed(self, url: str) -> bool:
        if self.refused_because:
            return False
        return self.parser is None or self.parser.can_fetch(AGENT, url)

    def crawl_delay(self) -> float | None:
        """The ``Crawl-delay`` the site asks of us, when it gives one."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(AGENT)
        return float(delay) if delay is not None else None


def parse_robots(origin: str, status: int | None, text: str, problem: str = "") -> Robots:
    """Rules from the answer to ``GET origin/robots.txt`` (``status`` None: no answer at all)."""
    if status is not None and 200 <= status < 300:
        parser = RobotFileParser(f"{origin}/robots.txt")
        parser.parse(text.splitlines())
        return Robots(origin, parser)
    if status is not None and 400 <= status < 500:
        return Robots(origin, None)
    why = f"HTTP {status}" if status is not None else problem or "no answer"
    return Robots(origin, None, refused_because=f"{origin}/robots.txt could not be read ({why})")
