"""Turn every input record below the paths a user named into a RawPage or a Failure.

No exception raised while reading one input escapes it: whatever a reader or a library
parser throws on a hostile file becomes that file's Failure, and the batch goes on.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimtrace.ids import sha256_bytes
from claimtrace.ingest.containers import read_json_array, read_jsonl, read_warc
from claimtrace.ingest.decode import NotTextError, decode_bytes
from claimtrace.ingest.sniff import binary_kind, sniff
from claimtrace.ingest.walk import iter_files, open_regular, source_key
from claimtrace.records import Failure, RawPage

Item = RawPage | Failure
_HEAD = 65536
STDIN = "-"


def read_inputs(
    paths: Iterable[str | Path], max_bytes: int, exclude: frozenset[str] = frozenset()
) -> Iterator[Item]:
    """Every record below ``paths``; ``-`` reads one input (any format but WARC) from stdin."""
    paths = list(paths)
    if STDIN in paths:
        paths.remove(STDIN)
        yield from _guarded("<stdin>", _read_stdin(max_bytes))
    for entry in iter_files(paths, exclude):
        if isinstance(entry, Failure):
            yield entry
        else:
            yield from _guarded(entry.key, read_file(entry.path, max_bytes, entry.key))


def _guarded(key: str, items: Iterator[Item]) -> Iterator[Item]:
    """The items of one input, then a Failure for whatever exception stopped its reader."""
    try:
        yield from items
    except OSError as exc:
        yield Failure(key, "read", exc.strerror or str(exc))
    except RecursionError:
        yield Failure(key, "parse", "nested too deeply to parse")
    except MemoryError:
        yield Failure(key, "read", "too large to hold in memory")
    except Exception as exc:  # a library parser's surprise on hostile bytes
        yield Failure(key, "read", f"{type(exc).__name__}: {exc}")


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if not data.strip():
        yield Failure("<stdin>", "read", "empty input")
    elif sniff(data[:_HEAD]) == "gzip":
        yield from _read_gzip("<stdin>", data, max_bytes)
    elif sniff(data[:_HEAD]) == "jsonl":
        yield from read_jsonl(Path("<stdin>"), max_bytes, data=data)
    else:
        yield from pages_from_bytes("<stdin>", "<stdin>", data, max_bytes)


def read_file(path: Path, max_bytes: int, key: str | None = None) -> Iterator[Item]:
    source = key if key is not None else source_key(path)
    with open_regular(path) as handle:
        head = handle.read(_HEAD)
        size = os.fstat(handle.fileno()).st_size
    if not head:
        yield Failure(source, "read", "empty file")
        return
    kind = sniff(head)
    if kind == "warc" or (kind == "gzip" and _gzip_head(path).startswith(b"WARC/")):
        yield from read_warc(path, max_bytes, source)
        return
    if kind == "jsonl":
        yield from read_jsonl(path, max_bytes, key=source)
        return
    if size > max_bytes:  # a gzip this large would decompress to more still
        yield Failure(source, "read", f"{size:,} bytes is over the {max_bytes:,}-byte limit")
        return
    with open_regular(path) as handle:
        data = handle.read(max_bytes + 1)
    if kind == "gzip":
        yield from _read_gzip(source, data, max_bytes)
        return
    yield from pages_from_bytes(source, source, data, max_bytes)


def pages_from_bytes(source: str, path: str, data: bytes, max_bytes: int) -> Iterator[Item]:
    """A standalone document (HTML or text) or a JSON array of documents."""
    if len(data) > max_bytes:
        yield Failure(source, "read", f"{len(data):,} bytes is over the {max_bytes:,}-byte limit")
        return
    kind = sniff(data[:_HEAD])
    if kind == "binary":
        yield Failure(source, "detect", f"not a text document: {binary_kind(data[:_HEAD])}")
        return
    if kind == "json":
        yield from read_json_array(source, path, data, max_bytes)
        return
    if kind == "jsonl":
        kind = "text"  # a lone "{" line that is not JSON Lines: read it as text
    sha = sha256_bytes(data)
    if kind == "html":
        yield RawPage(source=source, path=path, sha256=sha, format="html", content=data)
        return
    try:
        text, encoding, warnings = decode_bytes(data)
    except NotTextError as exc:
        yield Failure(source, "detect", f"not a text document: {exc}")
        return
    yield RawPage(
        source=source,
        path=path,
        sha256=sha,
        format="text",
        content=data,
        body=text,
        encoding=encoding,
        warnings=warnings,
    )


def _gzip_head(path: Path) -> bytes:
    try:
        with open_regular(path) as raw, gzip.open(raw, "rb") as handle:
            return handle.read(16)
    except (OSError, EOFError, zlib.error):
        return b""


def _read_gzip(source: str, data: bytes, max_bytes: int) -> Iterator[Item]:
    try:
        inner = _gunzip(data, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(source, "decompress", f"corrupt or truncated gzip: {exc}")
        return
    except ValueError as exc:
        yield Failure(source, "decompress", str(exc))
        return
    if sniff(inner[:_HEAD]) == "jsonl":
        yield from read_jsonl(Path(source), max_bytes, data=inner, key=source)
        return
    yield from pages_from_bytes(source, source, inner, max_bytes)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress at most ``max_bytes``: a gzip bomb fails at the limit, not at the RAM's."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = decompressor.decompress(data, max_bytes + 1)
    if len(out) > max_bytes:
        raise ValueError(f"decompresses to over the {max_bytes:,}-byte limit")
    if not decompressor.eof:
        raise EOFError("compressed file ended before the end-of-stream marker")
    return out
