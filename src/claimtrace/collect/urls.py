"""URL normalisation (courlan) and reading the URLs a user named, inline or in files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from courlan import normalize_url

from claimtrace.collect.records import Target
from claimtrace.records import Failure

_MAX_URL = 4096
_MAX_LIST_BYTES = 10_000_000


class BadURL(ValueError):
    pass


def normalise(url: str, base: str | None = None) -> str:
    """The URL as stored and compared: absolute, http(s) only, lower-case host, default port
    and fragment dropped, tracking parameters removed and the query sorted (courlan)."""
    url = url.strip()
    if base is not None:
        url = urljoin(base, url)
    if len(url) > _MAX_URL:
        raise BadURL(f"URL of {len(url):,} characters is too long")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise BadURL(f"not an http(s) URL: {url[:200]!r}")
    if not parts.hostname:
        raise BadURL(f"URL without a host: {url[:200]!r}")
    try:
        cleaned = normalize_url(urldefrag(url)[0])
    except (ValueError, UnicodeError) as exc:
        raise BadURL(f"malformed URL {url[:200]!r}: {exc}") from exc
    return str(cleaned)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def read_targets(inputs: Iterable[str]) -> Iterator[Target | Failure]:
    """A Target for each URL named, or in a named file (one URL a line, ``#`` comments);
    a Failure naming each input that is neither."""
    for item in inputs:
        if urlsplit(item.strip()).scheme.lower() in ("http", "https"):
            yield _target(item, item)
            continue
        path = Path(item)
        if not path.is_file():
            yield Failure(item, "fetch", "neither an http(s) URL nor a file of URLs")
            continue
        try:
            with path.open("rb") as handle:
                data = handle.read(_MAX_LIST_BYTES + 1)
        except OSError as exc:
            yield Failure(item, "read", exc.strerror or str(exc))
            continue
        if len(data) > _MAX_LIST_BYTES:
            yield Failure(item, "read", f"a URL list over {_MAX_LIST_BYTES:,} bytes")
            continue
        text = data.decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield _target(line, f"{item}#L{number}")


def _target(url: str, where: str) -> Target | Failure:
    try:
        return Target(normalise(url))
    except BadURL as exc:
        return Failure(where, "fetch", str(exc))
