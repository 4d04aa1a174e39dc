"""Inputs that hold many documents: JSON Lines, JSON arrays and web archives (WARC)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimtrace.ids import sha256_bytes
from claimtrace.ingest.walk import open_regular
from claimtrace.records import Failure, RawPage

Item = RawPage | Failure
_TEXT_FIELDS = ("text", "content", "body", "maintext")
_HTML_FIELDS = ("html", "raw_html")


def read_jsonl(
    path: Path, max_bytes: int, data: bytes | None = None, key: str | None = None
) -> Iterator[Item]:
    name = key if key is not None else str(path)
    if data is not None:
        lines: Iterator[bytes | int] = iter(data.splitlines(keepends=True))
    else:
        lines = _file_lines(path, max_bytes)
    for number, line in enumerate(lines, start=1):
        source = f"{name}#L{number}"
        if isinstance(line, int) or len(line) > max_bytes:
            size = line if isinstance(line, int) else len(line)
            yield Failure(source, "parse", f"line of {size:,} bytes is over the limit")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Failure(source, "parse", f"invalid JSON: {exc}")
            continue
        except RecursionError:
            yield Failure(source, "parse", "JSON nested too deeply to parse")
            continue
        yield record_to_page(record, source, name, line.strip(), "jsonl")


def _file_lines(path: Path, max_bytes: int) -> Iterator[bytes | int]:
    """Each line's bytes, or, for a line over ``max_bytes``, its length: a file that is one
    endless line is read in bounded pieces, never held whole."""
    with open_regular(path) as handle:
        while line := handle.readline(max_bytes + 1):
            if len(line) <= max_bytes or line.endswith(b"\n"):
                yield line
                continue
            size = len(line)
            while (more := handle.readline(1 << 20)) and not more.endswith(b"\n"):
                size += len(more)
            yield size + len(more)


def read_json_array(source: str, path: str, data: bytes, max_bytes: int) -> Iterator[Item]:
    try:
        records = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Failure(source, "parse", f"invalid JSON: {exc}")
        return
    except RecursionError:
        yield Failure(source, "parse", "JSON nested too deeply to parse")
        return
    if not isinstance(records, list):
        yield Failure(source, "parse", "JSON document is not a list of articles")
        return
    for number, record in enumerate(records):
        item_source = f"{source}#{number}"
        try:
            raw = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        except RecursionError:
            yield Failure(item_source, "parse", "JSON nested too deeply to parse")
            continue
        yield record_to_page(record, item_source, path, raw, "json")


def _field(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def record_to_page(record: Any, source: str, path: str, original: bytes, container: str) -> Item:
    if not isinstance(record, dict):
        return Failure(source, "parse", f"expected a JSON object, got {type(record).__name__}")
    external_id = _field(record, "id", "_id", "uuid")
    if external_id is not None:
        source = f"{source.split('#')[0]}#id={external_id}"
    html = _field(record, *_HTML_FIELDS)
    text = _field(record, *_TEXT_FIELDS)
    if html is None and text is None:
        fields = "/".join(_TEXT_FIELDS + _HTML_FIELDS)
        return Failure(source, "parse", f"record has no {fields} field with content")
    return RawPage(
        source=source,
        path=path,
        sha256=sha256_bytes(original),
        format="text" if text is not None else "html",
        content=original,
        container=container,
        body=text if text is not None else html,
        encoding="utf-8",
        url=_field(record, "url", "link"),
        title=_field(record, "title", "headline"),
        published=_field(record, "published", "date", "published_at", "pubdate"),
        outlet=_field(record, "outlet", "source", "site", "sitename", "publisher"),
        author=_field(record, "author", "byline"),
        language=_field(record, "language", "lang"),
        external_id=external_id,
    )


def read_warc(path: Path, max_bytes: int, key: str | None = None) -> Iterator[Item]:
    """HTML and plain-text responses of a (possibly gzipped) WARC file.

    A truncated archive yields every complete record before the break, then a Failure.
    """
    name = key if key is not None else str(path)
    count = failed = 0
    broken: str | None = None
    with open_regular(path) as stream:
        try:
            for record in ArchiveIterator(stream):
                page = _warc_page(record, name, max_bytes)
                if page is None:
                    continue
                if isinstance(page, RawPage):
                    count += 1
                else:
                    failed += 1
                yield page
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
            broken = str(exc) or type(exc).__name__
    if broken is None:
        broken = gzip_damage(path)
    if broken is not None:
        reason = f"truncated or corrupt WARC after {count} document(s): {broken}"
        yield Failure(name, "read-warc", reason)
    elif count == failed == 0:
        yield Failure(name, "read-warc", "no HTML or text responses in the archive")


def gzip_damage(path: Path) -> str | None:
    """Why a (multi-member) gzip file is damaged, or None if it is whole or not gzip.

    warcio stops quietly at a cut-off gzip member, so the archive is checked on its own.
    """
    with open_regular(path) as handle:
        if handle.read(2) != b"\x1f\x8b":
            return None
        handle.seek(0)
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inside_member = False
        try:
            while chunk := handle.read(1 << 20):
                while chunk:
                    inside_member = True
                    decompressor.decompress(chunk, 1 << 16)
                    chunk = decompressor.unconsumed_tail
                    if decompressor.eof:
                        inside_member = False
                        chunk = decompressor.unused_data + chunk
                        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        except zlib.error as exc:
            return f"corrupt gzip data: {exc}"
    return "gzip stream ends before its end-of-stream marker" if inside_member else None


def _warc_page(record: Any, path: str, max_bytes: int) -> Item | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    if headers is not None and headers.get_statuscode() not in ("200", None):
        return None
    ctype = (
        headers.get_header("Content-Type") if headers else None
    ) or record.rec_headers.get_header("Content-Type", "")
    if "html" not in ctype and "text/plain" not in ctype:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID") or uri
    source = f"{path}#{record_id}"
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Failure(source, "read-warc", f"payload is over the {max_bytes:,}-byte limit")
    if getattr(record.raw_stream, "limit", 0):
        return Failure(source, "read-warc", "record is cut off before its declared length")
    if not payload.strip():
        return Failure(source, "read-warc", "empty payload")
    return RawPage(
        source=source,
        path=path,
        sha256=sha256_bytes(payload),
        format="html" if "html" in ctype else "text",
        content=payload,
        container="warc",
        url=uri,
    )
