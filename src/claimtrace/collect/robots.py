"""robots.txt per host, read with Protego (Google's rules: wildcards, Allow, Crawl-delay).

RFC 9309: a robots.txt that does not exist (4xx) allows everything; one that cannot be
read (5xx, a network error, a timeout) disallows everything for this run.
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego


@dataclass(frozen=True)
class Rules:
    parser: Protego | None  # None: no robots.txt, everything allowed
    unreachable: str | None = None  # why robots.txt could not be read: nothing allowed

    def allows(self, url: str, user_agent: str) -> bool:
        if self.unreachable is not None:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, user_agent))

    def delay(self, user_agent: str) -> float:
        if self.parser is None:
            return 0.0
        value = self.parser.crawl_delay(user_agent)
        return min(float(value), 60.0) if value else 0.0


def rules_from(status: int | None, body: bytes, error: str | None) -> Rules:
    if error is not None:
        return Rules(None, f"robots.txt could not be read: {error}")
    if status is not None and 400 <= status < 500:
        return Rules(None)
    if status != 200:
        return Rules(None, f"robots.txt could not be read (HTTP {status})")
    try:
        return Rules(Protego.parse(body.decode("utf-8", errors="replace")))
    except Exception:  # a robots.txt Protego cannot read is treated as none
        return Rules(None)
