"""The sources `claimtrace watch` polls, read from a TOML file:

[[source]]
url = "https://example.org/rss.xml"
kind = "feed"          # feed | sitemap | page | robots (optional: told by the response;
                       # a robots.txt is read for the sitemaps it announces)
language = "de"        # a hint for language detection (optional)
label = "Example DE"   # how summaries name it (optional: the URL)
interval = "15m"       # how often (optional: --every, else 30m)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrace.collect.urls import BadURL, normalise
from claimtrace.errors import ClaimtraceError
from claimtrace.records import Failure

DEFAULT_INTERVAL = 1800.0
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")
_KINDS = ("feed", "sitemap", "page", "robots")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Source:
    url: str
    label: str
    kind: str | None = None
    language: str | None = None
    interval: float = DEFAULT_INTERVAL

    def to_row(self) -> dict[str, Any]:
        return {"url": self.url, "label": self.label, "kind": self.kind,
                "language": self.language, "interval_s": self.interval}  # fmt: skip


def parse_duration(value: Any) -> float:
    """Seconds in "90s", "30m", "1h30m", "2d", or a number of seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    text = str(value).strip().lower()
    parts = _DURATION.findall(text)
    if not parts or _DURATION.sub("", text).strip():
        raise ValueError(f"not a duration like 90s, 30m, 1h30m or 2d: {value!r}")
    seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"a duration must be longer than 0: {value!r}")
    return seconds


def load_sources(
    path: str | Path, interval: float | None = None
) -> tuple[list[Source], list[Failure]]:
    """The file's sources, and a Failure for each entry that cannot be used (the rest are
    still watched). A file that cannot be read as TOML is an error."""
    try:
        data = tomllib.loads(Path(path).read_bytes().decode("utf-8"))
    except OSError as exc:
        raise ClaimtraceError(f"cannot read sources file {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ClaimtraceError(f"sources file {path} is not valid TOML: {exc}") from exc
    entries = data.get("source", data.get("sources"))
    if not isinstance(entries, list) or not entries:
        raise ClaimtraceError(f"sources file {path} has no [[source]] tables")
    sources: list[Source] = []
    problems: list[Failure] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path}#source{number}"
        try:
            source = _source(entry, interval)
        except ValueError as exc:
            problems.append(Failure(where, "watch", str(exc)))
            continue
        if source.url in seen:
            problems.append(Failure(where, "watch", f"{source.url} is listed twice"))
            continue
        seen.add(source.url)
        sources.append(source)
    return sources, problems


def _source(entry: Any, interval: float | None) -> Source:
    if not isinstance(entry, dict):
        raise ValueError("a source must be a table with a url")
    unknown = set(entry) - {"url", "kind", "language", "label", "interval"}
    if unknown:
        raise ValueError(f"unknown key(s): {', '.join(sorted(unknown))}")
    url = entry.get("url")
    if not isinstance(url, str):
        raise ValueError("a source needs a url")
    try:
        url = normalise(url)
    except BadURL as exc:
        raise ValueError(str(exc)) from exc
    kind = entry.get("kind")
    if kind is not None and kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {kind!r}")
    language = entry.get("language")
    if language is not None and (not isinstance(language, str) or not _LANGUAGE.match(language)):
        raise ValueError(f"language must be an ISO 639-1 code, not {language!r}")
    label = entry.get("label", url)
    if not isinstance(label, str) or not label.strip():
        raise ValueError("label must be a non-empty string")
    every = entry.get("interval")
    seconds = parse_duration(every) if every is not None else interval or DEFAULT_INTERVAL
    return Source(url, label.strip(), kind, language, seconds)
